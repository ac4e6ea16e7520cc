/* The kernel's contiguous physical allocator, shared by the mechanisms before
 * paging (base and bounds, segmentation; fixed partitions are its sibling
 * os/contig_part.h): blocks of a physical range handed to owners, the holes
 * between them sorted by address and coalesced on every free. Holes are
 * indexed by address (each subtree knowing its largest hole) and, under best
 * fit, by (size, address), so every fit policy finds its hole in O(log holes);
 * every extent, hole or block, is also on one list in address order, so a
 * block's neighbours are O(1).
 *
 * The range, from base to base + size (bytes):
 *
 *   base                                                          base + size
 *   | block A | hole | block B | block C |      hole      | block D | hole |
 *
 * Every base and size is a multiple of the granule; requests are rounded up
 * to it. The allocator never touches memory: a block that moves (contig_move,
 * contig_compact) is reported to the relocate callback, which copies its
 * bytes and loads the new base into the owner's registers. */
#ifndef OS_CONTIG_H
#define OS_CONTIG_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/avl.h"
#include "lib/u64map.h"
#include "lib/util.h"

/* Who holds a block: any unique 64-bit value; contig_owner builds the usual
 * one, a process and one of its segments. */
typedef uint64_t contig_id;

static inline contig_id contig_owner(uint32_t pid, uint32_t seg) { return (uint64_t)pid << 32 | seg; }

/* Result codes (they never change meaning). */
enum contig_status {
	CONTIG_OK = 0,
	CONTIG_NO_SPACE,   /* no hole is large enough (compaction may help: see contig_compact_for) */
	CONTIG_MUST_MOVE,  /* contig_resize: the neighbour on that side is in the way */
	CONTIG_EXISTS,     /* the owner already holds a block */
	CONTIG_NO_BLOCK,   /* the owner holds no block */
	CONTIG_BAD_SIZE,   /* 0 bytes, or more than the whole range */
	CONTIG_BAD_CONFIG, /* contig_init: see struct contig_config */
};

/* Where a request goes, always at the low end of the hole chosen:
 * FIRST  the lowest hole large enough;
 * NEXT   the first hole large enough that contains or follows the rover (the
 *        end of the last block placed), wrapping round to the lowest;
 * BEST   the smallest hole large enough, the lowest of equal ones;
 * WORST  the largest hole, the lowest of equal ones. */
enum contig_fit {
	CONTIG_FIRST_FIT,
	CONTIG_NEXT_FIT,
	CONTIG_BEST_FIT,
	CONTIG_WORST_FIT,
};
#define CONTIG_FITS 4

/* Which end of a block moves when it is resized: UP its top (a heap's brk),
 * DOWN its bottom (a stack growing down: the base changes). The bytes at the
 * other end stay where they are (in place) or keep their offset from that
 * end (when the block moves). */
enum contig_dir {
	CONTIG_UP,
	CONTIG_DOWN,
};

/* One block moving: the callback copies bytes from src to dst (the two may
 * overlap: copy as memmove does) and makes new_base the owner's base. */
struct contig_reloc {
	contig_id owner;
	uint64_t old_base, old_size;
	uint64_t new_base, new_size;
	uint64_t src, dst, bytes;
};

typedef void (*contig_relocate_fn)(void *ctx, const struct contig_reloc *r);

struct contig_config {
	uint64_t base, size;   /* the range; both multiples of granule, size > 0, no wrap */
	uint64_t granule;      /* a power of two: 16 bytes, a page, ... */
	enum contig_fit fit;
	contig_relocate_fn relocate; /* NULL: blocks move in the books only */
	void *ctx;                   /* relocate's first argument */
};

/* Everything counted. External fragmentation is contig_ext_frag's. */
struct contig_stats {
	uint64_t size;              /* of the range */
	uint64_t free_bytes;        /* in holes */
	uint64_t holes;
	uint64_t largest_hole;      /* 0 when there is none */
	uint64_t blocks;
	uint64_t used_bytes;        /* asked for by the owners of the blocks */
	uint64_t internal_bytes;    /* inside blocks but not asked for: the rounding to the granule */
	uint64_t allocs, frees;
	uint64_t alloc_failures;    /* placements that found no hole (contig_alloc and contig_move) */
	uint64_t resizes_in_place;  /* contig_resize that succeeded */
	uint64_t moves, move_bytes; /* contig_move: blocks relocated and bytes copied */
	uint64_t compactions;       /* contig_compact and contig_compact_for calls that moved anything */
	uint64_t compact_moves, compact_bytes; /* blocks they relocated and bytes copied */
};

struct contig_ext;

/* The allocator (the caller owns it; its fields are the module's). */
struct contig {
	uint64_t base, size, granule;
	enum contig_fit fit;
	contig_relocate_fn relocate;
	void *ctx;
	struct contig_ext *first, *last; /* every extent in address order */
	struct avl by_addr, by_size;     /* the holes (by size only while sized) */
	bool sized;                      /* the size index is kept: best fit */
	struct u64map owners;            /* owner -> its block (a host pointer) */
	uint64_t rover;                  /* next fit's: where the last placement ended */
	struct contig_ext *spare;        /* freed extent records, for reuse */
	struct contig_stats st;          /* the counters; the rest is computed */
};

/* Sets c up over the range in cfg, one hole. CONTIG_BAD_CONFIG (c untouched)
 * when the granule is not a power of two, the base or size is not a
 * multiple of it, the size is 0, the range wraps or the fit is unknown. */
WARN_UNUSED enum contig_status contig_init(struct contig *c, const struct contig_config *cfg);
/* Frees everything c holds (the blocks need not have been freed). */
void contig_fini(struct contig *c);

/* Changes the fit policy for the placements that follow. */
void contig_set_fit(struct contig *c, enum contig_fit fit);

/* A block of bytes (rounded up to the granule) for owner, placed by the fit
 * policy; its base in *base. CONTIG_NO_SPACE (counted as a failure),
 * CONTIG_EXISTS or CONTIG_BAD_SIZE leave everything as it was. */
WARN_UNUSED enum contig_status contig_alloc(struct contig *c, contig_id owner, uint64_t bytes, uint64_t *base);

/* Returns owner's block to the holes, merged with its neighbours. */
WARN_UNUSED enum contig_status contig_free(struct contig *c, contig_id owner);

/* Owner's block: true with its base and size (either pointer may be NULL). */
bool contig_lookup(const struct contig *c, contig_id owner, uint64_t *base, uint64_t *size);

/* Resizes owner's block in place to bytes (rounded up), moving its dir end:
 * growing takes from the hole next to that end, shrinking gives back to it.
 * The new base in *new_base (it changes only for DOWN). CONTIG_MUST_MOVE
 * when the neighbour on that side is a block, the end of the range or a hole
 * too small (nothing changed: contig_move then relocates it), also
 * CONTIG_NO_BLOCK and CONTIG_BAD_SIZE. Nothing is copied. */
WARN_UNUSED enum contig_status contig_resize(struct contig *c, contig_id owner, uint64_t bytes, enum contig_dir dir,
					     uint64_t *new_base);

/* Relocates owner's block to a new place of bytes (rounded up), found by the
 * fit policy as if the block were already free (so the new place may overlap
 * the old one), keeping its dir-opposite end's contents: for UP the first
 * min(old, new) bytes stay at the bottom, for DOWN the last ones stay at the
 * top. The relocate callback copies them (unless they would not move); the
 * new base in *new_base. CONTIG_NO_SPACE (counted as a failure, the block
 * stays where it was), CONTIG_NO_BLOCK, CONTIG_BAD_SIZE. */
WARN_UNUSED enum contig_status contig_move(struct contig *c, contig_id owner, uint64_t bytes, enum contig_dir dir,
					   uint64_t *new_base);

/* Slides every block down, in address order, to close every hole: one hole
 * is left at the top. Each block that moves goes to the relocate callback.
 * Returns the bytes copied. */
uint64_t contig_compact(struct contig *c);

/* Just enough of contig_compact to make a hole of bytes (rounded up): the
 * blocks slide down in address order until the free space gathered behind
 * them reaches the request, and the blocks above stay put. A prefix of the
 * full compaction, not the minimal set of moves, but never more than it
 * copies. CONTIG_OK, with the bytes copied in *copied (0 when a hole was
 * already large enough), or CONTIG_NO_SPACE (nothing moved) when the free
 * bytes are too few; CONTIG_BAD_SIZE for 0 or more than the range. */
WARN_UNUSED enum contig_status contig_compact_for(struct contig *c, uint64_t bytes, uint64_t *copied);

/* Where contig_alloc would place bytes now, without placing it (the rover
 * does not move): true with *base, or false when nothing fits. */
bool contig_find(const struct contig *c, uint64_t bytes, uint64_t *base);
/* contig_find by a plain walk of the extents in address order, O(extents):
 * the reference the indexed search is tested and measured against. */
bool contig_find_linear(const struct contig *c, uint64_t bytes, uint64_t *base);

/* The counters, with the figures computed from the holes. */
void contig_stats(const struct contig *c, struct contig_stats *st);

/* External fragmentation, 1 - largest hole / free bytes (0 with no free
 * bytes): 0 when all free memory is one hole, near 1 when it is crumbs. */
double contig_ext_frag(const struct contig_stats *st);

/* One extent, for walks. */
struct contig_extent {
	uint64_t base, size;
	bool hole;
	contig_id owner; /* blocks */
	uint64_t used;   /* blocks: the bytes asked for */
};

/* Calls fn on every extent in address order (fn must not change c). */
void contig_for_each(const struct contig *c, void (*fn)(void *ctx, const struct contig_extent *e), void *ctx);

const char *contig_status_name(enum contig_status s);
/* "first", "next", "best", "worst". */
const char *contig_fit_name(enum contig_fit fit);
/* The fit with that name; false when there is none. */
WARN_UNUSED bool contig_fit_parse(const char *name, enum contig_fit *fit);

/* Panics unless the extents tile the range in address order, every size and
 * base is a multiple of the granule, no two holes touch, both hole indexes
 * hold exactly the holes (and each subtree's largest hole is right), the
 * owner map holds exactly the blocks and the counters agree (for tests). */
void contig_check(const struct contig *c);

#endif
