/* Number parsing, rand, getenv and small helpers of stdlib.h (exit and
 * abort live in process.c, qsort in sort.c, the heap in malloc.c). */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/* What strtol and strtoul share: white space, sign, base prefix, digits. */
struct parsed {
	unsigned long magnitude;	/* ULONG_MAX when it overflowed */
	bool neg, overflow;
};

/* Parses s in base into *p; stores the end (s itself when no digit was
 * read) in *end if end is not NULL. false (errno EINVAL) for a bad base. */
static bool parse_number(const char *s, char **end, int base, struct parsed *p)
{
	const char *q = s;
	int d;

	*p = (struct parsed){ 0 };
	if (end)
		*end = (char *)s;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		return false;
	}
	while (*q == ' ' || (*q >= '\t' && *q <= '\r'))
		q++;
	if (*q == '+' || *q == '-')
		p->neg = *q++ == '-';
	if ((base == 0 || base == 16) && q[0] == '0' && (q[1] == 'x' || q[1] == 'X')
	    && digit_value(q[2]) < 16) {
		q += 2;
		base = 16;
	} else if (base == 0) {
		base = q[0] == '0' ? 8 : 10;
	}
	if (digit_value(*q) >= base)
		return true;	/* no digits: 0, and *end stays at s */
	for (; (d = digit_value(*q)) < base; q++) {
		if (p->magnitude > (ULONG_MAX - (unsigned long)d) / (unsigned long)base)
			p->overflow = true;
		else
			p->magnitude = p->magnitude * (unsigned long)base + (unsigned long)d;
	}
	if (p->overflow)
		p->magnitude = ULONG_MAX;
	if (end)
		*end = (char *)q;
	return true;
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	struct parsed p;

	if (!parse_number(s, end, base, &p))
		return 0;
	if (p.overflow) {
		errno = ERANGE;
		return ULONG_MAX;
	}
	return p.neg ? -p.magnitude : p.magnitude;
}

long strtol(const char *restrict s, char **restrict end, int base)
{
	struct parsed p;
	unsigned long limit;

	if (!parse_number(s, end, base, &p))
		return 0;
	limit = p.neg ? (unsigned long)LONG_MAX + 1 : (unsigned long)LONG_MAX;
	if (p.overflow || p.magnitude > limit) {
		errno = ERANGE;
		return p.neg ? LONG_MIN : LONG_MAX;
	}
	return p.neg ? (long)-p.magnitude : (long)p.magnitude;
}

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	return strtol(s, end, base);	/* long and long long are both 64 bits */
}

unsigned long long strtoull(const char *restrict s, char **restrict end, int base)
{
	return strtoul(s, end, base);
}

intmax_t strtoimax(const char *restrict s, char **restrict end, int base)
{
	return strtol(s, end, base);
}

uintmax_t strtoumax(const char *restrict s, char **restrict end, int base)
{
	return strtoul(s, end, base);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
	return strtol(s, NULL, 10);
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

int abs(int x)
{
	return x < 0 ? -x : x;
}

long labs(long x)
{
	return x < 0 ? -x : x;
}

long long llabs(long long x)
{
	return x < 0 ? -x : x;
}

static unsigned long rand_next = 1;

int rand(void)
{
	rand_next = rand_next * 1103515245 + 12345;
	return (int)((unsigned int)(rand_next / 65536) % 32768);
}

void srand(unsigned int seed)
{
	rand_next = seed;
}

char *getenv(const char *name)
{
	size_t n = strlen(name);

	if (!environ || !n || strchr(name, '='))
		return NULL;
	for (char **e = environ; *e; e++)
		if (!strncmp(*e, name, n) && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}
