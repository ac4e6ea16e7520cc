/* The printf formatting engine: parses one conversion at a time into a
 * spec, then emits sign, prefix, padding and digits through a put callback,
 * so printf, snprintf and friends differ only in where characters go.
 * %f is exact, by a small big-number conversion of the double's bits (no
 * floating-point arithmetic), so its digits match glibc's. */
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
	enum format_mode mode;
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

/* A small unsigned big number, little-endian 32-bit words: enough for any
 * double's integer part (up to 2^1024) or fraction (up to 1074 bits). */
struct big {
	uint32_t w[36];
	int n;		/* words in use; 0 is the number zero */
};

static void big_set(struct big *b, uint64_t v)
{
	b->w[0] = (uint32_t)v;
	b->w[1] = (uint32_t)(v >> 32);
	b->n = v >> 32 ? 2 : v ? 1 : 0;
}

/* b = b * m + add (callers keep b below 2^1152). */
static void big_mul_add(struct big *b, uint32_t m, uint32_t add)
{
	uint64_t carry = add;

	for (int i = 0; i < b->n; i++) {
		uint64_t t = (uint64_t)b->w[i] * m + carry;
		b->w[i] = (uint32_t)t;
		carry = t >> 32;
	}
	if (carry)
		b->w[b->n++] = (uint32_t)carry;
}

/* b = b / d; returns the remainder. */
static uint32_t big_div(struct big *b, uint32_t d)
{
	uint64_t rem = 0;

	for (int i = b->n - 1; i >= 0; i--) {
		uint64_t t = rem << 32 | b->w[i];
		b->w[i] = (uint32_t)(t / d);
		rem = t % d;
	}
	while (b->n && !b->w[b->n - 1])
		b->n--;
	return (uint32_t)rem;
}

/* Bits of b from bit k up (fewer than 32 of them here), then clears them. */
static uint32_t big_take_above(struct big *b, int k)
{
	int word = k / 32, bit = k % 32;
	uint64_t hi = 0;

	for (int i = b->n - 1; i >= word; i--)
		hi = hi << 32 | b->w[i];
	hi >>= bit;
	if (word < b->n)
		b->w[word] &= bit ? (1u << bit) - 1 : 0;
	for (int i = word + 1; i < b->n; i++)
		b->w[i] = 0;
	if (b->n > word + 1)
		b->n = word + 1;
	while (b->n && !b->w[b->n - 1])
		b->n--;
	return (uint32_t)hi;
}

/* Compares b with 2^(k-1): -1 below, 0 equal, 1 above. */
static int big_cmp_half(const struct big *b, int k)
{
	int word = (k - 1) / 32, bit = (k - 1) % 32;
	uint32_t top = word < b->n ? b->w[word] : 0;

	if (b->n > word + 1 || top > 1u << bit)
		return 1;
	if (top < 1u << bit)
		return -1;
	for (int i = 0; i < word; i++)
		if (b->w[i])
			return 1;
	return 0;
}

#define FLOAT_MAX_PREC 64	/* more fraction digits print as zeros */

/* Writes the decimal digits of |v| with prec fraction digits (exact, then
 * rounded half to even) to buf without the point; returns the count of
 * integer digits. buf holds at least 310 + FLOAT_MAX_PREC characters. */
static int double_digits(double v, int prec, char *buf)
{
	union { double d; uint64_t u; } bits = { .d = v };
	int exp = (int)(bits.u >> 52 & 0x7ff);
	uint64_t m = bits.u & ((1ull << 52) - 1);
	struct big ip, frac;
	int n = 0, k;

	if (exp)
		m |= 1ull << 52;
	else
		exp = 1;		/* subnormal */
	k = 1075 - exp;			/* v = m / 2^k */
	if (k <= 0) {
		big_set(&ip, m);
		for (int i = 0; i < -k; i++)
			big_mul_add(&ip, 2, 0);
		big_set(&frac, 0);
	} else {
		big_set(&ip, k < 64 ? m >> k : 0);
		big_set(&frac, k < 64 ? m & ((1ull << k) - 1) : m);
	}
	do	/* integer digits, backwards, then reversed */
		buf[n++] = (char)('0' + big_div(&ip, 10));
	while (ip.n);
	for (int i = 0, j = n - 1; i < j; i++, j--) {
		char t = buf[i];
		buf[i] = buf[j];
		buf[j] = t;
	}
	int ndig = n;
	for (int i = 0; i < prec; i++) {
		big_mul_add(&frac, 10, 0);
		buf[n++] = (char)('0' + (k > 0 ? big_take_above(&frac, k) : 0));
	}
	int half = k > 0 ? big_cmp_half(&frac, k) : -1;
	if (half > 0 || (half == 0 && (buf[n - 1] - '0') % 2)) {
		int i = n - 1;
		while (i >= 0 && buf[i] == '9')
			buf[i--] = '0';
		if (i >= 0) {
			buf[i]++;
		} else {	/* 9.99 -> 10.00: one more integer digit */
			for (int j = n; j > 0; j--)
				buf[j] = buf[j - 1];
			buf[0] = '1';
			n++;
			ndig++;
		}
	}
	return ndig;
}

/* Emits v in %f notation: exact digits rounded half to even (like glibc),
 * padded like an integer; inf and nan print as words. */
static void emit_double(struct out *o, struct spec *s, double v)
{
	char buf[310 + FLOAT_MAX_PREC + 2];
	int prec = s->prec < 0 ? 6 : s->prec;
	int exact = prec > FLOAT_MAX_PREC ? FLOAT_MAX_PREC : prec;
	union { double d; uint64_t u; } bits = { .d = v };
	bool neg = bits.u >> 63;
	char sign = neg ? '-' : s->plus ? '+' : s->space ? ' ' : 0;

	bits.u &= ~(1ull << 63);
	if ((bits.u >> 52) == 0x7ff) {
		const char *word = bits.u & ((1ull << 52) - 1) ? "nan" : "inf";
		char w[4];
		int k = 0;
		struct spec text = *s;
		if (sign)
			w[k++] = sign;
		for (int i = 0; i < 3; i++)
			w[k++] = s->conv == 'F' ? (char)(word[i] - 'a' + 'A') : word[i];
		text.prec = -1;
		emit_text(o, &text, w, k);
		return;
	}
	int ndig = double_digits(bits.d, exact, buf);
	int len = ndig + (prec || s->alt) + prec + (sign != 0);
	int pad = s->width - len;
	if (!s->left && !s->zero)
		emit_repeat(o, ' ', pad);
	if (sign)
		emit(o, sign);
	if (!s->left && s->zero)
		emit_repeat(o, '0', pad);
	for (int i = 0; i < ndig; i++)
		emit(o, buf[i]);
	if (prec || s->alt)
		emit(o, '.');
	for (int i = 0; i < exact; i++)
		emit(o, buf[ndig + i]);
	emit_repeat(o, '0', prec - exact);
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
		if (o->mode == FORMAT_XV6) {	/* xv6: always 0x and 16 digits */
			s->prec = 16;
			s->zero = false;
			emit_int(o, s, (uintptr_t)p, false);
		} else if (p)
			emit_int(o, s, (uintptr_t)p, false);
		else
			emit_text(o, s, "(nil)", 5);
		break;
	}
	case 'f': case 'F':
		emit_double(o, s, va_arg(o->ap, double));
		break;
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
	return format_as(put, ctx, FORMAT_C, fmt, ap);
}

int format_as(void (*put)(void *ctx, char c), void *ctx, enum format_mode mode,
	      const char *fmt, va_list ap)
{
	struct out o = { .put = put, .ctx = ctx, .mode = mode };
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
