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

/* PYOPT_INT holds 64 bits (in i); PYOPT_BIGINT any integer of up to
 * PYOPT_BIG_BITS bits (a seed: CPython seeds with any int), read through
 * pyopt_decimal (and in i when it fits). */
enum pyopt_kind { PYOPT_INT, PYOPT_STRING, PYOPT_TRUE, PYOPT_BIGINT };

#define PYOPT_BIG_BITS 1024
#define PYOPT_DECIMAL 320 /* room for a PYOPT_BIG_BITS int in decimal */

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
	const char *description; /* optparse's description= (NULL for none): -h
				    prints it filled to the help's width between
				    the usage line and the options */
};

/* Parses argv[0..argc-1] (the words after the exercise's name). Returns -1
 * when the exercise should go on (positional words are ignored, as the
 * simulators ignore them), else the exit status: 0 after -h, 2 after an
 * error (both printed as optparse prints them). */
int pyopt_parse(const struct pyopt_parser *p, int argc, char **argv);

/* An int option's value in decimal, as Python prints it. */
const char *pyopt_decimal(const struct pyopt *o, char buf[PYOPT_DECIMAL]);
/* optparse's parser.error(): the usage and "PROG: error: " with the
 * message on p->err (standard output flushed first); returns 2, the exit
 * status. For a value the exercise refuses after parsing. */
__attribute__((format(printf, 2, 3))) int pyopt_error(const struct pyopt_parser *p, const char *fmt, ...);

/* The option called longname (which must exist). */
struct pyopt *pyopt_get(const struct pyopt_parser *p, const char *longname);

#endif
