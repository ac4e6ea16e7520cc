/* sv39: vmlab's own exercise (no OSTEP script behind it), a real RISC-V Sv39
 * three-level page table that hw/pt builds in simulated physical memory, in
 * frames drawn at random as the OSTEP scripts draw theirs (lib/pyrandom),
 * printed as satp's root PPN and the non-zero entries of every page-table
 * page; the accesses are answered by the paging MMU (mmu_translate, no TLB,
 * A/D bits managed by software: Svade), the working from its logged walk. */
#include "cli/exercise.h"

#include <errno.h>
#include <stdarg.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "hw/pt.h"

#define SV_PROG "vmlab exercise sv39"
#define SV_PAGE 4096u
#define SV_MEGA_FRAMES 512u          /* 4 KiB frames in a 2 MiB megapage */
#define SV_GIGAS 2u                  /* VPN[2] values the pages live under */
#define SV_TABLES_PER_GIGA 2u        /* level-0 tables under each */
#define SV_TABLES_MAX (1 + SV_GIGAS + SV_GIGAS * SV_TABLES_PER_GIGA)
#define SV_PAGES_MAX 512
#define SV_MEGAPAGES_MAX 8
#define SV_PSIZE_MAX (4ull << 30)
#define SV_USER_GIGAS 256u           /* VPN[2] of the lower (user) half: VA < 2^38 */
#define SV_LEVELS 3u

/* One access to translate. */
struct sv_access {
	vaddr_t va;
	enum access acc;
	enum priv priv;
};

/* A page the OS mapped (its PTE may have been made invalid or reserved since). */
struct sv_page {
	vaddr_t va;
	unsigned level; /* 0: 4 KiB, 1: 2 MiB megapage */
	unsigned flags; /* what the PTE allows (for drawing likely accesses) */
};

/* The simulated machine and the OS that fills its page table. */
struct sv_os {
	struct physmem pm;
	struct mmu *m;
	struct pt_format fmt;
	struct pt pt;
	struct pyrandom r;
	uint8_t *used;                  /* per frame */
	uint64_t nframes;
	pfn_t tables[SV_TABLES_MAX];    /* page-table pages, in the order made (the root first) */
	unsigned ntables;
	uint64_t vpn2[SV_GIGAS], vpn1[SV_GIGAS][SV_TABLES_PER_GIGA];
	struct sv_page pages[SV_PAGES_MAX + SV_MEGAPAGES_MAX];
	unsigned npages;
};

/* ---- building the memory image ---- */

/* A random frame not yet used, marked used (the caller has checked one is left). */
static pfn_t sv_free_frame(struct sv_os *os)
{
	int64_t look;
	do
		look = pyrandom_scaled(&os->r, (double)os->nframes);
	while (os->used[look]);
	os->used[look] = 1;
	return (pfn_t)look;
}

/* The frame source of the page table: one random free frame per table. */
static bool sv_table_alloc(void *ctx, uint64_t n, pfn_t *first)
{
	struct sv_os *os = ctx;
	if (n != 1 || os->ntables == SV_TABLES_MAX)
		return false;
	*first = os->tables[os->ntables++] = sv_free_frame(os);
	return true;
}

static void sv_table_free(void *ctx, pfn_t first, uint64_t n) { (void)ctx, (void)first, (void)n; }

/* n random 2 MiB-aligned runs of free frames for the megapages, drawn
 * before anything else is placed (so every slot is free). */
static void sv_reserve_megas(struct sv_os *os, int64_t n, pfn_t *first)
{
	uint64_t slots = os->nframes / SV_MEGA_FRAMES;
	for (int64_t i = 0; i < n; i++) {
		int64_t s;
		do
			s = pyrandom_scaled(&os->r, (double)slots);
		while (os->used[(uint64_t)s * SV_MEGA_FRAMES]);
		first[i] = (pfn_t)s * SV_MEGA_FRAMES;
		memset(os->used + first[i], 1, SV_MEGA_FRAMES);
	}
}

/* A random number in [0, n) that is not among the k in taken. */
static uint64_t sv_draw_other(struct sv_os *os, uint64_t n, const uint64_t *taken, unsigned k)
{
	for (;;) {
		uint64_t v = (uint64_t)pyrandom_scaled(&os->r, (double)n);
		unsigned i = 0;
		while (i < k && taken[i] != v)
			i++;
		if (i == k)
			return v;
	}
}

/* The VPN[2] and VPN[1] values the pages are mapped under. */
static void sv_draw_layout(struct sv_os *os)
{
	for (unsigned g = 0; g < SV_GIGAS; g++) {
		os->vpn2[g] = sv_draw_other(os, SV_USER_GIGAS, os->vpn2, g);
		for (unsigned t = 0; t < SV_TABLES_PER_GIGA; t++)
			os->vpn1[g][t] = sv_draw_other(os, 512, os->vpn1[g], t);
	}
}

static vaddr_t sv_va(uint64_t vpn2, uint64_t vpn1, uint64_t vpn0)
{
	return (vaddr_t)(vpn2 << 30 | vpn1 << 21 | vpn0 << 12);
}

/* The permissions a page gets: user data, read-only data, text,
 * execute-only, all three, kernel data, kernel text. */
static const unsigned sv_perms[] = {
	PTE_R | PTE_W | PTE_U, PTE_R | PTE_U, PTE_R | PTE_X | PTE_U, PTE_X | PTE_U,
	PTE_R | PTE_W | PTE_X | PTE_U, PTE_R | PTE_W, PTE_R | PTE_X,
};

enum sv_kind { SV_NORMAL, SV_INVALID, SV_RESERVED };

/* A page's flags: a permission, A set 4 times in 5, D (when writable and
 * accessed: the OS never sets D without A) 3 in 5. */
static unsigned sv_draw_flags(struct sv_os *os)
{
	unsigned flags = sv_perms[pyrandom_scaled(&os->r, (double)(sizeof sv_perms / sizeof sv_perms[0]))];
	bool accessed = pyrandom_random(&os->r) < 0.8, dirty = pyrandom_random(&os->r) < 0.6;
	if (accessed)
		flags |= PTE_A;
	if ((flags & PTE_W) && accessed && dirty)
		flags |= PTE_D;
	return flags;
}

/* Maps one page at va (level 0 or 1) to pfn; kind then spoils its PTE: V
 * cleared (a page the OS took away; the PPN stays) or R cleared from an RW
 * page (W without R, an encoding the spec reserves). False when va is taken. */
static bool sv_map(struct sv_os *os, vaddr_t va, unsigned level, pfn_t pfn, unsigned flags, enum sv_kind kind)
{
	struct pt_leaf leaf;
	if (kind == SV_RESERVED)
		flags = (flags & PTE_X) | PTE_R | PTE_W | PTE_U | PTE_A;
	enum pt_status st = pt_map_leaf(&os->pt, va, pfn, level, flags, &leaf);
	if (st == PT_EXISTS)
		return false;
	if (st != PT_OK)
		panic("sv39: mapping 0x%" PRIx64 ": %s", (uint64_t)va, pt_strerror(st));
	pte_t raw = physmem_load(&os->pm, leaf.pte_pa, 8);
	if (kind == SV_INVALID)
		physmem_store(&os->pm, leaf.pte_pa, 8, raw & ~(pte_t)PTE_V);
	else if (kind == SV_RESERVED)
		physmem_store(&os->pm, leaf.pte_pa, 8, raw & ~(pte_t)PTE_R);
	os->pages[os->npages++] = (struct sv_page){.va = va, .level = level, .flags = kind == SV_NORMAL ? flags : 0};
	return true;
}

/* n 4 KiB pages under the drawn tables, one in ten invalid and one in ten
 * reserved, each in a random free frame. */
static void sv_map_pages(struct sv_os *os, int64_t n)
{
	for (int64_t i = 0; i < n; i++) {
		unsigned k = (unsigned)pyrandom_scaled(&os->r, 10.0);
		enum sv_kind kind = k == 0 ? SV_INVALID : k == 1 ? SV_RESERVED : SV_NORMAL;
		unsigned flags = sv_draw_flags(os);
		pfn_t pfn = sv_free_frame(os);
		vaddr_t va;
		do {
			unsigned g = (unsigned)pyrandom_scaled(&os->r, SV_GIGAS);
			unsigned t = (unsigned)pyrandom_scaled(&os->r, SV_TABLES_PER_GIGA);
			va = sv_va(os->vpn2[g], os->vpn1[g][t], (uint64_t)pyrandom_scaled(&os->r, 512.0));
		} while (!sv_map(os, va, 0, pfn, flags, kind));
	}
}

/* The megapages at the reserved runs, each under a drawn VPN[2] at a VPN[1]
 * that none of the level-0 tables (nor another megapage) uses. */
static void sv_map_megas(struct sv_os *os, int64_t n, const pfn_t *first)
{
	for (int64_t i = 0; i < n; i++) {
		unsigned flags = sv_draw_flags(os), g;
		vaddr_t va;
		do {
			g = (unsigned)pyrandom_scaled(&os->r, SV_GIGAS);
			va = sv_va(os->vpn2[g], sv_draw_other(os, 512, os->vpn1[g], SV_TABLES_PER_GIGA), 0);
		} while (!sv_map(os, va, 1, first[i], flags, SV_NORMAL));
	}
}

/* The memory image: megapage runs, the root, the tables and the pages,
 * with satp pointing at the root; false (nothing built) when the root has
 * no frame. */
static bool sv_build(struct sv_os *os, int64_t pages, int64_t megas)
{
	pfn_t first[SV_MEGAPAGES_MAX];
	sv_reserve_megas(os, megas, first);
	struct frame_source fs = {sv_table_alloc, sv_table_free, os};
	if (pt_init(&os->pt, &os->fmt, &os->pm, &fs) != PT_OK)
		return false;
	sv_draw_layout(os);
	sv_map_megas(os, megas, first);
	sv_map_pages(os, pages);
	mmu_set_context(os->m, os->pt.root, 0);
	return true;
}

/* ---- the accesses ---- */

static const char *const sv_acc_names[] = {"load", "store", "fetch"};
static const char *const sv_priv_names[] = {"user", "supervisor"};

/* An access its page allows, half of the time; any access otherwise. */
static enum access sv_draw_access(struct sv_os *os, unsigned flags)
{
	static const unsigned need[] = {PTE_R, PTE_W, PTE_X};
	enum access acc = (enum access)pyrandom_scaled(&os->r, 3.0);
	if (!flags || pyrandom_random(&os->r) < 0.5)
		return acc;
	while (!(flags & need[acc]))
		acc = (enum access)((acc + 1) % 3);
	return acc;
}

/* A VA in a level-0 table's hole: its PTE is zero (false when none is found soon). */
static bool sv_draw_hole(struct sv_os *os, vaddr_t *va)
{
	for (int tries = 0; tries < 64; tries++) {
		unsigned g = (unsigned)pyrandom_scaled(&os->r, SV_GIGAS), t = (unsigned)pyrandom_scaled(&os->r, SV_TABLES_PER_GIGA);
		struct pt_leaf leaf;
		*va = sv_va(os->vpn2[g], os->vpn1[g][t], (uint64_t)pyrandom_scaled(&os->r, 512.0)) |
		      (vaddr_t)pyrandom_scaled(&os->r, SV_PAGE);
		if (pt_lookup(&os->pt, *va, &leaf) == PT_ENOENT)
			return true;
	}
	return false;
}

/* The next random access: into a mapped page 8 times in 10 (an access its
 * PTE allows half of those, in the mode its U bit says 4 times in 5), into
 * a hole of a level-0 table 1 in 10, else under a VPN[2] with no table. */
static struct sv_access sv_draw(struct sv_os *os)
{
	double where = pyrandom_random(&os->r);
	struct sv_access a = {.priv = PRIV_USER};
	if (where < 0.8 && os->npages) {
		const struct sv_page *p = &os->pages[pyrandom_scaled(&os->r, (double)os->npages)];
		uint64_t bytes = ptfmt_level_bytes(&os->fmt, p->level);
		a.va = p->va | (vaddr_t)pyrandom_scaled(&os->r, (double)bytes);
		a.acc = sv_draw_access(os, p->flags);
		bool user = (p->flags & PTE_U) || !p->flags;
		a.priv = (pyrandom_random(&os->r) < 0.8) == user ? PRIV_USER : PRIV_SUPERVISOR;
		return a;
	}
	if (where >= 0.9 || !sv_draw_hole(os, &a.va))
		a.va = (vaddr_t)sv_draw_other(os, SV_USER_GIGAS, os->vpn2, SV_GIGAS) << 30 |
		       (vaddr_t)pyrandom_scaled(&os->r, (double)(1u << 30));
	a.acc = (enum access)pyrandom_scaled(&os->r, 3.0);
	a.priv = pyrandom_random(&os->r) < 0.8 ? PRIV_USER : PRIV_SUPERVISOR;
	return a;
}

/* ---- -A: the accesses given ---- */

/* "vmlab: exercise sv39: " and the message on standard error; CLI_USAGE. */
PRINTF_LIKE(1, 2) static int sv_bad(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fflush(stdout);
	fprintf(stderr, "vmlab: exercise sv39: ");
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, "\n");
	va_end(ap);
	return CLI_USAGE;
}

/* The index of word (len bytes) in names, or -1. */
static int sv_name_index(const char *const *names, int n, const char *word, size_t len)
{
	for (int i = 0; i < n; i++)
		if (strlen(names[i]) == len && !strncmp(names[i], word, len))
			return i;
	return -1;
}

/* One access "VA:TYPE[:MODE]" of the -A list (item n, counted from 1). */
static int sv_parse_access(const char *item, size_t len, int n, struct sv_access *a)
{
	char word[128];
	if (!len)
		return sv_bad("-A: access %d is empty", n);
	if (len >= sizeof word)
		return sv_bad("-A: access %d is longer than %zu characters", n, sizeof word - 1);
	memcpy(word, item, len);
	word[len] = '\0';
	char *type = strchr(word, ':'), *end;
	if (!type)
		return sv_bad("-A: access %d (%s) has no type: expected VA:TYPE[:MODE] (TYPE load, store or fetch; "
			      "MODE user or supervisor)", n, word);
	*type++ = '\0';
	char *mode = strchr(type, ':');
	if (mode)
		*mode++ = '\0';
	errno = 0;
	unsigned long long va = strtoull(word, &end, 0);
	if (!*word || *end || errno == ERANGE || word[0] == '-' || word[0] == '+' || word[0] == ' ')
		return sv_bad("-A: access %d: \"%s\" is not an address (decimal or 0x-hex, at most 64 bits)", n, word);
	a->va = (vaddr_t)va;
	int acc = sv_name_index(sv_acc_names, 3, type, strlen(type));
	if (acc < 0)
		return sv_bad("-A: access %d: unknown access type \"%s\" (load, store or fetch)", n, type);
	a->acc = (enum access)acc;
	int priv = mode ? sv_name_index(sv_priv_names, 2, mode, strlen(mode)) : PRIV_USER;
	if (priv < 0)
		return sv_bad("-A: access %d: unknown mode \"%s\" (user or supervisor)", n, mode);
	a->priv = (enum priv)priv;
	return CLI_OK;
}

/* The comma-separated list s into a (a fresh array, *n long). */
static int sv_parse_list(const char *s, struct sv_access **a, int64_t *n)
{
	*n = 0;
	*a = NULL;
	for (const char *p = s;; p++) {
		size_t len = strcspn(p, ",");
		*a = xrealloc(*a, (size_t)(*n + 1) * sizeof **a);
		int st = sv_parse_access(p, len, (int)(*n + 1), &(*a)[*n]);
		if (st != CLI_OK)
			return st;
		(*n)++;
		p += len;
		if (!*p)
			return CLI_OK;
	}
}

/* ---- the problem as printed ---- */

/* "V=1 R=0 W=0 X=0 U=0 A=0 D=0": the bits a walk checks. */
static void sv_flag_bits(unsigned flags, char buf[64])
{
	snprintf(buf, 64, "V=%d R=%d W=%d X=%d U=%d A=%d D=%d", (flags & PTE_V) != 0, (flags & PTE_R) != 0,
		 (flags & PTE_W) != 0, (flags & PTE_X) != 0, (flags & PTE_U) != 0, (flags & PTE_A) != 0,
		 (flags & PTE_D) != 0);
}

/* Every page-table page and its non-zero entries. */
static void sv_dump(struct ex_run *run, const struct sv_os *os)
{
	for (unsigned t = 0; t < os->ntables; t++) {
		paddr_t base = pfn_to_pa(&os->pm, os->tables[t]);
		fprintf(run->out, "page-table page at PPN 0x%" PRIx64 " (PA 0x%" PRIx64 "):\n", (uint64_t)os->tables[t],
			(uint64_t)base);
		unsigned shown = 0;
		for (unsigned i = 0; i < 512; i++) {
			pte_t raw = physmem_load(&os->pm, base + i * 8, 8);
			char flags[16];
			if (!raw)
				continue;
			ptfmt_flag_string((unsigned)raw & PTE_FLAG_MASK, flags);
			fprintf(run->out, "  [%3u] 0x%016" PRIx64 "  %s\n", i, (uint64_t)raw, flags);
			shown++;
		}
		if (!shown)
			fprintf(run->out, "  (every entry is zero)\n");
	}
}

static void sv_intro(struct ex_run *run, const struct sv_os *os)
{
	fprintf(run->out,
		"Sv39: 39-bit virtual addresses, 4 KiB pages, three levels of 512 8-byte PTEs.\n"
		"  VA:  VPN[2] (bits 38..30) | VPN[1] (29..21) | VPN[0] (20..12) | offset (11..0)\n"
		"  PTE: PPN (bits 53..10) | RSW (9..8) | D A G U X W R V (bits 7..0)\n"
		"A PTE with R or X set is a leaf (a 2 MiB megapage at level 1); R=W=X=0 points to the\n"
		"next table. A/D are managed by software (Svade): A=0, or D=0 on a store, is a page\n"
		"fault. sstatus.SUM=0 and MXR=0.\n\n"
		"satp: MODE 8 (Sv39), PPN 0x%" PRIx64 "\n\n"
		"Page-table pages (non-zero entries: index, PTE, flags VRWXUGAD):\n",
		(uint64_t)os->pt.root);
	sv_dump(run, os);
	fprintf(run->out, "\n");
}

/* ---- the answers and their working ---- */

static const char *sv_cause_name(unsigned cause)
{
	switch (cause) {
	case CAUSE_FETCH_PAGE_FAULT: return "instruction page fault";
	case CAUSE_LOAD_PAGE_FAULT: return "load page fault";
	case CAUSE_STORE_PAGE_FAULT: return "store/AMO page fault";
	case CAUSE_FETCH_ACCESS: return "instruction access fault";
	case CAUSE_LOAD_ACCESS: return "load access fault";
	default: return "store/AMO access fault";
	}
}

/* What makes a PTE with these flags and raw bits reserved. */
static const char *sv_reserved_why(unsigned flags, pte_t raw, int level)
{
	if ((flags & PTE_W) && !(flags & PTE_R))
		return "W=1 without R";
	if (raw >> 54)
		return "bits 63..54 set";
	return level == 0 ? "R=W=X=0 at level 0: a pointer with no next level" : "reserved";
}

/* Why the MMU faulted, in the PTE's terms (last: the last PTE read, or NULL). */
static void sv_reason(const struct fault *f, const struct pte_info *last, pte_t raw, char *buf, size_t len)
{
	unsigned fl = last ? last->flags : 0;
	switch (f->kind) {
	case FAULT_VA_RANGE:
		snprintf(buf, len, "VA not canonical (bits 63..39 must equal bit 38)");
		break;
	case FAULT_NOT_PRESENT:
		snprintf(buf, len, "V=0 at level %d", f->level);
		break;
	case FAULT_RESERVED:
		snprintf(buf, len, "reserved PTE at level %d (%s)", f->level, sv_reserved_why(fl, raw, f->level));
		break;
	case FAULT_PROTECTION:
		if (f->violated & PTE_U)
			snprintf(buf, len, f->priv == PRIV_USER ? "U=0: a supervisor page, user access" :
				 f->access == ACCESS_EXEC ? "U=1: a user page, supervisor fetch" :
				 "U=1: a user page, supervisor access with SUM=0");
		else
			snprintf(buf, len, "%s=0: not %s", f->violated & PTE_W ? "W" : f->violated & PTE_X ? "X" : "R",
				 f->violated & PTE_W ? "writable" : f->violated & PTE_X ? "executable" : "readable");
		break;
	case FAULT_AD:
		snprintf(buf, len, "%s (Svade)", !(fl & PTE_A) ? "A=0" : "D=0 on a store");
		break;
	default: {
		char d[120];
		fault_describe(f, d, sizeof d);
		snprintf(buf, len, "%s", d);
	}
	}
}

static void sv_explain_split(struct ex_run *run, vaddr_t va)
{
	char b2[80], b1[80], b0[80], bo[80];
	ex_explain(run, "VA 0x%010" PRIx64 " = VPN[2] %s (%" PRIu64 ") | VPN[1] %s (%" PRIu64 ") | VPN[0] %s (%" PRIu64
		   ") | offset %s (0x%03" PRIx64 ")",
		   (uint64_t)va, ex_bits(va >> 30 & 511, 9, 0, b2), (uint64_t)(va >> 30 & 511),
		   ex_bits(va >> 21 & 511, 9, 0, b1), (uint64_t)(va >> 21 & 511), ex_bits(va >> 12 & 511, 9, 0, b0),
		   (uint64_t)(va >> 12 & 511), ex_bits(va & 4095, 12, 0, bo), (uint64_t)(va & 4095));
}

/* One PTE the walk read, at level l from the table at table_pa. */
static void sv_explain_pte(struct ex_run *run, const struct sv_os *os, vaddr_t va, int l, paddr_t pte_pa,
			   struct pte_info *e, pte_t *raw)
{
	char bits[64];
	uint64_t idx = ptfmt_index(&os->fmt, va, (unsigned)l);
	paddr_t table = pte_pa - idx * 8;
	*raw = physmem_load(&os->pm, pte_pa, 8);
	ptfmt_decode(&os->fmt, *raw, (unsigned)l, e);
	sv_flag_bits(e->flags, bits);
	ex_explain(run, "level %d: PTE at 0x%" PRIx64 " * 4096 + VPN[%d] %" PRIu64 " * 8 = 0x%" PRIx64 ": 0x%016" PRIx64
		   " (PPN 0x%" PRIx64 ", %s)", l, (uint64_t)(table >> 12), l, idx, (uint64_t)pte_pa, (uint64_t)*raw,
		   (uint64_t)e->pfn, bits);
	if (!(e->flags & PTE_V))
		ex_explain(run, "  V=0: not valid (its other bits do not matter)");
	else if (e->reserved || (!e->leaf && l == 0))
		ex_explain(run, "  %s: a reserved encoding", sv_reserved_why(e->flags, *raw, l));
	else if (!e->leaf)
		ex_explain(run, "  R=W=X=0: a pointer to the next table, at PPN 0x%" PRIx64, (uint64_t)e->pfn);
	else
		ex_explain(run, "  R or X set: a leaf, %s", l == 0 ? "a 4 KiB page" : l == 1 ? "a 2 MiB megapage" : "a 1 GiB gigapage");
}

/* The checks on a valid leaf and, for a translation, how the PA is made. */
static void sv_explain_leaf(struct ex_run *run, const struct sv_access *a, const struct pte_info *e, int l,
			    bool ok, const struct fault *f, paddr_t pa, const char *why)
{
	static const char *const need[] = {"R", "W", "X"};
	unsigned fl = e->flags, bit = a->acc == ACCESS_READ ? PTE_R : a->acc == ACCESS_WRITE ? PTE_W : PTE_X;
	bool perm_ok = ok || f->kind != FAULT_PROTECTION;
	ex_explain(run, "permission: a %s needs %s=1 (%s=%u); %s mode needs U=%u (U=%u): %s%s",
		   sv_acc_names[a->acc], need[a->acc], need[a->acc], (fl & bit) != 0, sv_priv_names[a->priv],
		   a->priv == PRIV_USER, (fl & PTE_U) != 0, perm_ok ? "allowed" : "a page fault, ", perm_ok ? "" : why);
	if (!perm_ok)
		return;
	if (f->kind == FAULT_MISALIGNED && !ok) {
		ex_explain(run, "the megapage's PPN 0x%" PRIx64 " is not 2 MiB-aligned: a page fault", (uint64_t)e->pfn);
		return;
	}
	bool ad_ok = ok || f->kind != FAULT_AD;
	ex_explain(run, "A/D (Svade): an access needs A=1 (A=%u)%s%s: %s", (fl & PTE_A) != 0,
		   a->acc == ACCESS_WRITE ? ", a store D=1 too: D=" : "", a->acc == ACCESS_WRITE ? ((fl & PTE_D) ? "1" : "0") : "",
		   ad_ok ? "no fault" : "a page fault (the hardware never sets A or D)");
	if (!ok)
		return;
	if (l == 0)
		ex_explain(run, "PA = PPN 0x%" PRIx64 " << 12 | offset 0x%03" PRIx64 " = 0x%" PRIx64, (uint64_t)e->pfn,
			   (uint64_t)(a->va & 4095), (uint64_t)pa);
	else
		ex_explain(run, "PA = PPN 0x%" PRIx64 " << 12 | VA bits 20..0 (VPN[0] and offset) 0x%06" PRIx64 " = 0x%" PRIx64,
			   (uint64_t)e->pfn, (uint64_t)(a->va & 0x1fffff), (uint64_t)pa);
}

/* The working of one access: the VA split, each PTE the walk read, then
 * the checks on the leaf or why the walk stopped. */
static void sv_explain(struct ex_run *run, const struct sv_os *os, const struct sv_access *a, bool ok,
		       const struct fault *f, paddr_t pa, const paddr_t *read, uint64_t refs, char *why, size_t len)
{
	struct pte_info e = {0};
	pte_t raw = 0;
	sv_explain_split(run, a->va);
	for (uint64_t i = 0; i < refs; i++)
		sv_explain_pte(run, os, a->va, (int)(SV_LEVELS - 1 - i), read[i], &e, &raw);
	sv_reason(f, refs ? &e : NULL, raw, why, len);
	if (ok || f->kind == FAULT_PROTECTION || f->kind == FAULT_AD || f->kind == FAULT_MISALIGNED)
		sv_explain_leaf(run, a, &e, (int)(SV_LEVELS - refs), ok, f, pa, why);
	else if (f->kind == FAULT_VA_RANGE)
		ex_explain(run, "bits 63..39 of the VA are not all copies of bit 38: a page fault before any PTE is read");
	else
		ex_explain(run, "a page fault: %s", why);
}

/* Translates access i with the MMU, records its question and working,
 * prints its line (with the answer when solve). */
static void sv_answer(struct ex_run *run, struct sv_os *os, const struct sv_access *a, int64_t i, bool solve)
{
	paddr_t pa = 0, read[PT_MAX_LEVELS];
	struct fault f, wf;
	struct walk_result w;
	uint64_t refs = 0;
	char why[160], line[96];
	bool ok = mmu_translate(os->m, a->va, a->acc, a->priv, &pa, &f);
	bool wok = pt_walk_logged(&os->fmt, &os->pm, os->pt.root, a->va, a->acc, a->priv, os->m->walk_opts, &w, &wf,
				  &refs, read);
	if (wok != ok || (ok ? w.pa != pa : wf.kind != f.kind))
		panic("the MMU and its page walk disagree on 0x%" PRIx64, (uint64_t)a->va);
	snprintf(line, sizeof line, "%2" PRId64 ": VA 0x%010" PRIx64 "  %-5s %-10s", i, (uint64_t)a->va,
		 sv_acc_names[a->acc], sv_priv_names[a->priv]);
	if (ok)
		ex_ask_number(run, (int64_t)pa, "VA 0x%010" PRIx64 " %s %s", (uint64_t)a->va, sv_acc_names[a->acc],
			      sv_priv_names[a->priv]);
	else
		ex_ask_word(run, "fault", "VA 0x%010" PRIx64 " %s %s", (uint64_t)a->va, sv_acc_names[a->acc],
			    sv_priv_names[a->priv]);
	sv_explain(run, os, a, ok, &f, pa, read, refs, why, sizeof why);
	if (!solve)
		fprintf(run->out, "  %s --> PA or fault?\n", line);
	else if (ok)
		fprintf(run->out, "  %s --> PA 0x%010" PRIx64 "\n", line, (uint64_t)pa);
	else
		fprintf(run->out, "  %s --> FAULT: %s (cause %u): %s\n", line, sv_cause_name(fault_cause(&f)),
			fault_cause(&f), why);
}

static void sv_accesses(struct ex_run *run, struct sv_os *os, const struct sv_access *given, int64_t n, bool solve)
{
	fprintf(run->out, "Accesses (VA, type, mode):\n");
	for (int64_t i = 0; i < n; i++) {
		struct sv_access a = given ? given[i] : sv_draw(os);
		sv_answer(run, os, &a, i, solve);
	}
	fprintf(run->out, "\n");
	if (!solve)
		fprintf(run->out, "For each access, walk the page table from satp and write down the physical address\n"
			"it translates to, or that it faults (and why: V=0, a reserved PTE, a permission,\n"
			"or A/D).\n\n");
}

/* ---- the command ---- */

/* The flags' values, checked. */
struct sv_args {
	const struct pyopt *seed;
	int64_t pages, megas, num, psize;
	struct sv_access *given; /* -A's list, or NULL */
};

/* Checks the counts and sizes (psize as given: psize_text) against what
 * physical memory can hold; CLI_OK, or CLI_USAGE after the message. */
static int sv_check_sizes(const struct sv_args *x, const char *psize_text)
{
	if (x->pages < 0 || x->pages > SV_PAGES_MAX)
		return sv_bad("-a %" PRId64 ": the number of 4 KiB pages must be 0 to %d", x->pages, SV_PAGES_MAX);
	if (x->megas < 0 || x->megas > SV_MEGAPAGES_MAX)
		return sv_bad("-m %" PRId64 ": the number of 2 MiB megapages must be 0 to %d", x->megas, SV_MEGAPAGES_MAX);
	if (x->num < 0)
		return sv_bad("-n %" PRId64 ": the number of accesses must be 0 or more", x->num);
	if (x->psize <= 0 || x->psize % SV_PAGE || (uint64_t)x->psize > SV_PSIZE_MAX)
		return sv_bad("-p %s: physical memory must be a positive multiple of 4 KiB, at most 4g", psize_text);
	uint64_t frames = (uint64_t)x->psize / SV_PAGE, slots = frames / SV_MEGA_FRAMES;
	if ((uint64_t)x->megas > slots)
		return sv_bad("-p %s: %" PRId64 " megapages need as many 2 MiB-aligned 2 MiB runs of physical memory; it "
			      "has %" PRIu64, psize_text, x->megas, slots);
	uint64_t need = (uint64_t)x->pages + SV_TABLES_MAX, left = frames - (uint64_t)x->megas * SV_MEGA_FRAMES;
	if (need > left)
		return sv_bad("-p %s: %" PRIu64 " frames are left beside the megapages, fewer than the %" PRId64
			      " pages and up to %d page-table pages need", psize_text, left, x->pages, SV_TABLES_MAX);
	return CLI_OK;
}

static int sv_args(struct pyopt *o, struct sv_args *x, int64_t *ngiven)
{
	*x = (struct sv_args){.seed = &o[0], .pages = o[1].i, .megas = o[2].i, .num = o[4].i};
	*ngiven = 0;
	if (!py_size(o[3].s, &x->psize))
		return sv_bad("-p %s: not a size (a number with an optional k, m or g)", o[3].s);
	int st = sv_check_sizes(x, o[3].s);
	if (st == CLI_OK && strcmp(o[5].s, "-1"))
		st = sv_parse_list(o[5].s, &x->given, ngiven);
	return st;
}

/* The machine: physical memory, the paging MMU (Sv39, no TLB, Svade) and
 * the frame map; false after a message. */
static bool sv_machine(struct sv_os *os, int64_t psize)
{
	char err[200];
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.mech = &mmu_paging;
	cfg.tlb.entries = 0;
	cfg.sw_ad = true;
	if (ptfmt_preset(&os->fmt, "sv39", 0, 0, err, sizeof err) != PTFMT_OK) {
		fprintf(stderr, "vmlab: exercise sv39: %s\n", err);
		return false;
	}
	struct mmu_context ctx = {.kind = MMU_MECH_PAGING, .paging = {.root = 0, .asid = 0}};
	os->m = ex_machine("sv39", &cfg, (uint64_t)psize, &os->fmt, &ctx, &os->pm);
	if (!os->m)
		return false;
	os->nframes = os->pm.nframes;
	os->used = xcalloc(os->nframes, 1);
	os->ntables = os->npages = 0;
	return true;
}

/* Frees the machine (and the page table, when built). */
static void sv_fini(struct sv_os *os, bool built)
{
	if (built)
		pt_fini(&os->pt);
	free(os->used);
	mmu_free(os->m);
	physmem_fini(&os->pm);
}

static const char sv_description[] =
	"vmlab's own exercise: a RISC-V Sv39 page table (privileged spec, section Sv39) in "
	"simulated physical memory, built by vmlab's page-table code with random 4 KiB pages "
	"and 2 MiB megapages, mixed R/W/X/U permissions, some A or D bits clear, some invalid "
	"and some reserved (W without R) entries. It prints satp's root PPN and the non-zero "
	"entries of every page-table page, then accesses (VA, load/store/fetch, user or "
	"supervisor mode) to translate by hand: to a physical address, or a page fault. The "
	"answers (-c) come from vmlab's MMU. A/D bits are managed by software (Svade): the "
	"hardware never sets them, and an access to a page with A=0, or a store to one with "
	"D=0, is a page fault. sstatus.SUM and MXR are 0: the supervisor cannot touch user "
	"pages.";

/* Builds the image for x and asks its accesses; CLI_FAILED after a message. */
static int sv_run(struct ex_run *run, const struct sv_args *x, int64_t n, bool solve)
{
	struct sv_os os;
	py_seed(&os.r, x->seed);
	if (!sv_machine(&os, x->psize))
		return CLI_FAILED;
	if (!sv_build(&os, x->pages, x->megas)) {
		fprintf(stderr, "vmlab: exercise sv39: no frame for the root page table\n");
		sv_fini(&os, false);
		return CLI_FAILED;
	}
	run->words = "fault";
	run->mixed = true;
	run->hex = true;
	sv_intro(run, &os);
	sv_accesses(run, &os, x->given, n, solve);
	sv_fini(&os, true);
	return CLI_OK;
}

int ex_sv39(struct ex_run *run, int argc, char **argv)
{
	struct pyopt o[] = {
		{'s', "seed", PYOPT_INT, "seed", "the random seed", 0, NULL, false},
		{'a', "allocated", PYOPT_INT, "allocated", "number of 4 KiB pages mapped", 8, NULL, false},
		{'m', "megapages", PYOPT_INT, "megapages", "number of 2 MiB megapages mapped", 1, NULL, false},
		{'p', "physmem", PYOPT_STRING, "psize", "physical memory size (e.g., 64k, 16m, 1g)", 0, "16m", false},
		{'n', "addresses", PYOPT_INT, "num", "number of accesses to generate", 10, NULL, false},
		{'A', "accesses", PYOPT_STRING, "accesses",
		 "a set of comma-separated accesses VA:TYPE[:MODE] (TYPE load, store or fetch; MODE user or "
		 "supervisor, user if left out); -1 means randomly generate", 0, "-1", false},
		{'c', "compute", PYOPT_TRUE, "solve", "compute answers for me", 0, NULL, false},
	};
	struct pyopt_parser p = {SV_PROG, o, (int)(sizeof o / sizeof o[0]), run->out, stderr, sv_description};
	int st = pyopt_parse(&p, argc, argv);
	if (st != -1)
		return st;
	struct sv_args x;
	int64_t ngiven;
	st = sv_args(o, &x, &ngiven);
	int64_t n = x.given ? ngiven : x.num;
	if (st == CLI_OK) {
		fprintf(run->out, "ARG seed %" PRId64 "\nARG allocated %" PRId64 "\nARG megapages %" PRId64
			"\nARG physmem %s\nARG accesses %s\nARG num %" PRId64 "\n\n", x.seed->i, x.pages, x.megas, o[3].s,
			o[5].s, n);
		st = sv_run(run, &x, n, ex_solve(run, o[6].flag));
	}
	free(x.given);
	return st;
}
