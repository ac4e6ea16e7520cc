/* The MMU: the one entry point every memory access of every workload goes
 * through. A translation mechanism (bare, paging, partition, base and bounds,
 * segmentation: one hw/mech_*.c each) sits behind a small table of function
 * pointers with its own state and per-process context. For paging, a TLB hit
 * is an inline tag compare and an add; misses walk the page table in physical
 * memory (hardware refill) or are handed to the kernel (software-managed TLB). */
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

/* The mechanisms, also the tag of a context. */
enum mmu_mech_kind {
	MMU_MECH_BARE,
	MMU_MECH_PAGING,
	MMU_MECH_PARTITION,
	MMU_MECH_BASE_BOUNDS,
	MMU_MECH_SEGMENTATION,
};

#define MMU_SEGMENTS_MAX 8 /* at most 3 selector bits */

/* One segment register (OSTEP ch. 16). With max = the largest segment
 * (2^(va_bits - sel_bits) bytes) and offset = the va's bits below the selector:
 *
 *   grows up:    offset < limit                  pa = base + offset
 *   grows down:  max - offset <= limit           pa = base + (offset - max)
 *
 * so base is the lowest byte of a segment that grows up and one past the
 * highest of one that grows down (the textbook's stack: base 28K, limit 2K,
 * bytes [26K, 28K)). limit 0 is no segment: every access faults. */
struct mmu_segment {
	paddr_t base;
	uint64_t limit;
	bool grows_down;
	uint8_t prot; /* canonical PTE_R | PTE_W | PTE_X the segment allows */
};

/* A process's MMU context: the registers of its mechanism, what a context
 * switch saves from the MMU and loads into it. kind tags the member in use. */
struct mmu_context {
	enum mmu_mech_kind kind;
	union {
		struct {
			pfn_t root;   /* satp.PPN */
			asid_t asid;  /* satp.ASID */
		} paging;
		struct {
			paddr_t base;
			uint64_t bounds; /* valid va: [0, bounds) */
		} bb;
		struct {
			paddr_t base;  /* one of the fixed partitions ... */
			uint64_t size; /* ... of the partition size; valid va: [0, size) */
		} part;
		struct mmu_segment seg[MMU_SEGMENTS_MAX]; /* by selector; the first 2^sel_bits count */
	};
};

enum mmu_status {
	MMU_OK = 0,
	MMU_EKIND,  /* a context of another mechanism */
	MMU_ERANGE, /* a register out of range: beyond physical memory, not a partition, ... */
};

/* A translation mechanism: one file hw/mech_NAME.c each. The hooks are called
 * by mmu.c only, never by the drivers. */
struct mmu_mech {
	const char *name;
	enum mmu_mech_kind kind;
	/* Builds the mechanism's state (m->state; for paging the TLBs) from m->cfg,
	 * m->pm and m->fmt. Returns false with a message in err; fini cleans up then. */
	bool (*init)(struct mmu *m, char *err, size_t errlen);
	/* Frees what init built (a partial build too). */
	void (*fini)(struct mmu *m);
	/* Loads ctx, of this mechanism's kind, into the registers; MMU_ERANGE with a
	 * message in err, and nothing changed, when the registers are impossible. */
	enum mmu_status (*load)(struct mmu *m, const struct mmu_context *ctx, char *err, size_t errlen);
	/* Writes the registers of the current context into ctx (tag included). */
	void (*save)(const struct mmu *m, struct mmu_context *ctx);
	/* Returns true with *pa, or false with *f (mmu_translate_slow counts the
	 * fault). A mechanism without a TLB counts its translations in c.direct. */
	bool (*translate)(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa,
			  struct fault *f);
	/* Writes one line for the explain output (-v) on how the current context
	 * turned va into pa (a translation that has just succeeded), e.g. "va
	 * 0x1234 + base 0x40000 = pa 0x41234 (bounds 0x10000)". No side effects. */
	void (*describe)(const struct mmu *m, vaddr_t va, paddr_t pa, char *buf, size_t len);
};

extern const struct mmu_mech mmu_bare;        /* pa = va, no protection */
extern const struct mmu_mech mmu_paging;      /* radix page tables of any pt_format */
extern const struct mmu_mech mmu_partition;   /* fixed partitions: pa = base + va, va < size */
extern const struct mmu_mech mmu_base_bounds; /* pa = base + va, va < bounds */
extern const struct mmu_mech mmu_segmentation; /* segments by the top bits of the va */

/* The mechanism called name ("bare", "paging", "partition", "base-bounds",
 * "segmentation"), or NULL. */
const struct mmu_mech *mmu_mech_lookup(const char *name);

/* Segmentation's geometry: the va is va_bits wide (wider ones fault with
 * FAULT_VA_RANGE), its top sel_bits choose one of 2^sel_bits segments. */
struct mmu_seg_config {
	unsigned va_bits;                    /* 2 .. 63 */
	unsigned sel_bits;                   /* 1 .. 3, below va_bits */
	const char *names[MMU_SEGMENTS_MAX]; /* for messages (static storage); NULL: "seg<N>" */
};

/* The fixed partitions: count of size bytes each, the first at first. */
struct mmu_part_config {
	paddr_t first;
	uint64_t size;  /* 0: physical memory above first divided by count, in whole pages */
	unsigned count;
};

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
	struct mmu_seg_config seg;  /* used by segmentation */
	struct mmu_part_config part; /* used by partition */
};

/* Fills cfg with the defaults: paging, a 64-entry fully associative LRU TLB with ASIDs,
 * unified, no L2, hardware refill and A/D, no cache model (its configuration the
 * usual one of cache_config_defaults); for segmentation a 32-bit va whose top 2
 * bits choose the code, heap, unused and stack segments (OSTEP's Figure 16.3);
 * 8 partitions over all of physical memory. */
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
	pfn_t root;              /* paging's context: satp.PPN ... */
	asid_t asid;             /* ... and satp.ASID */
	void *state;             /* the other mechanisms' state and registers (their init) */
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

/* Switches address space under paging (writes satp). Without ASID tags this
 * flushes the TLB. Another mechanism ignores satp (its context switch is
 * mmu_load_context). */
void mmu_set_context(struct mmu *m, pfn_t root, asid_t asid);

/* A context switch for any mechanism: loads the registers of ctx (for paging,
 * as mmu_set_context). MMU_EKIND when ctx is not of m's mechanism, MMU_ERANGE
 * when a register is impossible (a base and bounds beyond physical memory, a
 * partition that is not one, a segment beyond physical memory or larger than
 * the largest); both with a message in err, the registers unchanged. */
WARN_UNUSED enum mmu_status mmu_load_context(struct mmu *m, const struct mmu_context *ctx, char *err,
					     size_t errlen);
/* Saves the current context's registers into ctx. */
void mmu_save_context(const struct mmu *m, struct mmu_context *ctx);

/* The mechanism's explain line for a translation of va to pa that has just
 * succeeded in the current context (struct mmu_mech.describe). */
void mmu_describe(const struct mmu *m, vaddr_t va, paddr_t pa, char *buf, size_t len);

/* The fixed partitions of a partition MMU: how many, and partition i as a
 * context (i < count). */
unsigned mmu_partition_count(const struct mmu *m);
void mmu_partition_context(const struct mmu *m, unsigned i, struct mmu_context *ctx);

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

/* The kernel's software TLB refill (paging only; panics under another
 * mechanism): walks for (va, acc, priv) in the current context and inserts
 * the result. Returns false with the fault the walk raised. */
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
