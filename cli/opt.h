/* Option tables: each subcommand describes its options as rows (name, short
 * name, argument, help, default, setter); one engine turns the rows into
 * getopt_long's tables, calls the setters, reports bad usage and prints
 * --help. Adding an option is one row plus its setter. */
#ifndef CLI_OPT_H
#define CLI_OPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lib/util.h"

/* Stores an option's value into ctx (the row's group's). value is NULL for a
 * flag. Returns false with what is wrong in err ("must be 1 to 65536"); the
 * engine prints "vmlab: --name value: err" and stops. */
typedef bool (*opt_setter)(void *ctx, const char *value, char *err, size_t errlen);

struct opt {
	const char *name;   /* long name without the dashes; NULL for a short option only */
	char short_name;    /* 's' for -s; 0 for a long option only */
	const char *arg;    /* the value's name in --help ("SIZE"); NULL for a flag */
	const char *help;   /* one line; a '\n' continues it on an indented line */
	const char *def;    /* the default, as --help shows it; NULL when there is none */
	opt_setter set;
};

/* Rows whose setters take the same context. */
struct opt_group {
	const char *title;  /* heading in --help: "machine options" */
	const struct opt *rows;
	size_t nrows;
	void *ctx;
};

/* A subcommand: its groups, in --help order, and what to do with operands. */
struct opt_cmd {
	const char *name;   /* "run": messages say "vmlab: run: ..." */
	const char *usage;  /* the text --help prints before the options */
	const struct opt_group *groups;
	size_t ngroups;
	/* Takes one operand (argv words that are not options, in order); false
	 * with what is wrong in err. */
	bool (*operand)(void *ctx, const char *arg, char *err, size_t errlen);
	void *operand_ctx;
};

enum opt_status {
	OPT_OK,     /* every option and operand was taken */
	OPT_HELP,   /* -h or --help: the help is printed on stdout */
	OPT_USAGE,  /* bad usage: the message is printed on stderr */
};

/* Parses argv[1..argc-1] (argv[0] is the subcommand's name) with
 * getopt_long: options and operands may be mixed, "--" ends the options,
 * "--name=value" and unambiguous abbreviations of long names are accepted.
 * Calls the setters in command-line order, then the operand callback. */
WARN_UNUSED enum opt_status opt_parse(const struct opt_cmd *cmd, int argc, char **argv);

/* Prints the usage text and every group's options with their help and
 * defaults, then -h/--help. */
void opt_help(const struct opt_cmd *cmd, FILE *out);

/* ---- values ---- */

/* Parses a decimal unsigned integer; false on anything else (or overflow). */
bool parse_u64(const char *s, uint64_t *out);
/* Parses "4096", "4k", "16m", "1g", "1t" (powers of 1024; an optional b after
 * the suffix); false on anything else. */
bool parse_size(const char *s, uint64_t *out);

/* A decimal number from min to max; otherwise false with "must be a number
 * from MIN to MAX" in err. */
WARN_UNUSED bool opt_number(const char *v, uint64_t min, uint64_t max, uint64_t *out, char *err, size_t errlen);
/* A size (parse_size) from min to max bytes; otherwise false with "must be a
 * size from MIN to MAX" in err, the bounds in words ("4 KiB"). */
WARN_UNUSED bool opt_size(const char *v, uint64_t min, uint64_t max, uint64_t *out, char *err, size_t errlen);
/* Writes bytes in words: "4 bytes", "4 KiB", "1 GiB", "1536 KiB" (the largest
 * unit that divides it). */
void opt_size_text(uint64_t bytes, char *buf, size_t size);

/* ---- files ---- */

/* What an option needs of the path it names. */
enum opt_path {
	OPT_PATH_READ,  /* a file vmlab reads: exists, not a directory; a regular one can be opened */
	OPT_PATH_WRITE, /* a file vmlab creates or overwrites: not a directory, writable if it exists,
			   else in a directory that exists and can be written */
	OPT_PATH_DIR,   /* a directory vmlab looks into: exists, is one, and can be opened */
};

/* Checks path for what an option needs before anything runs, so a bad one
 * fails at once. Returns false with what is wrong in err ("is a directory,
 * not a file", "No such file or directory", "Permission denied"). */
WARN_UNUSED bool opt_path(const char *path, enum opt_path need, char *err, size_t errlen);

#endif
