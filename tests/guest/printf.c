/* The runtime's printf engine against known answers (glibc's, for the same
 * formats): every conversion, flag, width, precision and length modifier,
 * snprintf truncation and return values. Prints each result; exits 1 if any
 * differs. The file also builds on a Linux host, to check the answers. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Some cases are deliberately odd (a 0 flag with a precision, a NULL %s). */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-overflow"
#pragma GCC diagnostic ignored "-Wformat-truncation"

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
		char buf_[128]; \
		int n_ = snprintf(buf_, sizeof buf_, __VA_ARGS__); \
		check(__LINE__, want, buf_, n_); \
	} while (0)

static void integers(void)
{
	T("0 1 -1 42", "%d %i %d %i", 0, 1, -1, 42);
	T("2147483647 -2147483648", "%d %d", INT_MAX, INT_MIN);
	T("9223372036854775807", "%ld", LONG_MAX);
	T("-9223372036854775808", "%lld", LLONG_MIN);
	T("18446744073709551615", "%lu", ULONG_MAX);
	T("4294967295", "%u", UINT_MAX);
	T("ff FF 377 0", "%x %X %o %x", 255, 255, 255, 0);
	T("ffffffffffffffff", "%lx", ULONG_MAX);
	T("deadbeefcafe", "%llx", 0xdeadbeefcafeULL);
	T("1777777777777777777777", "%lo", ULONG_MAX);
	T("-1 255 65535 -32768", "%hhd %hhu %hu %hd", 255, 255, -1, 32768);
	T("123456789012 -5", "%zu %zd", (size_t)123456789012ULL, (long)-5);
}

static void widths(void)
{
	T("[   42]", "[%5d]", 42);
	T("[42   ]", "[%-5d]", 42);
	T("[00042]", "[%05d]", 42);
	T("[-0042]", "[%05d]", -42);
	T("[  -42]", "[%5d]", -42);
	T("[+42] [ 42] [+0]", "[%+d] [% d] [%+d]", 42, 42, 0);
	T("[  042]", "[%5.3d]", 42);
	T("[  042]", "[%05.3d]", 42);
	T("[] [1] []", "[%.0d] [%.0d] [%.0x]", 0, 1, 0u);
	T("[    7]", "[%*d]", 5, 7);
	T("[7    ]", "[%*d]", -5, 7);
	T("[007]", "[%.*d]", 3, 7);
	T("[0x1f] [0X1F] [017] [0] [0]", "[%#x] [%#X] [%#o] [%#x] [%#o]", 31, 31, 15, 0, 0);
	T("[0x00001f]", "[%#08x]", 31);
	T("[00000000deadbeef]", "[%016lx]", 0xdeadbeefUL);
	T("[-00000000000000000001]", "[%021ld]", -1L);
}

static void strings_and_chars(void)
{
	T("[hello]", "[%s]", "hello");
	T("[  hello]", "[%7s]", "hello");
	T("[hello  ]", "[%-7s]", "hello");
	T("[hel]", "[%.3s]", "hello");
	T("[   he]", "[%5.2s]", "hello");
	T("[(null)]", "[%s]", (char *)NULL);
	T("[x] [  y] [z  ]", "[%c] [%3c] [%-3c]", 'x', 'y', 'z');
	T("[100%]", "[100%%]");
	T("[]", "[%s]", "");
}

static void pointers(void)
{
	T("[0x1234]", "[%p]", (void *)0x1234);
	T("[0xfffffffffffff000]", "[%p]", (void *)~0xfffUL);
	T("[(nil)]", "[%p]", (void *)0);
	T("[  0x10]", "[%6p]", (void *)0x10);
	T("[0x10  ]", "[%-6p]", (void *)0x10);
}

static void truncation(void)
{
	char small[6];
	int n;

	n = snprintf(small, sizeof small, "%s", "truncated");
	check(__LINE__, "trunc", small, n == 9 ? 5 : -1);
	n = snprintf(small, 0, "%d", 12345678);
	printf("%-4s line %d: snprintf(size 0) returns %d\n", n == 8 ? "ok" : "FAIL", __LINE__, n);
	failures += n != 8;
	n = sprintf(small, "%d", -1234);
	check(__LINE__, "-1234", small, n);
	n = printf("%s", "");
	printf("%-4s line %d: printf of nothing returns %d\n", n == 0 ? "ok" : "FAIL", __LINE__, n);
	failures += n != 0;
}

int main(void)
{
	integers();
	widths();
	strings_and_chars();
	pointers();
	truncation();
	puts("puts adds a newline");
	putchar('!');
	putchar('\n');
	printf("printf: %d failures\n", failures);
	return failures ? 1 : 0;
}
