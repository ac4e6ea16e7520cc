/* Double arithmetic (soft-float from libgcc: the guest is rv64imac/lp64)
 * and printf's %f against known answers (glibc's: the file also builds on
 * a Linux host and must print the same there): conversions, the four
 * operations, comparisons, rounding half to even, widths and flags, huge and
 * tiny values, inf and nan. Exits 1 if any check fails. */
#include <stdio.h>
#include <string.h>

#pragma GCC diagnostic ignored "-Wformat"

static int failures;

static void check(int line, const char *want, const char *got, int n)
{
	int ok = strcmp(want, got) == 0 && n == (int)strlen(want);

	printf("%-4s line %d: [%s]\n", ok ? "ok" : "FAIL", line, got);
	if (!ok) {
		printf("     want [%s] (returned %d)\n", want, n);
		failures++;
	}
}

#define T(want, ...) do { \
		char buf_[400]; \
		int n_ = snprintf(buf_, sizeof buf_, __VA_ARGS__); \
		check(__LINE__, want, buf_, n_); \
	} while (0)

/* volatile keeps the compiler from folding the arithmetic at build time */
static volatile double zero = 0.0, one = 1.0, three = 3.0, tenth = 0.1;
static volatile long big = 1234567890123L;

static void arithmetic(void)
{
	T("0.333333", "%f", one / three);
	T("0.30000000000000004441", "%.20f", tenth + tenth + tenth);
	T("1234567890123.000000", "%f", (double)big);
	T("1234567890123", "%ld", (long)(double)big);
	T("-2", "%d", (int)(-2.9 * one));
	T("1 0 1 1", "%d %d %d %d", one < three, one > three, one != three, tenth * 10 == one);
	T("1.500000", "%f", 1 + one / 2);
	T("1000000.250000", "%f", (double)1000000 + one / 4);
	double t = 1767225600.0 + 123456 / 1e6;	/* GetTime's sum */
	T("1767225600.123456", "%.6f", t * one);
	T("inf -inf", "%f %f", one / zero, -one / zero);
	T("nan -nan", "%f %f", __builtin_nan(""), -__builtin_nan(""));
	T("-0.000000", "%f", -zero);
}

static void formats(void)
{
	T("3.141593", "%f", 3.14159265358979);
	T("3.14", "%.2f", 3.14159265358979);
	T("3", "%.0f", 3.14159265358979);
	T("3.", "%#.0f", 3.0);
	T("0.125 0.12 0.1", "%.3f %.2f %.1f", 0.125, 0.125, 0.125);	/* half to even */
	T("2 2 4 0 1", "%.0f %.0f %.0f %.0f %.0f", 1.5, 2.5, 3.5, 0.5, 0.50000001);
	T("2.67 2.68", "%.2f %.2f", 2.675, 2.6750001);	/* 2.675 is below 2.675 */
	T("0.1 0.1", "%.1f %.1f", 0.05, 0.15);		/* 0.05 is above, 0.15 below */
	T("0.9", "%.1f", 0.95);				/* 0.95 is below */
	T("[  3.14] [3.14  ] [003.14] [+3.14] [ 3.14]", "[%6.2f] [%-6.2f] [%06.2f] [%+.2f] [% .2f]",
	  3.14159, 3.14159, 3.14159, 3.14159, 3.14159);
	T("[ -3.14] [-03.14] [   inf] [  -inf] [nan]", "[%6.2f] [%06.2f] [%6f] [%06f] [%.2f]",
	  -3.14159, -3.14159, 1 / zero, -1 / zero, __builtin_nan(""));
	T("INF NAN", "%F %F", 1 / zero, __builtin_nan(""));
	T("99.999999 100.000000", "%f %f", 99.9999994, 99.9999996);
	T("1e+300 needs 301 digits: 1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160", "1e+300 needs 301 digits: %.0f", 1e300);
	T("0.0000000000000000000000000000000000000000000000000000000000000010000000", "%.70f", 1e-63);
	T("18446744073709551616.000000", "%f", 18446744073709551616.0);
	T("9007199254740994.000000 9007199254740992.000000", "%f %f", 9007199254740992.0 + 2, 9007199254740992.0 + one);
	T("0.000000 -0.000001", "%f %f", 4.9e-324, -0.0000005000001);
	T("123.456000", "%lf", 123.456);
	T("[%*.*f] [  1.50]", "[%%*.*f] [%*.*f]", 6, 2, 1.5);
}

int main(void)
{
	arithmetic();
	formats();
	printf("floats: %d failures\n", failures);
	return failures ? 1 : 0;
}
