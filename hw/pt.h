/* Page tables that live in simulated physical memory, for any pt_format: the
 * kernel's operations (map, unmap, protect, lookup, free, count, print) and the
 * hardware walk the MMU performs on a TLB miss. Table frames come from a
 * frame_source the kernel provides; they are the only frames this module owns. */
#ifndef HW_PT_H
#define HW_PT_H

#include <stdio.h>

#include "hw/fault.h"
#include "hw/physmem.h"
#include "hw/ptfmt.h"

/* Where page-table frames come from. alloc returns n physically contiguous
 * frames, or false when none are left (pt.c zeroes them itself, in place:
 * see table_alloc); free gives them back. */
struct frame_source {
	bool (*alloc)(void *ctx, uint64_t n, pfn_t *first);
	void (*free)(void *ctx, pfn_t first, uint64_t n);
	void *ctx;
};

struct pt_shared;

struct pt {
	pfn_t root;      /* first frame of the root table (what satp/CR3/PDBR holds) */
	const struct pt_format *fmt;
	struct physmem *pm;
	struct frame_source fs;
	uint64_t frames; /* frames of the tables this pt owns (a shared subtree's are not) */
	struct pt_shared *shared; /* the shared subtree one root entry points at, or NULL */
};

/* Tables several page tables share, as real kernels share the kernel half of
 * every address space: the subtree under one root entry (index), built in one
 * page table and then linked into others' roots. A page table that links it
 * reaches it through its root like its own tables (walks, lookups, leaf
 * visits, prints), but neither counts it in its frames nor frees it; the last
 * one to let go (pt_fini) frees it. A change below that entry (pt_map,
 * pt_unmap, pt_update) first makes the subtree the page table's own: it takes
 * it over when it is the only user, otherwise copies it into new frames, so
 * the others never see the change. Owned by the caller (the kernel). */
struct pt_shared {
	uint64_t index;  /* the root entry, the same in every page table linking it */
	pte_t entry;     /* its contents: a pointer to the subtree's top table */
	pfn_t table;     /* the top table's first frame */
	uint64_t frames; /* frames of the subtree's tables */
	uint64_t users;  /* page tables linking it; 0 = nothing is shared */
};

enum pt_status {
	PT_OK = 0,
	PT_ENOMEM,  /* no frame for a new table */
	PT_EXISTS,  /* something is already mapped there (or a superpage covers it) */
	PT_ENOENT,  /* nothing mapped there */
	PT_EINVAL,  /* bad VA, misaligned address, or a page size the format lacks */
	PT_ECORRUPT /* a table points outside physical memory */
};

/* One leaf mapping, as the kernel sees it. */
struct pt_leaf {
	vaddr_t va;      /* first address of the page */
	pfn_t pfn;       /* first frame of the page */
	unsigned level;  /* 0 = base page */
	unsigned flags;  /* canonical flags of the leaf PTE */
	paddr_t pte_pa;  /* where the PTE lives */
};

const char *pt_strerror(enum pt_status st);

/* Creates an empty table (allocates the root). On failure nothing is held. */
WARN_UNUSED enum pt_status pt_init(struct pt *pt, const struct pt_format *fmt, struct physmem *pm,
				   const struct frame_source *fs);
/* Frees every table frame (leaf data frames are the caller's); a shared
 * subtree only when pt is its last user. */
void pt_fini(struct pt *pt);

/* Makes the subtree under pt's root entry for va shared through *sh, which
 * must be unused (users 0): pt keeps it linked, but it is no longer counted in
 * pt->frames. PT_ENOENT when the entry is not a pointer to a table, PT_EXISTS
 * when pt already links a shared subtree; nothing changes then. */
WARN_UNUSED enum pt_status pt_share(struct pt *pt, vaddr_t va, struct pt_shared *sh);

/* Links the subtree of *sh (users > 0) into pt's root. PT_EXISTS when pt has
 * something at that root entry or links a shared subtree already. */
WARN_UNUSED enum pt_status pt_link(struct pt *pt, struct pt_shared *sh);

/* Maps the page of the given level at va to the frame pfn with canonical flags
 * (PTE_V is implied). va and pfn must be aligned to the page size; intermediate
 * tables are created as needed. On PT_ENOMEM tables created so far stay (empty).
 * Below a shared subtree, pt first makes it its own (see struct pt_shared),
 * which may fail with PT_ENOMEM. */
WARN_UNUSED enum pt_status pt_map(struct pt *pt, vaddr_t va, pfn_t pfn, unsigned level, unsigned flags);
/* pt_map that also fills *leaf with the new mapping (where its PTE lives). */
WARN_UNUSED enum pt_status pt_map_leaf(struct pt *pt, vaddr_t va, pfn_t pfn, unsigned level, unsigned flags,
				       struct pt_leaf *leaf);

/* Removes the leaf covering va; *old (may be NULL) receives what it was.
 * Intermediate tables stay until pt_fini. The caller must flush the TLB.
 * Like pt_map, may make a shared subtree pt's own (PT_ENOMEM). */
WARN_UNUSED enum pt_status pt_unmap(struct pt *pt, vaddr_t va, struct pt_leaf *old);

/* Sets the flags in set and clears those in clear on the leaf covering va
 * (PTE_V cannot be changed this way). The caller must flush the TLB. Like
 * pt_map, may make a shared subtree pt's own (PT_ENOMEM). */
WARN_UNUSED enum pt_status pt_update(struct pt *pt, vaddr_t va, unsigned set, unsigned clear);

/* Finds the leaf covering va without side effects (no A/D, no permission check). */
WARN_UNUSED enum pt_status pt_lookup(const struct pt *pt, vaddr_t va, struct pt_leaf *out);

/* A walk done ahead of time for the host's cache, one level at a time: a
 * replay that knows the references to come starts the walk for va (the
 * root's entry is fetched), and each pt_ahead_next, issued once the entry
 * fetched before has had time to arrive, reads it and fetches the next
 * level's, so that the real walk later finds every entry in the cache. No
 * effect on the model: nothing counted, no A/D bits; an entry that changed in
 * between only costs a useless fetch. */
struct pt_ahead {
	paddr_t pte_pa; /* the entry fetched last */
	int level;      /* its level; -1 when the walk ahead has ended */
};
void pt_ahead_start(const struct pt *pt, vaddr_t va, struct pt_ahead *a);
void pt_ahead_next(const struct pt_format *f, const struct physmem *pm, vaddr_t va, struct pt_ahead *a);

/* A leaf pt_lookup or pt_map_leaf gave, read again, changed or removed at
 * its pte_pa and level without walking the tables (they never move: only
 * pt_fini frees them). The caller must flush the TLB after a change.
 * pt_reread refreshes leaf->pfn and leaf->flags; pt_unmap_leaf checks that
 * the PTE still holds a valid leaf first. Both return PT_ENOENT when it no
 * longer does. pt_update_leaf rewrites the PTE from leaf->pfn and
 * leaf->flags, which must be current (just looked up, mapped or reread). */
WARN_UNUSED enum pt_status pt_reread(const struct pt *pt, struct pt_leaf *leaf);
void pt_update_leaf(struct pt *pt, const struct pt_leaf *leaf, unsigned set, unsigned clear);
WARN_UNUSED enum pt_status pt_unmap_leaf(struct pt *pt, const struct pt_leaf *leaf);

/* Calls fn for every valid leaf in address order; stops early when fn returns false. */
void pt_for_each_leaf(const struct pt *pt, bool (*fn)(void *ctx, const struct pt_leaf *leaf), void *ctx);
/* pt_for_each_leaf for the leaves that overlap [start, end) (none when it
 * is empty; end 0 stands for the top of the address space). It reads only
 * the entries of tables that cover the range, so a small range costs a few
 * entries per level however much else is mapped. */
void pt_for_each_leaf_in(const struct pt *pt, vaddr_t start, vaddr_t end,
			 bool (*fn)(void *ctx, const struct pt_leaf *leaf), void *ctx);

/* What pt_for_each_entry calls for each valid entry: its table's level
 * (levels - 1 for the root), its index there, the raw PTE, its decoding, and
 * the first va it covers. */
typedef void pt_entry_fn(void *ctx, unsigned level, uint64_t idx, pte_t raw, const struct pte_info *info,
			 vaddr_t va);

/* Calls fn for every valid entry of every table, in pre-order: an entry
 * that points to a table, then that table's entries. */
void pt_for_each_entry(const struct pt *pt, pt_entry_fn *fn, void *ctx);

/* Prints one line per valid entry, indented by level (like xv6's vmprint). */
void pt_print(const struct pt *pt, FILE *out);

/* Options of the hardware walk. */
enum {
	WALK_HW_AD = 1 << 0, /* hardware sets A and D; otherwise a clear bit faults */
	WALK_SUM = 1 << 1,   /* supervisor may read/write user pages */
	WALK_MXR = 1 << 2,   /* executable pages are readable */
};

/* A successful walk. */
struct walk_result {
	paddr_t pa;
	pfn_t pfn;       /* first frame of the page found */
	unsigned level;  /* level of the leaf */
	unsigned flags;  /* effective canonical flags (for x86: W, U, X ANDed down the walk) */
};

/* The hardware page walk (RISC-V privileged spec, "Virtual Address Translation
 * Process"): reads the tables at root from physical memory for (va, access,
 * priv), checks the leaf, sets A (and D on a write) when WALK_HW_AD is given.
 * Returns true with *res filled, or false with *f filled. *refs is increased by
 * the number of PTEs read, on success and on failure. */
WARN_UNUSED bool pt_walk(const struct pt_format *fmt, struct physmem *pm, pfn_t root, vaddr_t va,
			 enum access acc, enum priv priv, unsigned opts, struct walk_result *res,
			 struct fault *f, uint64_t *refs);

/* pt_walk that also logs where it read: pte_pa[i] receives the physical address
 * of the i-th PTE read (root level first), for every PTE counted in *refs. */
WARN_UNUSED bool pt_walk_logged(const struct pt_format *fmt, struct physmem *pm, pfn_t root, vaddr_t va,
				enum access acc, enum priv priv, unsigned opts, struct walk_result *res,
				struct fault *f, uint64_t *refs, paddr_t pte_pa[PT_MAX_LEVELS]);

/* Bit (priv * 3 + access) set for every access a leaf with effective flags
 * allows (what a TLB entry caches). */
unsigned pt_allow_mask(const struct pt_format *fmt, unsigned flags, unsigned opts);

/* Whether a leaf with effective flags allows the access: returns 0 or the
 * canonical bits (PTE_R/W/X/U) that forbid it. */
unsigned pt_perm_violation(const struct pt_format *fmt, unsigned flags, enum access acc, enum priv priv,
			   unsigned opts);

#endif
