/* Private helpers of the guest runtime. */
#ifndef GUEST_LIB_INTERNAL_H
#define GUEST_LIB_INTERNAL_H

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <vmlab/syscall.h>

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

/* The formatting engine behind every printf: calls put(ctx, c) for each
 * output character and returns how many characters were produced. */
int format(void (*put)(void *ctx, char c), void *ctx, const char *fmt, va_list ap);

/* FORMAT_C is C's printf; FORMAT_XV6 is xv6's, where %p always prints 0x
 * and 16 hex digits (0x0000000000003fd0). */
enum format_mode { FORMAT_C, FORMAT_XV6 };
int format_as(void (*put)(void *ctx, char c), void *ctx, enum format_mode mode,
	      const char *fmt, va_list ap);

#endif
