/* The kernel's frame allocator. Physical memory is split into a user pool
 * (the RAM processes get: --frames/--ram) and a kernel pool above it (page
 * tables and the kernel region), counted separately. Every frame has a
 * reference count and a reverse map: the address spaces and virtual pages
 * that map it. User frames are handed out in order 0, 1, 2, ... and freed
 * ones are reused last-freed first. */
#ifndef OS_FRAMES_H
#define OS_FRAMES_H

#include "hw/physmem.h"
#include "hw/pt.h"

struct aspace;
struct policy;

enum frame_kind {
	FRAME_FREE,
	FRAME_USER,
	FRAME_PT,
	FRAME_KERNEL,
};

/* One mapping of a frame: which address space maps it at which VA, and
 * where its leaf PTE lives once the kernel has looked (page tables never
 * move while the mapping exists, so later looks need no walk). */
struct rmap {
	struct aspace *as;
	vaddr_t va;
	paddr_t pte_pa;     /* RMAP_PTE_UNKNOWN until first looked up */
	unsigned level;     /* of the leaf, with pte_pa */
	struct rmap *next;
};

#define RMAP_PTE_UNKNOWN UINT64_MAX

#define NO_SLOT UINT64_MAX

struct frame {
	struct rmap *rmap;  /* mappings (user frames) */
	struct policy *pol; /* the replacement policy instance that holds it */
	uint64_t slot_plus1; /* 1 + the swap slot holding a valid copy; 0 = none */
	uint32_t refs;      /* number of mappings */
	uint8_t kind;
	bool zero;          /* holds only zeros, but for writes that set D in its mappings */
};

struct frames {
	struct physmem *pm;
	struct frame *f;              /* every frame of both pools */
	uint64_t user_count;          /* user pool: frames [0, user_count) */
	uint64_t kernel_first, kernel_count;
	uint64_t user_next, kernel_next; /* never-used frames start here */
	pfn_t *user_free;             /* freed user frames, a stack */
	uint64_t user_nfree;
	struct frames_run *kernel_runs; /* freed kernel runs, for reuse */
	uint64_t in_use[4];           /* by frame_kind */
	uint64_t peak[4];             /* the most ever in use at once, by frame_kind */
	struct rmap *spare;           /* freed rmap nodes */
	bool junk;                    /* fill freed frames with junk (debug) */
};

/* Sets up the pools over pm: user frames [0, user_count) and kernel frames
 * [user_count, user_count + kernel_count), which must fit in pm. pm must
 * hold only zeros (as physmem_init leaves it): frames never handed out are
 * known to, and are not cleared again.
 *
 * Each frame knows whether it holds only zeros (frame.zero), so that zeroing
 * one that does costs nothing: a frame is known zero when it was never used,
 * after it was zeroed, and after a page that was mapped in it but never
 * written (no mapping dirty) leaves it; anything written into it by the
 * kernel (frames_written), a free or a kernel use forgets it. The kernel's
 * invariant behind this is the one that lets it drop a clean page without
 * I/O: a user page no mapping dirtied still holds what it was filled with. */
void frames_init(struct frames *fr, struct physmem *pm, uint64_t user_count, uint64_t kernel_count);
void frames_fini(struct frames *fr);

/* A free user frame, zeroed, with no mappings; false when the pool is empty. */
WARN_UNUSED bool frames_alloc_user(struct frames *fr, pfn_t *pfn);
/* frames_alloc_user without the zeroing: the frame holds whatever it held
 * (zeros, junk, an earlier page), for a caller that writes all of it. */
WARN_UNUSED bool frames_alloc_user_unzeroed(struct frames *fr, pfn_t *pfn);
/* Returns a user frame to the pool (its rmap must be empty). */
void frames_free_user(struct frames *fr, pfn_t pfn);
/* A user frame that has just lost its last mapping goes straight to a new
 * page, unzeroed: what frames_free_user and then frames_alloc_user_unzeroed
 * do when no other frame is free (the frame freed is the one handed out), but
 * without the junk fill in between, which nothing could see. Its swap slot is
 * forgotten; the counts do not change. clean: no mapping of the page that
 * left was dirty (and the page-table format has D bits), so a frame known to
 * hold zeros still does. */
void frames_reuse_user(struct frames *fr, pfn_t pfn, bool clean);
/* Zeroes a user frame (nothing to do when it is known to hold only zeros). */
void frames_zero_user(struct frames *fr, pfn_t pfn);
/* The kernel wrote data into a user frame (a page from swap or a file). */
void frames_written(struct frames *fr, pfn_t pfn);

/* n contiguous zeroed kernel frames of the given kind; false when none are left. */
WARN_UNUSED bool frames_alloc_kernel(struct frames *fr, uint64_t n, enum frame_kind kind, pfn_t *first);
void frames_free_kernel(struct frames *fr, pfn_t first, uint64_t n);

/* A frame_source for page tables, drawing from the kernel pool (frames it
 * leaves to the page-table code to zero). */
struct frame_source frames_pt_source(struct frames *fr);

/* Records and forgets a mapping of a user frame (adjusting refs). */
void frames_rmap_add(struct frames *fr, pfn_t pfn, struct aspace *as, vaddr_t va);
/* frames_rmap_add of the mapping in leaf (which pt_map_leaf or pt_lookup
 * gave), remembering where its PTE lives. */
void frames_rmap_add_leaf(struct frames *fr, pfn_t pfn, struct aspace *as, const struct pt_leaf *leaf);
void frames_rmap_remove(struct frames *fr, pfn_t pfn, struct aspace *as, vaddr_t va);

static inline struct frame *frames_get(struct frames *fr, pfn_t pfn) { return &fr->f[pfn]; }

/* The swap slot holding a valid copy of the frame's page, or NO_SLOT. */
static inline uint64_t frame_slot(const struct frame *f) { return f->slot_plus1 - 1; }
static inline void frame_set_slot(struct frame *f, uint64_t slot) { f->slot_plus1 = slot + 1; }

/* Panics when the counts disagree with the frame table (for tests). */
void frames_check(const struct frames *fr);

#endif
