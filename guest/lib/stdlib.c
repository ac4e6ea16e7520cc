/* Number parsing and small helpers of stdlib.h (exit and abort live in process.c). */
#include <limits.h>
#include <stdlib.h>

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

/* Parses digits at s in base (0: decimal, 0x hex, 0 octal); stores the end
 * in *end; saturates at ULONG_MAX. */
static unsigned long parse_digits(const char *s, const char **end, int base)
{
	unsigned long v = 0;
	int d;

	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')
	    && digit_value(s[2]) < 16) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	for (; (d = digit_value(*s)) < base; s++)
		v = v > (ULONG_MAX - (unsigned long)d) / (unsigned long)base
			? ULONG_MAX : v * (unsigned long)base + (unsigned long)d;
	*end = s;
	return v;
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	const char *p = s, *stop;
	int neg = 0;
	unsigned long v;

	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	v = parse_digits(p, &stop, base);
	if (end)
		*end = (char *)(stop == p ? s : stop);
	return neg ? -v : v;
}

long strtol(const char *restrict s, char **restrict end, int base)
{
	const char *p = s;
	unsigned long v;

	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	v = strtoul(p, end, base);
	if (*p == '-')
		return -v > (unsigned long)LONG_MAX + 1 ? LONG_MIN : (long)v;
	return v > LONG_MAX ? LONG_MAX : (long)v;
}

long atol(const char *s)
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
