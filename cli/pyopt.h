/* Python's optparse, as the OSTEP homework simulators use it: the same
 * options spelled and parsed the same way (short options with their value
 * attached or next, clustered flags, long options with = or the next word,
 * unambiguous prefixes of long options, "--" ending the options, ints in the
 * radix their prefix says: 0x hex, 0b binary, a leading 0 octal), the same
 * error messages (usage and "PROG: error: ..." on standard error, exit 2) and
 * the same -h (the help formatted as optparse does at 80 columns). */
#ifndef CLI_PYOPT_H
#define CLI_PYOPT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum pyopt_kind { PYOPT_INT, PYOPT_STRING, PYOPT_TRUE };

struct pyopt {
	char shortname;        /* 's' for -s, 0 for none */
	const char *longname;  /* "seed" for --seed, NULL for none (a short option only) */
	enum pyopt_kind kind;
	const char *dest;      /* the metavar is its upper case */
	const char *help;
	/* the value: the default until parsed */
	int64_t i;
	const char *s;
	bool flag;
};

struct pyopt_parser {
	const char *prog;      /* "relocation.py" */
	struct pyopt *opts;
	int nopts;
	FILE *out, *err;       /* -h goes to out, errors to err */
};

/* Parses argv[0..argc-1] (the words after the exercise's name). Returns -1
 * when the exercise should go on (positional words are ignored, as the
 * simulators ignore them), else the exit status: 0 after -h, 2 after an
 * error (both printed as optparse prints them). */
int pyopt_parse(const struct pyopt_parser *p, int argc, char **argv);
/* pyopt_parse whose -h prints description (filled to the help's width, as
 * optparse's description=) between the usage line and the options. */
int pyopt_parse_described(const struct pyopt_parser *p, const char *description, int argc, char **argv);

/* The option called longname (which must exist). */
struct pyopt *pyopt_get(const struct pyopt_parser *p, const char *longname);

#endif
