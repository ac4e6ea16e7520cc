/* stdlib.h against known answers (glibc's: the file also builds on a Linux
 * host and must print the same there, except for rand, whose sequence is
 * the C standard's example here and checked against it by value): number
 * parsing in every base with end pointers and ERANGE/EINVAL, qsort on
 * random and adversarial arrays, bsearch, getenv over a replaced environ,
 * abs. Exits 1 if any check fails. */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures;

static void check(int line, const char *what, int ok)
{
	printf("%-4s line %d: %s\n", ok ? "ok" : "FAIL", line, what);
	failures += !ok;
}

#define CHECK(expr) check(__LINE__, #expr, (expr))

/* Parses s with strtol and strtoul in base and prints value, errno and
 * how many characters were used. */
static void parse(const char *s, int base)
{
	char *end = (char *)s;	/* glibc leaves it alone for a bad base */
	long v;
	unsigned long u;

	errno = 0;
	v = strtol(s, &end, base);
	printf("strtol(\"%s\", %d) = %ld, used %d, errno %s\n", s, base, v, (int)(end - s),
	       errno == ERANGE ? "ERANGE" : errno == EINVAL ? "EINVAL" : errno ? "other" : "0");
	errno = 0;
	end = (char *)s;
	u = strtoul(s, &end, base);
	printf("strtoul(\"%s\", %d) = %lu, used %d, errno %s\n", s, base, u, (int)(end - s),
	       errno == ERANGE ? "ERANGE" : errno == EINVAL ? "EINVAL" : errno ? "other" : "0");
}

static void numbers(void)
{
	static const struct { const char *s; int base; } cases[] = {
		{ "0", 10 }, { "42", 10 }, { "  -17xyz", 10 }, { "+8", 10 }, { " \t 99 ", 0 },
		{ "0x1F", 0 }, { "0x1F", 16 }, { "1f", 16 }, { "0X", 16 }, { "0xg", 0 },
		{ "017", 0 }, { "019", 0 }, { "08", 8 }, { "101102", 2 }, { "zz", 36 }, { "ZZ", 36 },
		{ "z", 35 }, { "", 10 }, { "   ", 10 }, { "-", 10 }, { "+-1", 10 }, { "abc", 10 },
		{ "9223372036854775807", 10 }, { "9223372036854775808", 10 },
		{ "-9223372036854775808", 10 }, { "-9223372036854775809", 10 },
		{ "18446744073709551615", 10 }, { "18446744073709551616", 10 },
		{ "-18446744073709551615", 10 }, { "-18446744073709551616", 10 },
		{ "99999999999999999999999999999", 0 }, { "-1", 10 }, { "0xffffffffffffffff", 0 },
		{ "12", 1 }, { "12", 37 }, { "12", -1 },
	};

	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		parse(cases[i].s, cases[i].base);
	CHECK(atoi("  123abc") == 123 && atoi("-45") == -45 && atoi("x") == 0);
	CHECK(atol("-9000000000") == -9000000000L && atoll("77") == 77);
	CHECK(strtoll("-12", NULL, 10) == -12 && strtoull("12", NULL, 10) == 12);
	CHECK(strtoimax("-0x10", NULL, 0) == -16 && strtoumax("0777", NULL, 0) == 511);
	int64_t big = INT64_MIN;
	uint64_t ubig = UINT64_MAX;
	uintptr_t ptr = 0x3fffffe000;
	printf("%" PRId64 " %" PRIu64 " %" PRIx64 " %#" PRIxPTR " %" PRIu8 " %" PRId32 "\n",
	       big, ubig, ubig, ptr, (uint8_t)200, INT32_MIN);
	CHECK(abs(-5) == 5 && abs(5) == 5 && labs(-5000000000L) == 5000000000L && llabs(-3) == 3);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

struct rec {
	char name[11];
	short key;
};

static int cmp_rec(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;
	return x->key != y->key ? x->key - y->key : strcmp(x->name, y->name);
}

static unsigned long long xorshift = 88172645463325252ull;

static int next_random(int mod)
{
	xorshift ^= xorshift << 13;
	xorshift ^= xorshift >> 7;
	xorshift ^= xorshift << 17;
	return (int)(xorshift % (unsigned long long)mod);
}

/* true when a[0..n) is in order and its sum is want_sum */
static int sorted(const int *a, int n, long want_sum)
{
	long sum = 0;
	for (int i = 0; i < n; i++) {
		sum += a[i];
		if (i && a[i - 1] > a[i])
			return 0;
	}
	return sum == want_sum;
}

static void sorting(void)
{
	static int a[3000];
	static const int sizes[] = { 0, 1, 2, 3, 7, 8, 9, 50, 1000, 3000 };
	int ok = 1;

	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		int n = sizes[k];
		for (int shape = 0; shape < 5; shape++) {
			long sum = 0;
			for (int i = 0; i < n; i++) {
				a[i] = shape == 0 ? next_random(1000000) - 500000 :	/* random */
				       shape == 1 ? i :				/* sorted */
				       shape == 2 ? n - i :			/* reversed */
				       shape == 3 ? 7 :				/* all equal */
				       next_random(3);				/* few values */
				sum += a[i];
			}
			qsort(a, (size_t)n, sizeof *a, cmp_int);
			if (!sorted(a, n, sum)) {
				printf("FAIL qsort: size %d, shape %d\n", n, shape);
				ok = 0;
			}
		}
	}
	CHECK(ok);

	struct rec recs[] = { { "delta", 3 }, { "alpha", 1 }, { "echo", 3 }, { "charlie", 2 },
			      { "bravo", 1 }, { "foxtrot", -4 }, { "golf", 0 }, { "hotel", 2 },
			      { "india", 9 }, { "juliett", -4 } };
	size_t n = sizeof recs / sizeof *recs;
	qsort(recs, n, sizeof *recs, cmp_rec);
	for (size_t i = 0; i < n; i++)
		printf("%s(%d)%s", recs[i].name, recs[i].key, i + 1 < n ? " " : "\n");

	int keys[] = { 1, 3, 5, 7, 9, 11 };
	int found = 1;
	for (int k = 0; k <= 12; k++) {
		int *p = bsearch(&k, keys, 6, sizeof *keys, cmp_int);
		found &= (k % 2 && k < 12) ? p && *p == k : p == NULL;
	}
	CHECK(found);
	CHECK(bsearch(&found, keys, 0, sizeof *keys, cmp_int) == NULL);
}

/* rand is the C standard's example generator: check it against the formula. */
static void randomness(void)
{
	int same = 1;
#ifdef __riscv
	unsigned long next = 1;

	for (int i = 0; i < 1000; i++) {
		next = next * 1103515245 + 12345;
		same &= rand() == (int)((unsigned)(next / 65536) % 32768);
	}
	srand(1);
	printf("rand after srand(1):");
	for (int i = 0; i < 5; i++)
		printf(" %d", rand());
	printf("\n");
#else	/* glibc's rand is another generator: print what the guest must */
	printf("rand after srand(1): 16838 5758 10113 17515 31051\n");
#endif
	CHECK(same);
	srand(42);
	int first = rand();
	srand(42);
	CHECK(rand() == first);
	int in_range = 1;
	for (int i = 0; i < 1000; i++) {
		int r = rand();
		in_range &= r >= 0 && r <= RAND_MAX;
	}
	CHECK(in_range);
}

static void environment(void)
{
	char *vars[] = { "HOME=/home/student", "EMPTY=", "PATH=/bin:/usr/bin", "HOMEWORK=vm", NULL };
	char **saved = environ;

	environ = vars;
	printf("HOME=[%s] HOMEWORK=[%s] EMPTY=[%s]\n", getenv("HOME"), getenv("HOMEWORK"), getenv("EMPTY"));
	CHECK(getenv("HOM") == NULL && getenv("NOPE") == NULL && getenv("") == NULL);
	CHECK(getenv("HOME=") == NULL);
	environ = saved;
}

int main(void)
{
	numbers();
	sorting();
	randomness();
	environment();
	printf("stdlib: %d failures\n", failures);
	return failures ? 1 : 0;
}
