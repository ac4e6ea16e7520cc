/* OSTEP's textbook free list (os/freelist): each fit policy's choice and
 * search count, splitting and exact fits, the header and alignment, each
 * list order (stable sorts included), coalescing in list order, the errors
 * (no fit, double free, an unknown address, a zero-byte block's address
 * taken twice, overflow, a bad alignment), malloc.py's quirks, and a seeded
 * random stream checking that every byte stays either free or allocated. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/rng.h"
#include "os/freelist.h"
#include "tests/harness.h"

static struct freelist_config config(enum freelist_policy policy, enum freelist_order order)
{
	return (struct freelist_config){.base = 1000, .size = 100, .align = -1, .policy = policy, .order = order};
}

static void init(struct freelist *fl, const struct freelist_config *cfg)
{
	CHECK_EQ(freelist_init(fl, cfg), FREELIST_OK);
}

/* Allocates size, which must succeed; returns the address. */
static int64_t must_alloc(struct freelist *fl, int64_t size)
{
	struct freelist_search s;
	CHECK_EQ(freelist_alloc(fl, size, &s, NULL, NULL), FREELIST_OK);
	return s.addr;
}

static void must_free(struct freelist *fl, int64_t addr)
{
	struct freelist_release r;
	CHECK_EQ(freelist_free(fl, addr, &r), FREELIST_OK);
}

/* The free list as malloc.py's dump prints its chunks. */
static const char *listed(const struct freelist *fl)
{
	static char buf[1024];
	size_t n, len = 0;
	const struct freelist_chunk *c = freelist_chunks(fl, &n);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "[%lld %lld]", (long long)c[i].addr,
					(long long)c[i].size);
	return buf;
}

/* Frees b and d of a heap cut into a 10, b 30, c 10, d 20, e 30 (all of it),
 * leaving holes of 30 at 1010 and 20 at 1050, in the order's list. */
static void two_holes(struct freelist *fl)
{
	int64_t a[5];
	const int64_t sizes[5] = {10, 30, 10, 20, 30};
	for (int i = 0; i < 5; i++)
		a[i] = must_alloc(fl, sizes[i]);
	must_free(fl, a[1]);
	must_free(fl, a[3]);
}

TEST(a_new_heap_is_one_free_chunk)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_BEST, FREELIST_ADDRSORT);
	init(&fl, &cfg);
	CHECK_STR(listed(&fl), "[1000 100]");
	freelist_fini(&fl);
}

TEST(best_fit_takes_the_smallest_hole_and_searches_the_whole_list)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_BEST, FREELIST_ADDRSORT);
	init(&fl, &cfg);
	two_holes(&fl);
	CHECK_STR(listed(&fl), "[1010 30][1050 20]");
	struct freelist_search s;
	CHECK_EQ(freelist_alloc(&fl, 15, &s, NULL, NULL), FREELIST_OK);
	CHECK_EQ(s.addr, 1050);
	CHECK_EQ(s.searched, 2);
	CHECK_EQ(s.index, 1);
	CHECK(s.split);
	CHECK_STR(listed(&fl), "[1010 30][1065 5]");
	freelist_fini(&fl);
}

TEST(worst_fit_takes_the_largest_hole_and_searches_the_whole_list)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_WORST, FREELIST_ADDRSORT);
	init(&fl, &cfg);
	two_holes(&fl);
	struct freelist_search s;
	CHECK_EQ(freelist_alloc(&fl, 15, &s, NULL, NULL), FREELIST_OK);
	CHECK_EQ(s.addr, 1010);
	CHECK_EQ(s.searched, 2);
	CHECK_STR(listed(&fl), "[1025 15][1050 20]");
	freelist_fini(&fl);
}

TEST(first_fit_stops_at_the_first_hole_that_fits)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_FIRST, FREELIST_ADDRSORT);
	init(&fl, &cfg);
	two_holes(&fl);
	struct freelist_search s;
	CHECK_EQ(freelist_alloc(&fl, 15, &s, NULL, NULL), FREELIST_OK);
	CHECK_EQ(s.addr, 1010);
	CHECK_EQ(s.searched, 1);
	CHECK_EQ(freelist_alloc(&fl, 18, &s, NULL, NULL), FREELIST_OK);
	CHECK_EQ(s.addr, 1050);
	CHECK_EQ(s.searched, 2);
	freelist_fini(&fl);
}

TEST(equal_holes_go_to_the_first_in_the_list)
{
	for (int p = FREELIST_BEST; p <= FREELIST_FIRST; p++) {
		struct freelist fl;
		struct freelist_config cfg = config((enum freelist_policy)p, FREELIST_ADDRSORT);
		init(&fl, &cfg);
		int64_t a = must_alloc(&fl, 20), b = must_alloc(&fl, 10), c = must_alloc(&fl, 20);
		must_alloc(&fl, 50);
		must_free(&fl, a);
		must_free(&fl, c);
		CHECK_EQ(b, 1020);
		CHECK_EQ(must_alloc(&fl, 20), 1000);
		freelist_fini(&fl);
	}
}

TEST(an_exact_fit_takes_the_chunk_off_the_list)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_BEST, FREELIST_ADDRSORT);
	init(&fl, &cfg);
	two_holes(&fl);
	struct freelist_search s;
	CHECK_EQ(freelist_alloc(&fl, 20, &s, NULL, NULL), FREELIST_OK);
	CHECK_EQ(s.addr, 1050);
	CHECK(!s.split);
	CHECK_STR(listed(&fl), "[1010 30]");
	freelist_fini(&fl);
}

TEST(no_fit_returns_minus_one_and_changes_nothing)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_WORST, FREELIST_ADDRSORT);
	init(&fl, &cfg);
	two_holes(&fl);
	struct freelist_search s;
	CHECK_EQ(freelist_alloc(&fl, 31, &s, NULL, NULL), FREELIST_NO_FIT);
	CHECK_EQ(s.addr, -1);
	CHECK_EQ(s.searched, 2);
	CHECK_STR(listed(&fl), "[1010 30][1050 20]");
	freelist_fini(&fl);
}

TEST(the_header_is_taken_with_each_request_and_freed_with_it)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_BEST, FREELIST_ADDRSORT);
	cfg.header = 4;
	init(&fl, &cfg);
	struct freelist_search s;
	CHECK_EQ(freelist_alloc(&fl, 10, &s, NULL, NULL), FREELIST_OK);
	CHECK_EQ(s.need, 14);
	CHECK_EQ(s.addr, 1000);
	CHECK_STR(listed(&fl), "[1014 86]");
	struct freelist_release r;
	CHECK_EQ(freelist_free(&fl, 1000, &r), FREELIST_OK);
	CHECK_EQ(r.chunk.size, 14);
	CHECK_STR(listed(&fl), "[1000 14][1014 86]");
	freelist_fini(&fl);
}

TEST(alignment_rounds_the_request_up_before_the_header)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_FIRST, FREELIST_ADDRSORT);
	cfg.align = 8, cfg.header = 2;
	init(&fl, &cfg);
	struct freelist_search s;
	CHECK_EQ(freelist_alloc(&fl, 9, &s, NULL, NULL), FREELIST_OK);
	CHECK_EQ(s.aligned, 16);
	CHECK_EQ(s.need, 18);
	CHECK_EQ(freelist_alloc(&fl, 8, &s, NULL, NULL), FREELIST_OK);
	CHECK_EQ(s.aligned, 8);
	CHECK_EQ(s.addr, 1018);
	/* Python's modulo: -5 % 4 is 3, so -5 rounds up to -4 */
	freelist_fini(&fl);
	cfg.align = 4, cfg.header = 0;
	init(&fl, &cfg);
	CHECK_EQ(freelist_alloc(&fl, -5, &s, NULL, NULL), FREELIST_OK);
	CHECK_EQ(s.aligned, -4);
	freelist_fini(&fl);
}

TEST(a_negative_request_grows_the_chunk_it_is_cut_from_as_malloc_py_does)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_BEST, FREELIST_ADDRSORT);
	init(&fl, &cfg);
	CHECK_EQ(must_alloc(&fl, -5), 1000);
	CHECK_STR(listed(&fl), "[995 105]");
	freelist_fini(&fl);
}

TEST(best_fit_never_takes_a_chunk_larger_than_the_heap)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_BEST, FREELIST_ADDRSORT);
	init(&fl, &cfg);
	must_alloc(&fl, -5); /* the chunk is now 105 bytes, the heap 100 */
	struct freelist_search s;
	CHECK_EQ(freelist_alloc(&fl, 1, &s, NULL, NULL), FREELIST_NO_FIT);
	freelist_fini(&fl);
	cfg.policy = FREELIST_WORST;
	init(&fl, &cfg);
	must_alloc(&fl, -5);
	CHECK_EQ(must_alloc(&fl, 1), 995);
	freelist_fini(&fl);
}

TEST(addrsort_keeps_the_list_in_address_order)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_FIRST, FREELIST_ADDRSORT);
	init(&fl, &cfg);
	int64_t a = must_alloc(&fl, 10), b = must_alloc(&fl, 10);
	must_free(&fl, b);
	must_free(&fl, a);
	CHECK_STR(listed(&fl), "[1000 10][1010 10][1020 80]");
	freelist_fini(&fl);
}

TEST(sizesort_up_is_smallest_first_and_stable)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_FIRST, FREELIST_SIZESORT_UP);
	init(&fl, &cfg);
	int64_t a = must_alloc(&fl, 10), b = must_alloc(&fl, 5), c = must_alloc(&fl, 10);
	must_free(&fl, c);
	must_free(&fl, a);
	must_free(&fl, b);
	CHECK_STR(listed(&fl), "[1010 5][1015 10][1000 10][1025 75]");
	freelist_fini(&fl);
}

TEST(sizesort_down_is_largest_first_and_stable)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_FIRST, FREELIST_SIZESORT_DOWN);
	init(&fl, &cfg);
	int64_t a = must_alloc(&fl, 10), b = must_alloc(&fl, 5), c = must_alloc(&fl, 10);
	must_free(&fl, c);
	must_free(&fl, a);
	must_free(&fl, b);
	CHECK_STR(listed(&fl), "[1025 75][1015 10][1000 10][1010 5]");
	freelist_fini(&fl);
}

TEST(insert_front_and_insert_back_put_a_freed_chunk_at_either_end)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_FIRST, FREELIST_INSERT_FRONT);
	init(&fl, &cfg);
	int64_t a = must_alloc(&fl, 10), b = must_alloc(&fl, 20);
	must_free(&fl, a);
	must_free(&fl, b);
	CHECK_STR(listed(&fl), "[1010 20][1000 10][1030 70]");
	freelist_fini(&fl);
	cfg.order = FREELIST_INSERT_BACK;
	init(&fl, &cfg);
	a = must_alloc(&fl, 10), b = must_alloc(&fl, 20);
	must_free(&fl, a);
	must_free(&fl, b);
	CHECK_STR(listed(&fl), "[1030 70][1000 10][1010 20]");
	freelist_fini(&fl);
}

TEST(coalescing_under_addrsort_merges_every_neighbour)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_FIRST, FREELIST_ADDRSORT);
	cfg.coalesce = true;
	init(&fl, &cfg);
	int64_t a = must_alloc(&fl, 10), b = must_alloc(&fl, 20), c = must_alloc(&fl, 30);
	must_free(&fl, a);
	must_free(&fl, c);
	CHECK_STR(listed(&fl), "[1000 10][1030 70]");
	struct freelist_release r;
	CHECK_EQ(freelist_free(&fl, b, &r), FREELIST_OK);
	CHECK_EQ(r.merged, 2);
	CHECK_STR(listed(&fl), "[1000 100]");
	freelist_fini(&fl);
}

TEST(coalescing_merges_only_neighbours_in_list_order)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_FIRST, FREELIST_INSERT_FRONT);
	cfg.coalesce = true;
	init(&fl, &cfg);
	int64_t a = must_alloc(&fl, 10), b = must_alloc(&fl, 20);
	must_free(&fl, a); /* 1000+10 is not the rest's 1030 */
	CHECK_STR(listed(&fl), "[1000 10][1030 70]");
	must_free(&fl, b); /* [1010 20][1000 10][1030 70]: 1010+20 != 1000, 1000+10 != 1030 */
	CHECK_STR(listed(&fl), "[1010 20][1000 10][1030 70]");
	freelist_fini(&fl);
	cfg.order = FREELIST_INSERT_BACK;
	init(&fl, &cfg);
	a = must_alloc(&fl, 10), b = must_alloc(&fl, 20);
	must_free(&fl, b); /* [1030 70][1010 20] */
	must_free(&fl, a); /* [1030 70][1010 20][1000 10]: none meets in this order */
	CHECK_STR(listed(&fl), "[1030 70][1010 20][1000 10]");
	freelist_fini(&fl);
}

TEST(without_coalescing_neighbours_stay_apart)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_FIRST, FREELIST_ADDRSORT);
	init(&fl, &cfg);
	int64_t a = must_alloc(&fl, 10);
	must_free(&fl, a);
	CHECK_STR(listed(&fl), "[1000 10][1010 90]");
	struct freelist_search s;
	CHECK_EQ(freelist_alloc(&fl, 95, &s, NULL, NULL), FREELIST_NO_FIT);
	freelist_fini(&fl);
}

TEST(a_double_free_and_an_unknown_address_fail_and_change_nothing)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_BEST, FREELIST_ADDRSORT);
	init(&fl, &cfg);
	int64_t a = must_alloc(&fl, 10);
	must_alloc(&fl, 10);
	struct freelist_release r;
	CHECK_EQ(freelist_free(&fl, 1005, &r), FREELIST_NOT_ALLOCATED);
	CHECK_EQ(freelist_free(&fl, 2000, &r), FREELIST_NOT_ALLOCATED);
	must_free(&fl, a);
	CHECK_STR(listed(&fl), "[1000 10][1020 80]");
	CHECK_EQ(freelist_free(&fl, a, &r), FREELIST_NOT_ALLOCATED);
	CHECK_STR(listed(&fl), "[1000 10][1020 80]");
	freelist_fini(&fl);
}

TEST(a_zero_byte_block_leaves_its_address_at_the_chunk_start_so_the_next_fails)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_BEST, FREELIST_ADDRSORT);
	init(&fl, &cfg);
	CHECK_EQ(must_alloc(&fl, 0), 1000);
	CHECK_STR(listed(&fl), "[1000 100]");
	struct freelist_search s;
	CHECK_EQ(freelist_alloc(&fl, 0, &s, NULL, NULL), FREELIST_ALLOCATED);
	CHECK_STR(listed(&fl), "[1000 100]");
	freelist_fini(&fl);
}

TEST(an_alignment_of_zero_or_below_minus_one_is_refused)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_BEST, FREELIST_ADDRSORT);
	cfg.align = 0;
	CHECK_EQ(freelist_init(&fl, &cfg), FREELIST_BAD_CONFIG);
	cfg.align = -2;
	CHECK_EQ(freelist_init(&fl, &cfg), FREELIST_BAD_CONFIG);
}

TEST(sizes_beyond_64_bits_are_refused_and_change_nothing)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_WORST, FREELIST_ADDRSORT);
	cfg.header = INT64_MAX;
	init(&fl, &cfg);
	struct freelist_search s;
	CHECK_EQ(freelist_alloc(&fl, 1, &s, NULL, NULL), FREELIST_RANGE);
	freelist_fini(&fl);
	cfg = config(FREELIST_WORST, FREELIST_ADDRSORT);
	cfg.base = INT64_MAX - 10, cfg.size = INT64_MAX;
	init(&fl, &cfg);
	CHECK_EQ(freelist_alloc(&fl, 20, &s, NULL, NULL), FREELIST_RANGE);
	CHECK_EQ(freelist_alloc(&fl, INT64_MAX - 3, &s, NULL, NULL), FREELIST_RANGE);
	CHECK_STR(listed(&fl), "[9223372036854775797 9223372036854775807]");
	freelist_fini(&fl);
	cfg = config(FREELIST_FIRST, FREELIST_ADDRSORT);
	cfg.base = 0;
	init(&fl, &cfg);
	CHECK_EQ(freelist_alloc(&fl, INT64_MIN + 50, &s, NULL, NULL), FREELIST_RANGE); /* the rest's size */
	CHECK_STR(listed(&fl), "[0 100]");
	freelist_fini(&fl);
}

struct seen {
	size_t n;
	size_t i[8];
	enum freelist_verdict v[8];
};

static void note(void *ctx, size_t i, const struct freelist_chunk *c, enum freelist_verdict v)
{
	struct seen *s = ctx;
	(void)c;
	s->i[s->n] = i, s->v[s->n] = v;
	s->n++;
}

TEST(the_search_reports_each_chunk_it_looks_at_and_why)
{
	struct freelist fl;
	struct freelist_config cfg = config(FREELIST_BEST, FREELIST_ADDRSORT);
	init(&fl, &cfg);
	int64_t a[6];
	for (int i = 0; i < 6; i++)
		a[i] = must_alloc(&fl, i == 5 ? 50 : 10);
	must_free(&fl, a[0]);
	must_free(&fl, a[2]);
	must_free(&fl, a[4]); /* the last alloc was an exact fit: no rest */
	CHECK_STR(listed(&fl), "[1000 10][1020 10][1040 10]");
	struct freelist_search s;
	struct seen seen = {0};
	CHECK_EQ(freelist_alloc(&fl, 5, &s, note, &seen), FREELIST_OK);
	CHECK_EQ(seen.n, 3);
	CHECK_EQ(seen.v[0], FREELIST_CANDIDATE);
	CHECK_EQ(seen.v[1], FREELIST_NOT_BETTER);
	CHECK_EQ(seen.v[2], FREELIST_NOT_BETTER);
	seen.n = 0;
	CHECK_EQ(freelist_alloc(&fl, 7, &s, note, &seen), FREELIST_OK);
	CHECK_EQ(seen.v[0], FREELIST_TOO_SMALL); /* [1005 5] */
	CHECK_EQ(seen.v[1], FREELIST_CANDIDATE);
	freelist_fini(&fl);
	cfg.policy = FREELIST_FIRST;
	init(&fl, &cfg);
	seen.n = 0;
	CHECK_EQ(freelist_alloc(&fl, 5, &s, note, &seen), FREELIST_OK);
	CHECK_EQ(seen.n, 1);
	CHECK_EQ(seen.v[0], FREELIST_TAKEN);
	freelist_fini(&fl);
}

TEST(names_are_malloc_py_spellings)
{
	enum freelist_policy p;
	enum freelist_order o;
	CHECK(freelist_policy_parse("WORST", &p) && p == FREELIST_WORST);
	CHECK(!freelist_policy_parse("worst", &p));
	CHECK(freelist_order_parse("SIZESORT-", &o) && o == FREELIST_SIZESORT_DOWN);
	CHECK(!freelist_order_parse("SIZESORT", &o));
	CHECK_STR(freelist_order_name(FREELIST_INSERT_FRONT), "INSERT-FRONT");
	CHECK_STR(freelist_policy_name(FREELIST_FIRST), "FIRST");
}

/* Every byte of the heap is in exactly one free chunk or allocated block
 * (chunks stay non-negative: requests are positive). */
static void check_bytes(const struct freelist *fl, uint64_t seed, int step)
{
	char owner[100] = {0};
	size_t n;
	const struct freelist_chunk *c = freelist_chunks(fl, &n);
	for (size_t k = 0; k < n + fl->nused; k++) {
		const struct freelist_chunk *e = k < n ? &c[k] : &fl->used[k - n];
		for (int64_t b = e->addr; b < e->addr + e->size; b++) {
			if (b < 1000 || b >= 1100 || owner[b - 1000])
				FAIL("seed %llu step %d: byte %lld twice or outside", (unsigned long long)seed, step, (long long)b);
			owner[b - 1000] = 1;
		}
	}
	for (int b = 0; b < 100; b++)
		if (!owner[b])
			FAIL("seed %llu step %d: byte %d lost", (unsigned long long)seed, step, 1000 + b);
}

TEST(random_streams_keep_every_byte_and_coalesce_back_to_one_chunk)
{
	for (uint64_t seed = 1; seed <= 50; seed++) {
		struct rng r;
		rng_seed(&r, seed);
		struct freelist fl;
		struct freelist_config cfg = config((enum freelist_policy)rng_below(&r, 3), FREELIST_ADDRSORT);
		cfg.coalesce = true, cfg.header = (int64_t)rng_below(&r, 3), cfg.align = rng_below(&r, 2) ? 4 : -1;
		init(&fl, &cfg);
		int64_t live[100];
		size_t nlive = 0;
		for (int step = 0; step < 200; step++) {
			struct freelist_search s;
			if (rng_below(&r, 2) || !nlive) {
				enum freelist_status st = freelist_alloc(&fl, 1 + (int64_t)rng_below(&r, 12), &s, NULL, NULL);
				CHECK(st == FREELIST_OK || st == FREELIST_NO_FIT);
				if (st == FREELIST_OK)
					live[nlive++] = s.addr;
			} else {
				size_t d = (size_t)rng_below(&r, nlive);
				must_free(&fl, live[d]);
				live[d] = live[--nlive];
			}
			check_bytes(&fl, seed, step);
		}
		while (nlive)
			must_free(&fl, live[--nlive]);
		CHECK_STR(listed(&fl), "[1000 100]");
		freelist_fini(&fl);
	}
}
