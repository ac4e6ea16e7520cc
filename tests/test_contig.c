/* The contiguous allocator: each fit on the textbook's exercise, next fit's
 * wrap, coalescing, resizing in place and forced moves, compaction keeping
 * every byte (memory simulated as a byte array the relocate callback copies
 * in), fixed partitions, the checker, and a seeded random stream for every
 * policy against a naive model (one owner per granule of memory). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/rng.h"
#include "os/contig.h"
#include "os/contig_part.h"
#include "tests/harness.h"

#define KIB 1024

/* An allocator over simulated memory that its relocate callback copies in. */
struct rig {
	struct contig c;
	uint8_t *mem;
	uint64_t base, size;
	unsigned relocs;          /* callbacks seen */
	struct contig_reloc last; /* the latest */
};

static void rig_relocate(void *ctx, const struct contig_reloc *r)
{
	struct rig *g = ctx;
	if (r->src < g->base || r->dst < g->base || r->src + r->bytes > g->base + g->size ||
	    r->dst + r->bytes > g->base + g->size)
		FAIL("a relocation outside memory: 0x%" PRIx64 " -> 0x%" PRIx64 ", 0x%" PRIx64 " bytes", r->src, r->dst,
		     r->bytes);
	memmove(g->mem + (r->dst - g->base), g->mem + (r->src - g->base), r->bytes);
	g->relocs++;
	g->last = *r;
}

static void rig_init(struct rig *g, uint64_t base, uint64_t size, uint64_t granule, enum contig_fit fit)
{
	*g = (struct rig){.mem = calloc(1, size), .base = base, .size = size};
	struct contig_config cfg = {.base = base, .size = size, .granule = granule, .fit = fit,
				    .relocate = rig_relocate, .ctx = g};
	CHECK(g->mem);
	CHECK_EQ(contig_init(&g->c, &cfg), CONTIG_OK);
}

static void rig_fini(struct rig *g)
{
	contig_check(&g->c);
	contig_fini(&g->c);
	free(g->mem);
}

static uint64_t alloc_ok(struct rig *g, contig_id owner, uint64_t bytes)
{
	uint64_t base = 0;
	CHECK_EQ(contig_alloc(&g->c, owner, bytes, &base), CONTIG_OK);
	contig_check(&g->c);
	return base;
}

static void free_ok(struct rig *g, contig_id owner)
{
	CHECK_EQ(contig_free(&g->c, owner), CONTIG_OK);
	contig_check(&g->c);
}

/* Fills owner's block with a pattern of its own. */
static void fill(struct rig *g, contig_id owner)
{
	uint64_t base, size;
	CHECK(contig_lookup(&g->c, owner, &base, &size));
	for (uint64_t i = 0; i < size; i++)
		g->mem[base - g->base + i] = (uint8_t)(owner * 31 + i * 7 + (i >> 8));
}

/* Whether bytes [from, from + n) of owner's pattern are at pa. */
static bool holds(const struct rig *g, contig_id owner, uint64_t pa, uint64_t from, uint64_t n)
{
	for (uint64_t i = from; i < from + n; i++)
		if (g->mem[pa - g->base + i - from] != (uint8_t)(owner * 31 + i * 7 + (i >> 8)))
			return false;
	return true;
}

static struct contig_stats stats_of(const struct contig *c)
{
	struct contig_stats st;
	contig_stats(c, &st);
	return st;
}

TEST(init_refuses_a_bad_granule_a_misaligned_or_empty_or_wrapping_range_and_an_unknown_fit)
{
	struct contig c;
	struct contig_config ok = {.base = 0x1000, .size = 0x10000, .granule = 16, .fit = CONTIG_FIRST_FIT};
	struct contig_config bad[] = {
		{.base = 0x1000, .size = 0x10000, .granule = 24},
		{.base = 0x1000, .size = 0x10000, .granule = 0},
		{.base = 0x1008, .size = 0x10000, .granule = 16},
		{.base = 0x1000, .size = 0x10008, .granule = 16},
		{.base = 0x1000, .size = 0, .granule = 16},
		{.base = UINT64_MAX - 0xfff, .size = 0x10000, .granule = 16},
		{.base = 0x1000, .size = 0x10000, .granule = 16, .fit = (enum contig_fit)4},
	};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++)
		CHECK_EQ(contig_init(&c, &bad[i]), CONTIG_BAD_CONFIG);
	CHECK_EQ(contig_init(&c, &ok), CONTIG_OK);
	struct contig_stats st = stats_of(&c);
	CHECK_EQ(st.free_bytes, 0x10000);
	CHECK_EQ(st.holes, 1);
	CHECK_EQ(st.largest_hole, 0x10000);
	contig_check(&c);
	contig_fini(&c);
}

/* Memory of holes of the given KiB with a 1 KiB block after each, made by
 * first fit and freeing the placeholders; the holes' bases in base[]. */
static void make_holes(struct rig *g, const uint64_t *kib, int n, uint64_t *base)
{
	uint64_t total = 0;
	for (int i = 0; i < n; i++)
		total += (kib[i] + 1) * KIB;
	rig_init(g, 0x100000, total, KIB, CONTIG_FIRST_FIT);
	for (int i = 0; i < n; i++) {
		base[i] = alloc_ok(g, contig_owner(100, (uint32_t)i), kib[i] * KIB);
		alloc_ok(g, contig_owner(200, (uint32_t)i), KIB);
	}
	for (int i = 0; i < n; i++)
		free_ok(g, contig_owner(100, (uint32_t)i));
}

/* The hole (its KiB) that each of Tanenbaum's requests of 12, 10, 9 KiB
 * takes under fit, checked against want. */
static void tanenbaum(enum contig_fit fit, const uint64_t want[3])
{
	static const uint64_t kib[] = {10, 4, 20, 18, 7, 9, 12, 15};
	static const uint64_t req[] = {12, 10, 9};
	uint64_t base[ARRAY_LEN(kib)];
	struct rig g;
	make_holes(&g, kib, ARRAY_LEN(kib), base);
	contig_set_fit(&g.c, fit);
	for (int r = 0; r < 3; r++) {
		uint64_t at = 0, linear = 0;
		CHECK(contig_find_linear(&g.c, req[r] * KIB, &linear));
		at = alloc_ok(&g, contig_owner(1, (uint32_t)r), req[r] * KIB);
		CHECK_EQ(linear, at);
		int hole = -1;
		for (int i = 0; i < (int)ARRAY_LEN(kib); i++)
			if (at == base[i])
				hole = i;
		if (hole < 0 || kib[hole] != want[r])
			FAIL("%s fit: request %d of %" PRIu64 " KiB went to 0x%" PRIx64 " (hole %d), not the %" PRIu64
			     " KiB hole", contig_fit_name(fit), r, req[r], at, hole, want[r]);
	}
	rig_fini(&g);
}

TEST(first_fit_takes_20_10_18_of_tanenbaums_holes)
{
	tanenbaum(CONTIG_FIRST_FIT, (const uint64_t[]){20, 10, 18});
}

TEST(best_fit_takes_12_10_9_of_tanenbaums_holes) { tanenbaum(CONTIG_BEST_FIT, (const uint64_t[]){12, 10, 9}); }

TEST(worst_fit_takes_20_18_15_of_tanenbaums_holes)
{
	tanenbaum(CONTIG_WORST_FIT, (const uint64_t[]){20, 18, 15});
}

TEST(next_fit_takes_20_18_9_of_tanenbaums_holes) { tanenbaum(CONTIG_NEXT_FIT, (const uint64_t[]){20, 18, 9}); }

TEST(best_and_worst_fit_break_ties_by_the_lowest_address)
{
	static const uint64_t kib[] = {8, 5, 8, 5, 8};
	uint64_t base[5];
	struct rig g;
	make_holes(&g, kib, 5, base);
	contig_set_fit(&g.c, CONTIG_BEST_FIT);
	CHECK_EQ(alloc_ok(&g, 1, 5 * KIB), base[1]);
	CHECK_EQ(alloc_ok(&g, 2, 5 * KIB), base[3]);
	contig_set_fit(&g.c, CONTIG_WORST_FIT);
	CHECK_EQ(alloc_ok(&g, 3, 1 * KIB), base[0]);
	CHECK_EQ(alloc_ok(&g, 4, 1 * KIB), base[2]);
	CHECK_EQ(alloc_ok(&g, 5, 1 * KIB), base[4]);
	rig_fini(&g);
}

TEST(next_fit_starts_at_the_rover_and_wraps_round_to_the_lowest_hole)
{
	static const uint64_t kib[] = {6, 3, 6};
	uint64_t base[3];
	struct rig g;
	make_holes(&g, kib, 3, base);
	contig_set_fit(&g.c, CONTIG_NEXT_FIT);
	/* the rover is at the top (the last placeholder block): wraps to hole 0 */
	CHECK_EQ(alloc_ok(&g, 1, 2 * KIB), base[0]);
	/* the rest of hole 0 contains the rover: it is taken before hole 1 */
	CHECK_EQ(alloc_ok(&g, 2, 2 * KIB), base[0] + 2 * KIB);
	/* 4 KiB: the 2 left in hole 0 and hole 1 are too small: hole 2 */
	CHECK_EQ(alloc_ok(&g, 3, 4 * KIB), base[2]);
	/* 2 KiB: hole 2's rest, after the rover */
	CHECK_EQ(alloc_ok(&g, 4, 2 * KIB), base[2] + 4 * KIB);
	/* 3 KiB: nothing after the rover: wraps past hole 0's 2 KiB to hole 1 */
	CHECK_EQ(alloc_ok(&g, 5, 3 * KIB), base[1]);
	/* first fit would take hole 0's rest: next fit does too, after wrapping */
	CHECK_EQ(alloc_ok(&g, 6, 2 * KIB), base[0] + 4 * KIB);
	CHECK_EQ(stats_of(&g.c).free_bytes, 0);
	uint64_t b;
	CHECK_EQ(contig_alloc(&g.c, 7, 1, &b), CONTIG_NO_SPACE);
	CHECK_EQ(stats_of(&g.c).alloc_failures, 1);
	rig_fini(&g);
}

/* The extents as a string: "A:2 -:3 ..." (owner or '-', size in granules of 1 KiB). */
struct layout {
	char s[256];
};

static void add_extent(void *ctx, const struct contig_extent *e)
{
	struct layout *l = ctx;
	size_t n = strlen(l->s);
	snprintf(l->s + n, sizeof l->s - n, "%s%c:%" PRIu64, n ? " " : "", e->hole ? '-' : (char)('A' + e->owner),
		 e->size / KIB);
}

static const char *layout(const struct contig *c, struct layout *l)
{
	l->s[0] = 0;
	contig_for_each(c, add_extent, l);
	return l->s;
}

TEST(a_freed_block_merges_with_a_hole_on_its_left_its_right_both_or_neither)
{
	struct rig g;
	struct layout l;
	rig_init(&g, 0, 10 * KIB, KIB, CONTIG_FIRST_FIT);
	for (contig_id o = 0; o < 5; o++)
		alloc_ok(&g, o, 2 * KIB);
	free_ok(&g, 1);
	CHECK_STR(layout(&g.c, &l), "A:2 -:2 C:2 D:2 E:2");
	free_ok(&g, 2);
	CHECK_STR(layout(&g.c, &l), "A:2 -:4 D:2 E:2");
	free_ok(&g, 0);
	CHECK_STR(layout(&g.c, &l), "-:6 D:2 E:2");
	free_ok(&g, 4);
	CHECK_STR(layout(&g.c, &l), "-:6 D:2 -:2");
	CHECK_EQ(stats_of(&g.c).holes, 2);
	free_ok(&g, 3);
	CHECK_STR(layout(&g.c, &l), "-:10");
	struct contig_stats st = stats_of(&g.c);
	CHECK_EQ(st.holes, 1);
	CHECK_EQ(st.free_bytes, 10 * KIB);
	CHECK_EQ(st.blocks, 0);
	CHECK_EQ(st.allocs, 5);
	CHECK_EQ(st.frees, 5);
	CHECK_EQ(contig_free(&g.c, 3), CONTIG_NO_BLOCK);
	rig_fini(&g);
}

TEST(requests_round_up_to_the_granule_and_the_rounding_is_internal_fragmentation)
{
	struct rig g;
	rig_init(&g, 0x4000, 0x1000, 16, CONTIG_FIRST_FIT);
	CHECK_EQ(alloc_ok(&g, 1, 1), 0x4000);
	CHECK_EQ(alloc_ok(&g, 2, 17), 0x4010);
	CHECK_EQ(alloc_ok(&g, 3, 32), 0x4030);
	struct contig_stats st = stats_of(&g.c);
	CHECK_EQ(st.used_bytes, 50);
	CHECK_EQ(st.internal_bytes, 15 + 15);
	CHECK_EQ(st.free_bytes, 0x1000 - 0x50);
	uint64_t b;
	CHECK_EQ(contig_alloc(&g.c, 4, 0, &b), CONTIG_BAD_SIZE);
	CHECK_EQ(contig_alloc(&g.c, 4, 0x1001, &b), CONTIG_BAD_SIZE);
	CHECK_EQ(contig_alloc(&g.c, 1, 16, &b), CONTIG_EXISTS);
	CHECK_EQ(stats_of(&g.c).alloc_failures, 0);
	rig_fini(&g);
}

TEST(a_block_grows_and_shrinks_in_place_at_either_end_when_the_hole_there_allows)
{
	struct rig g;
	struct layout l;
	uint64_t nb;
	rig_init(&g, 0, 16 * KIB, KIB, CONTIG_FIRST_FIT);
	alloc_ok(&g, 0, 2 * KIB);
	alloc_ok(&g, 1, 4 * KIB);
	alloc_ok(&g, 2, 2 * KIB);
	free_ok(&g, 0);
	free_ok(&g, 2);
	fill(&g, 1);
	/* heap: brk up by 3 KiB into the hole above */
	CHECK_EQ(contig_resize(&g.c, 1, 7 * KIB, CONTIG_UP, &nb), CONTIG_OK);
	CHECK_EQ(nb, 2 * KIB);
	CHECK_STR(layout(&g.c, &l), "-:2 B:7 -:7");
	/* stack: down by 2 KiB takes the whole hole below; the base moves */
	CHECK_EQ(contig_resize(&g.c, 1, 9 * KIB, CONTIG_DOWN, &nb), CONTIG_OK);
	CHECK_EQ(nb, 0);
	CHECK_STR(layout(&g.c, &l), "B:9 -:7");
	CHECK(holds(&g, 1, 2 * KIB, 0, 4 * KIB)); /* nothing was copied */
	CHECK_EQ(contig_resize(&g.c, 1, 17 * KIB, CONTIG_UP, &nb), CONTIG_BAD_SIZE);
	CHECK_EQ(contig_resize(&g.c, 1, 10 * KIB, CONTIG_DOWN, &nb), CONTIG_MUST_MOVE); /* the range's end */
	alloc_ok(&g, 2, 7 * KIB);
	CHECK_EQ(contig_resize(&g.c, 1, 10 * KIB, CONTIG_UP, &nb), CONTIG_MUST_MOVE); /* a block */
	free_ok(&g, 2);
	/* shrinking gives back to the hole on that side, or makes one */
	CHECK_EQ(contig_resize(&g.c, 1, 8 * KIB, CONTIG_UP, &nb), CONTIG_OK);
	CHECK_STR(layout(&g.c, &l), "B:8 -:8");
	CHECK_EQ(contig_resize(&g.c, 1, 5 * KIB, CONTIG_DOWN, &nb), CONTIG_OK);
	CHECK_EQ(nb, 3 * KIB);
	CHECK_STR(layout(&g.c, &l), "-:3 B:5 -:8");
	CHECK_EQ(contig_resize(&g.c, 1, 5 * KIB - 100, CONTIG_UP, &nb), CONTIG_OK);
	CHECK_STR(layout(&g.c, &l), "-:3 B:5 -:8");
	CHECK_EQ(stats_of(&g.c).used_bytes, 5 * KIB - 100);
	CHECK_EQ(stats_of(&g.c).resizes_in_place, 5);
	CHECK_EQ(g.relocs, 0);
	CHECK_EQ(contig_resize(&g.c, 9, KIB, CONTIG_UP, &nb), CONTIG_NO_BLOCK);
	rig_fini(&g);
}

TEST(a_block_that_cannot_grow_in_place_moves_with_its_bytes_the_heap_at_the_bottom_the_stack_at_the_top)
{
	struct rig g;
	struct layout l;
	uint64_t nb;
	rig_init(&g, 0x10000, 16 * KIB, KIB, CONTIG_FIRST_FIT);
	alloc_ok(&g, 0, 3 * KIB);
	alloc_ok(&g, 1, 2 * KIB);
	alloc_ok(&g, 2, 2 * KIB);
	fill(&g, 0);
	fill(&g, 1);
	fill(&g, 2);
	CHECK_EQ(contig_resize(&g.c, 0, 4 * KIB, CONTIG_UP, &nb), CONTIG_MUST_MOVE);
	CHECK_EQ(contig_move(&g.c, 0, 4 * KIB, CONTIG_UP, &nb), CONTIG_OK);
	CHECK_EQ(nb, 0x10000 + 7 * KIB);
	CHECK_STR(layout(&g.c, &l), "-:3 B:2 C:2 A:4 -:5");
	CHECK_EQ(g.relocs, 1);
	CHECK_EQ(g.last.src, 0x10000);
	CHECK_EQ(g.last.dst, nb);
	CHECK_EQ(g.last.bytes, 3 * KIB);
	CHECK_EQ(g.last.new_base, nb);
	CHECK_EQ(g.last.new_size, 4 * KIB);
	CHECK(holds(&g, 0, nb, 0, 3 * KIB));
	/* a stack of 2 KiB growing to 3 moves: its bytes stay at the top */
	CHECK_EQ(contig_resize(&g.c, 1, 3 * KIB, CONTIG_DOWN, &nb), CONTIG_OK); /* the hole below allows */
	CHECK_EQ(contig_move(&g.c, 2, 4 * KIB, CONTIG_DOWN, &nb), CONTIG_OK);
	CHECK_STR(layout(&g.c, &l), "-:2 B:3 -:2 A:4 C:4 -:1");
	CHECK_EQ(nb, 0x10000 + 11 * KIB);
	CHECK_EQ(g.last.dst, nb + 2 * KIB);
	CHECK(holds(&g, 2, nb + 2 * KIB, 0, 2 * KIB));
	CHECK(holds(&g, 1, 0x10000 + 3 * KIB, 0, 2 * KIB));
	struct contig_stats st = stats_of(&g.c);
	CHECK_EQ(st.moves, 2);
	CHECK_EQ(st.move_bytes, 5 * KIB);
	/* nowhere for 8 KiB: the block stays, with its bytes */
	CHECK_EQ(contig_move(&g.c, 0, 8 * KIB, CONTIG_UP, &nb), CONTIG_NO_SPACE);
	CHECK_STR(layout(&g.c, &l), "-:2 B:3 -:2 A:4 C:4 -:1");
	CHECK(holds(&g, 0, 0x10000 + 7 * KIB, 0, 3 * KIB));
	CHECK_EQ(stats_of(&g.c).alloc_failures, 1);
	rig_fini(&g);
}

TEST(a_move_may_slide_a_block_into_the_hole_it_touches)
{
	struct rig g;
	struct layout l;
	uint64_t nb;
	rig_init(&g, 0, 8 * KIB, KIB, CONTIG_FIRST_FIT);
	alloc_ok(&g, 0, 2 * KIB);
	alloc_ok(&g, 1, 4 * KIB);
	alloc_ok(&g, 2, 2 * KIB);
	fill(&g, 1);
	free_ok(&g, 0);
	/* growing up is blocked by C; as if freed, B fits from 0: an overlapping copy */
	CHECK_EQ(contig_move(&g.c, 1, 5 * KIB, CONTIG_UP, &nb), CONTIG_OK);
	CHECK_EQ(nb, 0);
	CHECK_STR(layout(&g.c, &l), "B:5 -:1 C:2");
	CHECK(holds(&g, 1, 0, 0, 4 * KIB));
	rig_fini(&g);
}

/* Memory filled with 16 blocks of different sizes (76 KiB in all), the even
 * ones freed: 8 holes and 8 blocks, each filled. */
static void scatter(struct rig *g)
{
	rig_init(g, 0x8000, 76 * KIB, 256, CONTIG_FIRST_FIT);
	for (contig_id o = 0; o < 16; o++)
		alloc_ok(g, o, (o % 5 + 1) * KIB + o * 256);
	for (contig_id o = 0; o < 16; o += 2)
		free_ok(g, o);
	for (contig_id o = 1; o < 16; o += 2)
		fill(g, o);
}

TEST(compaction_slides_every_block_down_keeping_every_byte_and_leaves_one_hole)
{
	struct rig g;
	scatter(&g);
	struct contig_stats before = stats_of(&g.c);
	CHECK_EQ(before.holes, 8);
	CHECK_EQ(before.free_bytes, 38 * KIB);
	CHECK_EQ(before.largest_hole, 8 * KIB + 512);
	CHECK(contig_ext_frag(&before) > 0.75);
	uint64_t copied = contig_compact(&g.c);
	contig_check(&g.c);
	struct contig_stats st = stats_of(&g.c);
	CHECK_EQ(st.holes, 1);
	CHECK_EQ(st.largest_hole, before.free_bytes);
	CHECK_EQ(contig_ext_frag(&st) * 1e6, 0);
	uint64_t at = 0x8000, want = 0;
	for (contig_id o = 1; o < 16; o += 2) {
		uint64_t base, size;
		CHECK(contig_lookup(&g.c, o, &base, &size));
		CHECK_EQ(base, at);
		CHECK(holds(&g, o, base, 0, size));
		at += size;
		want += size; /* every block but the first moved: block 0 was freed */
	}
	CHECK_EQ(copied, want);
	CHECK_EQ(st.compact_bytes, want);
	CHECK_EQ(st.compact_moves, 8);
	CHECK_EQ(st.compactions, 1);
	CHECK_EQ(g.relocs, 8);
	CHECK_EQ(contig_compact(&g.c), 0);
	CHECK_EQ(stats_of(&g.c).compactions, 1);
	rig_fini(&g);
}

TEST(compaction_for_a_request_moves_only_the_blocks_below_the_room_it_needs)
{
	struct rig g;
	scatter(&g);
	struct contig_stats before = stats_of(&g.c);
	uint64_t copied, b;
	CHECK_EQ(contig_compact_for(&g.c, before.largest_hole, &copied), CONTIG_OK);
	CHECK_EQ(copied, 0);
	CHECK_EQ(contig_compact_for(&g.c, before.free_bytes + 1, &copied), CONTIG_NO_SPACE);
	CHECK_EQ(contig_compact_for(&g.c, 0, &copied), CONTIG_BAD_SIZE);
	uint64_t need = before.largest_hole + 2 * KIB;
	CHECK_EQ(contig_alloc(&g.c, 99, need, &b), CONTIG_NO_SPACE);
	CHECK_EQ(contig_compact_for(&g.c, need, &copied), CONTIG_OK);
	contig_check(&g.c);
	struct contig_stats st = stats_of(&g.c);
	CHECK(st.largest_hole >= need);
	CHECK(copied > 0);
	/* holes 0, 2 and 4 (1 + 3.5 + 6 KiB) make room: blocks 1 and 3 moved */
	CHECK_EQ(st.compact_moves, 2);
	CHECK_EQ(copied, (2 * KIB + 256) + (4 * KIB + 768));
	CHECK_EQ(st.holes, 6); /* 0 and 2 went into 4 */
	for (contig_id o = 1; o < 16; o += 2) {
		uint64_t base, size;
		CHECK(contig_lookup(&g.c, o, &base, &size));
		CHECK(holds(&g, o, base, 0, size));
	}
	CHECK_EQ(contig_alloc(&g.c, 99, need, &b), CONTIG_OK);
	rig_fini(&g);
}

TEST(partitions_are_equal_taken_lowest_first_and_report_their_internal_fragmentation)
{
	struct contig_part p;
	CHECK_EQ(contig_part_init(&p, 0, 100, 0, 16), CONTIG_BAD_CONFIG);
	CHECK_EQ(contig_part_init(&p, 0, 100, 8, 16), CONTIG_BAD_CONFIG);
	CHECK_EQ(contig_part_init(&p, 8, 1 << 20, 8, 16), CONTIG_BAD_CONFIG);
	CHECK_EQ(contig_part_init(&p, 0, 1 << 20, 8, 12), CONTIG_BAD_CONFIG);
	CHECK_EQ(contig_part_init(&p, 0x100000, 8 * 64 * KIB + 5000, 8, 4096), CONTIG_OK);
	uint64_t idx, base;
	for (uint32_t pid = 1; pid <= 8; pid++) {
		CHECK_EQ(contig_part_alloc(&p, contig_owner(pid, 0), pid * KIB, &idx, &base), CONTIG_OK);
		CHECK_EQ(idx, pid - 1);
		CHECK_EQ(base, 0x100000 + (pid - 1) * 64 * KIB);
	}
	/* the ninth process finds every partition taken */
	CHECK_EQ(contig_part_alloc(&p, contig_owner(9, 0), KIB, &idx, &base), CONTIG_NO_SPACE);
	CHECK_EQ(contig_part_alloc(&p, contig_owner(3, 0), KIB, &idx, &base), CONTIG_EXISTS);
	struct contig_part_stats st;
	contig_part_stats(&p, &st);
	CHECK_EQ(st.part_size, 64 * KIB);
	CHECK_EQ(st.leftover, 5000);
	CHECK_EQ(st.taken, 8);
	CHECK_EQ(st.used_bytes, 36 * KIB);
	CHECK_EQ(st.internal_bytes, 8 * 64 * KIB - 36 * KIB);
	CHECK_EQ(st.alloc_failures, 1);
	CHECK_EQ(contig_part_free(&p, contig_owner(3, 0)), CONTIG_OK);
	CHECK_EQ(contig_part_free(&p, contig_owner(3, 0)), CONTIG_NO_BLOCK);
	CHECK_EQ(contig_part_alloc(&p, contig_owner(9, 0), 65 * KIB, &idx, &base), CONTIG_BAD_SIZE);
	CHECK_EQ(contig_part_alloc(&p, contig_owner(9, 0), 0, &idx, &base), CONTIG_BAD_SIZE);
	CHECK_EQ(contig_part_alloc(&p, contig_owner(9, 0), 10 * KIB, &idx, &base), CONTIG_OK);
	CHECK_EQ(idx, 2);
	CHECK_EQ(contig_part_resize(&p, contig_owner(9, 0), 64 * KIB), CONTIG_OK);
	CHECK_EQ(contig_part_resize(&p, contig_owner(9, 0), 64 * KIB + 1), CONTIG_BAD_SIZE);
	CHECK_EQ(contig_part_resize(&p, contig_owner(3, 0), KIB), CONTIG_NO_BLOCK);
	CHECK(contig_part_lookup(&p, contig_owner(9, 0), &idx, &base));
	CHECK_EQ(base, 0x100000 + 2 * 64 * KIB);
	CHECK(!contig_part_lookup(&p, contig_owner(3, 0), NULL, NULL));
	contig_part_stats(&p, &st);
	CHECK_EQ(st.internal_bytes, 8 * 64 * KIB - (36 - 3 + 64) * KIB);
	contig_part_check(&p);
	for (uint32_t pid = 1; pid <= 9; pid++)
		if (pid != 3)
			CHECK_EQ(contig_part_free(&p, contig_owner(pid, 0)), CONTIG_OK);
	contig_part_stats(&p, &st);
	CHECK_EQ(st.taken, 0);
	CHECK_EQ(st.internal_bytes, 0);
	contig_part_check(&p);
	contig_part_fini(&p);
}

TEST(external_fragmentation_is_one_less_the_largest_hole_over_the_free_bytes)
{
	struct contig_stats st = {.free_bytes = 4000, .largest_hole = 1000};
	CHECK_EQ(contig_ext_frag(&st) * 1000, 750);
	st = (struct contig_stats){0};
	CHECK_EQ(contig_ext_frag(&st) * 1000, 0);
}

TEST(names_parse_back_to_their_fits)
{
	for (int f = 0; f < CONTIG_FITS; f++) {
		enum contig_fit got;
		CHECK(contig_fit_parse(contig_fit_name((enum contig_fit)f), &got));
		CHECK_EQ(got, f);
	}
	enum contig_fit got;
	CHECK(!contig_fit_parse("good", &got));
	CHECK_STR(contig_status_name(CONTIG_NO_SPACE), "no hole large enough");
}

/* ---- the checker catches broken invariants ---- */

enum breakage { FREE_COUNT, BLOCK_COUNT, ADDR_ORDER, ROVER, PART_COUNT };

static void break_it(enum breakage how)
{
	struct rig g;
	rig_init(&g, 0, 16 * KIB, KIB, CONTIG_FIRST_FIT);
	for (contig_id o = 1; o <= 5; o++)
		alloc_ok(&g, o, 2 * KIB);
	free_ok(&g, 2);
	free_ok(&g, 4); /* three holes: the address index's root has two children */
	struct avl_node *root = g.c.by_addr.root, *l = root->left;
	switch (how) {
	case FREE_COUNT: g.c.st.free_bytes += KIB; break;
	case BLOCK_COUNT: g.c.st.blocks++; break;
	case ADDR_ORDER: root->left = root->right, root->right = l; break;
	case ROVER: g.c.rover = 17 * KIB; break;
	case PART_COUNT: {
		struct contig_part p;
		if (contig_part_init(&p, 0, 4 * KIB, 4, KIB) != CONTIG_OK)
			_exit(3);
		uint64_t i, b;
		if (contig_part_alloc(&p, 1, 10, &i, &b) != CONTIG_OK)
			_exit(3);
		p.st.used_bytes++;
		contig_part_check(&p);
		_exit(0);
	}
	}
	contig_check(&g.c);
	_exit(0);
}

/* Whether break_it(how) panics (aborts) in a child process. */
static bool panics(enum breakage how)
{
	fflush(NULL);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stderr))
			_exit(3);
		break_it(how);
	}
	int status;
	CHECK(waitpid(pid, &status, 0) == pid);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

TEST(the_checker_panics_on_wrong_counts_a_disordered_index_and_a_stray_rover)
{
	CHECK(!panics((enum breakage)-1)); /* an intact allocator passes */
	CHECK(panics(FREE_COUNT));
	CHECK(panics(BLOCK_COUNT));
	CHECK(panics(ADDR_ORDER));
	CHECK(panics(ROVER));
	CHECK(panics(PART_COUNT));
}

/* ---- every policy against a naive model under a seeded random stream ---- */

#define UNITS 96      /* granules of memory */
#define GRAN 16       /* bytes in each */
#define OWNERS 24
#define MBASE 0x3000  /* where memory starts */
#define FREE_UNIT (-1)

struct mblock {
	bool live;
	uint64_t base, units, used; /* base in units */
	uint8_t want[UNITS * GRAN]; /* its bytes, from its base */
};

struct model {
	struct rig g;
	enum contig_fit fit;
	bool mixed; /* the fit changes now and then */
	uint64_t seed;
	int step;
	struct rng r;
	int map[UNITS]; /* the owner of each granule, or FREE_UNIT */
	struct mblock b[OWNERS];
	uint64_t rover; /* in units */
	uint64_t failures, move_bytes, compact_bytes;
};

#define MCHECK(m, cond)                                                                                        \
	do {                                                                                                   \
		if (!(cond))                                                                                   \
			FAIL("%s fit, seed %" PRIu64 ", step %d: %s", contig_fit_name((m)->fit), (m)->seed,   \
			     (m)->step, #cond);                                                                \
	} while (0)

static contig_id id_of(int o) { return contig_owner((uint32_t)o + 1, (uint32_t)o % 3); }

static uint64_t units_of(uint64_t bytes) { return (bytes + GRAN - 1) / GRAN; }

/* The model's choice for n units: the base in units, or -1. */
static int64_t model_find(const struct model *m, uint64_t n)
{
	int64_t best = -1;
	uint64_t best_len = 0;
	for (uint64_t u = 0; u < UNITS;) {
		if (m->map[u] != FREE_UNIT) {
			u++;
			continue;
		}
		uint64_t s = u;
		while (u < UNITS && m->map[u] == FREE_UNIT)
			u++;
		uint64_t len = u - s;
		if (len < n)
			continue;
		bool take = best < 0;
		if (!take && m->fit == CONTIG_BEST_FIT)
			take = len < best_len;
		if (!take && m->fit == CONTIG_WORST_FIT)
			take = len > best_len;
		if (!take && m->fit == CONTIG_NEXT_FIT)
			take = (uint64_t)best + best_len <= m->rover && u > m->rover;
		if (take) {
			best = (int64_t)s;
			best_len = len;
		}
	}
	return best;
}

static void mark(struct model *m, int o)
{
	for (uint64_t u = 0; u < m->b[o].units; u++)
		m->map[m->b[o].base + u] = m->b[o].live ? o : FREE_UNIT;
}

/* Fresh bytes in memory and the model for owner o's bytes [from, to). */
static void refill(struct model *m, int o, uint64_t from, uint64_t to)
{
	uint8_t *mem = m->g.mem + m->b[o].base * GRAN;
	for (uint64_t i = from; i < to; i++)
		mem[i] = m->b[o].want[i] = (uint8_t)rng_next(&m->r);
}

static void step_alloc(struct model *m, int o)
{
	uint64_t bytes = 1 + rng_below(&m->r, 24 * GRAN), base = 0;
	enum contig_status s = contig_alloc(&m->g.c, id_of(o), bytes, &base);
	if (m->b[o].live) {
		MCHECK(m, s == CONTIG_EXISTS);
		return;
	}
	int64_t at = model_find(m, units_of(bytes));
	if (at < 0) {
		MCHECK(m, s == CONTIG_NO_SPACE);
		m->failures++;
		return;
	}
	MCHECK(m, s == CONTIG_OK && base == MBASE + (uint64_t)at * GRAN);
	m->b[o] = (struct mblock){.live = true, .base = (uint64_t)at, .units = units_of(bytes), .used = bytes};
	mark(m, o);
	m->rover = (uint64_t)at + m->b[o].units;
	refill(m, o, 0, m->b[o].units * GRAN);
}

static void step_free(struct model *m, int o)
{
	enum contig_status s = contig_free(&m->g.c, id_of(o));
	MCHECK(m, s == (m->b[o].live ? CONTIG_OK : CONTIG_NO_BLOCK));
	if (m->b[o].live) {
		m->b[o].live = false;
		mark(m, o);
		m->b[o].units = 0;
	}
}

/* Whether units [from, from + n) are in memory and free. */
static bool all_free(const struct model *m, int64_t from, uint64_t n)
{
	if (from < 0 || (uint64_t)from + n > UNITS)
		return false;
	for (uint64_t u = 0; u < n; u++)
		if (m->map[(uint64_t)from + u] != FREE_UNIT)
			return false;
	return true;
}

/* The model's side of a move of o to n units (bytes used); false when it
 * found no place (nothing changed). */
static bool model_move(struct model *m, int o, uint64_t n, uint64_t bytes, enum contig_dir dir, uint64_t *copied)
{
	struct mblock *b = &m->b[o];
	uint64_t old_base = b->base, old_units = b->units;
	b->live = false;
	mark(m, o);
	int64_t at = model_find(m, n);
	b->live = true;
	if (at < 0) {
		mark(m, o);
		return false;
	}
	uint64_t keep = (old_units < n ? old_units : n) * GRAN;
	uint64_t src = dir == CONTIG_UP ? 0 : old_units * GRAN - keep, dst = dir == CONTIG_UP ? 0 : n * GRAN - keep;
	memmove(b->want + dst, b->want + src, keep);
	b->base = (uint64_t)at;
	b->units = n;
	b->used = bytes;
	mark(m, o);
	m->rover = b->base + n;
	*copied = old_base * GRAN + src == b->base * GRAN + dst ? 0 : keep;
	return true;
}

static void step_resize(struct model *m, int o, bool move)
{
	struct mblock *b = &m->b[o];
	uint64_t bytes = 1 + rng_below(&m->r, 24 * GRAN), nb = 0, n = units_of(bytes);
	enum contig_dir dir = rng_below(&m->r, 2) ? CONTIG_UP : CONTIG_DOWN;
	enum contig_status s = move ? contig_move(&m->g.c, id_of(o), bytes, dir, &nb)
				    : contig_resize(&m->g.c, id_of(o), bytes, dir, &nb);
	if (!b->live) {
		MCHECK(m, s == CONTIG_NO_BLOCK);
		return;
	}
	uint64_t old_units = b->units, copied = 0;
	if (move) {
		if (!model_move(m, o, n, bytes, dir, &copied)) {
			MCHECK(m, s == CONTIG_NO_SPACE);
			m->failures++;
			return;
		}
		m->move_bytes += copied;
	} else if (n > old_units) {
		uint64_t d = n - old_units;
		int64_t from = dir == CONTIG_UP ? (int64_t)(b->base + old_units) : (int64_t)b->base - (int64_t)d;
		if (!all_free(m, from, d)) {
			MCHECK(m, s == CONTIG_MUST_MOVE);
			return;
		}
		if (dir == CONTIG_DOWN) {
			memmove(b->want + d * GRAN, b->want, old_units * GRAN);
			b->base -= d;
		}
		b->units = n;
		mark(m, o);
	} else if (n < old_units) {
		uint64_t d = old_units - n;
		b->live = false;
		mark(m, o);
		b->live = true;
		if (dir == CONTIG_DOWN) {
			memmove(b->want, b->want + d * GRAN, n * GRAN);
			b->base += d;
		}
		b->units = n;
		mark(m, o);
	}
	b->used = bytes;
	MCHECK(m, s == CONTIG_OK && nb == MBASE + b->base * GRAN);
	/* the bytes the block gained are whatever was there: give them values */
	uint64_t keep = (old_units < n ? old_units : n) * GRAN;
	if (dir == CONTIG_UP)
		refill(m, o, keep, n * GRAN);
	else
		refill(m, o, 0, n * GRAN - keep);
}

/* The model's compaction: slides blocks down in address order until the
 * free run ahead of them reaches need units. */
static void model_slide(struct model *m, uint64_t need)
{
	uint64_t dst = 0;
	for (uint64_t u = 0; u < UNITS; u++) {
		int o = m->map[u];
		if (o == FREE_UNIT || m->b[o].base != u)
			continue;
		if (u - dst >= need)
			return;
		if (m->b[o].base != dst) {
			m->b[o].live = false;
			mark(m, o);
			m->b[o].live = true;
			m->b[o].base = dst;
			mark(m, o);
			m->compact_bytes += m->b[o].units * GRAN;
		}
		dst += m->b[o].units;
		u = dst - 1;
	}
}

static uint64_t largest_run(const struct model *m, uint64_t *free_units, uint64_t *runs)
{
	uint64_t best = 0, run = 0;
	*free_units = *runs = 0;
	for (uint64_t u = 0; u < UNITS; u++) {
		if (m->map[u] != FREE_UNIT) {
			run = 0;
			continue;
		}
		*runs += run == 0;
		++*free_units;
		best = ++run > best ? run : best;
	}
	return best;
}

static void step_compact(struct model *m)
{
	uint64_t free_units, runs, largest = largest_run(m, &free_units, &runs);
	uint64_t before = m->compact_bytes;
	if (rng_below(&m->r, 3) == 0) {
		model_slide(m, UINT64_MAX);
		MCHECK(m, contig_compact(&m->g.c) == m->compact_bytes - before);
		return;
	}
	uint64_t bytes = 1 + rng_below(&m->r, UNITS * GRAN), copied = 0, n = units_of(bytes);
	enum contig_status s = contig_compact_for(&m->g.c, bytes, &copied);
	if (n > free_units) {
		MCHECK(m, s == CONTIG_NO_SPACE);
		return;
	}
	if (n > largest)
		model_slide(m, n);
	MCHECK(m, s == CONTIG_OK && copied == m->compact_bytes - before);
}

struct walk {
	struct model *m;
	uint64_t at; /* in units */
};

static void check_extent(void *ctx, const struct contig_extent *e)
{
	struct walk *w = ctx;
	struct model *m = w->m;
	MCHECK(m, e->base == MBASE + w->at * GRAN && e->size % GRAN == 0);
	uint64_t n = e->size / GRAN;
	for (uint64_t u = w->at; u < w->at + n; u++) {
		if (e->hole)
			MCHECK(m, m->map[u] == FREE_UNIT);
		else
			MCHECK(m, m->map[u] >= 0 && id_of(m->map[u]) == e->owner);
	}
	if (e->hole) /* maximal: coalesced */
		MCHECK(m, w->at + n == UNITS || m->map[w->at + n] != FREE_UNIT);
	else
		MCHECK(m, m->b[m->map[w->at]].base == w->at && m->b[m->map[w->at]].units == n &&
				  m->b[m->map[w->at]].used == e->used);
	w->at += n;
}

/* Everything the allocator says against the model. */
static void compare(struct model *m)
{
	contig_check(&m->g.c);
	struct walk w = {.m = m, .at = 0};
	contig_for_each(&m->g.c, check_extent, &w);
	MCHECK(m, w.at == UNITS);
	uint64_t free_units, runs, largest = largest_run(m, &free_units, &runs);
	struct contig_stats st = stats_of(&m->g.c);
	MCHECK(m, st.free_bytes == free_units * GRAN && st.holes == runs && st.largest_hole == largest * GRAN);
	MCHECK(m, st.alloc_failures == m->failures);
	MCHECK(m, st.move_bytes == m->move_bytes && st.compact_bytes == m->compact_bytes);
	for (int o = 0; o < OWNERS; o++)
		if (m->b[o].live)
			MCHECK(m, memcmp(m->g.mem + m->b[o].base * GRAN, m->b[o].want, m->b[o].units * GRAN) == 0);
	uint64_t probe = 1 + rng_below(&m->r, 32 * GRAN), fast = 0, plain = 0;
	int64_t want = model_find(m, units_of(probe));
	bool f = contig_find(&m->g.c, probe, &fast), p = contig_find_linear(&m->g.c, probe, &plain);
	MCHECK(m, f == (want >= 0) && p == f);
	MCHECK(m, !f || (fast == plain && fast == MBASE + (uint64_t)want * GRAN));
}

static void run_model(enum contig_fit fit, bool mixed, uint64_t seed, int steps)
{
	static struct model m; /* large: not on the stack */
	memset(&m, 0, sizeof m);
	m.fit = fit;
	m.mixed = mixed;
	m.seed = seed;
	rng_seed(&m.r, seed);
	for (int u = 0; u < UNITS; u++)
		m.map[u] = FREE_UNIT;
	rig_init(&m.g, MBASE, UNITS * GRAN, GRAN, fit);
	for (m.step = 0; m.step < steps; m.step++) {
		int o = (int)rng_below(&m.r, OWNERS);
		uint64_t op = rng_below(&m.r, 100);
		if (op < 35)
			step_alloc(&m, o);
		else if (op < 55)
			step_free(&m, o);
		else if (op < 82)
			step_resize(&m, o, false);
		else if (op < 92)
			step_resize(&m, o, true);
		else if (op < 99 || !m.mixed)
			step_compact(&m);
		else
			contig_set_fit(&m.g.c, m.fit = (enum contig_fit)rng_below(&m.r, CONTIG_FITS));
		compare(&m);
	}
	for (int o = 0; o < OWNERS; o++)
		step_free(&m, o);
	compare(&m);
	struct contig_stats st = stats_of(&m.g.c);
	MCHECK(&m, st.blocks == 0 && st.holes == 1 && st.free_bytes == UNITS * GRAN && st.used_bytes == 0);
	MCHECK(&m, st.compactions > 0 && st.moves > 0 && st.resizes_in_place > 0 && st.alloc_failures > 0);
	rig_fini(&m.g);
}

TEST(first_fit_agrees_with_a_naive_model_under_a_random_stream)
{
	for (uint64_t seed = 1; seed <= 4; seed++)
		run_model(CONTIG_FIRST_FIT, false, seed, 3000);
}

TEST(next_fit_agrees_with_a_naive_model_under_a_random_stream)
{
	for (uint64_t seed = 1; seed <= 4; seed++)
		run_model(CONTIG_NEXT_FIT, false, seed, 3000);
}

TEST(best_fit_agrees_with_a_naive_model_under_a_random_stream)
{
	for (uint64_t seed = 1; seed <= 4; seed++)
		run_model(CONTIG_BEST_FIT, false, seed, 3000);
}

TEST(worst_fit_agrees_with_a_naive_model_under_a_random_stream)
{
	for (uint64_t seed = 1; seed <= 4; seed++)
		run_model(CONTIG_WORST_FIT, false, seed, 3000);
}

TEST(changing_the_fit_midstream_agrees_with_a_naive_model_under_a_random_stream)
{
	for (uint64_t seed = 1; seed <= 4; seed++)
		run_model((enum contig_fit)(seed % CONTIG_FITS), true, seed, 6000);
}
