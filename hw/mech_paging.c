/* Paging: radix page tables of any pt_format in physical memory, behind L1
 * TLBs (unified or split), an optional L2, hardware or software refill. The
 * TLB hit is mmu_translate's inline fast path (hw/mmu.h); this file is the
 * miss: the L2 probe, the walk and the refill. The context (satp) lives in
 * struct mmu itself (root, asid), where that fast path reads it. */
#include "hw/mech.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

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
		*f = (struct fault){.kind = FAULT_TLB_MISS, .access = acc, .va = va, .level = -1, .priv = priv};
		return false;
	}
	return walk_and_fill(m, va, acc, priv, pa, f);
}

bool mmu_refill(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, struct fault *f)
{
	paddr_t pa;
	if (m->mech != &mmu_paging)
		panic("the %s MMU has no TLB to refill", m->mech->name);
	m->c.sw_refills++;
	if (walk_and_fill(m, va, acc, priv, &pa, f))
		return true;
	m->c.faults[f->kind]++;
	return false;
}

void mmu_set_context(struct mmu *m, pfn_t root, asid_t asid)
{
	bool changed = root != m->root || asid != m->asid;
	m->root = root;
	m->asid = asid;
	if (changed && !m->cfg.tlb.asid)
		mech_flush_tlbs(m);
}

static struct tlb *make_tlb(const struct tlb_config *tc, const struct pt_format *fmt, char *err, size_t errlen)
{
	return tlb_new(tc, fmt->level_shift, fmt->levels, err, errlen);
}

/* Builds the TLBs and the allow masks of the page-table format. */
static bool paging_init(struct mmu *m, char *err, size_t errlen)
{
	const struct pt_format *fmt = m->fmt;
	const struct mmu_config *cfg = &m->cfg;
	if (!fmt) {
		snprintf(err, errlen, "paging needs a page-table format");
		return false;
	}
	for (unsigned rwxu = 0; rwxu < 16; rwxu++)
		m->allow[rwxu] = (uint8_t)pt_allow_mask(fmt, rwxu << 1, m->walk_opts);
	if (cfg->tlb.entries) {
		if (!(m->tlb[ACCESS_READ] = make_tlb(&cfg->tlb, fmt, err, errlen)))
			return false;
		m->tlb[ACCESS_WRITE] = m->tlb[ACCESS_READ];
		m->tlb[ACCESS_EXEC] = cfg->split ? make_tlb(&cfg->tlb, fmt, err, errlen) : m->tlb[ACCESS_READ];
		if (!m->tlb[ACCESS_EXEC])
			return false;
	}
	if (cfg->l2.entries && !(m->l2 = make_tlb(&cfg->l2, fmt, err, errlen)))
		return false;
	return true;
}

static void paging_fini(struct mmu *m)
{
	if (m->tlb[ACCESS_EXEC] && m->tlb[ACCESS_EXEC] != m->tlb[ACCESS_READ])
		tlb_free(m->tlb[ACCESS_EXEC]);
	if (m->tlb[ACCESS_READ])
		tlb_free(m->tlb[ACCESS_READ]);
	if (m->l2)
		tlb_free(m->l2);
	m->tlb[ACCESS_READ] = m->tlb[ACCESS_WRITE] = m->tlb[ACCESS_EXEC] = m->l2 = NULL;
}

static enum mmu_status paging_load(struct mmu *m, const struct mmu_context *ctx, char *err, size_t errlen)
{
	if (!physmem_contains(m->pm, ctx->paging.root << m->fmt->page_shift, (uint64_t)1 << m->fmt->page_shift)) {
		snprintf(err, errlen, "page-table root frame 0x%" PRIx64 " beyond physical memory", ctx->paging.root);
		return MMU_ERANGE;
	}
	mmu_set_context(m, ctx->paging.root, ctx->paging.asid);
	return MMU_OK;
}

static void paging_save(const struct mmu *m, struct mmu_context *ctx)
{
	ctx->paging.root = m->root;
	ctx->paging.asid = m->asid;
}

static void paging_describe(const struct mmu *m, vaddr_t va, paddr_t pa, char *buf, size_t len)
{
	snprintf(buf, len, "va 0x%" PRIx64 ": vpn 0x%" PRIx64 " -> pfn 0x%" PRIx64 " + offset 0x%" PRIx64
		 " = pa 0x%" PRIx64 " (root 0x%" PRIx64 ", asid %u)",
		 va, va >> m->page_shift, pa >> m->page_shift, va & mask_bits(m->page_shift), pa, m->root,
		 (unsigned)m->asid);
}

const struct mmu_mech mmu_paging = {
	.name = "paging",
	.kind = MMU_MECH_PAGING,
	.init = paging_init,
	.fini = paging_fini,
	.load = paging_load,
	.save = paging_save,
	.translate = paging_translate,
	.describe = paging_describe,
};
