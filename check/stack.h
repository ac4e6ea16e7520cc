/* Guest call stacks for reports: an RV64 frame-pointer unwinder that reads
 * guest memory only through a callback, and valgrind's layout for printing
 * the result ("==PID==    at 0x10A3C: strcpy (string.c:41)").
 *
 * The standard RISC-V frame with -fno-omit-frame-pointer, fp = s0 = the sp
 * the function was entered with:
 *
 *   fp - 8   return address (ra)        caller's frame above fp
 *   fp - 16  the caller's fp (s0)
 *   ...      locals, down to sp
 */
#ifndef CHECK_STACK_H
#define CHECK_STACK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "check/symbols.h"

#define STACK_MAX_DEPTH 12 /* frames of a report: valgrind's default --num-callers */

/* Reads the 8-byte little-endian guest word at va into *value; false when
 * va is not readable (unmapped, outside the simulated RAM). It must never
 * touch host memory for a guest address it does not own. */
typedef bool (*stack_read_fn)(void *ctx, uint64_t va, uint64_t *value);

/* The registers an unwind starts from: the pc, ra (x1) and fp (s0 = x8). */
struct stack_regs {
	uint64_t pc, ra, fp;
};

/* Unwinds from r into pcs[0 .. max): pcs[0] = r->pc, then each caller's
 * return address minus 1 (inside the call instruction, as valgrind shows and
 * looks it up). Returns the number of pcs written (0 only when max is 0).
 *
 * The fp chain is followed until fp 0, a misaligned fp, an unreadable word, a
 * return address of 0, a caller's fp that is not above the current one (a
 * loop or a corrupt chain) or max frames. The first frame gets two repairs
 * (as Linux's RISC-V unwinder does for the first), because the function at
 * the pc may not have saved ra:
 * - a leaf compiled with frame pointers saves only s0, at fp - 8: a word there
 *   above fp is a caller's fp, not a return address (vmlab's guest code lies
 *   below its stack), so the caller is r->ra and the chain goes on from it;
 * - a function without a frame record (the runtime is built -O2), or one
 *   stopped before its prologue, leaves fp at its caller's frame: r->ra is
 *   then the missing caller when syms says it lies in another function than
 *   the pc and it is not the return address fp's record holds. Without syms
 *   this repair is skipped. */
size_t stack_unwind(const struct stack_regs *r, const struct symbols *syms, stack_read_fn read, void *ctx,
		    uint64_t *pcs, size_t max);

/* Prints pcs[0 .. n) as valgrind does: "==PID==    at 0x...: " for the
 * first, "==PID==    by 0x...: " for the others, then "func (file.c:LINE)",
 * "func (in /path/prog)" without a line, "??? (in /path/prog)" inside the
 * file without a function, "???" elsewhere. Like valgrind's default
 * (--show-below-main=no) it stops after main. syms may be NULL. */
void stack_print(FILE *out, int pid, const struct symbols *syms, const uint64_t *pcs, size_t n);

/* One frame's text after "0x...: " into buf (always NUL-terminated). */
void stack_describe(const struct symbols *syms, uint64_t pc, char *buf, size_t len);

#endif
