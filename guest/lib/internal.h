/* Private helpers of the guest runtime. */
#ifndef GUEST_LIB_INTERNAL_H
#define GUEST_LIB_INTERNAL_H

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <vmlab/syscall.h>
#include "format.h"

/* Turns a raw system-call result into the POSIX convention: results in
 * -4095..-1 set errno and become -1; anything else is returned as is. */
static inline long sysret(long r)
{
	if (r < 0 && r > -4096) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

#endif
