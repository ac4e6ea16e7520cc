/* segmentation: vm-segmentation/segmentation.py (OSTEP ch. 16), two
 * segments, segment 0 growing up from its base and segment 1 down from its,
 * answered by hw/'s segmentation MMU.
 *
 * The simulator's address space of asize bytes is split at asize / 2: below,
 * segment 0 (offset va); above, segment 1 (negative offset va - asize). The
 * machine's selector is the top bit of a va_bits-wide address, its largest
 * segment max = 2^(va_bits - 1) bytes, with max the smallest power of two
 * (at least 2) holding half the address space. The lower half maps onto the
 * machine's va unchanged, the upper half onto the top of the machine's
 * address space (va + 2 max - asize), keeping the negative offset: for an
 * asize that is a power of two, every va is the machine's. */
#include "cli/exercise.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* The segment registers, as segmentation.py holds them: base1 is segment 1's
 * lowest byte, nbase1 = base1 + len1 the register the user sees. */
struct seg_regs {
	int64_t base0, len0, base1, len1, nbase1;
};

/* The machine: built at the first address to translate. */
struct seg_machine {
	struct physmem pm;
	struct mmu *m;
	unsigned va_bits;
	int64_t asize;
};

static int64_t max_of(int64_t a, int64_t b) { return a > b ? a : b; }

/* Python's x > a / 2.0 for integers. */
static bool above_half(int64_t x, int64_t a)
{
	int64_t floor_half = a / 2 - (a < 0 && a % 2);
	return x > floor_half;
}

/* The segmentation MMU for regs over physical memory of psize bytes (or
 * more: segmentation.py lets a segment end a little past psize). false (and
 * a message, after what is printed on out) when the registers cannot be loaded. */
static bool seg_machine_build(struct seg_machine *x, const struct seg_regs *g, int64_t psize, int64_t asize,
			      FILE *out)
{
	if (g->base0 < 0 || g->base1 < 0) {
		fflush(out);
		fprintf(stderr, "vmlab: exercise segmentation: segment %d would start at physical address %" PRId64
			" (segmentation.py allows it; vmlab's memory has no negative addresses)\n", g->base0 < 0 ? 0 : 1,
			g->base0 < 0 ? g->base0 : g->base1);
		return false;
	}
	static const char *const names[2] = {"SEG0", "SEG1"};
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.mech = &mmu_segmentation;
	unsigned off_bits = 1;
	while (((int64_t)1 << off_bits) < asize / 2 + asize % 2)
		off_bits++;
	x->va_bits = off_bits + 1;
	x->asize = asize;
	cfg.seg = (struct mmu_seg_config){.va_bits = x->va_bits, .sel_bits = 1, .names = {names[0], names[1]}};
	int64_t top = max_of(psize, max_of(g->base0 + g->len0, g->nbase1));
	/* a negative limit is no segment: segmentation.py finds every offset beyond it */
	struct mmu_context ctx = {.kind = MMU_MECH_SEGMENTATION};
	ctx.seg[0] = (struct mmu_segment){.base = (paddr_t)g->base0, .limit = (uint64_t)max_of(g->len0, 0),
					  .prot = PTE_R | PTE_W};
	ctx.seg[1] = (struct mmu_segment){.base = (paddr_t)g->nbase1, .limit = (uint64_t)max_of(g->len1, 0),
					  .grows_down = true, .prot = PTE_R | PTE_W};
	x->m = ex_machine("segmentation", &cfg, (uint64_t)top, NULL, &ctx, &x->pm);
	return x->m != NULL;
}

static void seg_machine_free(struct seg_machine *x)
{
	if (!x->m)
		return;
	mmu_free(x->m);
	physmem_fini(&x->pm);
}

/* How the machine translated va (its address mva, ok and pa), step by step. */
static void seg_explain(struct ex_run *run, const struct seg_machine *x, const struct seg_regs *g, int64_t va,
			vaddr_t mva, bool ok, paddr_t pa)
{
	char h[32], b[160];
	int64_t max = (int64_t)1 << (x->va_bits - 1), offset = (int64_t)mva & (max - 1);
	unsigned widths[2] = {1, x->va_bits - 1};
	const char *verdict = ok ? ", so the address is valid" : ": out of bounds, a segmentation violation";
	if ((int64_t)mva != va)
		ex_explain(run, "the address space (%" PRId64 " bytes) is not a power of two: the machine's has 2^%u, its "
			   "upper half at the top, so VA %" PRId64 " is its address %" PRId64 " + %" PRId64 " - %" PRId64
			   " = %" PRIu64, x->asize, x->va_bits, va, va, 2 * max, x->asize, (uint64_t)mva);
	ex_explain(run, "%s 0x%s in %u bits, segment bit | offset: %s", (int64_t)mva != va ? "its address" : "VA",
		   py_hex08((int64_t)mva, h), x->va_bits, ex_fields(mva, widths, 2, b));
	if (mva >> (x->va_bits - 1) == 0) {
		ex_explain(run, "segment bit 0: segment 0, which grows positive; offset 0x%" PRIx64 " = %" PRId64,
			   (uint64_t)offset, offset);
		ex_explain(run, "limit check: offset %" PRId64 " %s limit %" PRId64 "%s", offset, ok ? "<" : ">=", g->len0,
			   verdict);
		if (ok)
			ex_explain(run, "PA = base 0 + offset = %" PRId64 " + %" PRId64 " = %" PRIu64 " (0x%" PRIx64 ")",
				   g->base0, offset, (uint64_t)pa, (uint64_t)pa);
		return;
	}
	int64_t neg = offset - max;
	ex_explain(run, "segment bit 1: segment 1, which grows negative; offset 0x%" PRIx64 " = %" PRId64,
		   (uint64_t)offset, offset);
	ex_explain(run, "negative offset = offset - maximum segment size = %" PRId64 " - %" PRId64 " = %" PRId64, offset,
		   max, neg);
	ex_explain(run, "limit check: |%" PRId64 "| = %" PRId64 " %s limit %" PRId64 "%s", neg, -neg, ok ? "<=" : ">",
		   g->len1, verdict);
	if (ok)
		ex_explain(run, "PA = base 1 + negative offset = %" PRId64 " + (%" PRId64 ") = %" PRIu64 " (0x%" PRIx64 ")",
			   g->nbase1, neg, (uint64_t)pa, (uint64_t)pa);
}

/* One address (0 <= va < asize): the machine's translation, asked and
 * explained, and its line of the trace (with the answer when solving). */
static void seg_answer(struct ex_run *run, const struct seg_machine *x, const struct seg_regs *g, int64_t i,
		       int64_t va, bool solve)
{
	char h[32], ph[32];
	int64_t max = (int64_t)1 << (x->va_bits - 1);
	vaddr_t mva = (vaddr_t)(2 * va < x->asize ? va : va + 2 * max - x->asize);
	paddr_t pa = 0;
	struct fault f;
	bool ok = mmu_translate(x->m, mva, ACCESS_READ, PRIV_USER, &pa, &f);
	if (ok)
		ex_ask_number(run, (int64_t)pa, "VA %2" PRId64 ": 0x%s (decimal: %4" PRId64 ")", i, py_hex08(va, h), va);
	else
		ex_ask_word(run, "fault", "VA %2" PRId64 ": 0x%s (decimal: %4" PRId64 ")", i, py_hex08(va, h), va);
	seg_explain(run, x, g, va, mva, ok, pa);
	fprintf(run->out, "  VA %2" PRId64 ": 0x%s (decimal: %4" PRId64 ") --> ", i, py_hex08(va, h), va);
	if (!solve)
		fprintf(run->out, "PA or segmentation violation?\n");
	else if (!ok)
		fprintf(run->out, "SEGMENTATION VIOLATION (%s)\n", f.segment);
	else
		fprintf(run->out, "VALID in SEG%u: 0x%s (decimal: %4" PRId64 ")\n", (unsigned)(mva >> (x->va_bits - 1)),
			py_hex08((int64_t)pa, ph), (int64_t)pa);
}

/* The virtual address trace: the addresses -A lists (words to convert), or
 * the num drawn; each answered by the machine when the run needs it. The
 * exit status (-1: go on). */
static int seg_trace(struct ex_run *run, const char *prog, const char *addresses, const int64_t *drawn, int64_t n,
		     const struct seg_regs *g, int64_t psize, int64_t asize, bool flag)
{
	struct seg_machine x = {.m = NULL};
	char *list = strdup(addresses), *word = list;
	int st = -1;
	bool solve = ex_solve(run, flag);
	fprintf(run->out, "Virtual Address Trace\n");
	for (int64_t i = 0; i < n && st == -1; i++) {
		int64_t va;
		char *comma = drawn ? NULL : strchr(word, ',');
		if (comma)
			*comma = '\0';
		if (drawn)
			va = drawn[i];
		else if (!py_int(word, strlen(word), &va))
			st = bad_size(prog, word);
		if (st != -1)
			break;
		word = comma ? comma + 1 : NULL;
		char h[32];
		if (va < 0 || va >= asize)
			st = (fprintf(run->out, "Error: virtual address %" PRId64 " cannot be generated in an address space of "
				      "size %" PRId64 "\n", va, asize), 1);
		else if (!ex_answering(run, flag))
			fprintf(run->out, "  VA %2" PRId64 ": 0x%s (decimal: %4" PRId64 ") --> PA or segmentation violation?\n",
				i, py_hex08(va, h), va);
		else if (!x.m && !seg_machine_build(&x, g, psize, asize, run->out))
			st = 1;
		else
			seg_answer(run, &x, g, i, va, solve);
	}
	seg_machine_free(&x);
	free(list);
	return st;
}

/* Whether segmentation.py's search for base1 ends: some b in [0, psize) with
 * b + len1 < psize, above segment 0 or below it. */
static bool base1_exists(const struct seg_regs *g, int64_t psize)
{
	int64_t hi = psize - 1 < psize - g->len1 - 1 ? psize - 1 : psize - g->len1 - 1;
	return hi >= 0 && (hi > g->base0 + g->len0 || g->base0 - g->len1 > 0);
}

static int no_base(FILE *out, const char *which, int64_t len, int64_t psize)
{
	fflush(out);
	fprintf(stderr, "vmlab: exercise segmentation: no %s base fits a segment of %" PRId64 " bytes in %" PRId64
		" bytes of physical memory (segmentation.py would look for one forever)\n", which, len, psize);
	return 1;
}

/* The registers: given, or drawn as segmentation.py draws them. The exit
 * status (-1: go on). */
static int seg_registers(FILE *out, struct pyrandom *r, struct seg_regs *g, int64_t asize, int64_t psize)
{
	if (g->len0 == -1)
		g->len0 = py_random_limit(r, asize);
	if (g->len1 == -1)
		g->len1 = py_random_limit(r, asize);
	if ((g->base0 == -1 || g->base1 == -1) && (asize > INT64_MAX / 2 || psize <= 2 * asize))
		return fprintf(out, "Error: physical memory must be 2x GREATER than address space size (if randomly "
			      "generating base registers)\n"), 1;
	if (g->base0 == -1 && g->len0 >= psize)
		return no_base(out, "segment 0", g->len0, psize);
	if (g->base0 == -1)
		do
			g->base0 = pyrandom_scaled(r, (double)psize);
		while (g->base0 + g->len0 >= psize);
	if (g->base1 == -1 && !base1_exists(g, psize))
		return no_base(out, "segment 1", g->len1, psize);
	if (g->base1 == -1)
		do
			g->base1 = pyrandom_scaled(r, (double)psize);
		while (!(g->base1 + g->len1 < psize && (g->base1 > g->base0 + g->len0 || g->base1 + g->len1 < g->base0)));
	else
		g->base1 -= g->len1;
	g->nbase1 = g->base1 + g->len1;
	if (psize < g->base0 + g->len0 - 1)
		return fprintf(out, "Error: seg0 is not in physical memory\n"), 1;
	if (psize < g->base1)
		return fprintf(out, "Error: seg1 is not in physical memory\n"), 1;
	if (above_half(g->len0, asize))
		return fprintf(out, "Error: length0 register is too large for this address space\n"), 1;
	if (above_half(g->len1, asize))
		return fprintf(out, "Error: length1 register is too large for this address space\n"), 1;
	return -1;
}

static void seg_print_registers(FILE *out, const struct seg_regs *g)
{
	char h0[32], h1[32];
	fprintf(out, "Segment register information:\n\n"
	       "  Segment 0 base  (grows positive) : 0x%s (decimal %" PRId64 ")\n"
	       "  Segment 0 limit                  : %" PRId64 "\n\n"
	       "  Segment 1 base  (grows negative) : 0x%s (decimal %" PRId64 ")\n"
	       "  Segment 1 limit                  : %" PRId64 "\n\n",
	       py_hex08(g->base0, h0), g->base0, g->len0, py_hex08(g->nbase1, h1), g->nbase1, g->len1);
}

int ex_segmentation(struct ex_run *run, int argc, char **argv)
{
	struct pyopt o[] = {
		{'s', "seed", PYOPT_INT, "seed", "the random seed", 0, NULL, false},
		{'A', "addresses", PYOPT_STRING, "addresses",
		 "a set of comma-separated pages to access; -1 means randomly generate", 0, "-1", false},
		{'a', "asize", PYOPT_STRING, "asize", "address space size (e.g., 16, 64k, 32m, 1g)", 0, "1k", false},
		{'p', "physmem", PYOPT_STRING, "psize", "physical memory size (e.g., 16, 64k, 32m, 1g)", 0, "16k", false},
		{'n', "numaddrs", PYOPT_INT, "num", "number of virtual addresses to generate", 5, NULL, false},
		{'b', "b0", PYOPT_STRING, "base0", "value of segment 0 base register", 0, "-1", false},
		{'l', "l0", PYOPT_STRING, "len0", "value of segment 0 limit register", 0, "-1", false},
		{'B', "b1", PYOPT_STRING, "base1", "value of segment 1 base register", 0, "-1", false},
		{'L', "l1", PYOPT_STRING, "len1", "value of segment 1 limit register", 0, "-1", false},
		{'c', NULL, PYOPT_TRUE, "solve", "compute answers for me", 0, NULL, false},
	};
	struct pyopt_parser p = {"segmentation.py", o, (int)(sizeof o / sizeof o[0]), run->out, stderr, NULL};
	int st = pyopt_parse(&p, argc, argv);
	if (st != -1)
		return st;
	fprintf(run->out, "ARG seed %" PRId64 "\nARG address space size %s\nARG phys mem size %s\n\n", o[0].i, o[2].s, o[3].s);
	struct pyrandom r;
	py_seed(&r, &o[0]);
	int64_t asize, psize;
	if (!py_size(o[2].s, &asize))
		return bad_size(p.prog, o[2].s);
	if (!py_size(o[3].s, &psize))
		return bad_size(p.prog, o[3].s);
	if (psize <= 4)
		return fprintf(run->out, "Error: must specify a bigger physical memory size\n"), 1;
	if (asize == 0)
		return fprintf(run->out, "Error: must specify a non-zero address-space size\n"), 1;
	if (psize <= asize)
		return fprintf(run->out, "Error: physical memory size > address space size (for this simulation)\n"), 1;
	struct seg_regs g;
	const char *sizes[4] = {o[6].s, o[8].s, o[5].s, o[7].s};
	int64_t *regs[4] = {&g.len0, &g.len1, &g.base0, &g.base1};
	for (int k = 0; k < 4; k++)
		if (!py_size(sizes[k], regs[k]))
			return bad_size(p.prog, sizes[k]);
	st = seg_registers(run->out, &r, &g, asize, psize);
	if (st != -1)
		return st;
	seg_print_registers(run->out, &g);
	if (g.len0 + g.base0 > g.base1 && g.base1 > g.base0)
		return fprintf(run->out, "Error: segments overlap in physical memory\n"), 1;
	const char *addresses = o[1].s;
	int64_t n = 1, *drawn = NULL;
	if (!strcmp(addresses, "-1")) {
		n = o[4].i > 0 ? o[4].i : 0;
		drawn = malloc((size_t)(n ? n : 1) * sizeof *drawn);
		for (int64_t i = 0; i < n; i++)
			drawn[i] = pyrandom_scaled(&r, (double)asize);
	} else
		for (const char *c = addresses; *c; c++)
			n += *c == ',';
	run->words = "fault";
	run->mixed = true;
	run->hex = true;
	st = seg_trace(run, p.prog, addresses, drawn, n, &g, psize, asize, o[9].flag);
	free(drawn);
	if (st != -1)
		return st;
	fprintf(run->out, "\n");
	if (!ex_solve(run, o[9].flag))
		fprintf(run->out, "For each virtual address, either write down the physical address it translates to\n"
		       "OR write down that it is an out-of-bounds address (a segmentation violation). For\n"
		       "this problem, you should assume a simple address space with two segments: the top\n"
		       "bit of the virtual address can thus be used to check whether the virtual address\n"
		       "is in segment 0 (topbit=0) or segment 1 (topbit=1). Note that the base/limit pairs\n"
		       "given to you grow in different directions, depending on the segment, i.e., segment 0\n"
		       "grows in the positive direction, whereas segment 1 in the negative. \n\n");
	return 0;
}
