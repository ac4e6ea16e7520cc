/* xv6's kernel/fcntl.h: open() flags (vmlab's xv6 open always fails). */
#ifndef VMLAB_XV6_FCNTL_H
#define VMLAB_XV6_FCNTL_H

#define O_RDONLY  0x000
#define O_WRONLY  0x001
#define O_RDWR    0x002
#define O_CREATE  0x200
#define O_TRUNC   0x400

#endif
