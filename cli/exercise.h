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
 * "float division by zero"), as bad_size. */
int py_raise(const char *prog, const char *exception, const char *what);

/* random.seed(seed) for an optparse int. */
void py_seed(struct pyrandom *r, int64_t seed);
/* int(asize/4.0 + (asize/4.0 * random.random())): the length relocation.py
 * and segmentation.py draw for a limit not given. */
int64_t py_random_limit(struct pyrandom *r, int64_t asize);

/* The machine an exercise answers with: an MMU of cfg over bytes (rounded
 * up to 4 KiB pages) of physical memory in *pm, loaded with ctx; NULL after
 * "vmlab: exercise NAME: why" on standard error (nothing is left built). */
struct mmu *ex_machine(const char *name, const struct mmu_config *cfg, uint64_t bytes, const struct mmu_context *ctx,
		       struct physmem *pm);

/* The exercises: argv holds the words after the exercise's name. */
int ex_relocation(int argc, char **argv);
int ex_segmentation(int argc, char **argv);
int ex_paging_linear(int argc, char **argv);
int ex_paging_multilevel(int argc, char **argv);

#endif
