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

/* One mapping of a frame: which address space maps it at which VA. */
struct rmap {
	struct aspace *as;
	vaddr_t va;
	struct rmap *next;
};

#define NO_SLOT UINT64_MAX

struct frame {
	struct rmap *rmap;  /* mappings (user frames) */
	struct policy *pol; /* the replacement policy instance that holds it */
	uint64_t slot_plus1; /* 1 + the swap slot holding a valid copy; 0 = none */
	uint32_t refs;      /* number of mappings */
	uint8_t kind;
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
 * [user_count, user_count + kernel_count), which must fit in pm. */
void frames_init(struct frames *fr, struct physmem *pm, uint64_t user_count, uint64_t kernel_count);
void frames_fini(struct frames *fr);

/* A free user frame, zeroed, with no mappings; false when the pool is empty. */
WARN_UNUSED bool frames_alloc_user(struct frames *fr, pfn_t *pfn);
/* Returns a user frame to the pool (its rmap must be empty). */
void frames_free_user(struct frames *fr, pfn_t pfn);

/* n contiguous zeroed kernel frames of the given kind; false when none are left. */
WARN_UNUSED bool frames_alloc_kernel(struct frames *fr, uint64_t n, enum frame_kind kind, pfn_t *first);
void frames_free_kernel(struct frames *fr, pfn_t first, uint64_t n);

/* A frame_source for page tables, drawing from the kernel pool (frames it
 * leaves to the page-table code to zero). */
struct frame_source frames_pt_source(struct frames *fr);

/* Records and forgets a mapping of a user frame (adjusting refs). */
void frames_rmap_add(struct frames *fr, pfn_t pfn, struct aspace *as, vaddr_t va);
void frames_rmap_remove(struct frames *fr, pfn_t pfn, struct aspace *as, vaddr_t va);

static inline struct frame *frames_get(struct frames *fr, pfn_t pfn) { return &fr->f[pfn]; }

/* The swap slot holding a valid copy of the frame's page, or NO_SLOT. */
static inline uint64_t frame_slot(const struct frame *f) { return f->slot_plus1 - 1; }
static inline void frame_set_slot(struct frame *f, uint64_t slot) { f->slot_plus1 = slot + 1; }

/* Panics when the counts disagree with the frame table (for tests). */
void frames_check(const struct frames *fr);

#endif
