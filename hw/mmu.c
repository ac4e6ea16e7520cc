/* The MMU's slow paths, context switches, shootdowns and the two mechanisms
 * available so far: bare (no translation) and paging (TLB + page walk). */
#include "hw/mmu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void mmu_config_defaults(struct mmu_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->mech = &mmu_paging;
	cfg->tlb.entries = 64;
	cfg->tlb.ways = 0; /* fully associative */
	cfg->tlb.policy = TLB_LRU;
	cfg->tlb.asid = true;
	cfg->refill = TLB_REFILL_HW;
	cache_config_defaults(&cfg->cache);
}

static bool bare_translate(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa,
			   struct fault *f)
{
	(void)priv;
	m->c.direct++;
	if (!physmem_contains(m->pm, va, 1)) {
		*f = (struct fault){FAULT_BUS, acc, va, -1, 0, priv};
		m->c.faults[FAULT_BUS]++;
		return false;
	}
	*pa = va;
	return true;
}

const struct mmu_mech mmu_bare = {"bare", bare_translate};

/* Bits of tlb_entry.allow that permit a write. */
#define ALLOW_WRITES ((1u << ACCESS_WRITE) | (1u << (3 + ACCESS_WRITE)))

/* Makes a TLB entry from a successful walk. A clean page's entry does not
 * allow writes, so the first write walks again and sets D. */
static void entry_from_walk(const struct mmu *m, const struct walk_result *w, struct tlb_entry *e)
{
	memset(e, 0, sizeof *e);
	e->pfn = w->pfn;
	e->level = (uint8_t)w->level;
	e->global = (w->flags & PTE_G) != 0;
	e->dirty = !ptfmt_has_ad(m->fmt) || (w->flags & PTE_D);
	e->flags = (uint8_t)w->flags;
	e->allow = m->allow[(w->flags >> 1) & 0xf] & (e->dirty ? 0xff : ~ALLOW_WRITES);
	e->offset_mask = ptfmt_level_bytes(m->fmt, w->level) - 1;
	e->pa = w->pa & ~e->offset_mask;
}

/* Inserts e into t (NULL: no such TLB); an L1 fill is remembered in m->filled. */
static void fill(struct mmu *m, struct tlb *t, vpn_t vpn, const struct tlb_entry *e)
{
	if (!t)
		return;
	struct tlb_entry *stored = tlb_insert(t, m->asid, vpn, e);
	if (t != m->l2)
		m->filled = stored;
}

/* The page walk, its PTE reads through the caches when there are some. */
static bool walk(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, struct walk_result *w,
		 struct fault *f)
{
	if (!m->cache)
		return pt_walk(m->fmt, m->pm, m->root, va, acc, priv, m->walk_opts, w, f, &m->c.walk_refs);
	paddr_t pte_pa[PT_MAX_LEVELS];
	uint64_t refs = 0;
	bool ok = pt_walk_logged(m->fmt, m->pm, m->root, va, acc, priv, m->walk_opts, w, f, &refs, pte_pa);
	for (uint64_t i = 0; i < refs; i++)
		cache_access(m->cache, pte_pa[i]);
	m->c.walk_refs += refs;
	return ok;
}

/* Walks for (va, acc, priv) and refills the TLBs of that access. */
static bool walk_and_fill(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa,
			  struct fault *f)
{
	struct walk_result w;
	m->c.walks++;
	if (!walk(m, va, acc, priv, &w, f))
		return false;
	struct tlb_entry e;
	entry_from_walk(m, &w, &e);
	vpn_t vpn = va >> m->page_shift;
	fill(m, m->l2, vpn, &e);
	fill(m, m->tlb[acc], vpn, &e);
	*pa = w.pa;
	return true;
}

/* Second-level TLB probe after an L1 miss; true on a usable hit (refills L1). */
static bool l2_hit(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa)
{
	vpn_t vpn = va >> m->page_shift;
	struct tlb_entry *e = tlb_lookup(m->l2, m->asid, vpn);
	if (!e || !((e->allow >> (priv * 3 + acc)) & 1))
		return false;
	struct tlb_entry copy = *e;
	fill(m, m->tlb[acc], vpn, &copy);
	*pa = copy.pa | (va & copy.offset_mask);
	return true;
}

static bool paging_translate(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa,
			     struct fault *f)
{
	if (!m->tlb[acc])
		m->c.direct++;
	if (m->l2 && l2_hit(m, va, acc, priv, pa))
		return true;
	if (m->cfg.refill == TLB_REFILL_SW && m->tlb[acc]) {
		*f = (struct fault){FAULT_TLB_MISS, acc, va, -1, 0, priv};
		return false;
	}
	return walk_and_fill(m, va, acc, priv, pa, f);
}

const struct mmu_mech mmu_paging = {"paging", paging_translate};

bool mmu_translate_slow(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa, struct fault *f)
{
	if (m->mech->translate(m, va, acc, priv, pa, f))
		return true;
	m->c.faults[f->kind]++;
	return false;
}

bool mmu_refill(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, struct fault *f)
{
	paddr_t pa;
	m->c.sw_refills++;
	if (walk_and_fill(m, va, acc, priv, &pa, f))
		return true;
	m->c.faults[f->kind]++;
	return false;
}

static struct tlb *make_tlb(const struct tlb_config *tc, const struct pt_format *fmt, char *err, size_t errlen)
{
	return tlb_new(tc, fmt->level_shift, fmt->levels, err, errlen);
}

struct mmu *mmu_new(const struct mmu_config *cfg, struct physmem *pm, const struct pt_format *fmt, char *err,
		    size_t errlen)
{
	struct mmu *m = xcalloc(1, sizeof *m);
	m->cfg = *cfg;
	m->mech = cfg->mech;
	m->pm = pm;
	m->fmt = fmt;
	m->page_shift = fmt ? fmt->page_shift : pm->page_shift;
	m->walk_opts = (cfg->sw_ad ? 0 : WALK_HW_AD) | (cfg->sum ? WALK_SUM : 0) | (cfg->mxr ? WALK_MXR : 0);
	if (cfg->caches && !(m->cache = cache_new(&cfg->cache, err, errlen)))
		goto fail;
	if (m->mech != &mmu_paging)
		return m;
	if (!fmt) {
		snprintf(err, errlen, "paging needs a page-table format");
		goto fail;
	}
	for (unsigned rwxu = 0; rwxu < 16; rwxu++)
		m->allow[rwxu] = (uint8_t)pt_allow_mask(fmt, rwxu << 1, m->walk_opts);
	if (cfg->tlb.entries) {
		if (!(m->tlb[ACCESS_READ] = make_tlb(&cfg->tlb, fmt, err, errlen)))
			goto fail;
		m->tlb[ACCESS_WRITE] = m->tlb[ACCESS_READ];
		m->tlb[ACCESS_EXEC] = cfg->split ? make_tlb(&cfg->tlb, fmt, err, errlen) : m->tlb[ACCESS_READ];
		if (!m->tlb[ACCESS_EXEC])
			goto fail;
	}
	if (cfg->l2.entries && !(m->l2 = make_tlb(&cfg->l2, fmt, err, errlen)))
		goto fail;
	return m;
fail:
	mmu_free(m);
	return NULL;
}

void mmu_free(struct mmu *m)
{
	if (!m)
		return;
	if (m->tlb[ACCESS_EXEC] && m->tlb[ACCESS_EXEC] != m->tlb[ACCESS_READ])
		tlb_free(m->tlb[ACCESS_EXEC]);
	if (m->tlb[ACCESS_READ])
		tlb_free(m->tlb[ACCESS_READ]);
	if (m->l2)
		tlb_free(m->l2);
	cache_free(m->cache);
	free(m->stamp);
	free(m);
}

void mmu_stamps_on(struct mmu *m, uint64_t nframes)
{
	free(m->stamp);
	m->stamp = xcalloc(nframes ? nframes : 1, sizeof *m->stamp);
	m->nstamps = nframes;
}

/* The distinct TLBs of the MMU (L1 data, L1 instruction when split, L2). */
static int distinct_tlbs(const struct mmu *m, struct tlb *out[3], bool with_l2)
{
	int n = 0;
	if (m->tlb[ACCESS_READ])
		out[n++] = m->tlb[ACCESS_READ];
	if (m->tlb[ACCESS_EXEC] && m->tlb[ACCESS_EXEC] != m->tlb[ACCESS_READ])
		out[n++] = m->tlb[ACCESS_EXEC];
	if (with_l2 && m->l2)
		out[n++] = m->l2;
	return n;
}

void mmu_flush_va(struct mmu *m, asid_t asid, vaddr_t va)
{
	struct tlb *t[3];
	m->c.shootdowns++;
	for (int i = distinct_tlbs(m, t, true) - 1; i >= 0; i--)
		tlb_flush_va(t[i], asid, va >> m->page_shift);
}

void mmu_flush_asid(struct mmu *m, asid_t asid)
{
	struct tlb *t[3];
	m->c.shootdowns++;
	for (int i = distinct_tlbs(m, t, true) - 1; i >= 0; i--)
		tlb_flush_asid(t[i], asid);
}

static void flush_all(struct mmu *m)
{
	struct tlb *t[3];
	for (int i = distinct_tlbs(m, t, true) - 1; i >= 0; i--)
		tlb_flush_all(t[i]);
}

void mmu_flush_all(struct mmu *m)
{
	m->c.shootdowns++;
	flush_all(m);
}

void mmu_set_context(struct mmu *m, pfn_t root, asid_t asid)
{
	bool changed = root != m->root || asid != m->asid;
	m->root = root;
	m->asid = asid;
	if (changed && !m->cfg.tlb.asid)
		flush_all(m);
}

void mmu_tlb_totals(const struct mmu *m, uint64_t *hits, uint64_t *misses)
{
	struct tlb *t[3];
	*hits = *misses = 0;
	for (int i = distinct_tlbs(m, t, false) - 1; i >= 0; i--) {
		*hits += tlb_counters(t[i])->hits;
		*misses += tlb_counters(t[i])->misses;
	}
}

void mmu_asid_totals(const struct mmu *m, asid_t asid, uint64_t *hits, uint64_t *misses)
{
	struct tlb *t[3];
	*hits = *misses = 0;
	for (int i = distinct_tlbs(m, t, false) - 1; i >= 0; i--) {
		uint64_t h, mi;
		tlb_asid_counters(t[i], asid, &h, &mi);
		*hits += h;
		*misses += mi;
	}
}

void mmu_asid_counters_clear(struct mmu *m)
{
	struct tlb *t[3];
	for (int i = distinct_tlbs(m, t, true) - 1; i >= 0; i--)
		tlb_asid_counters_clear(t[i]);
}

void mmu_add_hw_counts(const struct mmu *m, struct hw_counts *hw)
{
	uint64_t hits, misses;
	mmu_tlb_totals(m, &hits, &misses);
	hw->translations += hits + misses + m->c.direct;
	if (m->l2)
		hw->tlb_l2_lookups += tlb_counters(m->l2)->hits + tlb_counters(m->l2)->misses;
	if (!m->cache) {
		hw->mem_refs[MEM_DRAM] += m->c.walk_refs + m->c.data_refs;
		return;
	}
	for (int l = 0; l < MEM_LEVELS; l++)
		hw->mem_refs[l] += cache_counters(m->cache)->served[l];
}
