/* errno: set by the runtime's system-call wrappers when a call fails. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <vmlab/syscall.h>

extern int errno;

#define EPERM    GUEST_EPERM
#define ENOENT   GUEST_ENOENT
#define ESRCH    GUEST_ESRCH
#define EINTR    GUEST_EINTR
#define E2BIG    GUEST_E2BIG
#define ENOEXEC  GUEST_ENOEXEC
#define EBADF    GUEST_EBADF
#define ECHILD   GUEST_ECHILD
#define EAGAIN   GUEST_EAGAIN
#define ENOMEM   GUEST_ENOMEM
#define EACCES   GUEST_EACCES
#define EFAULT   GUEST_EFAULT
#define EINVAL   GUEST_EINVAL
#define ENOSYS   GUEST_ENOSYS

/* Set only by the runtime itself (never returned by the kernel). */
#define EDOM     33	/* math argument out of domain */
#define ERANGE   34	/* strtol and friends: the number does not fit */

#endif
