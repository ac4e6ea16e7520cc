/* string.h and ctype.h against known answers (glibc's: the file also builds
 * on a Linux host, where it must print the same): every function on
 * ordinary, empty and edge-case arguments, and every character class for
 * all values from EOF to 255. Prints each result; exits 1 if any differs. */
#define _DEFAULT_SOURCE
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* strncpy and strncat truncate on purpose here. */
#pragma GCC diagnostic ignored "-Wstringop-truncation"

static int failures;

static void check(int line, const char *what, int ok)
{
	printf("%-4s line %d: %s\n", ok ? "ok" : "FAIL", line, what);
	failures += !ok;
}

#define CHECK(expr) check(__LINE__, #expr, (expr))

/* Prints a string result, or (null). */
static void show(int line, const char *what, const char *s)
{
	printf("     line %d: %s = %s%s%s\n", line, what, s ? "[" : "", s ? s : "(null)", s ? "]" : "");
}

#define SHOW(expr) show(__LINE__, #expr, (expr))

static void memory(void)
{
	char buf[16] = "abcdefghij";

	CHECK(memchr(buf, 'e', 10) == buf + 4);
	CHECK(memchr(buf, 'e', 4) == NULL);
	CHECK(memchr(buf, 'a' + 256, 10) == buf);	/* c is converted to unsigned char */
	CHECK(memcmp("abc", "abd", 3) < 0 && memcmp("abc", "abc", 3) == 0);
	CHECK(memcmp("\x80", "\x01", 1) > 0);		/* bytes compare as unsigned */
	memmove(buf + 2, buf, 5);
	SHOW(buf);
	memmove(buf, buf + 3, 5);
	SHOW(buf);
	memset(buf, 'z', 3);
	SHOW(buf);
}

static void lengths_and_copies(void)
{
	char buf[32];

	CHECK(strlen("") == 0 && strlen("hello") == 5);
	CHECK(strnlen("hello", 3) == 3 && strnlen("hi", 10) == 2);
	memset(buf, 'X', sizeof buf);
	strncpy(buf, "abc", 6);
	CHECK(memcmp(buf, "abc\0\0\0XX", 8) == 0);	/* pads with NULs to n */
	strncpy(buf, "abcdefgh", 4);
	CHECK(memcmp(buf, "abcd\0\0XX", 8) == 0);	/* no NUL when src is long */
	strcpy(buf, "foo");
	strcat(buf, "bar");
	SHOW(buf);
	strncat(buf, "bazqux", 3);
	SHOW(buf);
	strncat(buf, "!", 10);
	SHOW(buf);
	strcat(buf, "");
	SHOW(buf);
}

static void comparisons(void)
{
	CHECK(strcmp("abc", "abc") == 0);
	CHECK(strcmp("abc", "abd") < 0 && strcmp("abd", "abc") > 0);
	CHECK(strcmp("ab", "abc") < 0 && strcmp("", "a") < 0);
	CHECK(strcmp("\xff", "a") > 0);
	CHECK(strncmp("abcdef", "abcxyz", 3) == 0 && strncmp("abcdef", "abcxyz", 4) < 0);
	CHECK(strncmp("a", "b", 0) == 0);
}

static void searching(void)
{
	const char *s = "hello, world";

	CHECK(strchr(s, 'o') == s + 4 && strrchr(s, 'o') == s + 8);
	CHECK(strchr(s, '\0') == s + 12 && strrchr(s, '\0') == s + 12);
	CHECK(strchr(s, 'z') == NULL && strrchr(s, 'z') == NULL);
	SHOW(strstr(s, "wor"));
	SHOW(strstr(s, "lo, w"));
	SHOW(strstr(s, ""));
	SHOW(strstr(s, "worlds"));
	SHOW(strstr("aaab", "aab"));
	SHOW(strstr("", "a"));
	CHECK(strspn("  \tword", " \t") == 3 && strspn("abc", "") == 0);
	CHECK(strspn("123abc", "0123456789") == 3 && strspn("", "a") == 0);
	CHECK(strcspn("hello, world", ",;") == 5 && strcspn("abc", "") == 3);
	CHECK(strcspn("abc", "xyz") == 3);
	SHOW(strpbrk(s, "wr"));
	SHOW(strpbrk(s, "xyz"));
}

static void tokens(void)
{
	char line[] = "  ls -l,,/tmp  ;  echo hi ";
	char *t, *save;

	for (t = strtok(line, " ,;"); t; t = strtok(NULL, " ,;"))
		SHOW(t);
	SHOW(strtok(NULL, " "));			/* stays at the end */
	char only_delims[] = ",,,";
	SHOW(strtok(only_delims, ","));
	char pairs[] = "a=1&b=2&c";
	for (t = strtok_r(pairs, "&", &save); t; t = strtok_r(NULL, "&", &save))
		SHOW(t);
}

static void duplicates(void)
{
	char *d = strdup("copy me");

	SHOW(d);
	CHECK(d != NULL && strcmp(d, "copy me") == 0);
	free(d);
	d = strndup("truncate", 5);
	SHOW(d);
	free(d);
	d = strndup("ab", 10);
	SHOW(d);
	free(d);
	d = strdup("");
	CHECK(d != NULL && d[0] == '\0');
	free(d);
}

static void messages(void)
{
	SHOW(strerror(0));
	SHOW(strerror(ENOMEM));
	SHOW(strerror(EINVAL));
	SHOW(strerror(ERANGE));
	SHOW(strerror(ENOSYS));
	SHOW(strerror(9999));
}

/* One line per class: the characters of 0..255 (and EOF) in it, as ranges. */
static void classes(void)
{
	static const struct { const char *name; int (*fn)(int); } cls[] = {
		{ "isalnum", isalnum }, { "isalpha", isalpha }, { "isblank", isblank },
		{ "iscntrl", iscntrl }, { "isdigit", isdigit }, { "isgraph", isgraph },
		{ "islower", islower }, { "isprint", isprint }, { "ispunct", ispunct },
		{ "isspace", isspace }, { "isupper", isupper }, { "isxdigit", isxdigit },
	};

	for (size_t k = 0; k < sizeof cls / sizeof *cls; k++) {
		printf("%-8s:", cls[k].name);
		for (int c = -1; c < 256; c++) {
			if (!cls[k].fn(c) || (c > -1 && cls[k].fn(c - 1)))
				continue;
			int end = c;
			while (end < 255 && cls[k].fn(end + 1))
				end++;
			printf(end == c ? " %d" : " %d-%d", c, end);
		}
		printf("\n");
	}
	int changed = 0;
	for (int c = -1; c < 256; c++)
		changed += (toupper(c) != c) + (tolower(c) != c);
	CHECK(changed == 52);
	CHECK(toupper('a') == 'A' && toupper('z') == 'Z' && toupper('A') == 'A' && toupper('1') == '1');
	CHECK(tolower('A') == 'a' && tolower('Z') == 'z' && tolower('a') == 'a' && tolower(EOF) == EOF);
}

int main(void)
{
	memory();
	lengths_and_copies();
	comparisons();
	searching();
	tokens();
	duplicates();
	messages();
	classes();
	printf("strings: %d failures\n", failures);
	return failures ? 1 : 0;
}
