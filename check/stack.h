/* Guest call stacks for reports, in valgrind's layout
 * ("==PID==    at 0x10A3C: strcpy (string.c:41)"): the pcs come from the
 * CPU's shadow call stack (cpu/cpu.h), the pc first, then each caller's
 * return address minus 1 (inside the call instruction, as valgrind looks it
 * up). */
#ifndef CHECK_STACK_H
#define CHECK_STACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "check/symbols.h"

#define STACK_MAX_DEPTH 12 /* frames of a report: valgrind's default --num-callers */

/* Prints pcs[0 .. n) as valgrind does: "==PID==    at 0x...: " for the
 * first, "==PID==    by 0x...: " for the others, then "func (file.c:LINE)",
 * "func (in /path/prog)" without a line, "??? (in /path/prog)" inside the
 * file without a function, "???" elsewhere. Like valgrind's default
 * (--show-below-main=no) it stops after main. syms may be NULL. */
void stack_print(FILE *out, int pid, const struct symbols *syms, const uint64_t *pcs, size_t n);

/* One frame's text after "0x...: " into buf (always NUL-terminated). */
void stack_describe(const struct symbols *syms, uint64_t pc, char *buf, size_t len);

#endif
