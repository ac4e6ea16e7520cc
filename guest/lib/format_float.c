/* printf's floating-point conversions, exact and without floating-point
 * arithmetic. %f, %e and %g take their digits from an exact decimal
 * expansion of the double's bits (big numbers: the integer part divided by
 * 10^9, the fraction multiplied by 10^9, nine digits at a time, only as far
 * as the precision needs) and round the exact value half to even, as glibc
 * does in the default rounding mode; %a rounds the significand's hex digits
 * the same way. */
#include <stdint.h>
#include "format.h"

#define CHUNK 1000000000u	/* 10^9: nine digits per big-number step */

/* A small unsigned big number, little-endian 32-bit words: enough for a
 * double's integer part (below 2^1024) or its fraction (m / 2^k, k <= 1074)
 * times 10^9. */
struct big {
	uint32_t w[36];
	int n;		/* words in use; 0 is the number zero */
};

/* b = m * 2^shift. */
static void big_shifted(struct big *b, uint64_t m, int shift)
{
	int word = shift / 32, bit = shift % 32;

	b->n = 0;
	if (!m)
		return;
	for (int i = 0; i < word; i++)
		b->w[i] = 0;
	unsigned __int128 v = (unsigned __int128)m << bit;
	b->n = word;
	for (; v; v >>= 32)
		b->w[b->n++] = (uint32_t)v;
}

/* b = b * m (callers keep b below 2^1152). */
static void big_mul(struct big *b, uint32_t m)
{
	uint64_t carry = 0;

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

/* Returns b >> k (below 2^32 here) and keeps b mod 2^k. */
static uint32_t big_split(struct big *b, int k)
{
	int word = k / 32, bit = k % 32;
	uint64_t hi = 0;

	for (int i = b->n - 1; i >= word; i--)
		hi = hi << 32 | b->w[i];
	hi >>= bit;
	if (word < b->n) {
		b->w[word] &= bit ? (1u << bit) - 1 : 0;
		b->n = word + 1;
	}
	while (b->n && !b->w[b->n - 1])
		b->n--;
	return (uint32_t)hi;
}

/* ---- the exact decimal expansion ---- */

/* Digits a double can have: 309 integer digits (below 2^1024) and then at
 * most 53 fraction digits, or no integer digit and at most 1074 fraction
 * digits (one per bit of 2^-1074); a chunk more, and a leading carry. */
#define DIGITS_MAX (1074 + 9 + 1)

/* |v| as decimal digits: d[0 .. nint-1] the integer part (no leading zero;
 * none when |v| < 1), then the fraction, expanded on demand. Digits past n
 * are zeros once frac is zero. */
struct expansion {
	char buf[DIGITS_MAX + 1];
	char *d;		/* buf + 1, or buf after a carry made a new leading digit */
	int n, nint;
	struct big frac;	/* the fraction not yet expanded, over 2^k */
	int k;
};

/* Writes the nine digits of c (or only its own, without leading zeros, when
 * first) at d; returns how many. */
static int chunk_digits(uint32_t c, char *d, bool first)
{
	char tmp[9];
	int n = 0;

	for (int i = 0; i < 9 && (!first || c || i == 0); i++) {
		tmp[n++] = (char)('0' + c % 10);
		c /= 10;
	}
	for (int i = 0; i < n; i++)
		d[i] = tmp[n - 1 - i];
	return n;
}

/* Sets x to m * 2^e exactly: the integer digits now, the fraction later. */
static void expansion_init(struct expansion *x, uint64_t m, int e)
{
	struct big ip;
	uint32_t chunks[40];
	int nc = 0;

	x->d = x->buf + 1;
	x->n = 0;
	x->k = e < 0 ? -e : 0;
	if (e >= 0) {
		big_shifted(&ip, m, e);
		x->frac.n = 0;
	} else {
		big_shifted(&ip, x->k < 64 ? m >> x->k : 0, 0);
		big_shifted(&x->frac, x->k < 64 ? m & ((1ull << x->k) - 1) : m, 0);
	}
	while (ip.n)
		chunks[nc++] = big_div(&ip, CHUNK);
	while (nc--)
		x->n += chunk_digits(chunks[nc], x->d + x->n, x->n == 0);
	x->nint = x->n;
}

/* Expands the fraction until there are at least want digits or no
 * fraction is left. */
static void expand_to(struct expansion *x, long want)
{
	while (x->n < want && x->frac.n && x->n + 9 <= DIGITS_MAX) {
		big_mul(&x->frac, CHUNK);
		x->n += chunk_digits(big_split(&x->frac, x->k), x->d + x->n, false);
	}
}

static char digit_at(const struct expansion *x, long i)
{
	return i < x->n ? x->d[i] : '0';
}

/* Rounds x to its first keep digits (keep >= 0), half to even on the exact
 * value; the digits after them become zeros. A carry out of the first digit
 * (9.96 -> 10.0) makes a new leading integer digit. */
static void round_at(struct expansion *x, long keep)
{
	expand_to(x, keep + 1);
	if (keep >= x->n)
		return;		/* exact already */
	char next = x->d[keep];
	bool more = x->frac.n != 0;
	for (int i = (int)keep + 1; i < x->n && !more; i++)
		more = x->d[i] != '0';
	bool odd = keep > 0 && (x->d[keep - 1] - '0') % 2;
	x->n = (int)keep;
	x->frac.n = 0;
	if (next < '5' || (next == '5' && !more && !odd))
		return;
	int i = (int)keep - 1;
	while (i >= 0 && x->d[i] == '9')
		x->d[i--] = '0';
	if (i >= 0) {
		x->d[i]++;
		return;
	}
	*--x->d = '1';	/* every digit was a 9 (or there were none) */
	x->n++;
	x->nint++;
}

/* The index of the first nonzero digit; -1 when the value is zero. */
static long first_nonzero(struct expansion *x)
{
	for (long i = 0;; i++) {
		expand_to(x, i + 1);
		if (i >= x->n)
			return -1;
		if (x->d[i] != '0')
			return i;
	}
}

/* ---- layout and output ---- */

/* A number's pieces, in output order: sign, prefix (0x), the integer
 * digits, the point, the fraction digits, zeros, an exponent suffix; or a
 * word (inf, nan) instead of everything after the sign. */
struct pieces {
	char sign;		/* 0, '-', '+' or ' ' */
	const char *prefix;	/* "", "0x" or "0X" */
	const char *word;	/* "inf", "nan", ... or NULL */
	const struct expansion *x; /* decimal digits, or NULL for hex */
	const char *hex;	/* hex digits: the leading one, then the fraction's */
	long int_from, int_len;	/* integer digits: x's [int_from, int_from + int_len), or "0" when int_len is 0 */
	bool point;
	long frac_from, frac_len; /* fraction digits from x (or hex + 1) */
	long zeros;		/* zeros after the fraction digits */
	char suffix[8];		/* "e+05", "p-1022" */
};

static long str_len(const char *s)
{
	long n = 0;
	while (s[n])
		n++;
	return n;
}

static long pieces_len(const struct pieces *p)
{
	long n = (p->sign != 0) + str_len(p->prefix);
	if (p->word)
		return n + str_len(p->word);
	n += p->int_len ? p->int_len : 1;
	return n + p->point + p->frac_len + p->zeros + str_len(p->suffix);
}

static void emit_str(struct format_out *o, const char *s)
{
	while (*s)
		format_emit(o, *s++);
}

/* Everything after the sign, prefix and zero padding. */
static void emit_body(struct format_out *o, const struct pieces *p)
{
	if (p->word) {
		emit_str(o, p->word);
		return;
	}
	if (p->hex)
		format_emit(o, p->hex[0]);
	else if (!p->int_len)
		format_emit(o, '0');
	for (long i = 0; !p->hex && i < p->int_len; i++)
		format_emit(o, digit_at(p->x, p->int_from + i));
	if (p->point)
		format_emit(o, '.');
	for (long i = 0; i < p->frac_len; i++)
		format_emit(o, p->hex ? p->hex[1 + i] : digit_at(p->x, p->frac_from + i));
	format_emit_repeat(o, '0', p->zeros);
	emit_str(o, p->suffix);
}

/* Emits p padded to the width: spaces before (or after, for '-'), or zeros
 * between the sign and prefix and the digits for '0' (not for words). */
static void emit_pieces(struct format_out *o, const struct format_spec *s, const struct pieces *p)
{
	long pad = (long)s->width - pieces_len(p);
	bool zeros = s->zero && !s->left && !p->word;

	if (!s->left && !zeros)
		format_emit_repeat(o, ' ', pad);
	if (p->sign)
		format_emit(o, p->sign);
	emit_str(o, p->prefix);
	if (zeros)
		format_emit_repeat(o, '0', pad);
	emit_body(o, p);
	if (s->left)
		format_emit_repeat(o, ' ', pad);
}

static bool upper(char conv)
{
	return conv == 'F' || conv == 'E' || conv == 'G' || conv == 'A';
}

/* Writes "e+05" / "p-1022": the letter, the sign, at least min digits. */
static void exponent_suffix(char *buf, char letter, int exp, int min)
{
	char digits[8];
	int n = 0;
	unsigned u = exp < 0 ? (unsigned)-exp : (unsigned)exp;

	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u || n < min);
	*buf++ = letter;
	*buf++ = exp < 0 ? '-' : '+';
	while (n)
		*buf++ = digits[--n];
	*buf = '\0';
}

/* %f: every integer digit, prec fraction digits. */
static void layout_f(struct expansion *x, int prec, bool alt, struct pieces *p)
{
	round_at(x, (long)x->nint + prec);
	p->int_from = 0;
	p->int_len = x->nint;
	p->point = prec > 0 || alt;
	p->frac_from = x->nint;
	p->frac_len = prec;
}

/* Rounds x to sig significant digits; returns the decimal exponent of the
 * first one (0 for zero) and its index in *first. */
static int round_significant(struct expansion *x, int sig, long *first)
{
	long z = first_nonzero(x);
	if (z < 0) {
		*first = 0;
		return 0;
	}
	round_at(x, z + sig);
	z = first_nonzero(x);	/* a carry may have moved it */
	*first = z;
	return (int)(x->nint - 1 - z);
}

/* %e: one digit, the point, prec digits, the exponent (two digits at least). */
static void layout_e(struct expansion *x, int prec, bool alt, char conv, struct pieces *p)
{
	long first;
	int exp = round_significant(x, prec + 1, &first);

	p->int_from = first;
	p->int_len = 1;
	p->point = prec > 0 || alt;
	p->frac_from = first + 1;
	p->frac_len = prec;
	exponent_suffix(p->suffix, upper(conv) ? 'E' : 'e', exp, 2);
}

/* The fraction digits of p left once trailing zeros go (%g without '#'). */
static void strip_zeros(struct pieces *p)
{
	while (p->frac_len > 0 && digit_at(p->x, p->frac_from + p->frac_len - 1) == '0')
		p->frac_len--;
	p->point = p->frac_len > 0;
}

/* %g: P significant digits in %e style when the exponent X is below -4 or
 * at least P, else in %f style; trailing zeros dropped unless '#'. */
static void layout_g(struct expansion *x, int prec, bool alt, char conv, struct pieces *p)
{
	int sig = prec < 0 ? 6 : prec == 0 ? 1 : prec;
	long first;
	int exp = round_significant(x, sig, &first);

	if (exp < -4 || exp >= sig) {
		layout_e(x, sig - 1, alt, upper(conv) ? 'E' : 'e', p);
	} else {
		layout_f(x, sig - 1 - exp, alt, p);
	}
	if (!alt)
		strip_zeros(p);
}

/* %a: 0x, the leading hex digit (1, or 0 for zero and subnormals), the
 * fraction's 13 hex digits (rounded half to even to the precision, or
 * without trailing zeros when there is none), p and the binary exponent. */
static void layout_a(uint64_t bits, const struct format_spec *s, char *hex, struct pieces *p)
{
	const char *digits = upper(s->conv) ? "0123456789ABCDEF" : "0123456789abcdef";
	int biased = (int)(bits >> 52 & 0x7ff), exp = biased ? biased - 1023 : -1022;
	uint64_t frac = bits & ((1ull << 52) - 1);
	int lead = biased != 0, nd = 13;

	if (!biased && !frac)
		exp = 0;		/* zero */
	if (s->prec >= 0 && s->prec < 13) {
		int shift = 4 * (13 - s->prec);
		uint64_t kept = frac >> shift, rest = frac & ((1ull << shift) - 1), half = 1ull << (shift - 1);
		bool odd = (s->prec ? kept : (uint64_t)lead) & 1;
		if (rest > half || (rest == half && odd))
			kept++;
		if (s->prec == 0 ? kept != 0 : kept >> (4 * s->prec)) {	/* 0x1.f -> 0x2 */
			lead++;
			kept = 0;
		}
		frac = kept;
		nd = s->prec;
	} else if (s->prec < 0) {
		while (nd > 0 && !(frac & 0xf)) {
			frac >>= 4;
			nd--;
		}
	}
	hex[0] = digits[lead];
	for (int i = nd; i > 0; i--, frac >>= 4)
		hex[i] = digits[frac & 0xf];
	p->hex = hex;
	p->prefix = upper(s->conv) ? "0X" : "0x";
	p->int_len = 1;
	p->frac_len = nd;
	p->zeros = s->prec > 13 ? s->prec - 13 : 0;
	p->point = nd > 0 || p->zeros > 0 || s->alt;
	exponent_suffix(p->suffix, upper(s->conv) ? 'P' : 'p', exp, 1);
}

void format_double(struct format_out *o, const struct format_spec *s, double v)
{
	union { double d; uint64_t u; } bits = { .d = v };
	char sign = bits.u >> 63 ? '-' : s->plus ? '+' : s->space ? ' ' : 0;
	uint64_t mag = bits.u & ~(1ull << 63);
	int biased = (int)(mag >> 52);
	int prec = s->prec < 0 ? 6 : s->prec;

	struct pieces p = { .sign = sign, .prefix = "" };
	if (biased == 0x7ff) {	/* inf, nan (INF, NAN), padded with spaces even under '0' */
		bool nan = (mag & ((1ull << 52) - 1)) != 0;
		p.word = nan ? (upper(s->conv) ? "NAN" : "nan") : (upper(s->conv) ? "INF" : "inf");
		emit_pieces(o, s, &p);
		return;
	}
	char hex[16];
	if (s->conv == 'a' || s->conv == 'A') {
		layout_a(mag, s, hex, &p);
		emit_pieces(o, s, &p);
		return;
	}
	uint64_t m = (mag & ((1ull << 52) - 1)) | (biased ? 1ull << 52 : 0);
	struct expansion x;
	expansion_init(&x, m, (biased ? biased : 1) - 1075);
	p.x = &x;
	if (s->conv == 'f' || s->conv == 'F')
		layout_f(&x, prec, s->alt, &p);
	else if (s->conv == 'e' || s->conv == 'E')
		layout_e(&x, prec, s->alt, s->conv, &p);
	else
		layout_g(&x, s->prec, s->alt, s->conv, &p);
	emit_pieces(o, s, &p);
}
