/* The MMU's mechanism-neutral part: building it around a mechanism (hw/mech_*.c),
 * the slow-path dispatch, context switches, shootdowns and counters. */
#include "hw/mmu.h"
#include "hw/mech.h"

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
	cfg->seg = (struct mmu_seg_config){.va_bits = 32, .sel_bits = 2, .names = {"code", "heap", "unused", "stack"}};
	cfg->part = (struct mmu_part_config){.count = 8};
}

bool mmu_translate_slow(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa, struct fault *f)
{
	if (m->mech->translate(m, va, acc, priv, pa, f))
		return true;
	m->c.faults[f->kind]++;
	return false;
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
	if (!m->mech->init(m, err, errlen))
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
	m->mech->fini(m);
	cache_free(m->cache);
	free(m->stamp);
	free(m);
}

const struct mmu_mech *mmu_mech_lookup(const char *name)
{
	static const struct mmu_mech *const all[] = {&mmu_bare, &mmu_paging, &mmu_partition, &mmu_base_bounds,
						     &mmu_segmentation};
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (strcmp(all[i]->name, name) == 0)
			return all[i];
	return NULL;
}

enum mmu_status mmu_load_context(struct mmu *m, const struct mmu_context *ctx, char *err, size_t errlen)
{
	if (ctx->kind != m->mech->kind) {
		snprintf(err, errlen, "a context of another mechanism for the %s MMU", m->mech->name);
		return MMU_EKIND;
	}
	return m->mech->load(m, ctx, err, errlen);
}

void mmu_save_context(const struct mmu *m, struct mmu_context *ctx)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->kind = m->mech->kind;
	m->mech->save(m, ctx);
}

void mmu_describe(const struct mmu *m, vaddr_t va, paddr_t pa, char *buf, size_t len)
{
	m->mech->describe(m, va, pa, buf, len);
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

void mech_flush_tlbs(struct mmu *m)
{
	struct tlb *t[3];
	for (int i = distinct_tlbs(m, t, true) - 1; i >= 0; i--)
		tlb_flush_all(t[i]);
}

void mmu_flush_all(struct mmu *m)
{
	m->c.shootdowns++;
	mech_flush_tlbs(m);
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
