/* The guest runtime's printf engine (guest/lib/format.c and format_float.c,
 * built here for the host) against the host's glibc, byte for byte and
 * return value for return value: %e %E %g %G %a %A %f %F on seeded random
 * doubles of every kind (subnormals, huge, +-0, inf, nan, ties) at every
 * precision from 0 to 20 and beyond, with random flags and widths; the
 * integer, character and string conversions under random flags; and
 * conversions the runtime does not support, which must end the output with
 * a marker and return -1 instead of printing the format's text. A failure
 * prints the seed, the step, the format and the double's bits. */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest/lib/format.h"
#include "lib/rng.h"
#include "tests/harness.h"

#pragma GCC diagnostic ignored "-Wformat-nonliteral"

#define OUT_MAX 4096

struct sink {
	char buf[OUT_MAX];
	size_t len;
};

static void put(void *ctx, char c)
{
	struct sink *s = ctx;
	if (s->len + 1 < sizeof s->buf)
		s->buf[s->len++] = c;
}

/* The runtime's engine into s; returns its result. */
static int ours(struct sink *s, const char *fmt, ...)
{
	va_list ap;
	s->len = 0;
	va_start(ap, fmt);
	int n = format(put, s, fmt, ap);
	va_end(ap);
	s->buf[s->len] = '\0';
	return n;
}

static double from_bits(uint64_t u)
{
	double d;
	memcpy(&d, &u, sizeof d);
	return d;
}

static uint64_t to_bits(double d)
{
	uint64_t u;
	memcpy(&u, &d, sizeof u);
	return u;
}

/* The parts of a format "%[flags][width][.prec][l]conv". */
struct fspec {
	char flags[8];
	int width, prec;	/* -1: none */
	char conv;
};

static void parse_fspec(const char *fmt, struct fspec *f)
{
	int n = 0;
	memset(f, 0, sizeof *f);
	f->width = f->prec = -1;
	for (fmt++; strchr("-+ #0", *fmt) && *fmt; fmt++)
		f->flags[n++] = *fmt;
	if (*fmt >= '0' && *fmt <= '9')
		for (f->width = 0; *fmt >= '0' && *fmt <= '9'; fmt++)
			f->width = f->width * 10 + (*fmt - '0');
	if (*fmt == '.')
		for (f->prec = 0, fmt++; *fmt >= '0' && *fmt <= '9'; fmt++)
			f->prec = f->prec * 10 + (*fmt - '0');
	if (*fmt == 'l')
		fmt++;
	f->conv = *fmt;
}

/* glibc's answer for fmt, except %#g and %#G: glibc 2.36 drops the
 * trailing zeros '#' keeps when rounding carries into a new power of ten
 * (999999.5 as "%#g" gives "1.e+06", not C99's "1.00000e+06"), so those are
 * built as C99 (7.19.6.1) defines %g, from glibc's %e and %f: with P
 * significant digits and X the exponent of %.(P-1)e, style f with precision
 * P - 1 - X when P > X >= -4, else style e with precision P - 1. */
static int expected(char *want, size_t size, const char *fmt, double v)
{
	struct fspec f;
	parse_fspec(fmt, &f);
	if ((f.conv != 'g' && f.conv != 'G') || !strchr(f.flags, '#') || !isfinite(v))
		return snprintf(want, size, fmt, v);
	int p = f.prec < 0 ? 6 : f.prec == 0 ? 1 : f.prec;
	char e[OUT_MAX], styled[64], width[16] = "";
	snprintf(e, sizeof e, "%.*e", p - 1, v);
	int x = atoi(strchr(e, 'e') + 1);
	if (f.width >= 0)
		snprintf(width, sizeof width, "%d", f.width);
	if (p > x && x >= -4)
		snprintf(styled, sizeof styled, "%%%s%s.%d%c", f.flags, width, p - 1 - x, f.conv == 'G' ? 'F' : 'f');
	else
		snprintf(styled, sizeof styled, "%%%s%s.%d%c", f.flags, width, p - 1, f.conv == 'G' ? 'E' : 'e');
	return snprintf(want, size, styled, v);
}

/* Compares one format of one double with glibc. */
static void same_double(const char *fmt, double v, uint64_t seed, long step)
{
	char want[OUT_MAX];
	struct sink got;
	int wn = expected(want, sizeof want, fmt, v);
	int gn = ours(&got, fmt, v);
	if (wn != gn || strcmp(want, got.buf))
		FAIL("seed %llu step %ld: \"%s\" of 0x%016llx (%a):\n  glibc:   [%s] (%d)\n  runtime: [%s] (%d)",
		     (unsigned long long)seed, step, fmt, (unsigned long long)to_bits(v), v, want, wn, got.buf, gn);
}

/* A double of a kind chosen at random: any bit pattern, a subnormal, one
 * near 1, a huge one, a small integer, a decimal tie (k + 0.5, k / 8), or a
 * special value. */
static double random_double(struct rng *r)
{
	uint64_t sign = rng_next(r) & (1ull << 63), frac = rng_next(r) & ((1ull << 52) - 1);
	switch (rng_below(r, 10)) {
	case 0: case 1: return from_bits(rng_next(r));
	case 2: return from_bits(sign | (frac >> rng_below(r, 53)));               /* subnormal (or zero) */
	case 3: return from_bits(sign | (uint64_t)(1023 + (int)rng_below(r, 80) - 40) << 52 | frac); /* near 1 */
	case 4: return from_bits(sign | (uint64_t)(2046 - rng_below(r, 30)) << 52 | frac); /* huge */
	case 5: return (double)(int64_t)(rng_next(r) >> rng_below(r, 64)) * (sign ? -1 : 1);
	case 6: return ((double)rng_below(r, 100000) + 0.5) / (double)(1ull << rng_below(r, 12));
	case 7: return (double)rng_below(r, 1000) / 8 * (sign ? -1 : 1);
	case 8: {
		static const double special[] = {0.0, -0.0, INFINITY, -INFINITY, NAN, -NAN, DBL_MAX, -DBL_MAX,
						 DBL_MIN, DBL_TRUE_MIN, -DBL_TRUE_MIN, 1.0, 0.1, 9.5, 0.95, 99.5,
						 999999.5, 1e-5, 1e-4, 1e15, 1e16, 1e21, 0.000123456, 5e-324};
		return special[rng_below(r, sizeof special / sizeof special[0])];
	}
	default: return from_bits(sign | (uint64_t)rng_below(r, 2047) << 52 | frac); /* any exponent */
	}
}

/* A format for one double: random flags, maybe a width, the precision given
 * (prec >= 0), absent (-1) or random (-2), and the conversion. */
static void random_format(struct rng *r, char conv, int prec, char *fmt, size_t size)
{
	static const char flags[] = "-+ #0";
	char f[8];
	int n = 0;
	for (int i = 0; i < 5; i++)
		if (rng_below(r, 4) == 0)
			f[n++] = flags[i];
	f[n] = '\0';
	char width[16] = "", precision[16] = "";
	if (rng_below(r, 3) == 0)
		snprintf(width, sizeof width, "%d", (int)rng_below(r, 40));
	if (prec == -2)
		prec = rng_below(r, 4) ? (int)rng_below(r, 25) : rng_below(r, 2) ? -1 : (int)rng_below(r, 1200);
	if (prec >= 0)
		snprintf(precision, sizeof precision, ".%d", prec);
	snprintf(fmt, size, "%%%s%s%s%s%c", f, width, precision, rng_below(r, 8) ? "" : "l", conv);
}

static const char float_convs[] = "eEgGaAfF";

TEST(every_floating_conversion_at_every_precision_matches_glibc)
{
	struct rng r;
	uint64_t seed = 8;
	long step = 0;
	char fmt[48];
	rng_seed(&r, seed);
	for (int i = 0; i < 600; i++) {
		double v = random_double(&r);
		for (const char *c = float_convs; *c; c++)
			for (int prec = -1; prec <= 20; prec++, step++) {
				random_format(&r, *c, prec, fmt, sizeof fmt);
				same_double(fmt, v, seed, step);
			}
	}
}

TEST(random_doubles_flags_widths_and_long_precisions_match_glibc)
{
	struct rng r;
	uint64_t seed = 9;
	char fmt[48];
	rng_seed(&r, seed);
	for (long step = 0; step < 60000; step++) {
		double v = random_double(&r);
		random_format(&r, float_convs[rng_below(&r, 8)], -2, fmt, sizeof fmt);
		same_double(fmt, v, seed, step);
	}
}

TEST(known_answers_of_the_issue_and_the_corners)
{
	struct sink s;
	CHECK_EQ(ours(&s, "%g %e", 3.0, 4.0), 14);
	CHECK_STR(s.buf, "3 4.000000e+00");
	ours(&s, "%a %A %.0a %.0a %a", 3.0, -0.5, 1.5, 2.5, 0.0);
	CHECK_STR(s.buf, "0x1.8p+1 -0X1P-1 0x2p+0 0x1p+1 0x0p+0");
	ours(&s, "%.0e %.0f %.0f %.1f %g %g", 2.5, 0.5, 1.5, 0.25, 100000.0, 1000000.0);
	CHECK_STR(s.buf, "2e+00 0 2 0.2 100000 1e+06");
	ours(&s, "%e %g %.3e", 5e-324, DBL_MAX, 9.9995);
	CHECK_STR(s.buf, "4.940656e-324 1.79769e+308 9.999e+00");
	ours(&s, "[%010.3e] [%-+12g] [%#g] [%#.0e] [% G] [%08f]", -1.5, 2.0, 1.0, 3.0, 1e-10, -INFINITY);
	CHECK_STR(s.buf, "[-1.500e+00] [+2          ] [1.00000] [3.e+00] [ 1E-10] [    -inf]");
	ours(&s, "%.40e", 0.1);
	CHECK_STR(s.buf, "1.0000000000000000555111512312578270211816e-01");
	ours(&s, "%#g %#.2g %#.3g %g", 999999.5, 99.5, 9.9996, 999999.5); /* C99's, not glibc 2.36's "1.e+06" */
	CHECK_STR(s.buf, "1.00000e+06 1.0e+02 10.0 1e+06");
}

/* An integer, character or string conversion with random flags, width and
 * precision, against glibc. */
static void same_other(struct rng *r, uint64_t seed, long step)
{
	static const char convs[] = "diuxXocsp";
	static const char *const lens[] = {"", "hh", "h", "l", "ll", "z"};
	static const char *const words[] = {"", "x", "hello", "a longer string of words"};
	char fmt[48], want[OUT_MAX], width[16] = "", precision[16] = "", f[8];
	char conv = convs[rng_below(r, sizeof convs - 1)];
	/* only the flags C defines for the conversion (the others are undefined) */
	const char *allowed = strchr("di", conv) ? "-+ 0" : conv == 'u' ? "-0" : strchr("xXo", conv) ? "-#0" : "-";
	int n = 0;
	for (const char *a = allowed; *a; a++)
		if (rng_below(r, 3) == 0)
			f[n++] = *a;
	f[n] = '\0';
	if (rng_below(r, 2))
		snprintf(width, sizeof width, "%d", (int)rng_below(r, 30));
	if (rng_below(r, 2) && conv != 'c' && conv != 'p')
		snprintf(precision, sizeof precision, ".%d", (int)rng_below(r, 25));
	const char *len = strchr("diuxXo", conv) ? lens[rng_below(r, 6)] : "";
	snprintf(fmt, sizeof fmt, "%%%s%s%s%s%c", f, width, precision, len, conv);
	uint64_t u = rng_next(r) >> rng_below(r, 64);
	struct sink got;
	int wn, gn;
	if (conv == 's') {
		const char *w = words[rng_below(r, 4)];
		wn = snprintf(want, sizeof want, fmt, w);
		gn = ours(&got, fmt, w);
	} else if (conv == 'p') {
		wn = snprintf(want, sizeof want, fmt, (void *)(uintptr_t)u);
		gn = ours(&got, fmt, (void *)(uintptr_t)u);
	} else if (*len == 'l' || *len == 'z') {
		wn = snprintf(want, sizeof want, fmt, (long)u);
		gn = ours(&got, fmt, (long)u);
	} else {
		wn = snprintf(want, sizeof want, fmt, (int)u);
		gn = ours(&got, fmt, (int)u);
	}
	if (wn != gn || strcmp(want, got.buf))
		FAIL("seed %llu step %ld: \"%s\" of 0x%llx:\n  glibc:   [%s] (%d)\n  runtime: [%s] (%d)",
		     (unsigned long long)seed, step, fmt, (unsigned long long)u, want, wn, got.buf, gn);
}

TEST(integers_characters_and_strings_match_glibc_under_random_flags)
{
	struct rng r;
	uint64_t seed = 10;
	rng_seed(&r, seed);
	for (long step = 0; step < 40000; step++)
		same_other(&r, seed, step);
}

TEST(star_width_and_precision_come_from_the_arguments)
{
	struct sink s;
	char want[64];
	snprintf(want, sizeof want, "[%*.*e] [%-*g] [%.*a]", 12, 2, 3.14159, 8, 0.5, 3, 1.0 / 3);
	ours(&s, "[%*.*e] [%-*g] [%.*a]", 12, 2, 3.14159, 8, 0.5, 3, 1.0 / 3);
	CHECK_STR(s.buf, want);
}

TEST(an_unsupported_conversion_ends_the_output_with_a_marker_and_fails)
{
	struct sink s;
	CHECK_EQ(ours(&s, "x=%Lf y=%d\n", 1.0L, 5), -1);
	CHECK_STR(s.buf, "x=%!Lf(unsupported)");
	CHECK_EQ(ours(&s, "%d %y %d", 1, 2, 3), -1);
	CHECK_STR(s.buf, "1 %!y(unsupported)");
	CHECK_EQ(ours(&s, "count%n", (int *)NULL), -1);
	CHECK_STR(s.buf, "count%!n(unsupported)");
	CHECK_EQ(ours(&s, "%ls", (void *)NULL), -1);
	CHECK_STR(s.buf, "%!ls(unsupported)");
	CHECK_EQ(ours(&s, "%1$d", 7), -1);
	CHECK_STR(s.buf, "%!1$(unsupported)");
	CHECK_EQ(ours(&s, "50%"), -1);
	CHECK_STR(s.buf, "50%!(unsupported)");
	CHECK_EQ(ours(&s, "%.999999999d", 1), -1);
	CHECK(strstr(s.buf, "(unsupported)") != NULL);
	CHECK_EQ(ours(&s, "%lf %5%|", 2.5), 11); /* l on f is C99's no-op; %5% is a % */
	CHECK_STR(s.buf, "2.500000 %|");
}
