/* The printf formatting engine: parses one conversion at a time into a
 * spec, then emits sign, prefix, padding and digits through a put callback,
 * so printf, snprintf and friends differ only in where characters go. The
 * floating-point conversions are in format_float.c. A conversion the
 * runtime does not support ends the output with a marker and makes the call
 * return -1, never prints as if it had worked. */
#include <limits.h>
#include <stdint.h>
#include "format.h"

#define NUMBER_MAX 100000000	/* widths and precisions beyond it are refused */

struct out {
	struct format_out o;
	enum format_mode mode;
	va_list ap;
};

void format_emit(struct format_out *o, char c)
{
	o->put(o->ctx, c);
	o->count++;
}

void format_emit_repeat(struct format_out *o, char c, long n)
{
	while (n-- > 0)
		format_emit(o, c);
}

/* Reads a decimal number or '*' (an int argument) at *p; a number beyond
 * NUMBER_MAX reads as NUMBER_MAX + 1. */
static int parse_number(struct out *o, const char **p)
{
	int n = 0;

	if (**p == '*') {
		(*p)++;
		return va_arg(o->ap, int);
	}
	while (**p >= '0' && **p <= '9') {
		n = n > NUMBER_MAX ? n : n * 10 + (**p - '0');
		(*p)++;
	}
	return n > NUMBER_MAX ? NUMBER_MAX + 1 : n;
}

static void parse_length(const char **p, struct format_spec *s)
{
	if (**p == 'h') {
		(*p)++;
		s->len = LEN_H;
		if (**p == 'h') {
			(*p)++;
			s->len = LEN_HH;
		}
	} else if (**p == 'l' || **p == 'z' || **p == 'j' || **p == 't') {
		if (*(*p)++ == 'l' && **p == 'l')
			(*p)++;
		s->len = LEN_LONG;
	} else if (**p == 'L') {
		(*p)++;
		s->len = LEN_LONG_DOUBLE;
	}
}

/* Parses flags, width, precision and length after a '%'; *p ends after the
 * conversion character (or on the string's end). */
static void parse_spec(struct out *o, const char **p, struct format_spec *s)
{
	*s = (struct format_spec){ .prec = -1, .len = LEN_INT };
	for (;; (*p)++) {
		if (**p == '-') s->left = true;
		else if (**p == '+') s->plus = true;
		else if (**p == ' ') s->space = true;
		else if (**p == '#') s->alt = true;
		else if (**p == '0') s->zero = true;
		else break;
	}
	s->width = parse_number(o, p);
	if (s->width < 0) {		/* a negative * width means left-aligned */
		s->left = true;
		s->width = s->width == INT_MIN ? INT_MAX : -s->width;
	}
	if (**p == '.') {
		(*p)++;
		s->prec = parse_number(o, p);
		if (s->prec < 0)
			s->prec = -1;
	}
	parse_length(p, s);
	s->conv = **p ? *(*p)++ : '\0';
}

/* Emits s (n bytes) padded to the spec's width. */
static void emit_text(struct format_out *o, const struct format_spec *s, const char *str, int n)
{
	if (!s->left)
		format_emit_repeat(o, ' ', (long)s->width - n);
	for (int i = 0; i < n; i++)
		format_emit(o, str[i]);
	if (s->left)
		format_emit_repeat(o, ' ', (long)s->width - n);
}

static unsigned base_of(char conv)
{
	if (conv == 'o')
		return 8;
	if (conv == 'x' || conv == 'X' || conv == 'p')
		return 16;
	return 10;
}

/* Emits an integer with magnitude v: prefix (sign or 0x), zeros up to the
 * precision, and padding (zeros after the prefix, or spaces) up to the width. */
static void emit_int(struct format_out *o, const struct format_spec *s, uint64_t v, bool neg)
{
	const char *digits = s->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned base = base_of(s->conv);
	char buf[24], prefix[3] = "";
	int n = 0, plen;
	long zeros, pad;

	for (uint64_t x = v; x; x /= base)
		buf[n++] = digits[x % base];
	if (v == 0 && s->prec != 0)
		buf[n++] = '0';
	if (neg || s->plus || s->space)
		prefix[0] = neg ? '-' : s->plus ? '+' : ' ';
	else if (s->alt && base == 16 && (v || s->conv == 'p')) {
		prefix[0] = '0';
		prefix[1] = s->conv == 'X' ? 'X' : 'x';
	} else if (s->alt && base == 8 && (n == 0 || buf[n - 1] != '0') && s->prec <= n)
		buf[n++] = '0';
	plen = prefix[1] ? 2 : prefix[0] ? 1 : 0;
	zeros = s->prec > n ? s->prec - n : 0;
	pad = (long)s->width - plen - zeros - n;
	if (s->zero && !s->left && s->prec < 0 && pad > 0) {
		zeros += pad;
		pad = 0;
	}
	if (!s->left)
		format_emit_repeat(o, ' ', pad);
	for (int i = 0; i < plen; i++)
		format_emit(o, prefix[i]);
	format_emit_repeat(o, '0', zeros);
	while (n)
		format_emit(o, buf[--n]);
	if (s->left)
		format_emit_repeat(o, ' ', pad);
}

static int64_t signed_arg(struct out *o, enum format_length len)
{
	switch (len) {
	case LEN_HH: return (signed char)va_arg(o->ap, int);
	case LEN_H: return (short)va_arg(o->ap, int);
	case LEN_INT: return va_arg(o->ap, int);
	default: return va_arg(o->ap, long);
	}
}

static uint64_t unsigned_arg(struct out *o, enum format_length len)
{
	switch (len) {
	case LEN_HH: return (unsigned char)va_arg(o->ap, unsigned);
	case LEN_H: return (unsigned short)va_arg(o->ap, unsigned);
	case LEN_INT: return va_arg(o->ap, unsigned);
	default: return va_arg(o->ap, unsigned long);
	}
}

static void convert_pointer(struct out *o, struct format_spec *s)
{
	void *p = va_arg(o->ap, void *);
	s->alt = true;
	s->plus = s->space = false;
	if (o->mode == FORMAT_XV6) {	/* xv6: always 0x and 16 digits */
		s->prec = 16;
		s->zero = false;
		emit_int(&o->o, s, (uintptr_t)p, false);
	} else if (p)
		emit_int(&o->o, s, (uintptr_t)p, false);
	else
		emit_text(&o->o, s, "(nil)", 5);
}

static void convert_string(struct out *o, const struct format_spec *s)
{
	const char *str = va_arg(o->ap, const char *);
	int n = 0;
	if (!str)
		str = "(null)";
	while (str[n] && (s->prec < 0 || n < s->prec))
		n++;
	emit_text(&o->o, s, str, n);
}

/* Whether the runtime implements the spec's conversion with its length
 * modifier (L only on floating point, no wide %lc or %ls, no %n). */
static bool supported(const struct format_spec *s)
{
	switch (s->conv) {
	case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
		return s->len != LEN_LONG_DOUBLE;
	case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
		return s->len != LEN_LONG_DOUBLE && s->len != LEN_HH && s->len != LEN_H;
	case 'c': case 's': case 'p':
		return s->len == LEN_INT;
	case '%':
		return true;
	default:
		return false;
	}
}

/* Emits one parsed, supported conversion. */
static void convert(struct out *o, struct format_spec *s)
{
	switch (s->conv) {
	case 'd': case 'i': {
		int64_t v = signed_arg(o, s->len);
		emit_int(&o->o, s, v < 0 ? -(uint64_t)v : (uint64_t)v, v < 0);
		break;
	}
	case 'u': case 'x': case 'X': case 'o':
		s->plus = s->space = false;
		emit_int(&o->o, s, unsigned_arg(o, s->len), false);
		break;
	case 'p':
		convert_pointer(o, s);
		break;
	case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': case 'a': case 'A':
		format_double(&o->o, s, va_arg(o->ap, double));
		break;
	case 'c': {
		char c = (char)va_arg(o->ap, int);
		emit_text(&o->o, s, &c, 1);
		break;
	}
	case 's':
		convert_string(o, s);
		break;
	default:	/* '%' */
		format_emit(&o->o, '%');
	}
}

/* The marker of an unsupported conversion: "%!" and the conversion as
 * written (from start, just after its '%'), then "(unsupported)". */
static void emit_unsupported(struct format_out *o, const char *start, const char *end)
{
	static const char tail[] = "(unsupported)";
	format_emit(o, '%');
	format_emit(o, '!');
	for (const char *p = start; p < end; p++)
		format_emit(o, *p);
	for (const char *p = tail; *p; p++)
		format_emit(o, *p);
}

int format(void (*put)(void *ctx, char c), void *ctx, const char *fmt, va_list ap)
{
	return format_as(put, ctx, FORMAT_C, fmt, ap);
}

int format_as(void (*put)(void *ctx, char c), void *ctx, enum format_mode mode,
	      const char *fmt, va_list ap)
{
	struct out o = { .o = { .put = put, .ctx = ctx }, .mode = mode };
	struct format_spec s;
	int result = 0;

	va_copy(o.ap, ap);
	while (*fmt) {
		if (*fmt != '%') {
			format_emit(&o.o, *fmt++);
			continue;
		}
		const char *start = ++fmt;
		parse_spec(&o, &fmt, &s);
		if (!supported(&s) || s.width > NUMBER_MAX || s.prec > NUMBER_MAX) {
			emit_unsupported(&o.o, start, fmt);
			result = -1;
			break;
		}
		convert(&o, &s);
	}
	va_end(o.ap);
	if (result == 0)
		result = o.o.count > INT_MAX ? -1 : (int)o.o.count;
	return result;
}
