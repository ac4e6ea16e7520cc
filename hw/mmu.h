/* The MMU: the one entry point every memory access of every workload goes
 * through. A translation mechanism (bare, paging, ...) sits behind a small table
 * of function pointers. For paging, a TLB hit is an inline tag compare and an
 * add; misses walk the page table in physical memory (hardware refill) or are
 * handed to the kernel (software-managed TLB). */
#ifndef HW_MMU_H
#define HW_MMU_H

#include "hw/cache.h"
#include "hw/fault.h"
#include "hw/latency.h"
#include "hw/physmem.h"
#include "hw/pt.h"
#include "hw/ptfmt.h"
#include "hw/tlb.h"

struct mmu;

/* A translation mechanism. translate returns true with *pa, or false with *f. */
struct mmu_mech {
	const char *name;
	bool (*translate)(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa,
			  struct fault *f);
};

extern const struct mmu_mech mmu_bare;   /* pa = va, no protection */
extern const struct mmu_mech mmu_paging; /* radix page tables of any pt_format */

enum tlb_refill {
	TLB_REFILL_HW, /* the hardware walks the page table on a miss */
	TLB_REFILL_SW, /* a miss faults (FAULT_TLB_MISS); the kernel calls mmu_refill */
};

struct mmu_config {
	const struct mmu_mech *mech;
	struct tlb_config tlb;   /* L1; entries == 0 means no TLB at all */
	bool split;              /* separate instruction and data L1 TLBs, each like tlb */
	struct tlb_config l2;    /* second-level unified TLB; entries == 0 means none */
	enum tlb_refill refill;
	bool sw_ad;              /* A/D bits managed by software: a clear bit faults */
	bool sum, mxr;           /* RISC-V sstatus.SUM and sstatus.MXR */
	bool caches;             /* model the memory caches; otherwise DRAM serves everything */
	struct cache_config cache; /* used when caches is true */
};

/* Fills cfg with the defaults: paging, a 64-entry fully associative LRU TLB with ASIDs,
 * unified, no L2, hardware refill and A/D, no cache model (its configuration the
 * usual one of cache_config_defaults). */
void mmu_config_defaults(struct mmu_config *cfg);

struct mmu_counts {
	uint64_t direct;           /* translations made without an L1 TLB (the others
				      are the L1 TLBs' lookups: see mmu_add_hw_counts) */
	uint64_t walks;            /* page walks started */
	uint64_t walk_refs;        /* PTEs read by walks */
	uint64_t data_refs;        /* data references the drivers made after translating */
	uint64_t faults[FAULT_KIND_COUNT];
	uint64_t sw_refills;       /* software TLB refills done by the kernel */
	uint64_t shootdowns;       /* TLB invalidations requested by the kernel */
};

struct mmu {
	const struct mmu_mech *mech;
	struct physmem *pm;
	const struct pt_format *fmt;
	struct tlb *tlb[3];      /* by access: data (read, write) and instruction; NULL = none */
	struct tlb *l2;          /* NULL = no second level */
	struct cache *cache;     /* NULL = no cache model: every reference is served by DRAM */
	unsigned page_shift;
	unsigned walk_opts;      /* WALK_HW_AD, WALK_SUM, WALK_MXR */
	uint8_t allow[16];       /* TLB allow mask by the leaf's R, W, X, U bits */
	pfn_t root;              /* the current context: satp.PPN ... */
	asid_t asid;             /* ... and satp.ASID */
	struct mmu_config cfg;
	struct mmu_counts c;
	struct tlb_entry *filled; /* the L1 entry the last slow translation filled, or NULL */
	/* Reference stamps (mmu_stamps_on): per frame of physical memory, the
	 * time of its last reference, a clock that every reference advances. */
	uint64_t *stamp;         /* NULL: off */
	uint64_t nstamps;        /* frames [0, nstamps) are stamped */
	uint64_t stamp_clock;    /* the last stamp handed out */
	/* The observer of every reference the drivers make (NULL: none). */
	void (*on_ref)(void *ctx, vaddr_t va, enum access acc, unsigned size, bool faulted);
	void *on_ref_ctx;
};

/* Builds an MMU over pm for page-table format fmt (may be NULL for bare).
 * Returns NULL with a message in err for an impossible configuration (a bad
 * TLB or cache geometry, paging without a format). */
struct mmu *mmu_new(const struct mmu_config *cfg, struct physmem *pm, const struct pt_format *fmt,
		    char *err, size_t errlen);
void mmu_free(struct mmu *m);

/* Switches address space (writes satp). Without ASID tags this flushes the TLB. */
void mmu_set_context(struct mmu *m, pfn_t root, asid_t asid);

/* Out-of-line part of mmu_translate: TLB miss, permission refusal on a hit, or a
 * mechanism without a TLB. */
bool mmu_translate_slow(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa,
			struct fault *f);

/* Translates va for one access in the current context. Returns true with *pa,
 * or false with the fault in *f. */
__attribute__((always_inline)) static inline bool mmu_translate(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa,
				 struct fault *f)
{
	struct tlb *t = m->tlb[acc];
	if (likely(t != NULL)) {
		struct tlb_entry *e = tlb_lookup(t, m->asid, va >> m->page_shift);
		if (likely(e && ((e->allow >> (priv * 3 + acc)) & 1))) {
			*pa = e->pa | (va & e->offset_mask);
			return true;
		}
		return mmu_translate_slow(m, va, acc, priv, pa, f);
	}
	return mmu_translate_slow(m, va, acc, priv, pa, f);
}

/* mmu_translate that also gives, on success, the L1 TLB entry that a lookup of
 * va for acc now finds (*e; NULL when there is none: no TLB, a mechanism
 * without one, or an entry that does not allow acc), and the entry the
 * translation filled (*filled, NULL on a hit: on a miss, the one slot of
 * m->tlb[acc] that changed). A translation that fails changes no TLB entry.
 * The entry stays valid while tlb_gen(m->tlb[acc]) and m->asid are unchanged;
 * a driver may cache it and count each later use of the same page with
 * tlb_hit_entry instead of looking it up again (the CPU does this for the
 * pages it keeps). */
static inline bool mmu_translate_entry(struct mmu *m, vaddr_t va, enum access acc, enum priv priv,
				       paddr_t *pa, const struct tlb_entry **e, const struct tlb_entry **filled,
				       struct fault *f)
{
	struct tlb *t = m->tlb[acc];
	*filled = NULL;
	if (likely(t != NULL)) {
		struct tlb_entry *hit = tlb_lookup(t, m->asid, va >> m->page_shift);
		if (likely(hit && ((hit->allow >> (priv * 3 + acc)) & 1))) {
			*pa = hit->pa | (va & hit->offset_mask);
			*e = hit;
			return true;
		}
	}
	m->filled = NULL;
	if (!mmu_translate_slow(m, va, acc, priv, pa, f))
		return false;
	*e = *filled = m->filled; /* a slow translation with an L1 TLB fills it */
	if (*e && !(((*e)->allow >> (priv * 3 + acc)) & 1))
		*e = NULL;
	return true;
}

/* The kernel's software TLB refill: walks for (va, acc, priv) in the current
 * context and inserts the result. Returns false with the fault the walk raised. */
WARN_UNUSED bool mmu_refill(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, struct fault *f);

/* TLB shootdowns the kernel requests after changing a page table. */
void mmu_flush_va(struct mmu *m, asid_t asid, vaddr_t va);
void mmu_flush_asid(struct mmu *m, asid_t asid);
void mmu_flush_all(struct mmu *m);

/* Counts one data reference to pa (translations count TLB lookups; the caller
 * counts the data access it then makes). With caches, it goes through them. */
static inline void mmu_data_ref(struct mmu *m, paddr_t pa)
{
	m->c.data_refs++;
	if (unlikely(m->cache != NULL))
		cache_access(m->cache, pa);
}

/* Reference stamps: a per-frame register of the time of the frame's last
 * reference, what exact LRU and software reference bits need beyond the PTE's
 * A bit. Once on (for frames [0, nframes): the kernel's user pool), every
 * driver reports each reference it makes to a frame with mmu_stamp (the CPU,
 * the trace replayer, the kernel's user copies), in the order they happen; a
 * frame's stamp is larger the later its last reference, and no two
 * references get the same stamp. Off by default: the drivers then pay one
 * predictable branch per call. */
void mmu_stamps_on(struct mmu *m, uint64_t nframes);

/* Stamps the frame of pa, when it is one of the stamped frames [0, nframes). */
static inline void mmu_stamp(struct mmu *m, paddr_t pa)
{
	if (unlikely(m->stamp != NULL)) {
		uint64_t pfn = pa >> m->pm->page_shift;
		if (pfn < m->nstamps)
			m->stamp[pfn] = ++m->stamp_clock;
	}
}

/* The stamp of frame pfn's last reference (0: none since the stamps went on). */
static inline uint64_t mmu_stamp_of(const struct mmu *m, pfn_t pfn) { return m->stamp[pfn]; }

/* Tells the observer (vmlab run --record) of a reference a driver has just
 * translated: size bytes at va, within one page, for acc. Drivers report
 * every attempt, one that faulted too (faulted; the hardware looked it up, and
 * the driver makes the access again after the kernel handled the fault). */
static inline void mmu_observe(struct mmu *m, vaddr_t va, enum access acc, unsigned size, bool faulted)
{
	if (unlikely(m->on_ref != NULL))
		m->on_ref(m->on_ref_ctx, va, acc, size, faulted);
}

/* Adds what the MMU counted (TLB lookups, walk and data references) to hw: the
 * references by the cache level that served them, or all at DRAM without caches. */
void mmu_add_hw_counts(const struct mmu *m, struct hw_counts *hw);

/* Sum of hits and misses over the L1 TLBs (I and D when split). */
void mmu_tlb_totals(const struct mmu *m, uint64_t *hits, uint64_t *misses);
/* The same, for the lookups of one ASID. */
void mmu_asid_totals(const struct mmu *m, asid_t asid, uint64_t *hits, uint64_t *misses);
/* Sets the per-ASID counters of every TLB to zero (tlb_asid_counters_clear). */
void mmu_asid_counters_clear(struct mmu *m);

#endif
