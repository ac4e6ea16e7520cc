/* test_symbols' guest program: a known call chain main -> outer -> inner ->
 * the runtime's strcpy, built -O0 -g -fno-omit-frame-pointer (the Makefile's
 * SYMBOLS_ELF rules), also stripped and without DWARF. */
#include <stdio.h>
#include <string.h>

int inner(const char *s);
int outer(const char *s);

static char buf[64];

__attribute__((noinline)) int inner(const char *s)
{
	strcpy(buf, s);
	return (int)strlen(buf);
}

__attribute__((noinline)) int outer(const char *s)
{
	int n = inner(s);
	return n + 1;
}

int main(void)
{
	int n = outer("frames");
	printf("%d\n", n);
	return 0;
}
