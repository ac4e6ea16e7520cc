/* The free-space manager of the guest malloc (guest/lib/fsm.c, compiled here
 * for the host): hand-traced choices of each fit policy, splitting,
 * coalescing, in-place resizing, the detection of bad frees, and long seeded
 * random streams for every policy checked against a byte map, which also
 * report each policy's heap high-water mark and fragmentation. The rig plays
 * the guest's malloc.c: an sbrk over one host arena, and host memory for
 * mapped blocks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guest/lib/fsm.c"
#include "lib/rng.h"
#include "tests/harness.h"

#define KIB             1024
#define CHUNK           (64 * KIB)	/* as guest/lib/malloc.c */
#define MMAP_THRESHOLD  (128 * KIB)
#define PAGE            4096
#define ARENA_CAP       (64u * 1024 * KIB)

/* ---- the rig: an fsm over a host arena with a break ---- */

struct rig {
	struct fsm h;
	char *mem;			/* the arena: ARENA_CAP bytes, page-aligned */
	size_t brk, peak;		/* bytes handed out by sbrk; its high-water mark */
	unsigned int grows;
	size_t mapped_live;		/* host allocations behind mapped blocks */
};

static void rig_init(struct rig *r, enum fsm_policy policy)
{
	memset(r, 0, sizeof *r);
	fsm_init(&r->h, policy);
	r->mem = aligned_alloc(PAGE, ARENA_CAP);
	CHECK(r->mem != NULL);
}

static void rig_fini(struct rig *r)
{
	CHECK_EQ(r->mapped_live, 0);
	free(r->mem);
}

/* Moves the break up by len; NULL when the arena is full. */
static void *rig_sbrk(struct rig *r, size_t len)
{
	void *old = r->mem + r->brk;

	if (len > ARENA_CAP - r->brk)
		return NULL;
	r->brk += len;
	if (r->brk > r->peak)
		r->peak = r->brk;
	r->grows++;
	return old;
}

static size_t round_up(size_t n, size_t to)
{
	return (n + to - 1) / to * to;
}

static void rig_check(const struct rig *r)
{
	const void *where = NULL;
	enum fsm_status st = fsm_check(&r->h, &where);

	if (st != FSM_OK)
		FAIL("fsm_check: %s at arena offset %td", fsm_strerror(st),
		     (const char *)where - r->mem);
}

/* malloc as the guest does it: a mapping for a large request, else the
 * heap, grown by at least a chunk when nothing fits. */
static void *rig_malloc(struct rig *r, size_t n)
{
	void *p = NULL, *base;
	size_t len;
	enum fsm_status st;

	if (n >= MMAP_THRESHOLD) {
		len = round_up(fsm_map_size(n), PAGE);
		base = aligned_alloc(PAGE, len);
		CHECK(base != NULL);
		CHECK_EQ(fsm_map(&r->h, base, len, &p), FSM_OK);
		CHECK(p == (char *)base + FSM_MAP_OVERHEAD);
		r->mapped_live++;
		return p;
	}
	st = fsm_alloc(&r->h, n, &p);
	if (st == FSM_ENOMEM) {
		len = round_up(fsm_grow_size(n), PAGE);
		len = len < CHUNK ? CHUNK : len;
		base = rig_sbrk(r, len);
		CHECK(base != NULL);
		CHECK_EQ(fsm_grow(&r->h, base, len), FSM_OK);
		st = fsm_alloc(&r->h, n, &p);
	}
	CHECK_EQ(st, FSM_OK);
	return p;
}

static void rig_free(struct rig *r, void *p)
{
	struct fsm_region rel = { (void *)1, 1 };

	CHECK_EQ(fsm_free(&r->h, p, &rel), FSM_OK);
	if (rel.len) {
		free(rel.base);
		r->mapped_live--;
	} else {
		CHECK(rel.base == NULL);
	}
}

/* realloc as the guest does it: in place if possible, else move. */
static void *rig_realloc(struct rig *r, void *p, size_t n)
{
	enum fsm_status st = fsm_resize(&r->h, p, n);
	size_t old = 0;
	void *q;

	if (st == FSM_OK)
		return p;
	CHECK_EQ(st, FSM_ENOMEM);
	CHECK_EQ(fsm_usable(&r->h, p, &old), FSM_OK);
	q = rig_malloc(r, n);
	memcpy(q, p, old < n ? old : n);
	rig_free(r, p);
	return q;
}

/* The heap offset of payload p, counted from the first block's payload. */
static size_t off(const struct rig *r, const void *p)
{
	return (size_t)((const char *)p - (r->mem + sizeof(struct fsm_segment) + FSM_HEADER));
}

/* Gives r exactly enough heap for blocks of the given sizes, allocates them
 * in order into got[] (payloads), and checks they lie end to end. */
static void carve(struct rig *r, const size_t *blocks, int n, void **got)
{
	size_t total = 0;

	for (int i = 0; i < n; i++)
		total += blocks[i];
	CHECK_EQ(fsm_grow(&r->h, rig_sbrk(r, total + sizeof(struct fsm_segment) + FSM_HEADER),
			  total + sizeof(struct fsm_segment) + FSM_HEADER), FSM_OK);
	total = 0;
	for (int i = 0; i < n; i++) {
		CHECK_EQ(fsm_alloc(&r->h, blocks[i] - FSM_HEADER, &got[i]), FSM_OK);
		CHECK_EQ(off(r, got[i]), total);
		total += blocks[i];
	}
	rig_check(r);
}

/* ---- the fit policies, traced by hand ---- */

/* Holes of 128, 64, 256 and 96 bytes at offsets 0, 176, 288 and 592, kept
 * apart by 48-byte blocks in use; the heap has no other free space. Then
 * three requests of 240, 64 and 48 bytes (whole blocks) go where each policy
 * says; want[] are their offsets. */
static void trace_policy(enum fsm_policy policy, size_t w1, size_t w2, size_t w3)
{
	static const size_t blocks[8] = { 128, 48, 64, 48, 256, 48, 96, 48 };
	struct rig r;
	void *b[8], *p;

	rig_init(&r, policy);
	carve(&r, blocks, 8, b);
	for (int i = 0; i < 8; i += 2)
		rig_free(&r, b[i]);
	rig_check(&r);
	CHECK_EQ(fsm_alloc(&r.h, 240 - FSM_HEADER, &p), FSM_OK);
	CHECK_EQ(off(&r, p), w1);
	CHECK_EQ(fsm_alloc(&r.h, 64 - FSM_HEADER, &p), FSM_OK);
	CHECK_EQ(off(&r, p), w2);
	CHECK_EQ(fsm_alloc(&r.h, 48 - FSM_HEADER, &p), FSM_OK);
	CHECK_EQ(off(&r, p), w3);
	rig_check(&r);
	CHECK_EQ(fsm_alloc(&r.h, 1024, &p), FSM_ENOMEM);
	rig_fini(&r);
}

/* 240: only the 256 hole fits (whole, as 16 bytes cannot be a block).
 * 64: the 128 hole at 0, split; 48: the rest of it at 64. */
TEST(first_fit_takes_the_lowest_hole_that_fits)
{
	trace_policy(FSM_FIRST, 288, 0, 64);
}

/* 240: 288, and the search stops at the 96 hole after it; 64: that hole at
 * 592 (whole); 48: the search wraps around to the 128 hole at 0. */
TEST(next_fit_resumes_where_the_last_search_ended_and_wraps)
{
	trace_policy(FSM_NEXT, 288, 592, 0);
}

/* 64: the exact 64 hole at 176; 48: the 96 hole at 592, not the 128 one. */
TEST(best_fit_takes_the_smallest_hole_that_fits)
{
	trace_policy(FSM_BEST, 288, 176, 592);
}

/* 240: the largest, 256; 64: the 128 hole at 0 (leaving 64); 48: the 96
 * hole at 592, now the largest. */
TEST(worst_fit_takes_the_largest_hole)
{
	trace_policy(FSM_WORST, 288, 0, 592);
}

TEST(best_and_worst_fit_break_ties_by_lowest_address)
{
	static const size_t blocks[6] = { 96, 48, 96, 48, 96, 48 };
	void *b[6], *p;

	for (int policy = FSM_BEST; policy <= FSM_WORST; policy++) {
		struct rig r;

		rig_init(&r, (enum fsm_policy)policy);
		carve(&r, blocks, 6, b);
		rig_free(&r, b[2]);
		rig_free(&r, b[4]);
		rig_free(&r, b[0]);
		CHECK_EQ(fsm_alloc(&r.h, 50, &p), FSM_OK);
		CHECK_EQ(off(&r, p), 0);
		rig_fini(&r);
	}
}

TEST(policy_names_parse_and_print)
{
	enum fsm_policy p = FSM_FIRST;
	static const char *const names[] = { "first", "next", "best", "worst" };

	for (int i = 0; i < FSM_NPOLICIES; i++) {
		CHECK(fsm_policy_parse(names[i], &p));
		CHECK_EQ(p, i);
		CHECK_STR(fsm_policy_name(p), names[i]);
	}
	CHECK(!fsm_policy_parse("firstfit", &p));
	CHECK(!fsm_policy_parse("", &p));
	CHECK(!fsm_policy_parse("bes", &p));
	CHECK_EQ(p, FSM_WORST);
}

/* ---- blocks: alignment, splitting, coalescing, growth ---- */

TEST(every_payload_is_16_aligned_and_large_enough)
{
	struct rig r;
	void *p[301];
	size_t n;

	rig_init(&r, FSM_FIRST);
	for (size_t i = 0; i <= 300; i++) {
		p[i] = rig_malloc(&r, i);
		CHECK_EQ((uintptr_t)p[i] % 16, 0);
		CHECK_EQ(fsm_usable(&r.h, p[i], &n), FSM_OK);
		CHECK(n >= i && n < i + 48);
	}
	for (size_t i = 0; i <= 300; i++)
		rig_free(&r, p[i]);
	rig_check(&r);
	rig_fini(&r);
}

TEST(a_block_is_split_only_when_the_rest_can_hold_a_block)
{
	static const size_t blocks[4] = { 112, 48, 96, 48 };
	struct rig r;
	void *b[4], *p, *q;
	struct fsm_stats st;

	rig_init(&r, FSM_FIRST);
	carve(&r, blocks, 4, b);
	rig_free(&r, b[0]);
	rig_free(&r, b[2]);
	/* 112 - 64 = 48 is a block: split */
	CHECK_EQ(fsm_alloc(&r.h, 48, &p), FSM_OK);
	CHECK_EQ(off(&r, p), 0);
	fsm_stats(&r.h, &st);
	CHECK_EQ(st.free_blocks, 2);
	CHECK_EQ(st.free_bytes, 48 + 96);
	/* 96 - 80 = 16 is not: the whole block */
	CHECK_EQ(fsm_alloc(&r.h, 64, &q), FSM_OK);
	CHECK_EQ(off(&r, q), 160);
	CHECK_EQ(fsm_usable(&r.h, q, &st.free_bytes), FSM_OK);
	CHECK_EQ(st.free_bytes, 80);
	CHECK_EQ(fsm_alloc(&r.h, 32, &q), FSM_OK);
	CHECK_EQ(off(&r, q), 64);
	fsm_stats(&r.h, &st);
	CHECK_EQ(st.free_blocks, 0);
	rig_check(&r);
	rig_fini(&r);
}

TEST(free_coalesces_with_both_neighbours)
{
	static const size_t blocks[6] = { 80, 80, 80, 80, 80, 48 };
	struct rig r;
	void *b[6], *p;
	struct fsm_stats st;

	rig_init(&r, FSM_FIRST);
	carve(&r, blocks, 6, b);
	rig_free(&r, b[0]);
	rig_free(&r, b[2]);
	rig_free(&r, b[4]);
	fsm_stats(&r.h, &st);
	CHECK_EQ(st.free_blocks, 3);
	rig_free(&r, b[1]);		/* joins 0 and 2 */
	rig_check(&r);
	fsm_stats(&r.h, &st);
	CHECK_EQ(st.free_blocks, 2);
	CHECK_EQ(st.largest_free, 240);
	rig_free(&r, b[3]);		/* joins 0-2 and 4 */
	fsm_stats(&r.h, &st);
	CHECK_EQ(st.free_blocks, 1);
	CHECK_EQ(st.largest_free, 400);
	rig_check(&r);
	CHECK_EQ(fsm_alloc(&r.h, 400 - FSM_HEADER, &p), FSM_OK);
	CHECK_EQ(off(&r, p), 0);
	rig_free(&r, p);
	rig_free(&r, b[5]);		/* joins on its left only */
	fsm_stats(&r.h, &st);
	CHECK_EQ(st.free_blocks, 1);
	CHECK_EQ(st.used_blocks, 0);
	CHECK_EQ(st.largest_free, 448);
	rig_check(&r);
	rig_fini(&r);
}

TEST(free_coalesces_with_the_right_neighbour_only)
{
	static const size_t blocks[4] = { 80, 80, 80, 48 };
	struct rig r;
	void *b[4];
	struct fsm_stats st;

	rig_init(&r, FSM_NEXT);
	carve(&r, blocks, 4, b);
	rig_free(&r, b[2]);
	rig_free(&r, b[1]);
	fsm_stats(&r.h, &st);
	CHECK_EQ(st.free_blocks, 1);
	CHECK_EQ(st.largest_free, 160);
	rig_check(&r);
	rig_free(&r, b[0]);
	rig_free(&r, b[3]);
	fsm_stats(&r.h, &st);
	CHECK_EQ(st.free_blocks, 1);
	CHECK_EQ(st.free_bytes, 288);
	rig_check(&r);
	rig_fini(&r);
}

TEST(growing_where_the_heap_ends_extends_its_last_free_block)
{
	struct rig r;
	struct fsm_stats st;
	void *p, *q;

	rig_init(&r, FSM_FIRST);
	CHECK_EQ(fsm_grow(&r.h, rig_sbrk(&r, 4096), 4096), FSM_OK);
	CHECK_EQ(fsm_alloc(&r.h, 100, &p), FSM_OK);
	CHECK_EQ(fsm_grow(&r.h, rig_sbrk(&r, 4096), 4096), FSM_OK);
	fsm_stats(&r.h, &st);
	CHECK_EQ(st.segments, 1);
	CHECK_EQ(st.free_blocks, 1);
	CHECK_EQ(st.largest_free, 8192 - 32 - 128);
	/* a used block at the end: the new space is a block of its own */
	CHECK_EQ(fsm_alloc(&r.h, st.largest_free - FSM_HEADER, &q), FSM_OK);
	CHECK_EQ(fsm_grow(&r.h, rig_sbrk(&r, 4096), 4096), FSM_OK);
	fsm_stats(&r.h, &st);
	CHECK_EQ(st.free_blocks, 1);
	CHECK_EQ(st.largest_free, 4096);
	rig_check(&r);
	rig_free(&r, q);
	rig_free(&r, p);
	fsm_stats(&r.h, &st);
	CHECK_EQ(st.free_blocks, 1);
	CHECK_EQ(st.free_bytes, 3 * 4096 - 32);
	rig_check(&r);
	rig_fini(&r);
}

TEST(memory_elsewhere_becomes_a_second_segment)
{
	struct rig r;
	struct fsm_stats st;
	void *p, *q;

	rig_init(&r, FSM_FIRST);
	CHECK_EQ(fsm_grow(&r.h, rig_sbrk(&r, 4096), 4096), FSM_OK);
	rig_sbrk(&r, 4096);		/* someone else's sbrk */
	CHECK_EQ(fsm_grow(&r.h, rig_sbrk(&r, 4096 + 8) + 8, 4096), FSM_OK); /* misaligned */
	fsm_stats(&r.h, &st);
	CHECK_EQ(st.segments, 2);
	CHECK_EQ(st.free_blocks, 2);
	CHECK_EQ(st.heap_bytes, 4096 + 4096 - 16);
	CHECK_EQ(fsm_alloc(&r.h, 4000, &p), FSM_OK);
	CHECK_EQ(fsm_alloc(&r.h, 4000, &q), FSM_OK);
	CHECK((char *)q - r.mem >= 8192);
	rig_check(&r);
	rig_free(&r, q);
	rig_free(&r, p);
	fsm_stats(&r.h, &st);
	CHECK_EQ(st.free_blocks, 2);
	CHECK_EQ(st.used_blocks, 0);
	rig_check(&r);
	CHECK_EQ(fsm_grow(&r.h, r.mem + r.brk, 40), FSM_EINVAL);
	CHECK_EQ(fsm_grow(&r.h, r.mem + ARENA_CAP - 64, 63), FSM_EINVAL);
	rig_fini(&r);
}

TEST(an_absurd_size_is_too_big_not_out_of_memory)
{
	struct rig r;
	void *p;

	rig_init(&r, FSM_FIRST);
	CHECK_EQ(fsm_alloc(&r.h, SIZE_MAX, &p), FSM_E2BIG);
	CHECK_EQ(fsm_alloc(&r.h, SIZE_MAX - 8, &p), FSM_E2BIG);
	CHECK_EQ(fsm_grow_size(SIZE_MAX), 0);
	CHECK_EQ(fsm_map_size(SIZE_MAX - 20), 0);
	CHECK_EQ(fsm_alloc(&r.h, 10, &p), FSM_ENOMEM);
	p = rig_malloc(&r, 10);
	CHECK_EQ(fsm_resize(&r.h, p, SIZE_MAX), FSM_E2BIG);
	rig_free(&r, p);
	rig_fini(&r);
}

/* ---- resizing in place ---- */

TEST(resize_shrinks_in_place_and_frees_the_tail)
{
	struct rig r;
	void *p, *q, *t;
	size_t n;

	rig_init(&r, FSM_FIRST);
	p = rig_malloc(&r, 1000);	/* block 1024 */
	q = rig_malloc(&r, 10);
	memset(p, 0x5a, 1000);
	CHECK_EQ(fsm_resize(&r.h, p, 100), FSM_OK); /* block 128: 896 free */
	CHECK_EQ(fsm_usable(&r.h, p, &n), FSM_OK);
	CHECK_EQ(n, 112);
	CHECK_EQ(((unsigned char *)p)[99], 0x5a);
	t = rig_malloc(&r, 896 - FSM_HEADER);
	CHECK(t == (char *)p + 128);
	/* 128 - 96 = 32 cannot be a block: the size stays */
	CHECK_EQ(fsm_resize(&r.h, p, 80), FSM_OK);
	CHECK_EQ(fsm_usable(&r.h, p, &n), FSM_OK);
	CHECK_EQ(n, 112);
	rig_free(&r, t);
	rig_free(&r, q);
	rig_free(&r, p);
	rig_check(&r);
	rig_fini(&r);
}

TEST(resize_grows_into_a_free_right_neighbour)
{
	struct rig r;
	void *p, *q, *s, *t;
	size_t n;
	struct fsm_stats st;

	rig_init(&r, FSM_FIRST);
	p = rig_malloc(&r, 100);	/* 128 */
	q = rig_malloc(&r, 200);	/* 224 */
	s = rig_malloc(&r, 50);		/* 80 */
	memset(p, 0x11, 100);
	CHECK_EQ(fsm_resize(&r.h, p, 250), FSM_ENOMEM); /* q is in use */
	rig_free(&r, q);
	CHECK_EQ(fsm_resize(&r.h, p, 250), FSM_OK); /* 272 of 352: 80 left */
	CHECK_EQ(fsm_usable(&r.h, p, &n), FSM_OK);
	CHECK_EQ(n, 256);
	CHECK_EQ(((unsigned char *)p)[99], 0x11);
	rig_check(&r);
	t = rig_malloc(&r, 64);		/* the 80 left over */
	CHECK(t == (char *)p + 272);
	rig_free(&r, t);
	CHECK_EQ(fsm_resize(&r.h, p, 330), FSM_OK); /* all 352: 16 cannot be a block */
	CHECK_EQ(fsm_usable(&r.h, p, &n), FSM_OK);
	CHECK_EQ(n, 336);
	CHECK_EQ(fsm_resize(&r.h, p, 400), FSM_ENOMEM);
	rig_check(&r);
	rig_free(&r, s);
	rig_free(&r, p);
	fsm_stats(&r.h, &st);
	CHECK_EQ(st.free_blocks, 1);
	rig_check(&r);
	rig_fini(&r);
}

TEST(mapped_blocks_are_given_back_whole)
{
	struct rig r;
	char *m = aligned_alloc(PAGE, 8192);
	void *p;
	size_t n;
	struct fsm_region rel;
	struct fsm_stats st;

	rig_init(&r, FSM_FIRST);
	CHECK_EQ(fsm_map(&r.h, m, 8192, &p), FSM_OK);
	CHECK(p == m + 32);
	CHECK_EQ(fsm_usable(&r.h, p, &n), FSM_OK);
	CHECK_EQ(n, 8192 - 32);
	CHECK_EQ(fsm_resize(&r.h, p, 8000), FSM_OK);
	CHECK_EQ(fsm_resize(&r.h, p, 9000), FSM_ENOMEM);
	fsm_stats(&r.h, &st);
	CHECK_EQ(st.mapped_blocks, 1);
	CHECK_EQ(st.mapped_bytes, 8192);
	CHECK_EQ(fsm_free(&r.h, (char *)p + 16, &rel), FSM_EINVAL);
	rig_check(&r);
	CHECK_EQ(fsm_free(&r.h, p, &rel), FSM_OK);
	CHECK(rel.base == m);
	CHECK_EQ(rel.len, 8192);
	CHECK_EQ(fsm_free(&r.h, p, &rel), FSM_EFREED);	/* never reads m */
	/* the same address mapped again is live again */
	CHECK_EQ(fsm_map(&r.h, m, 8192, &p), FSM_OK);
	CHECK_EQ(fsm_free(&r.h, p, &rel), FSM_OK);
	CHECK_EQ(fsm_map(&r.h, m + 8, 8192, &p), FSM_EINVAL);
	CHECK_EQ(fsm_map(&r.h, m, 32, &p), FSM_EINVAL);
	free(m);
	rig_fini(&r);
}

/* ---- bad frees ---- */

TEST(double_free_is_reported_for_the_freed_pointer)
{
	static const size_t blocks[5] = { 80, 80, 80, 80, 48 };
	struct rig r;
	void *b[5];
	struct fsm_region rel;
	size_t n;

	rig_init(&r, FSM_FIRST);
	carve(&r, blocks, 5, b);
	rig_free(&r, b[1]);
	CHECK_EQ(fsm_free(&r.h, b[1], &rel), FSM_EFREED);	/* a free block */
	rig_free(&r, b[2]);					/* merged into b[1] */
	CHECK_EQ(fsm_free(&r.h, b[2], &rel), FSM_EFREED);	/* a dead header */
	rig_free(&r, b[0]);					/* b[1] merged into b[0] */
	CHECK_EQ(fsm_free(&r.h, b[1], &rel), FSM_EFREED);
	CHECK_EQ(fsm_free(&r.h, b[0], &rel), FSM_EFREED);
	CHECK_EQ(fsm_resize(&r.h, b[2], 10), FSM_EFREED);
	CHECK_EQ(fsm_usable(&r.h, b[0], &n), FSM_EFREED);
	rig_check(&r);
	rig_free(&r, b[3]);
	rig_free(&r, b[4]);
	CHECK_EQ(fsm_free(&r.h, b[4], &rel), FSM_EFREED);
	rig_check(&r);
	rig_fini(&r);
}

TEST(a_pointer_malloc_never_returned_is_reported)
{
	struct rig r;
	void *p, *q;
	struct fsm_region rel;
	_Alignas(16) char local[32];
	struct fsm_stats before, after;

	rig_init(&r, FSM_FIRST);
	p = rig_malloc(&r, 100);
	q = rig_malloc(&r, 100);
	memset(p, 0, 100);
	memset(q, 0, 100);
	fsm_stats(&r.h, &before);
	CHECK_EQ(fsm_free(&r.h, (char *)p + 4, &rel), FSM_EINVAL);	/* unaligned */
	CHECK_EQ(fsm_free(&r.h, (char *)p + 16, &rel), FSM_EINVAL);	/* inside a block */
	CHECK_EQ(fsm_free(&r.h, (char *)p + 48, &rel), FSM_EINVAL);
	CHECK_EQ(fsm_free(&r.h, r.mem + 16, &rel), FSM_EINVAL);		/* before the first block */
	CHECK_EQ(fsm_free(&r.h, r.mem, &rel), FSM_EINVAL);
	CHECK_EQ(fsm_free(&r.h, r.mem + r.brk, &rel), FSM_EINVAL);	/* past the fencepost */
	CHECK_EQ(fsm_free(&r.h, local, &rel), FSM_EINVAL);		/* outside the heap */
	CHECK_EQ(fsm_free(&r.h, (void *)(uintptr_t)16, &rel), FSM_EINVAL);
	CHECK_EQ(fsm_resize(&r.h, (char *)q + 32, 10), FSM_EINVAL);
	fsm_stats(&r.h, &after);
	CHECK_EQ(after.used_blocks, before.used_blocks);
	CHECK_EQ(after.free_blocks, before.free_blocks);
	rig_check(&r);
	CHECK_EQ(fsm_free(&r.h, NULL, &rel), FSM_OK);
	CHECK_EQ(rel.len, 0);
	rig_free(&r, p);
	rig_free(&r, q);
	rig_check(&r);
	rig_fini(&r);
}

TEST(an_overflow_into_the_next_header_is_reported_as_corruption)
{
	struct rig r;
	void *p, *q;
	struct fsm_region rel;
	const void *where = NULL;
	size_t n;

	rig_init(&r, FSM_FIRST);
	p = rig_malloc(&r, 40);
	q = rig_malloc(&r, 40);
	CHECK_EQ(fsm_usable(&r.h, p, &n), FSM_OK);
	memset(p, 0xff, n + 1);		/* one byte into q's header */
	CHECK_EQ(fsm_free(&r.h, p, &rel), FSM_ECORRUPT);
	CHECK_EQ(fsm_free(&r.h, q, &rel), FSM_ECORRUPT);
	CHECK_EQ(fsm_check(&r.h, &where), FSM_ECORRUPT);
	CHECK(where == (char *)q - FSM_HEADER);
	free(r.mem);
}

TEST(messages_name_what_is_wrong)
{
	CHECK_STR(fsm_strerror(FSM_EFREED), "double free");
	CHECK_STR(fsm_strerror(FSM_EINVAL), "not a pointer malloc returned");
	CHECK_STR(fsm_strerror(FSM_ECORRUPT), "heap corrupted (a block header was overwritten)");
	CHECK_STR(fsm_strerror((enum fsm_status)99), "unknown error");
}

/* ---- seeded random streams against a byte map ---- */

#define STREAM_OPS   100000
#define STREAM_SLOTS 4096
#define SAMPLE_EVERY 1000

struct live {
	unsigned char *p;
	size_t n;
	uint32_t id;
};

struct stream {
	struct rig r;
	struct rng rng;
	uint64_t seed;
	long step;
	unsigned char *map;		/* per arena byte: 1 if inside a live payload */
	struct live live[STREAM_SLOTS];
	int nlive;
	uint32_t next_id;
	size_t heap_live, peak_live;	/* payload bytes of live heap (not mapped) blocks */
	double frag_sum;
	int samples;
};

#define STREAM_CHECK(s, cond)                                                        \
	do {                                                                         \
		if (!(cond))                                                         \
			FAIL("%s fit, seed %" PRIu64 ", step %ld: %s",               \
			     fsm_policy_name((s)->r.h.policy), (s)->seed, (s)->step, #cond); \
	} while (0)

/* Sizes skewed small: most under 64 bytes, a few large, 0.5% mapped. */
static size_t random_size(struct rng *g)
{
	uint64_t r = rng_below(g, 1000);

	if (r < 600)
		return (size_t)rng_below(g, 65);
	if (r < 850)
		return 65 + (size_t)rng_below(g, 448);
	if (r < 970)
		return 513 + (size_t)rng_below(g, 7680);
	if (r < 995)
		return 8193 + (size_t)rng_below(g, 112 * KIB);
	return MMAP_THRESHOLD + (size_t)rng_below(g, 384 * KIB);
}

static unsigned char pattern(uint32_t id, size_t i)
{
	return (unsigned char)(id * 0x9e3779b9u + (uint32_t)i * 31u + (uint32_t)(i >> 8));
}

static void fill(struct live *l, size_t from)
{
	for (size_t i = from; i < l->n; i++)
		l->p[i] = pattern(l->id, i);
}

static bool intact(const struct live *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (l->p[i] != pattern(l->id, i))
			return false;
	return true;
}

static bool in_heap(const struct stream *s, const unsigned char *p)
{
	return p >= (unsigned char *)s->r.mem && p < (unsigned char *)s->r.mem + ARENA_CAP;
}

/* Marks l's bytes in the map (after checking that none was marked), or clears them. */
static void map_mark(struct stream *s, const struct live *l, bool on)
{
	size_t o;

	STREAM_CHECK(s, (uintptr_t)l->p % 16 == 0);
	if (!in_heap(s, l->p))
		return;
	o = (size_t)(l->p - (unsigned char *)s->r.mem);
	STREAM_CHECK(s, o + l->n <= s->r.brk);
	for (size_t i = 0; i < l->n; i++) {
		STREAM_CHECK(s, s->map[o + i] == !on);
		s->map[o + i] = on;
	}
}

static void stream_alloc(struct stream *s)
{
	struct live *l = &s->live[s->nlive++];

	l->n = random_size(&s->rng);
	l->id = s->next_id++;
	l->p = rig_malloc(&s->r, l->n);
	map_mark(s, l, true);
	fill(l, 0);
	s->heap_live += in_heap(s, l->p) ? l->n : 0;
}

static void stream_free(struct stream *s, int i)
{
	struct live *l = &s->live[i];

	STREAM_CHECK(s, intact(l, l->n));
	map_mark(s, l, false);
	s->heap_live -= in_heap(s, l->p) ? l->n : 0;
	rig_free(&s->r, l->p);
	*l = s->live[--s->nlive];
}

static void stream_realloc(struct stream *s, int i)
{
	struct live *l = &s->live[i];
	size_t old = l->n, n = random_size(&s->rng);

	STREAM_CHECK(s, intact(l, old));
	map_mark(s, l, false);
	s->heap_live -= in_heap(s, l->p) ? old : 0;
	l->p = rig_realloc(&s->r, l->p, n);
	l->n = n;
	s->heap_live += in_heap(s, l->p) ? n : 0;
	map_mark(s, l, true);
	STREAM_CHECK(s, intact(l, old < n ? old : n));
	fill(l, old < n ? old : n);
}

static void stream_sample(struct stream *s)
{
	struct fsm_stats st;

	rig_check(&s->r);
	fsm_stats(&s->r.h, &st);
	STREAM_CHECK(s, st.used_blocks + st.mapped_blocks == (size_t)s->nlive);
	STREAM_CHECK(s, st.heap_bytes == s->r.brk);
	if (st.free_bytes) {
		s->frag_sum += 1.0 - (double)st.largest_free / (double)st.free_bytes;
		s->samples++;
	}
}

/* One step: mostly allocations in growing phases, mostly frees in shrinking
 * ones (phases of 10,000 steps), and reallocations throughout. */
static void stream_step(struct stream *s)
{
	int alloc_pct = (s->step / 10000) % 2 ? 35 : 60;
	uint64_t r = rng_below(&s->rng, 100);

	if (s->nlive == 0 || (r < (uint64_t)alloc_pct && s->nlive < STREAM_SLOTS))
		stream_alloc(s);
	else if (r < (uint64_t)alloc_pct + 15)
		stream_realloc(s, (int)rng_below(&s->rng, (uint64_t)s->nlive));
	else
		stream_free(s, (int)rng_below(&s->rng, (uint64_t)s->nlive));
	if (s->heap_live > s->peak_live)
		s->peak_live = s->heap_live;
}

/* Frees everything: the heap must be one free block again, all reusable. */
static void stream_drain(struct stream *s)
{
	struct fsm_stats st;
	void *p;

	while (s->nlive)
		stream_free(s, s->nlive - 1);
	rig_check(&s->r);
	fsm_stats(&s->r.h, &st);
	STREAM_CHECK(s, st.used_blocks == 0 && st.mapped_blocks == 0);
	STREAM_CHECK(s, st.segments == 1 && st.free_blocks == 1);
	STREAM_CHECK(s, st.free_bytes == s->r.brk - sizeof(struct fsm_segment) - FSM_HEADER);
	for (size_t i = 0; i < s->r.brk; i++)
		STREAM_CHECK(s, s->map[i] == 0);
	STREAM_CHECK(s, fsm_alloc(&s->r.h, st.largest_free - FSM_HEADER, &p) == FSM_OK);
	STREAM_CHECK(s, off(&s->r, p) == 0);
	rig_free(&s->r, p);
}

static void run_stream(enum fsm_policy policy, uint64_t seed)
{
	static struct stream s;

	rig_init(&s.r, policy);
	rng_seed(&s.rng, seed);
	s.seed = seed;
	s.map = calloc(ARENA_CAP, 1);
	CHECK(s.map != NULL);
	for (s.step = 0; s.step < STREAM_OPS; s.step++) {
		stream_step(&s);
		if (s.step % SAMPLE_EVERY == SAMPLE_EVERY - 1)
			stream_sample(&s);
	}
	fprintf(stderr, "fsm: %s: peak heap %zu KiB, fragmentation %.2f (mean of %d samples), "
		"peak live %zu KiB, %u sbrk calls\n", fsm_policy_name(policy), s.r.peak / KIB,
		s.samples ? s.frag_sum / s.samples : 0.0, s.samples, s.peak_live / KIB, s.r.grows);
	STREAM_CHECK(&s, s.r.peak <= 4 * s.peak_live + 16 * CHUNK);
	stream_drain(&s);
	free(s.map);
	rig_fini(&s.r);
}

TEST(random_stream_first_fit_matches_a_byte_map)
{
	run_stream(FSM_FIRST, 1);
}

TEST(random_stream_next_fit_matches_a_byte_map)
{
	run_stream(FSM_NEXT, 1);
}

TEST(random_stream_best_fit_matches_a_byte_map)
{
	run_stream(FSM_BEST, 1);
}

TEST(random_stream_worst_fit_matches_a_byte_map)
{
	run_stream(FSM_WORST, 1);
}
