/* Basic system types of the vmlab guest runtime (Linux RV64 LP64 sizes). */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>

typedef int pid_t;
typedef long ssize_t;
typedef long off_t;
typedef long time_t;
typedef long suseconds_t;
typedef int clockid_t;
typedef unsigned int mode_t;
typedef unsigned int useconds_t;
typedef unsigned long dev_t;
typedef unsigned long ino_t;
typedef unsigned int nlink_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef int blksize_t;
typedef long blkcnt_t;

#endif
