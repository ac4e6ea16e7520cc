/* Differential test: a seeded stream of map/unmap/protect/access/flush/switch
 * operations runs through TLB+MMU on one machine and through an independent,
 * direct page walk (no TLB) on a twin machine. Physical addresses, faults and
 * the page tables' bytes (A/D bits included) must agree at every step. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hw/mmu.h"
#include "lib/rng.h"
#include "tests/harness.h"
#include "tests/support_frames.h"

#define SPACES 3
#define SLOTS 48
#define OPS 100000

struct machine {
	struct physmem pm;
	struct test_frames tf;
	struct pt pt[SPACES];
};

struct slot {
	vaddr_t va;
	unsigned level;
	bool mapped[SPACES];
	pfn_t pfn[SPACES];
};

struct diff {
	struct pt_format fmt;
	struct machine a, b; /* a: TLB + MMU; b: direct walk */
	struct mmu *m;
	struct slot slots[SLOTS];
	struct rng rng;
	int cur;
	bool sw_ad;
	uint64_t seed, step;
	const char *what;
};

/* ---- the reference: a direct walk written from the specs, no TLB ---- */

static uint64_t ref_index(const struct pt_format *f, vaddr_t va, unsigned level)
{
	unsigned shift = f->page_shift;
	for (unsigned l = 0; l < level; l++)
		shift += f->level_bits[l];
	return (va >> shift) & ((1ull << f->level_bits[level]) - 1);
}

static bool ref_va_ok(const struct pt_format *f, vaddr_t va)
{
	if (!f->canonical)
		return f->va_bits == 64 || va < (1ull << f->va_bits);
	int64_t s = (int64_t)(va << (64 - f->va_bits)) >> (64 - f->va_bits);
	return (uint64_t)s == va;
}

/* Permission bits that forbid the access, or 0. */
static unsigned ref_forbidden(const struct pt_format *f, unsigned fl, enum access acc, enum priv priv)
{
	unsigned bad = 0;
	if (f->style == PTE_STYLE_OSTEP)
		return 0;
	if (acc == ACCESS_READ && !(fl & PTE_R))
		bad |= PTE_R;
	if (acc == ACCESS_WRITE && !(fl & PTE_W))
		bad |= PTE_W;
	if (acc == ACCESS_EXEC && !(fl & PTE_X))
		bad |= PTE_X;
	if (priv == PRIV_USER && !(fl & PTE_U))
		bad |= PTE_U;
	if (priv == PRIV_SUPERVISOR && (fl & PTE_U) && f->style == PTE_STYLE_RISCV)
		bad |= PTE_U; /* SUM = 0 */
	return bad;
}

static enum fault_kind ref_translate(struct diff *d, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa,
				     int *level, unsigned *violated)
{
	const struct pt_format *f = &d->fmt;
	struct physmem *pm = &d->b.pm;
	if (!ref_va_ok(f, va))
		return FAULT_VA_RANGE;
	paddr_t table = d->b.pt[d->cur].root << f->page_shift;
	unsigned and_perms = PTE_W | PTE_U | PTE_X;
	for (int l = (int)f->levels - 1; l >= 0; l--) {
		paddr_t pte_pa = table + ref_index(f, va, (unsigned)l) * f->pte_size;
		*level = l;
		pte_t raw = physmem_load(pm, pte_pa, f->pte_size);
		struct pte_info in;
		ptfmt_decode(f, raw, (unsigned)l, &in);
		if (!(in.flags & PTE_V))
			return FAULT_NOT_PRESENT;
		if (in.reserved || (!in.leaf && l == 0))
			return FAULT_RESERVED;
		if (!in.leaf) {
			if (f->style == PTE_STYLE_X86) {
				and_perms &= in.flags;
				if (!d->sw_ad)
					physmem_store(pm, pte_pa, 8, raw | X86_A);
			}
			table = in.pfn << f->page_shift;
			continue;
		}
		unsigned fl = in.flags;
		if (f->style == PTE_STYLE_X86)
			fl = (fl & ~(PTE_W | PTE_U | PTE_X)) | (fl & and_perms);
		if ((*violated = ref_forbidden(f, fl, acc, priv)) != 0)
			return FAULT_PROTECTION;
		unsigned below = f->page_shift;
		for (int i = 0; i < l; i++)
			below += f->level_bits[i];
		if ((in.pfn << f->page_shift) & ((1ull << below) - 1))
			return FAULT_MISALIGNED;
		unsigned need = PTE_A | (acc == ACCESS_WRITE ? PTE_D : 0);
		if (f->style != PTE_STYLE_OSTEP && (fl & need) != need) {
			if (d->sw_ad)
				return FAULT_AD;
			physmem_store(pm, pte_pa, f->pte_size, ptfmt_set_ad(f, raw, need));
		}
		*pa = (in.pfn << f->page_shift) + (va & ((1ull << below) - 1));
		return FAULT_NONE;
	}
	return FAULT_RESERVED;
}

/* ---- the machines ---- */

static void machine_init(struct diff *d, struct machine *mc, uint64_t nframes)
{
	if (physmem_init(&mc->pm, nframes << d->fmt.page_shift, d->fmt.page_shift) != PHYSMEM_OK)
		FAIL("physmem_init");
	test_frames_init(&mc->tf, 0, nframes);
	struct frame_source fs = test_frames_source(&mc->tf);
	for (int s = 0; s < SPACES; s++)
		if (pt_init(&mc->pt[s], &d->fmt, &mc->pm, &fs) != PT_OK)
			FAIL("pt_init");
}

static void machine_fini(struct machine *mc)
{
	for (int s = 0; s < SPACES; s++)
		pt_fini(&mc->pt[s]);
	test_frames_fini(&mc->tf);
	physmem_fini(&mc->pm);
}

/* A VA whose index at each level is one of a few values, so tables are shared. */
static vaddr_t random_va(struct diff *d, unsigned level)
{
	const struct pt_format *f = &d->fmt;
	vaddr_t va = 0;
	for (unsigned l = level; l < f->levels; l++) {
		/* few choices high up so tables are shared, many at the bottom */
		uint64_t max = (1ull << f->level_bits[l]) - 1, choices = l == 0 ? 64 : 12;
		uint64_t pick = rng_below(&d->rng, choices);
		uint64_t idx = pick == choices - 1 ? max : (pick < max ? pick : max);
		va |= idx << (f->page_shift + f->level_shift[l]);
	}
	if (f->canonical && ((va >> (f->va_bits - 1)) & 1))
		va |= ~mask_bits(f->va_bits);
	return va;
}

static void make_slots(struct diff *d)
{
	for (int i = 0; i < SLOTS; i++) {
		struct slot *s = &d->slots[i];
		memset(s, 0, sizeof *s);
		s->level = (i < SLOTS / 8 && (d->fmt.superpage_levels & 2)) ? 1 : 0; /* superpages first */
		bool dup;
		int tries = 0;
		do {
			if (++tries > 10000)
				FAIL("%s: cannot place %d distinct pages", d->what, SLOTS);
			s->va = random_va(d, s->level);
			dup = false;
			for (int j = 0; j < i; j++) {
				uint64_t span = ptfmt_level_bytes(&d->fmt, d->slots[j].level > s->level ? d->slots[j].level : s->level);
				dup |= (d->slots[j].va & ~(span - 1)) == (s->va & ~(span - 1));
			}
		} while (dup);
	}
}

static unsigned random_flags(struct diff *d)
{
	static const unsigned perms[] = {PTE_R, PTE_R | PTE_W, PTE_X, PTE_R | PTE_X, PTE_R | PTE_W | PTE_X};
	unsigned fl = perms[rng_below(&d->rng, ARRAY_LEN(perms))];
	if (rng_below(&d->rng, 4))
		fl |= PTE_U;
	if (rng_below(&d->rng, 4) == 0)
		fl |= PTE_A;
	if (rng_below(&d->rng, 8) == 0)
		fl |= PTE_A | PTE_D;
	return fl;
}

static void mismatch(struct diff *d, const char *msg)
{
	FAIL("%s: %s (seed %llu, step %llu)", d->what, msg, (unsigned long long)d->seed,
	     (unsigned long long)d->step);
}

/* Frames a slot's page takes: superpages over-allocate to align. */
static uint64_t slot_frames(const struct diff *d, const struct slot *s)
{
	return s->level ? 2ull << d->fmt.level_shift[s->level] : 1;
}

static void free_frames(struct diff *d, pfn_t first, uint64_t n)
{
	struct frame_source fa = test_frames_source(&d->a.tf), fb = test_frames_source(&d->b.tf);
	fa.free(fa.ctx, first, n);
	fb.free(fb.ctx, first, n);
}

static void op_map(struct diff *d, struct slot *s)
{
	uint64_t n = slot_frames(d, s), align = 1ull << d->fmt.level_shift[s->level];
	unsigned fl = random_flags(d);
	pfn_t fa_first, fb_first;
	struct frame_source fa = test_frames_source(&d->a.tf), fb = test_frames_source(&d->b.tf);
	bool got_a = fa.alloc(fa.ctx, n, &fa_first), got_b = fb.alloc(fb.ctx, n, &fb_first);
	if (got_a != got_b || (got_a && fa_first != fb_first))
		mismatch(d, "frame allocators diverged");
	if (!got_a)
		return; /* RAM is full: skip */
	pfn_t pfn = (fa_first + align - 1) & ~(align - 1);
	enum pt_status sa = pt_map(&d->a.pt[d->cur], s->va, pfn, s->level, fl);
	enum pt_status sb = pt_map(&d->b.pt[d->cur], s->va, pfn, s->level, fl);
	if (sa != sb || (sa != PT_OK && sa != PT_ENOMEM))
		mismatch(d, "pt_map failed");
	if (sa == PT_ENOMEM) {
		free_frames(d, fa_first, n);
		return;
	}
	s->mapped[d->cur] = true;
	s->pfn[d->cur] = fa_first;
}

static void op_unmap(struct diff *d, struct slot *s)
{
	if (pt_unmap(&d->a.pt[d->cur], s->va, NULL) != PT_OK || pt_unmap(&d->b.pt[d->cur], s->va, NULL) != PT_OK)
		mismatch(d, "pt_unmap failed");
	mmu_flush_va(d->m, (asid_t)(d->cur + 1), s->va);
	free_frames(d, s->pfn[d->cur], slot_frames(d, s));
	s->mapped[d->cur] = false;
}

static void op_protect(struct diff *d, struct slot *s)
{
	unsigned set = random_flags(d), clear = PTE_RWX | PTE_U | PTE_A | PTE_D;
	if (pt_update(&d->a.pt[d->cur], s->va, set, clear) != PT_OK ||
	    pt_update(&d->b.pt[d->cur], s->va, set, clear) != PT_OK)
		mismatch(d, "pt_update failed");
	mmu_flush_va(d->m, (asid_t)(d->cur + 1), s->va);
}

/* A software A/D fault: the kernel sets the bits in both machines, then flushes. */
static void fix_ad(struct diff *d, vaddr_t va, enum access acc)
{
	unsigned set = PTE_A | (acc == ACCESS_WRITE ? PTE_D : 0);
	if (pt_update(&d->a.pt[d->cur], va, set, 0) != PT_OK || pt_update(&d->b.pt[d->cur], va, set, 0) != PT_OK)
		mismatch(d, "pt_update for A/D failed");
	mmu_flush_va(d->m, (asid_t)(d->cur + 1), va);
}

static void op_access(struct diff *d)
{
	const struct slot *s = &d->slots[rng_below(&d->rng, SLOTS)];
	vaddr_t va = s->va + rng_below(&d->rng, ptfmt_level_bytes(&d->fmt, s->level));
	if (rng_below(&d->rng, 50) == 0)
		va = rng_next(&d->rng); /* anywhere, mostly out of range */
	enum access acc = (enum access)rng_below(&d->rng, 3);
	enum priv priv = rng_below(&d->rng, 5) ? PRIV_USER : PRIV_SUPERVISOR;
	for (int attempt = 0; attempt < 3; attempt++) {
		paddr_t pa = 0, pb = 0;
		struct fault f;
		int level = -1;
		unsigned violated = 0;
		bool ok = mmu_translate(d->m, va, acc, priv, &pa, &f);
		if (!ok && f.kind == FAULT_TLB_MISS)
			ok = mmu_refill(d->m, va, acc, priv, &f);
		if (ok && d->m->cfg.refill == TLB_REFILL_SW && !mmu_translate(d->m, va, acc, priv, &pa, &f))
			mismatch(d, "refilled translation faulted");
		enum fault_kind ref = ref_translate(d, va, acc, priv, &pb, &level, &violated);
		enum fault_kind got = ok ? FAULT_NONE : f.kind;
		if (got != ref) {
			char msg[160];
			snprintf(msg, sizeof msg, "va 0x%llx %s: MMU says %s, direct walk says %s", (unsigned long long)va,
				 access_name(acc), fault_kind_name(got), fault_kind_name(ref));
			mismatch(d, msg);
		}
		if (ok && pa != pb)
			mismatch(d, "physical addresses differ");
		if (!ok && ref != FAULT_VA_RANGE && (f.level != level || f.violated != violated))
			mismatch(d, "fault level or violated bits differ");
		if (ok || ref != FAULT_AD)
			return;
		fix_ad(d, va, acc);
	}
}

static void check_memory_equal(struct diff *d)
{
	if (memcmp(d->a.pm.base, d->b.pm.base, d->a.pm.size) != 0)
		mismatch(d, "page-table memory differs (A/D bits?)");
}

static void step(struct diff *d)
{
	uint64_t r = rng_below(&d->rng, 100);
	struct slot *s = &d->slots[rng_below(&d->rng, SLOTS)];
	if (r < 12)
		s->mapped[d->cur] ? op_unmap(d, s) : op_map(d, s);
	else if (r < 16 && s->mapped[d->cur])
		op_protect(d, s);
	else if (r < 17)
		mmu_flush_all(d->m);
	else if (r < 18)
		mmu_flush_asid(d->m, (asid_t)(d->cur + 1));
	else if (r < 20) {
		d->cur = (int)rng_below(&d->rng, SPACES);
		mmu_set_context(d->m, d->a.pt[d->cur].root, (asid_t)(d->cur + 1));
	} else
		op_access(d);
}

static void run_diff(const char *preset, unsigned page_shift, unsigned va_bits, const struct mmu_config *cfg,
		     uint64_t nframes, uint64_t seed, const char *what)
{
	struct diff d;
	char err[200];
	memset(&d, 0, sizeof d);
	static const unsigned custom_bits[3] = {3, 4, 5}; /* root first */
	enum ptfmt_status st = strcmp(preset, "custom") == 0
				       ? ptfmt_custom(&d.fmt, page_shift, va_bits, 3, custom_bits, 8, err, sizeof err)
				       : ptfmt_preset(&d.fmt, preset, page_shift, va_bits, err, sizeof err);
	if (st != PTFMT_OK)
		FAIL("%s", err);
	d.seed = seed;
	d.what = what;
	d.sw_ad = cfg->sw_ad;
	rng_seed(&d.rng, seed);
	machine_init(&d, &d.a, nframes);
	machine_init(&d, &d.b, nframes);
	d.m = mmu_new(cfg, &d.a.pm, &d.fmt, err, sizeof err);
	if (!d.m)
		FAIL("mmu_new: %s", err);
	mmu_set_context(d.m, d.a.pt[0].root, 1);
	make_slots(&d);
	for (d.step = 0; d.step < OPS; d.step++) {
		step(&d);
		if (d.step % 997 == 0)
			check_memory_equal(&d);
	}
	check_memory_equal(&d);
	mmu_free(d.m);
	machine_fini(&d.a);
	machine_fini(&d.b);
}

static struct mmu_config config(unsigned entries, unsigned ways, enum tlb_policy policy)
{
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.tlb.entries = entries;
	cfg.tlb.ways = ways;
	cfg.tlb.policy = policy;
	cfg.tlb.seed = 7;
	return cfg;
}

/* A second, harder configuration: split I/D, an L2, no ASIDs. */
static struct mmu_config config_split_l2(void)
{
	struct mmu_config cfg = config(4, 2, TLB_PLRU);
	cfg.split = true;
	cfg.tlb.asid = false;
	cfg.l2 = (struct tlb_config){32, 4, TLB_FIFO, false, 3};
	return cfg;
}

TEST(sv39_tlb_agrees_with_a_direct_walk)
{
	struct mmu_config c = config(16, 4, TLB_LRU);
	run_diff("sv39", 0, 0, &c, 8192, 1, "sv39 16x4 lru");
	c = config_split_l2();
	run_diff("sv39", 0, 0, &c, 8192, 2, "sv39 split+l2");
}

TEST(sv48_tlb_agrees_with_a_direct_walk)
{
	struct mmu_config c = config(8, 0, TLB_FIFO);
	run_diff("sv48", 0, 0, &c, 8192, 3, "sv48 8 fa fifo");
	c = config_split_l2();
	run_diff("sv48", 0, 0, &c, 8192, 4, "sv48 split+l2");
}

TEST(sv32_tlb_agrees_with_a_direct_walk)
{
	struct mmu_config c = config(32, 1, TLB_LRU);
	run_diff("sv32", 0, 0, &c, 16384, 5, "sv32 32 direct-mapped");
	c = config(8, 2, TLB_RANDOM);
	c.sw_ad = true;
	run_diff("sv32", 0, 0, &c, 16384, 6, "sv32 software A/D");
}

TEST(x86_64_tlb_agrees_with_a_direct_walk)
{
	struct mmu_config c = config(16, 2, TLB_PLRU);
	run_diff("x86-64", 0, 0, &c, 8192, 7, "x86-64 16x2 plru");
	c = config_split_l2();
	run_diff("x86-64", 0, 0, &c, 8192, 8, "x86-64 split+l2");
}

TEST(ostep_2level_tlb_agrees_with_a_direct_walk)
{
	struct mmu_config c = config(4, 0, TLB_RANDOM);
	run_diff("ostep-2level", 0, 0, &c, 128, 9, "ostep 4 fa random");
}

TEST(linear_tlb_agrees_with_a_direct_walk)
{
	struct mmu_config c = config(8, 2, TLB_LRU);
	run_diff("linear", 8, 16, &c, 1024, 10, "linear 16-bit");
	c = config(4, 4, TLB_FIFO);
	c.refill = TLB_REFILL_SW;
	run_diff("linear", 8, 16, &c, 1024, 11, "linear software refill");
}

TEST(software_refill_agrees_with_a_direct_walk)
{
	struct mmu_config c = config(16, 4, TLB_LRU);
	c.refill = TLB_REFILL_SW;
	run_diff("sv39", 0, 0, &c, 8192, 12, "sv39 software refill");
}

TEST(custom_tlb_agrees_with_a_direct_walk)
{
	struct mmu_config c = config(8, 4, TLB_PLRU);
	run_diff("custom", 10, 22, &c, 4096, 13, "custom 3,4,5 1 KiB pages");
}
