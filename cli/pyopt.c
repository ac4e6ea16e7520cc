/* optparse's parsing, errors and help (CPython Lib/optparse.py). */
#include "cli/pyopt.h"

#include <ctype.h>
#include <errno.h>
#include <gmp.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define HELP_WIDTH 78     /* optparse: $COLUMNS (80 unset) - 2 */
#define HELP_POSITION 24  /* max_help_position */

struct pyopt *pyopt_get(const struct pyopt_parser *p, const char *longname)
{
	for (int i = 0; i < p->nopts; i++)
		if (p->opts[i].longname && !strcmp(p->opts[i].longname, longname))
			return &p->opts[i];
	fprintf(stderr, "pyopt: no option --%s\n", longname);
	abort();
}

int pyopt_error(const struct pyopt_parser *p, const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	fprintf(p->err, "Usage: %s [options]\n\n%s: error: ", p->prog, p->prog);
	va_start(ap, fmt);
	vfprintf(p->err, fmt, ap);
	va_end(ap);
	fputc('\n', p->err);
	return 2;
}

/* Python's int(s, radix) after optparse's choice of radix, its digits
 * (without underscores) into digits; false when int() would raise. */
static bool int_digits(const char *v, char *digits, size_t cap, int *radix, bool *neg)
{
	const char *s = v;
	while (isspace((unsigned char)*s))
		s++;
	*neg = *s == '-';
	if (*s == '+' || *s == '-')
		s++;
	*radix = 10;
	if (v[0] == '0' && (v[1] == 'x' || v[1] == 'X'))
		*radix = 16;
	else if (v[0] == '0' && (v[1] == 'b' || v[1] == 'B'))
		*radix = 2;
	else if (v[0] == '0')
		*radix = 8;
	if (s[0] == '0' && ((*radix == 16 && (s[1] == 'x' || s[1] == 'X')) || (*radix == 8 && (s[1] == 'o' || s[1] == 'O')) ||
			    (*radix == 2 && (s[1] == 'b' || s[1] == 'B'))))
		s += 2, s += *s == '_';
	size_t n = 0;
	bool under = false;
	for (; *s && !isspace((unsigned char)*s); s++) {
		if (*s == '_' && n && !under) {
			under = true;
			continue;
		}
		int d = isdigit((unsigned char)*s) ? *s - '0' : isalpha((unsigned char)*s) ? tolower(*s) - 'a' + 10 : 99;
		if (d >= *radix || n + 1 >= cap)
			return false;
		digits[n++] = *s;
		under = false;
	}
	digits[n] = '\0';
	while (isspace((unsigned char)*s))
		s++;
	return n && !under && !*s;
}

/* The integer optparse reads from v into z (initialized); false when int() would raise. */
static bool int_value(const char *v, mpz_t z)
{
	size_t cap = strlen(v) + 1;
	char *digits = malloc(cap);
	int radix;
	bool neg, ok = digits && int_digits(v, digits, cap, &radix, &neg);
	if (ok) {
		mpz_set_str(z, digits, radix);
		if (neg)
			mpz_neg(z, z);
	}
	free(digits);
	return ok;
}

/* An int option's value into z (initialized): its text when given, else its default. */
static void option_value(const struct pyopt *o, mpz_t z)
{
	if (o->kind != PYOPT_BIGINT || !o->s || !int_value(o->s, z))
		mpz_set_si(z, (long)o->i);
}

const char *pyopt_decimal(const struct pyopt *o, char buf[PYOPT_DECIMAL])
{
	mpz_t z;
	mpz_init(z);
	option_value(o, z);
	mpz_get_str(buf, 10, z);
	mpz_clear(z);
	return buf;
}

enum int_status { INT_OK, INT_INVALID, INT_WIDE };

/* Parses an int value into o (i when it fits 64 bits; a PYOPT_BIGINT
 * keeps its text in s): INT_WIDE when it does not fit what o's kind holds. */
static enum int_status parse_int(const char *v, struct pyopt *o)
{
	mpz_t z;
	mpz_init(z);
	enum int_status st = int_value(v, z) ? INT_OK : INT_INVALID;
	bool fits64 = sizeof(long) == 8 && mpz_fits_slong_p(z);
	if (st == INT_OK && (o->kind == PYOPT_INT ? !fits64 : mpz_sizeinbase(z, 2) > PYOPT_BIG_BITS))
		st = INT_WIDE;
	if (st == INT_OK) {
		o->i = fits64 ? (int64_t)mpz_get_si(z) : 0;
		if (o->kind == PYOPT_BIGINT)
			o->s = v;
	}
	mpz_clear(z);
	return st;
}

/* Stores value (NULL for a flag) into o, named as given (for messages). */
static int store(const struct pyopt_parser *p, struct pyopt *o, const char *given, const char *value)
{
	if (o->kind == PYOPT_TRUE) {
		o->flag = true;
		return -1;
	}
	if (o->kind == PYOPT_STRING) {
		o->s = value;
		return -1;
	}
	enum int_status st = parse_int(value, o);
	if (st == INT_INVALID)
		return pyopt_error(p, "option %s: invalid integer value: '%s'", given, value);
	if (st == INT_WIDE) {
		fflush(p->out);
		fprintf(p->err, "vmlab: exercise: option %s: %s: integers beyond %d bits are not simulated (%s takes them)\n",
			given, value, o->kind == PYOPT_INT ? 64 : PYOPT_BIG_BITS, p->prog);
		return 1;
	}
	return -1;
}

static void print_help(const struct pyopt_parser *p);

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The long option a word names (exactly, or by an unambiguous prefix, as
 * optparse's _match_abbrev: candidates listed sorted). 0 after --help. */
static int long_option(const struct pyopt_parser *p, const char *name, size_t len, struct pyopt **found)
{
	const char *cand[65];
	struct pyopt *of[65];
	int n = 0;
	char word[256], list[1024] = "";
	snprintf(word, sizeof word, "--%.*s", (int)len, name);
	if (!strncmp("help", name, len) && len <= 4)
		cand[n] = "help", of[n++] = NULL;
	for (int i = 0; i < p->nopts && n < 64; i++) {
		const char *l = p->opts[i].longname;
		if (!l)
			continue;
		if (strlen(l) == len && !strncmp(l, name, len)) { /* an exact match wins */
			*found = &p->opts[i];
			return -1;
		}
		if (!strncmp(l, name, len))
			cand[n] = l, of[n++] = &p->opts[i];
	}
	if (n == 1 && !of[0])
		return print_help(p), 0;
	if (n == 1) {
		*found = of[0];
		return -1;
	}
	if (n == 0)
		return pyopt_error(p, "no such option: %s", word);
	qsort(cand, (size_t)n, sizeof cand[0], cmp_str);
	for (int i = 0; i < n; i++) {
		size_t used = strlen(list);
		snprintf(list + used, sizeof list - used, "%s--%s", i ? ", " : "", cand[i]);
	}
	return pyopt_error(p, "ambiguous option: %s (%s?)", word, list);
}

static int parse_long(const struct pyopt_parser *p, int argc, char **argv, int *i)
{
	const char *arg = argv[*i] + 2, *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
	struct pyopt *o = NULL;
	int st = long_option(p, arg, len, &o);
	if (st != -1)
		return st;
	char given[300];
	snprintf(given, sizeof given, "--%s", o->longname);
	if (o->kind == PYOPT_TRUE)
		return eq ? pyopt_error(p, "%s option does not take a value", given) : store(p, o, given, NULL);
	if (eq)
		return store(p, o, given, eq + 1);
	if (*i + 1 >= argc)
		return pyopt_error(p, "%s option requires 1 argument", given);
	return store(p, o, given, argv[++*i]);
}

static int parse_short(const struct pyopt_parser *p, int argc, char **argv, int *i)
{
	for (const char *c = argv[*i] + 1; *c; c++) {
		char given[3] = {'-', *c, 0};
		struct pyopt *o = NULL;
		if (*c == 'h') {
			print_help(p);
			return 0;
		}
		for (int k = 0; k < p->nopts && !o; k++)
			if (p->opts[k].shortname == *c)
				o = &p->opts[k];
		if (!o)
			return pyopt_error(p, "no such option: %s", given);
		if (o->kind == PYOPT_TRUE) {
			store(p, o, given, NULL);
			continue;
		}
		if (c[1])
			return store(p, o, given, c + 1);
		if (*i + 1 >= argc)
			return pyopt_error(p, "%s option requires 1 argument", given);
		return store(p, o, given, argv[++*i]);
	}
	return -1;
}

int pyopt_parse(const struct pyopt_parser *p, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		int st = -1;
		if (!strcmp(a, "--"))
			break;
		if (!strncmp(a, "--", 2))
			st = parse_long(p, argc, argv, &i);
		else if (a[0] == '-' && a[1])
			st = parse_short(p, argc, argv, &i);
		if (st != -1)
			return st;
	}
	return -1;
}

/* ---- -h ---- */

/* A letter as textwrap's hyphen rule means it: [^\d\W]. */
static bool letter(char c) { return isalpha((unsigned char)c) || c == '_'; }

/* Whether textwrap may break w after the hyphen at w[k - 1], as its wordsep_re
 * splits hyphenated words: two letters (or letter, hyphen, letter) before it,
 * a letter and a letter (or hyphen, letter) after ("INSERT-" "FRONT"). */
static bool hyphen_break(const char *w, size_t k)
{
	if (k < 3 || w[k - 1] != '-' || !letter(w[k]) || !(letter(w[k + 1]) || (w[k + 1] == '-' && letter(w[k + 2]))))
		return false;
	return (letter(w[k - 3]) && letter(w[k - 2])) || (k >= 4 && letter(w[k - 4]) && w[k - 3] == '-' && letter(w[k - 2]));
}

/* The length of the next line of w at most avail wide, as textwrap fills
 * it: the most whole chunks (words, runs of blanks, hyphenated parts) that
 * fit, trailing blanks dropped; a word longer than any line is cut. */
static size_t line_length(const char *w, size_t avail)
{
	size_t len = strlen(w), k = len <= avail ? len : 0;
	for (size_t i = avail; !k && i > 0; i--)
		if ((w[i] == ' ' && w[i - 1] != ' ') || hyphen_break(w, i))
			k = i;
	if (!k)
		k = avail;
	while (k > 0 && w[k - 1] == ' ')
		k--;
	return k;
}

/* One option's line(s): its strings, then its help wrapped at HELP_WIDTH
 * from HELP_POSITION (or on the next line when the strings are too long). */
static void help_row(FILE *out, const char *strings, const char *help)
{
	int len = fprintf(out, "  %s", strings);
	int col = len;
	if (col + 2 > HELP_POSITION) {
		fputc('\n', out);
		col = 0;
	}
	const char *w = help;
	bool first = true;
	while (*w) {
		int n = (int)line_length(w, HELP_WIDTH - HELP_POSITION);
		fprintf(out, "%*s%.*s\n", first ? HELP_POSITION - col : HELP_POSITION, "", n, w);
		first = false;
		w += n;
		while (*w == ' ')
			w++;
	}
}

/* optparse's description: the text filled to HELP_WIDTH columns (textwrap.fill), a blank line after. */
static void print_description(FILE *out, const char *text)
{
	int col = 0;
	for (const char *w = text + strspn(text, " "); *w; w += strspn(w, " ")) {
		int n = (int)strcspn(w, " ");
		if (col && col + 1 + n > HELP_WIDTH) {
			fputc('\n', out);
			col = 0;
		}
		col += fprintf(out, "%s%.*s", col ? " " : "", n, w);
		w += n;
	}
	fprintf(out, "\n\n");
}

static void print_help(const struct pyopt_parser *p)
{
	FILE *out = p->out;
	fprintf(out, "Usage: %s [options]\n\n", p->prog);
	if (p->description)
		print_description(out, p->description);
	fprintf(out, "Options:\n");
	help_row(out, "-h, --help", "show this help message and exit");
	for (int i = 0; i < p->nopts; i++) {
		const struct pyopt *o = &p->opts[i];
		char meta[64], strings[200];
		size_t k;
		for (k = 0; o->dest[k] && k + 1 < sizeof meta; k++)
			meta[k] = (char)toupper((unsigned char)o->dest[k]);
		meta[k] = '\0';
		if (!o->longname && o->kind == PYOPT_TRUE)
			snprintf(strings, sizeof strings, "-%c", o->shortname);
		else if (!o->longname)
			snprintf(strings, sizeof strings, "-%c %s", o->shortname, meta);
		else if (o->kind == PYOPT_TRUE)
			snprintf(strings, sizeof strings, "-%c, --%s", o->shortname, o->longname);
		else
			snprintf(strings, sizeof strings, "-%c %s, --%s=%s", o->shortname, meta, o->longname, meta);
		help_row(out, strings, o->help);
	}
}
