/* paging-linear: vm-paging/paging-linear-translate.py (OSTEP ch. 18), a
 * linear page table, answered by walking it with hw/pt in simulated
 * physical memory.
 *
 * The machine: physical memory is the script's frames (psize / pagesize of
 * them) followed by the frames of the table, which the walk reads there; each
 * valid VPN maps to the script's PFN through the 'linear' preset. Two of the
 * script's sizes are beyond that preset, and the machine stretches to hold
 * them without changing a translation: pages smaller than the smallest the
 * formats take (PTFMT_MIN_PAGE_SHIFT) are simulated as that size, every
 * address shifted left by the difference (and the answer shifted back); an
 * address space of one page gets a second, unused page (a format needs an
 * index bit). And when the frames do not fit the preset's 22-bit PFNs, the
 * table is the same one-level format with 8-byte entries (ptfmt_custom). */
#include "cli/exercise.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hw/pt.h"

/* The script's sizes once checked. */
struct linear_problem {
	int64_t asize, psize, pagesize;
	int64_t pages, vpages; /* physical frames, virtual pages */
	unsigned vabits, pagebits;
};

struct linear_machine {
	struct physmem pm;
	struct pt_format fmt;
	struct pt pt;
	unsigned scale;  /* machine addresses are the script's << scale */
	pfn_t next;      /* the next free frame for the table */
};

static bool bump_alloc(void *ctx, uint64_t n, pfn_t *first)
{
	struct linear_machine *m = ctx;
	if (m->next + n > m->pm.nframes)
		return false;
	*first = m->next;
	m->next += n;
	return true;
}

static void no_free(void *ctx, pfn_t first, uint64_t n) { (void)ctx, (void)first, (void)n; }

/* The table's format for the problem (see the top of the file). */
static bool linear_format(struct pt_format *f, const struct linear_problem *lp, unsigned scale, char *err,
			  size_t errlen)
{
	unsigned shift = lp->pagebits + scale, va = lp->vabits + scale;
	if (va <= shift)
		va = shift + 1;
	if (ptfmt_preset(f, "linear", shift, va, err, errlen) != PTFMT_OK)
		return false;
	if ((uint64_t)lp->pages <= f->pfn_mask)
		return true;
	unsigned bits[1] = {va - shift};
	return ptfmt_custom(f, shift, va, 1, bits, 8, err, errlen) == PTFMT_OK;
}

/* Physical memory holding the problem's frames and an empty table after
 * them; false with a message in err. */
static bool linear_machine_init(struct linear_machine *m, const struct linear_problem *lp, char *err, size_t errlen)
{
	memset(m, 0, sizeof *m);
	m->scale = lp->pagebits < PTFMT_MIN_PAGE_SHIFT ? PTFMT_MIN_PAGE_SHIFT - lp->pagebits : 0;
	if (!linear_format(&m->fmt, lp, m->scale, err, errlen))
		return false;
	uint64_t frames = (uint64_t)lp->pages + ptfmt_table_frames(&m->fmt, 0);
	enum physmem_status ps = physmem_init(&m->pm, frames << m->fmt.page_shift, m->fmt.page_shift);
	if (ps != PHYSMEM_OK) {
		snprintf(err, errlen, "%" PRIu64 " frames of physical memory: %s", frames, physmem_strerror(ps));
		return false;
	}
	m->next = (pfn_t)lp->pages;
	struct frame_source fs = {bump_alloc, no_free, m};
	enum pt_status st = pt_init(&m->pt, &m->fmt, &m->pm, &fs);
	if (st == PT_OK)
		return true;
	snprintf(err, errlen, "the page table: %s", pt_strerror(st));
	physmem_fini(&m->pm);
	return false;
}

static void linear_machine_fini(struct linear_machine *m)
{
	pt_fini(&m->pt);
	physmem_fini(&m->pm);
}

static bool linear_map(struct linear_machine *m, int64_t vpn, int64_t pfn, char *err, size_t errlen)
{
	enum pt_status st = pt_map(&m->pt, (vaddr_t)vpn << m->fmt.page_shift, (pfn_t)pfn, 0,
				   PTE_R | PTE_W | PTE_U | PTE_A | PTE_D);
	if (st != PT_OK)
		snprintf(err, errlen, "mapping VPN %" PRId64 " to PFN %" PRId64 ": %s", vpn, pfn, pt_strerror(st));
	return st == PT_OK;
}

/* What the hardware walk of an in-range address found: the entry it read
 * (where, and its bits) and, when that is valid, the physical address. */
struct linear_walk {
	bool ok;
	int64_t pa;        /* the script's physical address */
	paddr_t pte_pa;    /* where the machine's entry is */
	pte_t raw;         /* the machine's entry */
	struct pte_info e; /* raw decoded */
};

/* The hardware walk of the script's in-range address va32. */
static struct linear_walk linear_translate(struct linear_machine *m, uint64_t va32)
{
	struct linear_walk lw = {.ok = false};
	struct walk_result w;
	struct fault f;
	uint64_t refs = 0;
	paddr_t read[PT_MAX_LEVELS];
	lw.ok = pt_walk_logged(&m->fmt, &m->pm, m->pt.root, va32 << m->scale, ACCESS_READ, PRIV_USER, 0, &w, &f, &refs,
			       read);
	if (refs != 1)
		panic("the walk of 0x%" PRIx64 " read %" PRIu64 " entries of a one-level table", va32, refs);
	lw.pte_pa = read[0];
	lw.raw = physmem_load(&m->pm, lw.pte_pa, m->fmt.pte_size);
	ptfmt_decode(&m->fmt, lw.raw, 0, &lw.e);
	if (lw.ok)
		lw.pa = (int64_t)(w.pa >> m->scale);
	return lw;
}

/* How the walk of va32 went, step by step. */
static void linear_explain(struct ex_run *run, const struct linear_problem *lp, const struct linear_machine *m,
			   uint64_t va32, const struct linear_walk *lw)
{
	char b[160];
	unsigned widths[2] = {lp->vabits - lp->pagebits, lp->pagebits};
	uint64_t vpn = va32 >> lp->pagebits, offset = va32 & (((uint64_t)1 << lp->pagebits) - 1);
	bool valid = lw->e.flags & PTE_V;
	ex_explain(run, "VA 0x%" PRIx64 " in %u bits, VPN | offset: %s", va32, lp->vabits, ex_fields(va32, widths, 2, b));
	ex_explain(run, "VPN = %" PRIu64 ", offset = 0x%" PRIx64 " = %" PRIu64, vpn, offset, offset);
	if (m->scale)
		ex_explain(run, "the machine's pages are %u times these (its addresses are the script's << %u)",
			   1u << m->scale, m->scale);
	ex_explain(run, "the page table entry of VPN %" PRIu64 " is at 0x%" PRIx64 " in the machine's memory (the table "
		   "at 0x%" PRIx64 " + %" PRIu64 " * %u bytes)", vpn, (uint64_t)lw->pte_pa, (uint64_t)pfn_to_pa(&m->pm, m->pt.root), vpn,
		   m->fmt.pte_size);
	ex_explain(run, "the machine's entry holds 0x%" PRIx64 " (the table above: 0x%08" PRIx64 "): valid bit %d, PFN %" PRIu64,
		   (uint64_t)lw->raw, valid ? (uint64_t)0x80000000u | (uint64_t)lw->e.pfn : 0, valid ? 1 : 0,
		   valid ? (uint64_t)lw->e.pfn : 0);
	if (lw->ok)
		ex_explain(run, "PA = PFN << %u | offset = 0x%" PRIx64 " << %u | 0x%" PRIx64 " = 0x%" PRIx64 " (%" PRId64 ")",
			   lp->pagebits, (uint64_t)lw->e.pfn, lp->pagebits, offset, (uint64_t)lw->pa, lw->pa);
	else
		ex_explain(run, "the valid bit is 0: VPN %" PRIu64 " is not mapped, the access faults", vpn);
}

/* ---- the script ---- */

/* mustbemultipleof(): whether bignum / num is a whole number, in floats. */
static bool py_multiple(int64_t bignum, int64_t num)
{
	volatile double q = (double)bignum / (double)num;
	return (double)(int64_t)q == q;
}

/* int(math.log(float(x)) / math.log(2.0)) for x > 0. */
static unsigned py_log2(int64_t x)
{
	volatile double a = log((double)x), b = log(2.0), q = a / b;
	return (unsigned)(int64_t)q;
}

/* The sizes' checks, in the script's order: -1 when they pass (lp filled),
 * else the exit status (after the script's message). */
static int linear_check(FILE *out, const char *prog, int64_t asize, int64_t psize, int64_t pagesize, struct linear_problem *lp)
{
	if (psize <= 1)
		return fprintf(out, "Error: must specify a non-zero physical memory size.\n"), 1;
	if (asize < 1)
		return fprintf(out, "Error: must specify a non-zero address-space size.\n"), 1;
	if (psize <= asize)
		return fprintf(out, "Error: physical memory size must be GREATER than address space size (for this simulation)\n"), 1;
	if (psize >= (1 << 30) || asize >= (1 << 30))
		return fprintf(out, "Error: must use smaller sizes (less than 1 GB) for this simulation.\n"), 1;
	if (pagesize == 0)
		return py_raise(prog, "ZeroDivisionError", "float division by zero");
	if (!py_multiple(asize, pagesize))
		return fprintf(out, "Error in argument: address space must be a multiple of the pagesize\n"), 1;
	if (!py_multiple(psize, pagesize))
		return fprintf(out, "Error in argument: physical memory must be a multiple of the pagesize\n"), 1;
	lp->asize = asize, lp->psize = psize, lp->pagesize = pagesize;
	lp->pages = psize / pagesize, lp->vpages = asize / pagesize;
	lp->vabits = py_log2(asize);
	if (pow(2, lp->vabits) != (double)asize)
		return fprintf(out, "Error in argument: address space must be a power of 2\n"), 1;
	if (pagesize < 0)
		return py_raise(prog, "ValueError", "math domain error");
	lp->pagebits = py_log2(pagesize);
	if (pow(2, lp->pagebits) != (double)pagesize)
		return fprintf(out, "Error in argument: page size must be a power of 2\n"), 1;
	return -1;
}

static void print_entry(FILE *out, int64_t v, bool verbose, uint32_t pte)
{
	if (verbose)
		fprintf(out, "  [%8" PRId64 "]  ", v);
	else
		fprintf(out, "  ");
	fprintf(out, "0x%08" PRIx32 "\n", pte);
}

/* The script's page table: each VPN valid with probability used% at a free
 * frame, drawn as it draws them, printed and mapped in the machine. */
static bool linear_table(FILE *out, struct pyrandom *r, const struct linear_problem *lp, struct linear_machine *m, int64_t used,
			 bool verbose, char *err, size_t errlen)
{
	unsigned char *taken = calloc((size_t)lp->pages, 1);
	if (!taken) {
		snprintf(err, errlen, "no host memory for %" PRId64 " frames", lp->pages);
		return false;
	}
	fprintf(out, "Page Table (from entry 0 down to the max size)\n");
	volatile double threshold = 100.0 - (double)used;
	for (int64_t v = 0; v < lp->vpages; v++) {
		for (;;) {
			volatile double pct = pyrandom_random(r) * 100.0;
			if (!(pct > threshold)) {
				print_entry(out, v, verbose, 0);
				break;
			}
			int64_t u = pyrandom_scaled(r, (double)lp->pages);
			if (taken[u])
				continue;
			taken[u] = 1;
			print_entry(out, v, verbose, 0x80000000u | (uint32_t)u);
			if (!linear_map(m, v, u, err, errlen))
				return free(taken), false;
			break;
		}
	}
	fprintf(out, "\n");
	free(taken);
	return true;
}

/* One line of the trace, its question answered by the machine when the run
 * needs it; -1 to go on, else the exit status. */
static int linear_line(struct ex_run *run, const char *prog, const struct linear_problem *lp, struct linear_machine *m,
		       int64_t va, bool flag)
{
	char h[32], ph[32];
	if (!ex_answering(run, flag)) {
		fprintf(run->out, "  VA 0x%s (decimal: %8" PRId64 ") --> PA or invalid address?\n", py_hex08(va, h), va);
		return -1;
	}
	uint64_t va32 = (uint64_t)va & 0xffffffffu;
	int64_t vpn = (int64_t)(va32 >> lp->pagebits);
	if (vpn >= lp->vpages)
		return py_raise(prog, "IndexError", "array index out of range");
	struct linear_walk lw = linear_translate(m, va32);
	if (lw.ok)
		ex_ask_number(run, lw.pa, "VA 0x%s (decimal: %8" PRId64 ")", py_hex08(va, h), va);
	else
		ex_ask_word(run, "fault", "VA 0x%s (decimal: %8" PRId64 ")", py_hex08(va, h), va);
	linear_explain(run, lp, m, va32, &lw);
	if (!ex_solve(run, flag))
		fprintf(run->out, "  VA 0x%s (decimal: %8" PRId64 ") --> PA or invalid address?\n", py_hex08(va, h), va);
	else if (!lw.ok)
		fprintf(run->out, "  VA 0x%s (decimal: %8" PRId64 ") -->  Invalid (VPN %" PRId64 " not valid)\n",
			py_hex08(va, h), va, vpn);
	else
		fprintf(run->out, "  VA 0x%s (decimal: %8" PRId64 ") --> %s (decimal %8" PRId64 ") [VPN %" PRId64 "]\n",
			py_hex08(va, h), va, py_hex08(lw.pa, ph), lw.pa, vpn);
	return -1;
}

/* The trace: num random addresses, or the comma-separated list given. */
static int linear_trace(struct ex_run *run, struct pyrandom *r, const char *prog, const struct linear_problem *lp,
			struct linear_machine *m, const char *addresses, int64_t num, bool flag)
{
	int st = -1;
	fprintf(run->out, "Virtual Address Trace\n");
	if (!strcmp(addresses, "-1")) {
		int64_t *vas = malloc(sizeof *vas * (size_t)(num > 0 ? num : 1));
		if (!vas) {
			fprintf(stderr, "vmlab: exercise paging-linear: no host memory for %" PRId64 " addresses\n", num);
			return 1;
		}
		for (int64_t i = 0; i < num; i++)
			vas[i] = pyrandom_scaled(r, (double)lp->asize);
		for (int64_t i = 0; i < num && st == -1; i++)
			st = linear_line(run, prog, lp, m, vas[i], flag);
		free(vas);
	} else {
		for (const char *s = addresses; st == -1; s++) {
			size_t n = strcspn(s, ",");
			int64_t va;
			if (!py_int(s, n, &va))
				return bad_int(prog, s, n);
			st = linear_line(run, prog, lp, m, va, flag);
			s += n;
			if (!*s)
				break;
		}
	}
	if (st != -1)
		return st;
	fprintf(run->out, "\n");
	if (!ex_solve(run, flag))
		fprintf(run->out, "For each virtual address, write down the physical address it translates to\n"
		       "OR write down that it is an out-of-bounds address (e.g., segfault).\n\n");
	return 0;
}

static const char linear_intro[] = "\n"
				   "The format of the page table is simple:\n"
				   "The high-order (left-most) bit is the VALID bit.\n"
				   "  If the bit is 1, the rest of the entry is the PFN.\n"
				   "  If the bit is 0, the page is not valid.\n"
				   "Use verbose mode (-v) if you want to print the VPN # by\n"
				   "each entry of the page table.\n\n";

int ex_paging_linear(struct ex_run *run, int argc, char **argv)
{
	struct pyopt o[] = {
		{'A', "addresses", PYOPT_STRING, "addresses",
		 "a set of comma-separated pages to access; -1 means randomly generate", 0, "-1", false},
		{'s', "seed", PYOPT_INT, "seed", "the random seed", 0, NULL, false},
		{'a', "asize", PYOPT_STRING, "asize", "address space size (e.g., 16, 64k, 32m, 1g)", 0, "16k", false},
		{'p', "physmem", PYOPT_STRING, "psize", "physical memory size (e.g., 16, 64k, 32m, 1g)", 0, "64k", false},
		{'P', "pagesize", PYOPT_STRING, "pagesize", "page size (e.g., 4k, 8k, whatever)", 0, "4k", false},
		{'n', "numaddrs", PYOPT_INT, "num", "number of virtual addresses to generate", 5, NULL, false},
		{'u', "used", PYOPT_INT, "used", "percent of virtual address space that is used", 50, NULL, false},
		{'v', NULL, PYOPT_TRUE, "verbose", "verbose mode", 0, NULL, false},
		{'c', NULL, PYOPT_TRUE, "solve", "compute answers for me", 0, NULL, false},
	};
	struct pyopt_parser p = {"paging-linear-translate.py", o, (int)(sizeof o / sizeof o[0]),
				 run->out, stderr, NULL};
	int st = pyopt_parse(&p, argc, argv);
	if (st != -1)
		return st;
	bool verbose = o[7].flag;
	fprintf(run->out, "ARG seed %" PRId64 "\nARG address space size %s\nARG phys mem size %s\nARG page size %s\n"
	       "ARG verbose %s\nARG addresses %s\n\n",
	       o[1].i, o[2].s, o[3].s, o[4].s, verbose ? "True" : "False", o[0].s);
	struct pyrandom r;
	py_seed(&r, &o[1]);
	int64_t asize, psize, pagesize;
	if (!py_size(o[2].s, &asize))
		return bad_size(p.prog, o[2].s);
	if (!py_size(o[3].s, &psize))
		return bad_size(p.prog, o[3].s);
	if (!py_size(o[4].s, &pagesize))
		return bad_size(p.prog, o[4].s);
	struct linear_problem lp = {0};
	if ((st = linear_check(run->out, p.prog, asize, psize, pagesize, &lp)) != -1)
		return st;
	char err[200];
	struct linear_machine m;
	if (!linear_machine_init(&m, &lp, err, sizeof err)) {
		fflush(run->out);
		fprintf(stderr, "vmlab: exercise paging-linear: %s\n", err);
		return 1;
	}
	fprintf(run->out, "%s", linear_intro);
	if (!linear_table(run->out, &r, &lp, &m, o[6].i, verbose, err, sizeof err)) {
		fflush(run->out);
		fprintf(stderr, "vmlab: exercise paging-linear: %s\n", err);
		linear_machine_fini(&m);
		return 1;
	}
	run->words = "fault";
	run->mixed = true;
	run->hex = true;
	st = linear_trace(run, &r, p.prog, &lp, &m, o[0].s, o[5].i, o[8].flag);
	linear_machine_fini(&m);
	return st;
}
