/* vmlab exercise: what the exercises (cli/ex_NAME.c, one per OSTEP
 * homework simulator) share with the command (cli/exercise.c). Each prints
 * on standard output exactly what its simulator prints, with its flags
 * parsed by cli/pyopt.h and its random choices from lib/pyrandom.h. */
#ifndef CLI_EXERCISE_H
#define CLI_EXERCISE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/pyopt.h"
#include "hw/mmu.h"
#include "lib/pyrandom.h"
#include "lib/util.h"

/* Python's int(s) for the n bytes at v (base 10, blanks around, a sign);
 * false when int() would raise (or the value does not fit 64 bits). */
bool py_int(const char *v, size_t n, int64_t *out);
/* The simulators' convert(): a size with an optional k, m or g suffix (of
 * 1024s), parsed as Python's int(); false when int() would raise. */
bool py_size(const char *v, int64_t *out);
/* Python's '%08x' (a negative number keeps its sign in front). */
const char *py_hex08(int64_t v, char buf[32]);
/* A size Python could not convert (or 64 bits cannot hold): the traceback's last line on standard
 * error, exit status 1 (what the simulator printed before stays printed). */
int bad_size(const char *prog, const char *v);
/* int() of the n bytes at v raised: its ValueError, as bad_size (or, for
 * an integer Python takes but 64 bits do not hold, vmlab's message). */
int bad_int(const char *prog, const char *v, size_t n);
/* Any other exception the simulator would die of ("ZeroDivisionError",
 * "float division by zero"; what "" for none, as a bare assert's), as bad_size. */
int py_raise(const char *prog, const char *exception, const char *what);

/* random.seed(int(v)) for a seed given as a string (any size); false when
 * int() would raise. */
bool py_seed_text(struct pyrandom *r, const char *v);
/* random.seed(seed) for an optparse int (PYOPT_BIGINT, or PYOPT_INT). */
void py_seed(struct pyrandom *r, const struct pyopt *seed);
/* int(asize/4.0 + (asize/4.0 * random.random())): the length relocation.py
 * and segmentation.py draw for a limit not given. */
int64_t py_random_limit(struct pyrandom *r, int64_t asize);

/* The machine an exercise answers with: an MMU of cfg (and page-table
 * format fmt, NULL without paging) over bytes (rounded up to 4 KiB pages) of
 * physical memory in *pm, all zero, loaded with ctx; NULL after "vmlab:
 * exercise NAME: why" on standard error (nothing is left built). */
struct mmu *ex_machine(const char *name, const struct mmu_config *cfg, uint64_t bytes, const struct pt_format *fmt,
		       const struct mmu_context *ctx, struct physmem *pm);

/* ---- what vmlab adds to every exercise: --explain, --check FILE, --json ----
 *
 * An exercise prints its simulator's text on run->out (standard output, or
 * a buffer when the text is not what the user asked for) and records each
 * question it asks, with the machine's answer and the working behind it, as
 * it goes; cli/exercise.c then prints, grades or encodes them. */

enum ex_mode {
	EX_PRINT,   /* the simulator's text, as it prints it */
	EX_EXPLAIN, /* the text with the answers (-c), then the working of each */
	EX_CHECK,   /* grade the answers in a file */
	EX_JSON,    /* the problem, the answers and the working as one JSON object */
};

struct ex_question {
	char *ask;     /* what is asked, in the simulator's words ("VA 0x000001ff (decimal 511)") */
	char *word;    /* the answer when it is a word ("fault", "hit"), else NULL */
	int64_t value; /* the answer when it is a number */
	char *working; /* the explanation: lines, each ending in '\n' */
};

struct ex_run {
	const char *name;
	enum ex_mode mode;
	const char *check_file;
	FILE *out;
	/* How answers are written: the words an answer may be besides a
	 * number ("fault", "hit miss"; "" for numbers only); whether any
	 * question may be answered either way (mixed: an address or fault),
	 * or a question a word answers takes only words and one a number
	 * answers only numbers (hit or miss; a count); whether numbers are
	 * shown in hex. Set by the exercise before its first question. */
	const char *words;
	bool mixed, hex;
	struct ex_question *q;
	size_t nq, cap;
};

/* Whether the exercise prints the answers: its -c flag, or what the mode
 * needs (--explain shows them; --check and --json keep the problem's text). */
bool ex_solve(const struct ex_run *run, bool flag);
/* Whether the exercise must find the answers: it prints them (ex_solve),
 * or the mode records them. Without them, it prints the problem only, as
 * the simulator does (and fails where the machine would, never before). */
bool ex_answering(const struct ex_run *run, bool flag);
/* Records the next question: what it asks and its answer, a number or
 * (word not NULL) one of run->words. */
PRINTF_LIKE(3, 4) void ex_ask_number(struct ex_run *run, int64_t value, const char *fmt, ...);
PRINTF_LIKE(3, 4) void ex_ask_word(struct ex_run *run, const char *word, const char *fmt, ...);
/* Appends a line (without its '\n') to the working of the last question. */
PRINTF_LIKE(2, 3) void ex_explain(struct ex_run *run, const char *fmt, ...);
/* The bits of v, width of them, most significant first, with a space
 * after the first split bits ("01 1010" for v 26, width 6, split 2). */
const char *ex_bits(uint64_t v, unsigned width, unsigned split, char buf[80]);
/* The bits of v in n fields of widths[0..n-1] bits (most significant
 * first), separated by " | ", a field of no bits written "-" ("11 | 0101"
 * for v 53, widths {2, 4}); at most 64 bits and 16 fields. */
const char *ex_fields(uint64_t v, const unsigned *widths, unsigned n, char buf[160]);

/* The exercises: argv holds the words after the exercise's name. */
int ex_relocation(struct ex_run *run, int argc, char **argv);
int ex_segmentation(struct ex_run *run, int argc, char **argv);
int ex_malloc(struct ex_run *run, int argc, char **argv);
int ex_paging_linear(struct ex_run *run, int argc, char **argv);
int ex_paging_multilevel(struct ex_run *run, int argc, char **argv);
int ex_paging_policy(struct ex_run *run, int argc, char **argv);
/* vmlab's own: a TLB's hits and misses and the effective access time. */
int ex_tlb(struct ex_run *run, int argc, char **argv);
/* vmlab's own: translation through a RISC-V Sv39 page table. */
int ex_sv39(struct ex_run *run, int argc, char **argv);

#endif
