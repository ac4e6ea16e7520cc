/* freelist: the textbook free list of OSTEP's free-space chapter (ch. 17,
 * vm-freespace/malloc.py): a heap of abstract addresses [base, base + size)
 * whose free space is a list of chunks (address, size) in the order the
 * list order keeps, searched by a fit policy; no memory is touched. Its
 * choices are malloc.py's, quirks included:
 *
 *   request -> rounded up to the alignment (align > 0) -> + header = need
 *   search  -> every chunk of the list is looked at under BEST and WORST,
 *              FIRST stops at the first that fits ("searched" counts them)
 *   split   -> the allocation is the chunk's low end; the rest stays in
 *              the chunk's place in the list (an exact fit leaves it)
 *   free    -> the chunk goes back by the list order (INSERT-FRONT/BACK, or
 *              appended then stably sorted by address or size); coalescing,
 *              when on, merges neighbours in list order whose addresses meet.
 *
 * Sizes are the caller's, unchecked as malloc.py leaves them: a negative
 * request (which malloc.py takes) grows the chunk it is cut from. */
#ifndef OS_FREELIST_H
#define OS_FREELIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Which chunk a request takes. */
enum freelist_policy {
	FREELIST_BEST,  /* the smallest that fits, the first of equal ones */
	FREELIST_WORST, /* the largest that fits, the first of equal ones */
	FREELIST_FIRST, /* the first that fits */
};

/* Where a freed chunk goes. */
enum freelist_order {
	FREELIST_ADDRSORT,     /* by address */
	FREELIST_SIZESORT_UP,  /* by size, smallest first (stable) */
	FREELIST_SIZESORT_DOWN, /* by size, largest first (stable) */
	FREELIST_INSERT_FRONT, /* at the head */
	FREELIST_INSERT_BACK,  /* at the tail */
};

/* Result codes (they never change meaning). */
enum freelist_status {
	FREELIST_OK = 0,
	FREELIST_NO_FIT,      /* alloc: no chunk is large enough (malloc.py's -1) */
	FREELIST_NOT_ALLOCATED, /* free: not an address alloc returned, or freed already (malloc.py's -1) */
	FREELIST_ALLOCATED,   /* alloc: the chunk's address is allocated already
			       * (a request of 0 bytes left it at the chunk's start) */
	FREELIST_RANGE,       /* an address or size would not fit 64 bits */
	FREELIST_BAD_CONFIG,  /* freelist_init: align is neither -1 nor positive */
};

struct freelist_config {
	int64_t base, size; /* the heap: one free chunk at first */
	int64_t header;     /* bytes added to each request */
	int64_t align;      /* requests round up to a multiple of it; -1: none */
	enum freelist_policy policy;
	enum freelist_order order;
	bool coalesce;
};

struct freelist_chunk {
	int64_t addr, size;
};

/* How one chunk of the search was judged. */
enum freelist_verdict {
	FREELIST_TOO_SMALL,  /* smaller than the need */
	FREELIST_NOT_BETTER, /* fits, but is not smaller (BEST) or larger (WORST) than the one chosen so far */
	FREELIST_CANDIDATE,  /* fits and is the best so far (BEST, WORST) */
	FREELIST_TAKEN,      /* fits: the first one (FIRST ends its search here) */
};

/* Told each chunk a search looks at, in order: its index in the list, the
 * chunk, and the verdict. */
typedef void (*freelist_examine_fn)(void *ctx, size_t i, const struct freelist_chunk *c, enum freelist_verdict v);

/* What an alloc did. */
struct freelist_search {
	int64_t aligned;  /* the request rounded up to the alignment */
	int64_t need;     /* aligned + header: the bytes taken from a chunk */
	size_t searched;  /* chunks looked at */
	int64_t addr;     /* the address (the header's), or -1 */
	size_t index;     /* of the chunk chosen (when addr != -1) */
	struct freelist_chunk chosen; /* as it was before the cut */
	bool split;       /* the chunk was larger than the need: its rest stays free */
};

/* What a free did. */
struct freelist_release {
	struct freelist_chunk chunk; /* the chunk given back */
	size_t merged;               /* chunks coalesced into a neighbour */
};

struct freelist {
	struct freelist_config cfg;
	struct freelist_chunk *free; /* the free list, in list order */
	size_t nfree, capfree;
	struct freelist_chunk *used; /* allocated chunks, in allocation order */
	size_t nused, capused;
};

/* Makes fl a heap of cfg with one free chunk (base, size). The caller owns
 * fl; freelist_fini releases its lists. FREELIST_BAD_CONFIG (fl untouched)
 * when cfg->align is 0 or below -1. */
enum freelist_status freelist_init(struct freelist *fl, const struct freelist_config *cfg)
	__attribute__((warn_unused_result));
void freelist_fini(struct freelist *fl);

/* Allocates size bytes: *s says how (s->addr is the address, or -1 after
 * FREELIST_NO_FIT). FREELIST_ALLOCATED and FREELIST_RANGE change nothing
 * (s->searched is still set for FREELIST_ALLOCATED). fn (may be NULL) is
 * told each chunk looked at. */
enum freelist_status freelist_alloc(struct freelist *fl, int64_t size, struct freelist_search *s,
				    freelist_examine_fn fn, void *ctx) __attribute__((warn_unused_result));

/* Frees the chunk alloc returned at addr: FREELIST_OK (malloc.py's 0) and
 * *r, or FREELIST_NOT_ALLOCATED (its -1) or FREELIST_RANGE, changing nothing. */
enum freelist_status freelist_free(struct freelist *fl, int64_t addr, struct freelist_release *r)
	__attribute__((warn_unused_result));

/* The free list, in list order: *n chunks (valid until the next alloc or free). */
const struct freelist_chunk *freelist_chunks(const struct freelist *fl, size_t *n);

/* Names as malloc.py spells them ("BEST", "SIZESORT+"): true and the value,
 * false for any other word. */
bool freelist_policy_parse(const char *name, enum freelist_policy *p);
bool freelist_order_parse(const char *name, enum freelist_order *o);
const char *freelist_policy_name(enum freelist_policy p);
const char *freelist_order_name(enum freelist_order o);

#endif
