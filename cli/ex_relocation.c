/* relocation: vm-mechanism/relocation.py (OSTEP ch. 15), base and bounds,
 * answered by hw/'s base-and-bounds MMU. */
#include "cli/exercise.h"

#include <inttypes.h>
#include <string.h>

/* The base-and-bounds MMU over psize bytes of physical memory, loaded with
 * base and limit: NULL (and a message) when the registers cannot be. */
static struct mmu *bb_machine(struct physmem *pm, int64_t psize, int64_t base, int64_t limit)
{
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.mech = &mmu_base_bounds;
	struct mmu_context ctx = {.kind = MMU_MECH_BASE_BOUNDS, .bb = {.base = (paddr_t)base, .bounds = (uint64_t)limit}};
	return ex_machine("relocation", &cfg, (uint64_t)psize, NULL, &ctx, pm);
}

/* The question about va, its answer from the MMU and how it is found. */
static bool relocation_answer(struct ex_run *run, struct mmu *m, int64_t i, int64_t va, int64_t base, int64_t limit,
			      paddr_t *pa)
{
	struct fault f;
	char h[32];
	bool ok = mmu_translate(m, (vaddr_t)va, ACCESS_READ, PRIV_USER, pa, &f);
	if (ok)
		ex_ask_number(run, (int64_t)*pa, "VA %2" PRId64 ": 0x%s (decimal: %4" PRId64 ")", i, py_hex08(va, h), va);
	else
		ex_ask_word(run, "fault", "VA %2" PRId64 ": 0x%s (decimal: %4" PRId64 ")", i, py_hex08(va, h), va);
	ex_explain(run, "bounds check: VA %" PRId64 " %s limit %" PRId64 "%s", va, ok ? "<" : ">=", limit,
		   ok ? ", so the address is valid" : ": out of bounds, a segmentation violation");
	if (ok)
		ex_explain(run, "PA = base + VA = %" PRId64 " + %" PRId64 " = %" PRId64 " (0x%" PRIx64 ")", base, va,
			   (int64_t)*pa, (uint64_t)*pa);
	return ok;
}

static void relocation_trace(struct ex_run *run, struct pyrandom *r, struct mmu *m, int64_t asize, int64_t num,
			     int64_t base, int64_t limit, bool solve)
{
	char h[32], ph[32];
	fprintf(run->out, "Virtual Address Trace\n");
	for (int64_t i = 0; i < num; i++) {
		int64_t va = pyrandom_scaled(r, (double)asize);
		paddr_t pa;
		bool ok = relocation_answer(run, m, i, va, base, limit, &pa);
		if (!solve)
			fprintf(run->out, "  VA %2" PRId64 ": 0x%s (decimal: %4" PRId64 ") --> PA or segmentation violation?\n", i,
			       py_hex08(va, h), va);
		else if (!ok)
			fprintf(run->out, "  VA %2" PRId64 ": 0x%s (decimal: %4" PRId64 ") --> SEGMENTATION VIOLATION\n", i,
			       py_hex08(va, h), va);
		else
			fprintf(run->out, "  VA %2" PRId64 ": 0x%s (decimal: %4" PRId64 ") --> VALID: 0x%s (decimal: %4" PRId64 ")\n", i,
			       py_hex08(va, h), va, py_hex08((int64_t)pa, ph), (int64_t)pa);
	}
	fprintf(run->out, "\n");
	if (!solve)
		fprintf(run->out, "For each virtual address, either write down the physical address it translates to\n"
		       "OR write down that it is an out-of-bounds address (a segmentation violation). For\n"
		       "this problem, you should assume a simple virtual address space of a given size.\n\n");
}

int ex_relocation(struct ex_run *run, int argc, char **argv)
{
	struct pyopt o[] = {
		{'s', "seed", PYOPT_BIGINT, "seed", "the random seed", 0, NULL, false},
		{'a', "asize", PYOPT_STRING, "asize", "address space size (e.g., 16, 64k, 32m, 1g)", 0, "1k", false},
		{'p', "physmem", PYOPT_STRING, "psize", "physical memory size (e.g., 16, 64k, 32m, 1g)", 0, "16k", false},
		{'n', "addresses", PYOPT_INT, "num", "number of virtual addresses to generate", 5, NULL, false},
		{'b', "b", PYOPT_STRING, "base", "value of base register", 0, "-1", false},
		{'l', "l", PYOPT_STRING, "limit", "value of limit register", 0, "-1", false},
		{'c', "compute", PYOPT_TRUE, "solve", "compute answers for me", 0, NULL, false},
	};
	struct pyopt_parser p = {"relocation.py", o, (int)(sizeof o / sizeof o[0]), run->out, stderr, NULL};
	int st = pyopt_parse(&p, argc, argv);
	if (st != -1)
		return st;
	int64_t asize, psize, limit, base;
	char seed[PYOPT_DECIMAL];
	fprintf(run->out, "\nARG seed %s\nARG address space size %s\nARG phys mem size %s\n\n", pyopt_decimal(&o[0], seed),
		o[1].s, o[2].s);
	struct pyrandom r;
	py_seed(&r, &o[0]);
	if (!py_size(o[1].s, &asize))
		return bad_size(p.prog, o[1].s);
	if (!py_size(o[2].s, &psize))
		return bad_size(p.prog, o[2].s);
	if (psize <= 1)
		return fprintf(run->out, "Error: must specify a non-zero physical memory size.\n"), 1;
	if (asize == 0)
		return fprintf(run->out, "Error: must specify a non-zero address-space size.\n"), 1;
	if (psize <= asize)
		return fprintf(run->out, "Error: physical memory size must be GREATER than address space size (for this simulation)\n"), 1;
	if (!py_size(o[5].s, &limit))
		return bad_size(p.prog, o[5].s);
	if (!py_size(o[4].s, &base))
		return bad_size(p.prog, o[4].s);
	if (limit == -1) {
		limit = py_random_limit(&r, asize);
	}
	if (base == -1 && limit >= psize) {
		fflush(run->out);
		fprintf(stderr, "vmlab: exercise relocation: the limit (%" PRId64 ") is not below the physical memory size "
			"(%" PRId64 "): no base fits (relocation.py would look for one forever)\n", limit, psize);
		return 1;
	}
	if (base == -1)
		do
			base = pyrandom_scaled(&r, (double)psize);
		while (base + limit >= psize);
	char h[32];
	fprintf(run->out, "Base-and-Bounds register information:\n\n  Base   : 0x%s (decimal %" PRId64 ")\n  Limit  : %" PRId64
	       "\n\n", py_hex08(base, h), base, limit);
	if (base + limit > psize) {
		fprintf(run->out, "Error: address space does not fit into physical memory with those base/bounds values.\n");
		fprintf(run->out, "Base + Limit: %" PRId64 "   Psize: %" PRId64 "\n", base + limit, psize);
		return 1;
	}
	struct physmem pm;
	struct mmu *m = bb_machine(&pm, psize, base, limit);
	if (!m)
		return 1;
	run->words = "fault";
	run->mixed = true;
	run->hex = true;
	relocation_trace(run, &r, m, asize, o[3].i, base, limit, ex_solve(run, o[6].flag));
	mmu_free(m);
	physmem_fini(&pm);
	return 0;
}

