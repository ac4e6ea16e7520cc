/* paging-multilevel: vm-smalltables/paging-multilevel-translate.py (OSTEP
 * ch. 20), a two-level page table of one-byte entries in 4 KiB of physical
 * memory (128 pages of 32 bytes), answered by hw/pt's walk of the
 * 'ostep-2level' format. The memory image is built as the script builds it,
 * in the same random order, straight into simulated physical memory: the page
 * directory and each page table in a random free page, every byte 0x7f (not
 * valid) until an entry is set, each mapped page filled with random bytes. */
#include "cli/exercise.h"

#include <inttypes.h>
#include <string.h>

#include "hw/pt.h"

#define ML_PAGE_SHIFT 5
#define ML_PAGE_BYTES (1u << ML_PAGE_SHIFT)
#define ML_PAGES 128u     /* physical pages */
#define ML_VA_PAGES 1024u /* virtual pages */
#define ML_EMPTY 0x7fu    /* what a fresh page-directory or page-table byte holds */
#define ML_PD_LEVEL 1u    /* the page directory's level in the format (the root) */
#define ML_INDEX_BITS 5u  /* of a VA, for each level's index */

/* The script's OS: its memory, which pages it used, the page directory. */
struct ml_os {
	struct physmem pm;
	struct pt_format fmt;
	struct pyrandom r;
	bool used[ML_PAGES];
	unsigned nused;
	pfn_t pdbr;
};

/* findFree: a random free page, marked used; false when all are used (the
 * script's assertion fails). */
static bool ml_find_free(struct ml_os *os, pfn_t *page)
{
	if (os->nused >= ML_PAGES)
		return false;
	int64_t look;
	do
		look = pyrandom_scaled(&os->r, (double)ML_PAGES);
	while (os->used[look]);
	os->used[look] = true;
	os->nused++;
	*page = (pfn_t)look;
	return true;
}

/* initPageDir and initPageTablePage: every entry not valid. */
static void ml_init_table(struct ml_os *os, pfn_t page)
{
	for (unsigned i = 0; i < ML_PAGE_BYTES; i++)
		physmem_store(&os->pm, pfn_to_pa(&os->pm, page) + i, 1, ML_EMPTY);
}

/* fillPage: a mapped page's bytes, int(31 * random()) each. */
static void ml_fill_page(struct ml_os *os, pfn_t page)
{
	for (unsigned i = 0; i < ML_PAGE_BYTES; i++)
		physmem_store(&os->pm, pfn_to_pa(&os->pm, page) + i, 1, (uint64_t)pyrandom_scaled(&os->r, 31.0));
}

/* Where the level's entry for va lives in the table at page. */
static paddr_t ml_entry_pa(const struct ml_os *os, pfn_t page, vaddr_t va, unsigned level)
{
	return pfn_to_pa(&os->pm, page) + ptfmt_index(&os->fmt, va, level) * os->fmt.pte_size;
}

/* allocVirtualPage: maps virtual page vp to physical page pp, giving the
 * page directory entry a page table first when it has none. */
static bool ml_map(struct ml_os *os, uint64_t vp, pfn_t pp)
{
	vaddr_t va = vp << ML_PAGE_SHIFT;
	paddr_t pde_pa = ml_entry_pa(os, os->pdbr, va, ML_PD_LEVEL);
	struct pte_info pde;
	ptfmt_decode(&os->fmt, physmem_load(&os->pm, pde_pa, 1), ML_PD_LEVEL, &pde);
	pfn_t table = pde.pfn;
	if (!(pde.flags & PTE_V)) {
		if (!ml_find_free(os, &table))
			return false;
		physmem_store(&os->pm, pde_pa, 1, ptfmt_encode(&os->fmt, table, PTE_V, ML_PD_LEVEL, false));
		ml_init_table(os, table);
	}
	physmem_store(&os->pm, ml_entry_pa(os, table, va, 0), 1, ptfmt_encode(&os->fmt, pp, PTE_V | PTE_RWX | PTE_U, 0, true));
	return true;
}

/* procAlloc: the page directory, then n distinct random virtual pages, each
 * mapped to a random free page filled with random bytes; vps[] receives
 * them in order (*nvps how many). False when memory runs out. */
static bool ml_alloc(struct ml_os *os, int64_t n, uint64_t vps[ML_PAGES], int64_t *nvps)
{
	bool vp_used[ML_VA_PAGES] = {false};
	*nvps = 0;
	if (!ml_find_free(os, &os->pdbr))
		return false;
	ml_init_table(os, os->pdbr);
	for (int64_t i = 0; i < n; i++) {
		int64_t vp;
		do
			vp = pyrandom_scaled(&os->r, (double)ML_VA_PAGES);
		while (vp_used[vp]);
		vp_used[vp] = true;
		pfn_t pp;
		if (!ml_find_free(os, &pp) || !ml_map(os, (uint64_t)vp, pp))
			return false;
		vps[(*nvps)++] = (uint64_t)vp;
		ml_fill_page(os, pp);
	}
	return true;
}

/* memoryDump. */
static void ml_dump(FILE *out, const struct ml_os *os)
{
	for (unsigned p = 0; p < ML_PAGES; p++) {
		fprintf(out, "page %3u:", p);
		for (unsigned i = 0; i < ML_PAGE_BYTES; i++)
			fprintf(out, "%02x", (unsigned)physmem_load(&os->pm, pfn_to_pa(&os->pm, p) + i, 1));
		fprintf(out, "\n");
	}
}

/* The next virtual address: a random one, or (on a coin flip, while there
 * are allocated pages left to pick in order) one inside the i-th allocated
 * page. */
static vaddr_t ml_next_va(struct ml_os *os, int64_t i, const uint64_t *vps, int64_t nvps)
{
	volatile double coin = pyrandom_random(&os->r) * 100.0;
	if (coin > 50.0 || i >= nvps) {
		volatile double kib = pyrandom_random(&os->r) * 1024.0, va = kib * 32.0;
		return (vaddr_t)va;
	}
	return (vps[i] << ML_PAGE_SHIFT) | (vaddr_t)pyrandom_scaled(&os->r, (double)ML_PAGE_BYTES);
}

/* One entry the walk read, as translate() prints it ("pde" at the page
 * directory, "pte" in a page table). */
static void ml_print_entry(FILE *out, const struct ml_os *os, vaddr_t va, unsigned level, paddr_t pa)
{
	pte_t raw = physmem_load(&os->pm, pa, os->fmt.pte_size);
	struct pte_info e;
	ptfmt_decode(&os->fmt, raw, level, &e);
	uint64_t index = ptfmt_index(&os->fmt, va, level);
	const char *what = level == ML_PD_LEVEL ? "pde" : "pte";
	fprintf(out, "%s--> %s index:0x%" PRIx64 " [decimal %" PRIu64 "] %s contents:0x%" PRIx64
		" (valid %d, pfn 0x%02" PRIx64 " [decimal %" PRIu64 "])\n",
		level == ML_PD_LEVEL ? "  " : "    ", what, index, index, what, (uint64_t)raw,
		(e.flags & PTE_V) ? 1 : 0, (uint64_t)e.pfn, (uint64_t)e.pfn);
}

/* The hardware walk of va from the PDBR: where it read (refs entries, the
 * page directory's first), and the address or the fault. */
struct ml_walk {
	bool ok;
	struct walk_result w;
	struct fault f;
	uint64_t refs;
	paddr_t read[PT_MAX_LEVELS];
};

/* The entry of level the walk read at pa, step by step. */
static void ml_explain_entry(struct ex_run *run, const struct ml_os *os, vaddr_t va, unsigned level, paddr_t pa)
{
	struct pte_info e;
	pte_t raw = physmem_load(&os->pm, pa, os->fmt.pte_size);
	ptfmt_decode(&os->fmt, raw, level, &e);
	uint64_t page = pa_to_pfn(&os->pm, pa), index = ptfmt_index(&os->fmt, va, level);
	unsigned widths[2] = {1, 7}; /* the byte: valid bit | PFN */
	char b[160];
	ex_explain(run, "%s: page %" PRIu64 "%s, index %" PRIu64 ": the byte at %" PRIu64 " * %u + %" PRIu64 " = 0x%03" PRIx64
		   " is 0x%02" PRIx64 " = %s: valid bit %d, PFN 0x%02" PRIx64 " (%" PRIu64 ")",
		   level == ML_PD_LEVEL ? "page directory entry" : "page table entry", page,
		   level == ML_PD_LEVEL ? " (the PDBR)" : " (the PDE's PFN)", index, page, ML_PAGE_BYTES, index, (uint64_t)pa,
		   (uint64_t)raw, ex_fields(raw, widths, 2, b), (e.flags & PTE_V) ? 1 : 0, (uint64_t)e.pfn, (uint64_t)e.pfn);
}

/* How the walk of va went, level by level. */
static void ml_explain(struct ex_run *run, const struct ml_os *os, vaddr_t va, const struct ml_walk *mw)
{
	char b[160];
	unsigned widths[3] = {ML_INDEX_BITS, ML_INDEX_BITS, ML_PAGE_SHIFT};
	uint64_t offset = va & (ML_PAGE_BYTES - 1);
	ex_explain(run, "VA 0x%04" PRIx64 " in %u bits, PDE index | PTE index | offset: %s", (uint64_t)va,
		   os->fmt.va_bits, ex_fields(va, widths, 3, b));
	ex_explain(run, "PDE index %" PRIu64 ", PTE index %" PRIu64 ", offset 0x%02" PRIx64,
		   ptfmt_index(&os->fmt, va, ML_PD_LEVEL), ptfmt_index(&os->fmt, va, 0), offset);
	for (uint64_t i = 0; i < mw->refs; i++)
		ml_explain_entry(run, os, va, os->fmt.levels - 1 - (unsigned)i, mw->read[i]);
	if (!mw->ok) {
		ex_explain(run, "the %s's valid bit is 0: the walk faults at the %s",
			   mw->f.level == (int)ML_PD_LEVEL ? "page directory entry" : "page table entry",
			   mw->f.level == (int)ML_PD_LEVEL ? "page directory" : "page table");
		return;
	}
	ex_explain(run, "PA = PFN << %u | offset = 0x%02" PRIx64 " << %u | 0x%02" PRIx64 " = 0x%03" PRIx64, ML_PAGE_SHIFT,
		   (uint64_t)mw->w.pfn, ML_PAGE_SHIFT, offset, (uint64_t)mw->w.pa);
	ex_explain(run, "the value fetched: the byte at 0x%03" PRIx64 ", 0x%02x", (uint64_t)mw->w.pa,
		   (unsigned)physmem_load(&os->pm, mw->w.pa, 1));
}

/* translate(): the hardware walk from the PDBR, asked and explained, and
 * with -c each entry it read, then the address and the byte there, or which
 * level faulted. False (after a message) for a fault the script cannot have. */
static bool ml_answer(struct ex_run *run, struct ml_os *os, vaddr_t va, bool solve)
{
	struct ml_walk mw = {.refs = 0};
	mw.ok = pt_walk_logged(&os->fmt, &os->pm, os->pdbr, va, ACCESS_READ, PRIV_USER, 0, &mw.w, &mw.f, &mw.refs,
			       mw.read);
	if (!mw.ok && !(mw.f.kind == FAULT_NOT_PRESENT && (mw.f.level == (int)ML_PD_LEVEL || mw.f.level == 0))) {
		fflush(run->out);
		fprintf(stderr, "vmlab: exercise paging-multilevel: the walk of 0x%04" PRIx64 " faulted (%s) where the "
			"script cannot\n", (uint64_t)va, fault_kind_name(mw.f.kind));
		return false;
	}
	if (mw.ok)
		ex_ask_number(run, (int64_t)mw.w.pa, "Virtual Address 0x%04" PRIx64, (uint64_t)va);
	else
		ex_ask_word(run, "fault", "Virtual Address 0x%04" PRIx64, (uint64_t)va);
	ml_explain(run, os, va, &mw);
	if (!solve) {
		fprintf(run->out, "Virtual Address %04" PRIx64 ": Translates To What Physical Address (And Fetches what "
			"Value)? Or Fault?\n", (uint64_t)va);
		return true;
	}
	fprintf(run->out, "Virtual Address 0x%04" PRIx64 ":\n", (uint64_t)va);
	for (uint64_t i = 0; i < mw.refs; i++)
		ml_print_entry(run->out, os, va, os->fmt.levels - 1 - (unsigned)i, mw.read[i]);
	if (mw.ok)
		fprintf(run->out, "      --> Translates to Physical Address 0x%03" PRIx64 " --> Value: 0x%02x\n",
			(uint64_t)mw.w.pa, (unsigned)physmem_load(&os->pm, mw.w.pa, 1));
	else if (mw.f.level == (int)ML_PD_LEVEL)
		fprintf(run->out, "      --> Fault (page directory entry not valid)\n");
	else
		fprintf(run->out, "      --> Fault (page table entry not valid)\n");
	return true;
}

/* The script's OS over 4 KiB of simulated physical memory in the
 * 'ostep-2level' format; false (and a message) when it cannot be. */
static bool ml_machine(struct ml_os *os)
{
	char err[200];
	memset(os->used, 0, sizeof os->used);
	os->nused = 0;
	if (ptfmt_preset(&os->fmt, "ostep-2level", 0, 0, err, sizeof err) != PTFMT_OK) {
		fprintf(stderr, "vmlab: exercise paging-multilevel: %s\n", err);
		return false;
	}
	if (physmem_init(&os->pm, ML_PAGES * ML_PAGE_BYTES, ML_PAGE_SHIFT) != PHYSMEM_OK) {
		fprintf(stderr, "vmlab: exercise paging-multilevel: no host memory for 4 KiB of physical memory\n");
		return false;
	}
	return true;
}

static int ml_run(struct ex_run *run, struct ml_os *os, int64_t allocated, int64_t num, bool flag)
{
	uint64_t vps[ML_PAGES];
	int64_t nvps;
	if (!ml_alloc(os, allocated, vps, &nvps)) {
		fflush(run->out);
		fprintf(stderr, "vmlab: exercise paging-multilevel: -a %" PRId64 ": the %u pages of physical memory are "
			"full after mapping %" PRId64 " virtual pages (paging-multilevel-translate.py fails an assertion "
			"in findFree)\n", allocated, ML_PAGES, nvps);
		return 1;
	}
	ml_dump(run->out, os);
	fprintf(run->out, "\nPDBR: %" PRIu64 "  (decimal) [This means the page directory is held in this page]\n\n",
	       (uint64_t)os->pdbr);
	for (int64_t i = 0; i < num; i++) {
		vaddr_t va = ml_next_va(os, i, vps, nvps);
		if (!ex_answering(run, flag))
			fprintf(run->out, "Virtual Address %04" PRIx64 ": Translates To What Physical Address (And Fetches "
				"what Value)? Or Fault?\n", (uint64_t)va);
		else if (!ml_answer(run, os, va, ex_solve(run, flag)))
			return 1;
	}
	fprintf(run->out, "\n");
	return 0;
}

int ex_paging_multilevel(struct ex_run *run, int argc, char **argv)
{
	struct pyopt o[] = {
		{'s', "seed", PYOPT_INT, "seed", "the random seed", 0, NULL, false},
		{'a', "allocated", PYOPT_INT, "allocated", "number of virtual pages allocated", 64, NULL, false},
		{'n', "addresses", PYOPT_INT, "num", "number of virtual addresses to generate", 10, NULL, false},
		{'c', "solve", PYOPT_TRUE, "solve", "compute answers for me", 0, NULL, false},
	};
	struct pyopt_parser p = {"paging-multilevel-translate.py", o, (int)(sizeof o / sizeof o[0]),
				 run->out, stderr, NULL};
	int st = pyopt_parse(&p, argc, argv);
	if (st != -1)
		return st;
	fprintf(run->out, "ARG seed %" PRId64 "\nARG allocated %" PRId64 "\nARG num %" PRId64 "\n\n", o[0].i, o[1].i, o[2].i);
	struct ml_os os;
	py_seed(&os.r, &o[0]);
	if (!ml_machine(&os))
		return 1;
	run->words = "fault";
	run->mixed = true;
	run->hex = true;
	st = ml_run(run, &os, o[1].i, o[2].i, o[3].flag);
	physmem_fini(&os.pm);
	return st;
}
