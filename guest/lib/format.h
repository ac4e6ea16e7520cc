/* The printf formatting engine of the guest runtime, shared by its two
 * files (format.c: conversions, integers, strings; format_float.c: the
 * floating-point conversions). Plain C with no system calls, so the tests
 * also build it for the host and compare it with glibc (tests/test_format.c). */
#ifndef GUEST_LIB_FORMAT_H
#define GUEST_LIB_FORMAT_H

#include <stdarg.h>
#include <stdbool.h>

/* FORMAT_C is C's printf; FORMAT_XV6 is xv6's, where %p always prints 0x
 * and 16 hex digits (0x0000000000003fd0). */
enum format_mode { FORMAT_C, FORMAT_XV6 };

/* Formats like printf, calling put(ctx, c) for each output character.
 * Returns how many characters were produced, or -1 when the format has a
 * conversion the runtime does not support: then the output ends with
 * "%!" and the conversion as written, then "(unsupported)" (the arguments
 * after it cannot be located, so nothing more is formatted). */
int format(void (*put)(void *ctx, char c), void *ctx, const char *fmt, va_list ap);
int format_as(void (*put)(void *ctx, char c), void *ctx, enum format_mode mode,
	      const char *fmt, va_list ap);

/* ---- between format.c and format_float.c ---- */

/* The length modifiers: hh, h, none, l (ll, z, j and t alike on RV64 and
 * x86-64), L. */
enum format_length { LEN_HH, LEN_H, LEN_INT, LEN_LONG, LEN_LONG_DOUBLE };

struct format_spec {
	bool left, plus, space, alt, zero;
	int width;	/* 0: none */
	int prec;	/* -1: none */
	enum format_length len;
	char conv;	/* f F e E g G a A for format_double */
};

struct format_out {
	void (*put)(void *ctx, char c);
	void *ctx;
	long count;
};

void format_emit(struct format_out *o, char c);
void format_emit_repeat(struct format_out *o, char c, long n);

/* Emits v for one of the conversions f F e E g G a A under the spec's
 * flags, width and precision, exactly as C99 (7.19.6.1) and glibc print it. */
void format_double(struct format_out *o, const struct format_spec *s, double v);

#endif
