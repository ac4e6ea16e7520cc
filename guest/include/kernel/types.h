/* xv6's kernel/types.h: the fixed-size integer names xv6 programs use. */
#ifndef VMLAB_XV6_TYPES_H
#define VMLAB_XV6_TYPES_H

typedef unsigned int uint;
typedef unsigned short ushort;
typedef unsigned char uchar;

typedef unsigned char uint8;
typedef unsigned short uint16;
typedef unsigned int uint32;
typedef unsigned long uint64;

typedef uint64 pde_t;

#endif
