/* The frame-pointer unwinder and valgrind's stack layout (check/stack.h).
 * The unwinder trusts nothing it reads: every word comes through the
 * caller's callback and the chain must strictly climb the stack. */
#include "check/stack.h"

#include <inttypes.h>
#include <string.h>

static bool fp_usable(uint64_t fp)
{
	return fp != 0 && fp % 8 == 0 && fp >= 16;
}

/* Follows the chain of frame records from fp, appending to pcs[n .. max). */
static size_t walk_chain(uint64_t fp, stack_read_fn read, void *ctx, uint64_t *pcs, size_t n, size_t max)
{
	while (n < max && fp_usable(fp)) {
		uint64_t ra, caller_fp;
		if (!read(ctx, fp - 8, &ra) || !read(ctx, fp - 16, &caller_fp) || ra == 0)
			break;
		pcs[n++] = ra - 1;
		if (caller_fp <= fp)
			break; /* the end of the chain (0), a loop, or a corrupt fp */
		fp = caller_fp;
	}
	return n;
}

/* Whether pc and other lie in two different known functions. */
static bool other_function(const struct symbols *syms, uint64_t pc, uint64_t other)
{
	struct sym_loc a, b;
	if (!syms)
		return false;
	symbols_lookup(syms, pc, &a);
	symbols_lookup(syms, other, &b);
	return a.function && b.function && strcmp(a.function, b.function) != 0;
}

size_t stack_unwind(const struct stack_regs *r, const struct symbols *syms, stack_read_fn read, void *ctx,
		    uint64_t *pcs, size_t max)
{
	if (max == 0)
		return 0;
	size_t n = 0;
	pcs[n++] = r->pc;
	uint64_t saved = 0; /* the word at fp - 8: a return address, or a leaf's caller's fp */
	bool have_saved = fp_usable(r->fp) && read(ctx, r->fp - 8, &saved);
	if (have_saved && saved > r->fp) {
		if (r->ra && n < max)
			pcs[n++] = r->ra - 1;
		return walk_chain(saved, read, ctx, pcs, n, max);
	}
	if (r->ra && r->ra != saved && n < max && other_function(syms, r->pc, r->ra - 1))
		pcs[n++] = r->ra - 1;
	return walk_chain(r->fp, read, ctx, pcs, n, max);
}

void stack_describe(const struct symbols *syms, uint64_t pc, char *buf, size_t len)
{
	struct sym_loc loc = {0};
	if (syms)
		symbols_lookup(syms, pc, &loc);
	const char *fn = loc.function ? loc.function : "???";
	if (loc.file)
		snprintf(buf, len, "%s (%s:%u)", fn, loc.file, loc.line);
	else if (loc.function || loc.in_object)
		snprintf(buf, len, "%s (in %s)", fn, symbols_path(syms));
	else
		snprintf(buf, len, "???");
}

void stack_print(FILE *out, int pid, const struct symbols *syms, const uint64_t *pcs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char what[1024];
		struct sym_loc loc = {0};
		stack_describe(syms, pcs[i], what, sizeof what);
		fprintf(out, "==%d==    %s 0x%" PRIX64 ": %s\n", pid, i == 0 ? "at" : "by", pcs[i], what);
		if (syms && symbols_lookup(syms, pcs[i], &loc) && loc.function && strcmp(loc.function, "main") == 0)
			break;
	}
}
