/* fsm: the free-space manager behind the guest malloc, in plain C with no
 * system calls, so the host tests drive the very same code over a host arena.
 * The caller owns all memory: it hands heap memory to the fsm (fsm_grow), or
 * one mapping per large block (fsm_map), and returns to the OS what fsm_free
 * gives back. Blocks carry boundary tags; free blocks sit on one
 * address-ordered list searched by the first, next, best or worst fit.
 *
 * Every pointer the fsm returns is 16-byte aligned, and every pointer it is
 * given back is checked: a double free, a pointer it never returned and an
 * overwritten header are status codes, never a crash of the fsm itself. */
#ifndef GUEST_LIB_FSM_H
#define GUEST_LIB_FSM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FSM_ALIGN        16	/* of every block and every payload */
#define FSM_HEADER       16	/* bytes before each payload: size and flags, canary */
#define FSM_MIN_BLOCK    48	/* header, two free-list links and a footer, aligned */
#define FSM_MAP_OVERHEAD 32	/* a mapped block: two list links, then the header */
#define FSM_UNMAPPED     8	/* released mappings remembered to detect double frees */

/* The fit policies; the numbers never change meaning. */
enum fsm_policy {
	FSM_FIRST = 0,		/* the lowest-addressed free block that fits */
	FSM_NEXT = 1,		/* the first fit from where the previous search ended */
	FSM_BEST = 2,		/* the smallest block that fits (lowest address on a tie) */
	FSM_WORST = 3,		/* the largest block (lowest address on a tie) */
	FSM_NPOLICIES
};

/* Result codes; the numbers never change meaning. */
enum fsm_status {
	FSM_OK = 0,
	FSM_ENOMEM = 1,		/* no free block fits: grow the heap and try again */
	FSM_E2BIG = 2,		/* the size can never be satisfied (overflow) */
	FSM_EFREED = 3,		/* the pointer's block is already free (a double free) */
	FSM_EINVAL = 4,		/* not a pointer the fsm returned, or unusable memory */
	FSM_ECORRUPT = 5	/* a block header or footer was overwritten */
};

struct fsm_free;
struct fsm_segment;
struct fsm_mapping;

/* One heap. Owned by the caller; fsm_init fills it. */
struct fsm {
	enum fsm_policy policy;
	struct fsm_free *free_list;	/* free blocks in address order */
	struct fsm_free *rover;		/* where the next search starts (next fit); NULL: the list head */
	struct fsm_segment *segments;	/* stretches of heap memory, newest first */
	struct fsm_mapping *mappings;	/* live mapped blocks, newest first */
	uintptr_t unmapped[FSM_UNMAPPED]; /* payloads of the last released mappings */
	unsigned int unmapped_next;
};

/* Memory the caller must give back to the OS (len 0: none). */
struct fsm_region {
	void *base;
	size_t len;
};

/* A walk over the whole heap (fsm_stats). Sizes include block headers. */
struct fsm_stats {
	size_t heap_bytes;		/* all segments, overheads included */
	size_t segments;
	size_t free_bytes;
	size_t free_blocks;
	size_t largest_free;
	size_t used_bytes;		/* heap blocks in use */
	size_t used_blocks;
	size_t mapped_bytes;		/* whole mappings */
	size_t mapped_blocks;
};

/* Makes h an empty heap that allocates with policy. */
void fsm_init(struct fsm *h, enum fsm_policy policy);

/* Gives h the memory [base, base + len) for its heap (trimmed to 16-byte
 * alignment). Memory that starts where a segment ends extends that segment
 * (merging with a free block at its end); other memory becomes a new segment.
 * FSM_EINVAL if the memory is too small to hold a block, FSM_ECORRUPT if the
 * segment's end was overwritten; in both cases nothing changes. */
enum fsm_status fsm_grow(struct fsm *h, void *base, size_t len) __attribute__((warn_unused_result));

/* Bytes of new, separate memory that fsm_grow needs so that a request of n
 * surely fits afterwards; 0 if no memory is enough. */
size_t fsm_grow_size(size_t n);

/* Allocates n bytes (n == 0 gets a minimal block) with h's policy, splitting
 * the chosen free block when the rest can hold a block; *p is the payload.
 * FSM_ENOMEM if no free block fits (grow and retry), FSM_E2BIG if n is absurd. */
enum fsm_status fsm_alloc(struct fsm *h, size_t n, void **p) __attribute__((warn_unused_result));

/* Mapping bytes a mapped block of n payload bytes needs (round it up to
 * pages); 0 on overflow. */
size_t fsm_map_size(size_t n);

/* Makes the whole of [base, base + len), fresh memory from the OS, one
 * mapped block; *p is its payload (len - FSM_MAP_OVERHEAD usable bytes).
 * fsm_free gives the whole region back. FSM_EINVAL if base is not 16-byte
 * aligned or len cannot hold a payload. */
enum fsm_status fsm_map(struct fsm *h, void *base, size_t len, void **p) __attribute__((warn_unused_result));

/* Frees the block at p (NULL: nothing), merging it with free neighbours on
 * both sides. *release is the memory the caller must return to the OS (a
 * mapped block's mapping) or empty. On FSM_EFREED, FSM_EINVAL or
 * FSM_ECORRUPT nothing changed. */
enum fsm_status fsm_free(struct fsm *h, void *p, struct fsm_region *release) __attribute__((warn_unused_result));

/* Resizes the block at p to n bytes in place: shrinking splits off the rest
 * (if it can hold a block), growing takes from a free right neighbour.
 * FSM_ENOMEM if it cannot be done in place (the block is unchanged: allocate,
 * copy and free); FSM_EFREED, FSM_EINVAL or FSM_ECORRUPT for a bad p. */
enum fsm_status fsm_resize(struct fsm *h, void *p, size_t n) __attribute__((warn_unused_result));

/* *n = the usable bytes of the live block at p; the same errors as fsm_free. */
enum fsm_status fsm_usable(const struct fsm *h, const void *p, size_t *n) __attribute__((warn_unused_result));

/* Counts blocks and bytes by walking the heap (a segment's walk stops at an
 * overwritten header; fsm_check says where). */
void fsm_stats(const struct fsm *h, struct fsm_stats *st);

/* Checks every invariant (headers, footers, flags, full coalescing, the free
 * list's order and completeness, the mappings): FSM_OK, or FSM_ECORRUPT with
 * *where = the first bad block or list node. Costs a walk of everything. */
enum fsm_status fsm_check(const struct fsm *h, const void **where) __attribute__((warn_unused_result));

/* "first", "next", "best", "worst": true and *policy; false for other names. */
bool fsm_policy_parse(const char *name, enum fsm_policy *policy);
const char *fsm_policy_name(enum fsm_policy policy);

/* What a status means, in words for a message ("double free"). */
const char *fsm_strerror(enum fsm_status st);

#endif
