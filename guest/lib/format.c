/* The printf formatting engine: parses one conversion at a time into a
 * spec, then emits sign, prefix, padding and digits through a put callback,
 * so printf, snprintf and friends differ only in where characters go. */
#include <stdbool.h>
#include <stdint.h>
#include "internal.h"

enum length { LEN_HH, LEN_H, LEN_INT, LEN_LONG };

struct spec {
	bool left, plus, space, alt, zero;
	int width;	/* 0: none */
	int prec;	/* -1: none */
	enum length len;
	char conv;
};

struct out {
	void (*put)(void *ctx, char c);
	void *ctx;
	int count;
	va_list ap;
};

static void emit(struct out *o, char c)
{
	o->put(o->ctx, c);
	o->count++;
}

static void emit_repeat(struct out *o, char c, int n)
{
	while (n-- > 0)
		emit(o, c);
}

/* Reads a decimal number or '*' (an int argument) at *p. */
static int parse_number(struct out *o, const char **p)
{
	int n = 0;

	if (**p == '*') {
		(*p)++;
		return va_arg(o->ap, int);
	}
	while (**p >= '0' && **p <= '9')
		n = n * 10 + (*(*p)++ - '0');
	return n;
}

/* Parses flags, width, precision and length after a '%'; *p ends after the
 * conversion character. */
static void parse_spec(struct out *o, const char **p, struct spec *s)
{
	*s = (struct spec){ .prec = -1, .len = LEN_INT };
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
		s->width = -s->width;
	}
	if (**p == '.') {
		(*p)++;
		s->prec = parse_number(o, p);
		if (s->prec < 0)
			s->prec = -1;
	}
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
	}
	s->conv = **p ? *(*p)++ : '\0';
}

/* Emits s (n bytes) padded to the spec's width. */
static void emit_text(struct out *o, const struct spec *s, const char *str, int n)
{
	if (!s->left)
		emit_repeat(o, ' ', s->width - n);
	for (int i = 0; i < n; i++)
		emit(o, str[i]);
	if (s->left)
		emit_repeat(o, ' ', s->width - n);
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
static void emit_int(struct out *o, const struct spec *s, uint64_t v, bool neg)
{
	const char *digits = s->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned base = base_of(s->conv);
	char buf[24], prefix[3] = "";
	int n = 0, plen, zeros, pad;

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
	pad = s->width - plen - zeros - n;
	if (s->zero && !s->left && s->prec < 0 && pad > 0) {
		zeros += pad;
		pad = 0;
	}
	if (!s->left)
		emit_repeat(o, ' ', pad);
	for (int i = 0; i < plen; i++)
		emit(o, prefix[i]);
	emit_repeat(o, '0', zeros);
	while (n)
		emit(o, buf[--n]);
	if (s->left)
		emit_repeat(o, ' ', pad);
}

static int64_t signed_arg(struct out *o, enum length len)
{
	switch (len) {
	case LEN_HH: return (signed char)va_arg(o->ap, int);
	case LEN_H: return (short)va_arg(o->ap, int);
	case LEN_INT: return va_arg(o->ap, int);
	default: return va_arg(o->ap, long);
	}
}

static uint64_t unsigned_arg(struct out *o, enum length len)
{
	switch (len) {
	case LEN_HH: return (unsigned char)va_arg(o->ap, unsigned);
	case LEN_H: return (unsigned short)va_arg(o->ap, unsigned);
	case LEN_INT: return va_arg(o->ap, unsigned);
	default: return va_arg(o->ap, unsigned long);
	}
}

/* Emits one parsed conversion. */
static void convert(struct out *o, struct spec *s)
{
	switch (s->conv) {
	case 'd': case 'i': {
		int64_t v = signed_arg(o, s->len);
		emit_int(o, s, v < 0 ? -(uint64_t)v : (uint64_t)v, v < 0);
		break;
	}
	case 'u': case 'x': case 'X': case 'o':
		s->plus = s->space = false;
		emit_int(o, s, unsigned_arg(o, s->len), false);
		break;
	case 'p': {
		void *p = va_arg(o->ap, void *);
		s->alt = true;
		s->plus = s->space = false;
		if (p)
			emit_int(o, s, (uintptr_t)p, false);
		else
			emit_text(o, s, "(nil)", 5);
		break;
	}
	case 'c': {
		char c = (char)va_arg(o->ap, int);
		emit_text(o, s, &c, 1);
		break;
	}
	case 's': {
		const char *str = va_arg(o->ap, const char *);
		int n = 0;
		if (!str)
			str = "(null)";
		while (str[n] && (s->prec < 0 || n < s->prec))
			n++;
		emit_text(o, s, str, n);
		break;
	}
	case '%':
		emit(o, '%');
		break;
	default:	/* unknown: print it as written (the flags are lost) */
		emit(o, '%');
		if (s->conv)
			emit(o, s->conv);
	}
}

int format(void (*put)(void *ctx, char c), void *ctx, const char *fmt, va_list ap)
{
	struct out o = { .put = put, .ctx = ctx };
	struct spec s;

	va_copy(o.ap, ap);
	while (*fmt) {
		if (*fmt != '%') {
			emit(&o, *fmt++);
			continue;
		}
		fmt++;
		parse_spec(&o, &fmt, &s);
		convert(&o, &s);
	}
	va_end(o.ap);
	return o.count;
}
