/* Tests of the TLB: hand-worked cases for each behaviour, then every policy on
 * several geometries against a naive model, driven by a seeded random stream. */
#include "hw/tlb.h"
#include "lib/rng.h"
#include "tests/harness.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Three page sizes, as in Sv39: 4 KiB, 2 MiB (512 pages), 1 GiB (2^18 pages). */
static const unsigned shifts[] = { 0, 9, 18 };
#define NLEVELS 3

static struct tlb *make(unsigned entries, unsigned ways, enum tlb_policy policy, bool asid,
			uint64_t seed)
{
	struct tlb_config cfg = { .entries = entries, .ways = ways, .policy = policy, .asid = asid,
				  .seed = seed };
	char err[160] = "";
	struct tlb *t = tlb_new(&cfg, shifts, NLEVELS, err, sizeof(err));
	if (!t)
		FAIL("tlb_new(%u entries, %u ways, %s): %s", entries, ways, tlb_policy_name(policy), err);
	return t;
}

static struct tlb_entry page(pfn_t pfn, unsigned level, bool global)
{
	struct tlb_entry e = { .pfn = pfn, .level = (uint8_t)level, .global = global, .allow = 0x3f };
	return e;
}

/* Inserts a base page of asid; returns the stored entry. */
static struct tlb_entry *put(struct tlb *t, asid_t asid, vpn_t vpn, pfn_t pfn)
{
	struct tlb_entry e = page(pfn, 0, false);
	return tlb_insert(t, asid, vpn, &e);
}

static struct tlb_entry *put_big(struct tlb *t, asid_t asid, vpn_t vpn, pfn_t pfn, unsigned level,
				 bool global)
{
	struct tlb_entry e = page(pfn, level, global);
	return tlb_insert(t, asid, vpn, &e);
}

static bool hit(struct tlb *t, asid_t asid, vpn_t vpn) { return tlb_lookup(t, asid, vpn) != NULL; }

static bool present(const struct tlb *t, asid_t asid, vpn_t vpn)
{
	return tlb_probe(t, asid, vpn) != NULL;
}

/* The slot (way + set * ways) an entry occupies. */
static long slot_of(const struct tlb *t, const struct tlb_entry *e) { return e - t->entry; }

static void check_ok(const struct tlb *t)
{
	char err[256];
	if (!tlb_check(t, err, sizeof(err)))
		FAIL("tlb_check: %s", err);
}

/* A scanned and two hashed geometries: (entries, ways). */
static const unsigned both_kinds[][2] = { { 64, 4 }, { 64, 0 }, { 1024, 16 } };

/* ---- Basics ---- */

TEST(lookup_misses_on_an_empty_tlb_and_hits_after_insert)
{
	for (unsigned k = 0; k < ARRAY_LEN(both_kinds); k++) {
		struct tlb *t = make(both_kinds[k][0], both_kinds[k][1], TLB_LRU, true, 0);
		CHECK(!hit(t, 1, 0x42));
		put(t, 1, 0x42, 7);
		const struct tlb_entry *e = tlb_lookup(t, 1, 0x42);
		CHECK(e);
		CHECK_EQ(e->pfn, 7);
		CHECK(!hit(t, 1, 0x43));
		CHECK_EQ(tlb_counters(t)->hits, 1);
		CHECK_EQ(tlb_counters(t)->misses, 2);
		CHECK_EQ(tlb_occupancy(t), 1);
		check_ok(t);
		tlb_free(t);
	}
}

TEST(insert_tags_the_entry_and_copies_the_translation)
{
	struct tlb *t = make(64, 4, TLB_FIFO, true, 0);
	struct tlb_entry in = { .tag = 999, .pfn = 0x777, .asid = 77, .valid = 0, .level = 1,
				.allow = 5, .dirty = 1, .flags = 0xc7 };
	const struct tlb_entry *e = tlb_insert(t, 3, 0x1234, &in);
	CHECK_EQ(e->tag, 0x1234 >> 9);
	CHECK_EQ(e->asid, 3);
	CHECK_EQ(e->valid, 1);
	CHECK_EQ(e->pfn, 0x777);
	CHECK_EQ(e->level, 1);
	CHECK_EQ(e->global, 0);
	CHECK_EQ(e->allow, 5);
	CHECK_EQ(e->dirty, 1);
	CHECK_EQ(e->flags, 0xc7);
	CHECK(tlb_lookup(t, 3, 0x1234) == e);
	tlb_free(t);
}

TEST(refill_of_a_present_entry_replaces_it_in_place)
{
	for (unsigned k = 0; k < ARRAY_LEN(both_kinds); k++) {
		struct tlb *t = make(both_kinds[k][0], both_kinds[k][1], TLB_LRU, true, 0);
		struct tlb_entry *first = put(t, 1, 0x10, 5);
		struct tlb_entry *again = put(t, 1, 0x10, 6);
		CHECK(first == again);
		CHECK_EQ(again->pfn, 6);
		CHECK_EQ(tlb_occupancy(t), 1);
		CHECK_EQ(tlb_counters(t)->evictions, 0);
		check_ok(t);
		tlb_free(t);
	}
}

TEST(refill_counts_as_a_use_for_lru_but_not_for_fifo)
{
	struct tlb *lru = make(2, 2, TLB_LRU, true, 0), *fifo = make(2, 2, TLB_FIFO, true, 0);
	struct tlb *both[] = { lru, fifo };
	for (unsigned i = 0; i < 2; i++) {
		put(both[i], 1, 0xa, 1);
		put(both[i], 1, 0xb, 2);
		put(both[i], 1, 0xa, 3); /* refill a */
		put(both[i], 1, 0xc, 4);
	}
	CHECK(present(lru, 1, 0xa) && !present(lru, 1, 0xb));
	CHECK(!present(fifo, 1, 0xa) && present(fifo, 1, 0xb));
	tlb_free(lru);
	tlb_free(fifo);
}

TEST(probe_changes_neither_counters_nor_replacement_state)
{
	struct tlb *t = make(2, 2, TLB_LRU, true, 0);
	put(t, 1, 0xa, 1);
	put(t, 1, 0xb, 2);
	CHECK(present(t, 1, 0xa)); /* would make b the LRU entry if it counted as a use */
	CHECK(!present(t, 1, 0xc));
	CHECK_EQ(tlb_counters(t)->hits, 0);
	CHECK_EQ(tlb_counters(t)->misses, 0);
	put(t, 1, 0xc, 3);
	CHECK(!present(t, 1, 0xa) && present(t, 1, 0xb));
	tlb_free(t);
}

/* ---- ASIDs and global entries ---- */

TEST(asids_do_not_see_each_others_entries)
{
	for (unsigned k = 0; k < ARRAY_LEN(both_kinds); k++) {
		struct tlb *t = make(both_kinds[k][0], both_kinds[k][1], TLB_LRU, true, 0);
		put(t, 1, 0x10, 100);
		put(t, 2, 0x10, 200);
		CHECK_EQ(tlb_lookup(t, 1, 0x10)->pfn, 100);
		CHECK_EQ(tlb_lookup(t, 2, 0x10)->pfn, 200);
		CHECK(!hit(t, 3, 0x10));
		CHECK_EQ(tlb_occupancy(t), 2);
		check_ok(t);
		tlb_free(t);
	}
}

TEST(asids_differing_only_in_high_bits_are_distinct)
{
	for (unsigned k = 0; k < ARRAY_LEN(both_kinds); k++) {
		struct tlb *t = make(both_kinds[k][0], both_kinds[k][1], TLB_LRU, true, 0);
		put(t, 0x0001, 0x10, 1);
		put(t, 0x8001, 0x10, 2);
		CHECK_EQ(tlb_lookup(t, 0x0001, 0x10)->pfn, 1);
		CHECK_EQ(tlb_lookup(t, 0x8001, 0x10)->pfn, 2);
		CHECK(!hit(t, 0x0101, 0x10) && !hit(t, 0xff01, 0x10));
		tlb_free(t);
	}
}

TEST(global_entries_match_every_asid)
{
	for (unsigned k = 0; k < ARRAY_LEN(both_kinds); k++) {
		struct tlb *t = make(both_kinds[k][0], both_kinds[k][1], TLB_LRU, true, 0);
		struct tlb_entry *g = put_big(t, 1, 0x20, 9, 0, true);
		CHECK(tlb_lookup(t, 0, 0x20) == g);
		CHECK(tlb_lookup(t, 2, 0x20) == g);
		CHECK(tlb_lookup(t, 65535, 0x20) == g);
		CHECK_EQ(g->asid, 1);
		CHECK(!hit(t, 2, 0x21));
		tlb_free(t);
	}
}

TEST(own_entry_wins_over_a_global_entry_for_the_same_page)
{
	for (unsigned k = 0; k < ARRAY_LEN(both_kinds); k++) {
		struct tlb *t = make(both_kinds[k][0], both_kinds[k][1], TLB_LRU, true, 0);
		put_big(t, 1, 0x30, 5, 0, true);
		put(t, 2, 0x30, 6);
		CHECK_EQ(tlb_lookup(t, 2, 0x30)->pfn, 6);
		CHECK_EQ(tlb_lookup(t, 3, 0x30)->pfn, 5);
		put_big(t, 3, 0x30, 7, 0, true); /* the same global identity: replaced in place */
		CHECK_EQ(tlb_occupancy(t), 2);
		CHECK_EQ(tlb_lookup(t, 1, 0x30)->pfn, 7);
		CHECK_EQ(tlb_lookup(t, 2, 0x30)->pfn, 6);
		check_ok(t);
		tlb_free(t);
	}
}

TEST(without_asids_every_asid_shares_the_entries)
{
	for (unsigned k = 0; k < ARRAY_LEN(both_kinds); k++) {
		struct tlb *t = make(both_kinds[k][0], both_kinds[k][1], TLB_LRU, false, 0);
		uint64_t h, m;
		const struct tlb_entry *e = put(t, 3, 0x10, 1);
		CHECK_EQ(e->asid, 0);
		CHECK(tlb_lookup(t, 5, 0x10) == e);
		tlb_asid_counters(t, 5, &h, &m);
		CHECK(h == 1 && m == 0); /* counted under the caller's asid */
		tlb_asid_counters(t, 0, &h, &m);
		CHECK(h == 0 && m == 0);
		CHECK(put(t, 4, 0x10, 2) == e);
		CHECK_EQ(tlb_occupancy(t), 1);
		put_big(t, 3, 0x20, 8, 0, true);
		tlb_flush_asid(t, 9);
		CHECK(!present(t, 3, 0x10));
		CHECK(present(t, 3, 0x20));
		CHECK_EQ(tlb_counters(t)->flushed_entries, 1);
		check_ok(t);
		tlb_free(t);
	}
}

TEST(per_asid_counters_are_separate_and_allocated_on_demand)
{
	struct tlb *t = make(64, 4, TLB_LRU, true, 0);
	uint64_t h, m;
	tlb_asid_counters(t, 7, &h, &m);
	CHECK(h == 0 && m == 0);
	CHECK(!hit(t, 7, 1));
	put(t, 7, 1, 1);
	CHECK(hit(t, 7, 1));
	CHECK(hit(t, 7, 1));
	CHECK(!hit(t, 65535, 1));
	tlb_asid_counters(t, 7, &h, &m);
	CHECK(h == 2 && m == 1);
	tlb_asid_counters(t, 65535, &h, &m);
	CHECK(h == 0 && m == 1);
	tlb_asid_counters(t, 300, &h, &m);
	CHECK(h == 0 && m == 0);
	CHECK_EQ(tlb_counters(t)->hits, 2);
	CHECK_EQ(tlb_counters(t)->misses, 2);
	tlb_free(t);
}

/* ---- Flushes ---- */

TEST(flush_all_removes_every_entry_and_counts_them)
{
	for (unsigned k = 0; k < ARRAY_LEN(both_kinds); k++) {
		struct tlb *t = make(both_kinds[k][0], both_kinds[k][1], TLB_FIFO, true, 0);
		put(t, 1, 1, 1);
		put(t, 2, 2, 2);
		put_big(t, 1, 0x400, 3, 1, false);
		put_big(t, 1, 0x9000, 4, 0, true);
		tlb_flush_all(t);
		CHECK_EQ(tlb_occupancy(t), 0);
		CHECK(!present(t, 1, 1) && !present(t, 2, 2) && !present(t, 1, 0x400) && !present(t, 5, 0x9000));
		CHECK_EQ(tlb_counters(t)->flushes, 1);
		CHECK_EQ(tlb_counters(t)->flushed_entries, 4);
		check_ok(t);
		put(t, 1, 1, 1);
		CHECK(hit(t, 1, 1));
		tlb_free(t);
	}
}

TEST(flush_asid_removes_only_that_asids_nonglobal_entries)
{
	for (unsigned k = 0; k < ARRAY_LEN(both_kinds); k++) {
		struct tlb *t = make(both_kinds[k][0], both_kinds[k][1], TLB_LRU, true, 0);
		put(t, 1, 1, 1);
		put_big(t, 1, 0x600, 2, 1, false);
		put(t, 2, 1, 3);
		put_big(t, 1, 9, 4, 0, true);
		tlb_flush_asid(t, 1);
		CHECK(!present(t, 1, 1) && !present(t, 1, 0x600));
		CHECK(present(t, 2, 1));
		CHECK(present(t, 1, 9));
		CHECK_EQ(tlb_counters(t)->flushes, 1);
		CHECK_EQ(tlb_counters(t)->flushed_entries, 2);
		check_ok(t);
		tlb_free(t);
	}
}

TEST(flush_va_removes_only_that_page)
{
	for (unsigned k = 0; k < ARRAY_LEN(both_kinds); k++) {
		struct tlb *t = make(both_kinds[k][0], both_kinds[k][1], TLB_LRU, true, 0);
		put(t, 1, 0x10, 1);
		put(t, 1, 0x11, 2);
		put(t, 2, 0x10, 3);
		put_big(t, 1, 0x50, 4, 0, true);
		tlb_flush_va(t, 1, 0x10);
		CHECK(!present(t, 1, 0x10));
		CHECK(present(t, 1, 0x11) && present(t, 2, 0x10) && present(t, 1, 0x50));
		CHECK_EQ(tlb_counters(t)->flushed_entries, 1);
		tlb_flush_va(t, 2, 0x50); /* a global entry goes whoever asks */
		CHECK(!present(t, 1, 0x50));
		tlb_flush_va(t, 3, 0x11); /* another ASID's page stays */
		CHECK(present(t, 1, 0x11));
		CHECK_EQ(tlb_counters(t)->flushes, 3);
		CHECK_EQ(tlb_counters(t)->flushed_entries, 2);
		check_ok(t);
		tlb_free(t);
	}
}

TEST(flush_va_removes_a_superpage_covering_the_va)
{
	for (unsigned k = 0; k < ARRAY_LEN(both_kinds); k++) {
		struct tlb *t = make(both_kinds[k][0], both_kinds[k][1], TLB_PLRU, true, 0);
		put_big(t, 1, 0x400, 1, 1, false); /* covers 0x400 .. 0x5ff */
		put(t, 1, 0x600, 2);
		put_big(t, 1, 0x80000, 3, 2, true); /* covers 0x80000 .. 0xbffff */
		tlb_flush_va(t, 1, 0x4ab);
		CHECK(!present(t, 1, 0x400) && !present(t, 1, 0x5ff));
		CHECK(present(t, 1, 0x600));
		tlb_flush_va(t, 4, 0xa1234);
		CHECK(!present(t, 1, 0x80000));
		CHECK_EQ(tlb_counters(t)->flushed_entries, 2);
		CHECK_EQ(tlb_occupancy(t), 1);
		check_ok(t);
		tlb_free(t);
	}
}

/* ---- Superpages ---- */

TEST(superpage_entry_hits_every_vpn_it_covers)
{
	for (unsigned k = 0; k < ARRAY_LEN(both_kinds); k++) {
		struct tlb *t = make(both_kinds[k][0], both_kinds[k][1], TLB_LRU, true, 0);
		const struct tlb_entry *mid = put_big(t, 1, 0x1234, 10, 1, false);
		const struct tlb_entry *giant = put_big(t, 1, 0x40005, 20, 2, false);
		for (vpn_t v = 0x1200; v < 0x1400; v++)
			CHECK(tlb_lookup(t, 1, v) == mid);
		CHECK(!hit(t, 1, 0x11ff) && !hit(t, 1, 0x1400) && !hit(t, 2, 0x1300));
		for (vpn_t v = 0x40000; v < 0x80000; v += 97)
			CHECK(tlb_lookup(t, 1, v) == giant);
		CHECK(tlb_lookup(t, 1, 0x7ffff) == giant);
		CHECK(!hit(t, 1, 0x3ffff) && !hit(t, 1, 0x80000));
		CHECK_EQ(mid->tag, 0x1234 >> 9);
		CHECK_EQ(giant->tag, 1);
		tlb_free(t);
	}
}

TEST(base_page_entry_is_found_before_a_covering_superpage)
{
	for (unsigned k = 0; k < ARRAY_LEN(both_kinds); k++) {
		struct tlb *t = make(both_kinds[k][0], both_kinds[k][1], TLB_LRU, true, 0);
		put_big(t, 1, 0x200, 1000, 1, false);
		put(t, 1, 0x234, 7);
		CHECK_EQ(tlb_lookup(t, 1, 0x234)->level, 0);
		CHECK_EQ(tlb_lookup(t, 1, 0x235)->level, 1);
		tlb_free(t);
	}
}

/* ---- Placement and replacement ---- */

TEST(direct_mapped_pages_of_one_set_evict_each_other)
{
	struct tlb *t = make(16, 1, TLB_LRU, true, 0);
	put(t, 1, 3, 1);
	put(t, 1, 19, 2); /* 19 & 15 == 3 */
	CHECK_EQ(tlb_counters(t)->evictions, 1);
	CHECK(!hit(t, 1, 3) && hit(t, 1, 19));
	put(t, 1, 4, 3);
	CHECK_EQ(tlb_counters(t)->evictions, 1);
	CHECK(hit(t, 1, 19) && hit(t, 1, 4));
	tlb_free(t);
}

TEST(set_of_and_way_show_where_an_entry_is)
{
	struct tlb *t = make(8, 2, TLB_LRU, false, 0); /* four sets of two ways */
	CHECK_EQ(tlb_set_of(t, 13), 1);
	CHECK(!tlb_way(t, 1, 0)->valid && !tlb_way(t, 1, 1)->valid);
	put(t, 0, 13, 1);
	put(t, 0, 5, 2);
	CHECK(tlb_way(t, 1, 0)->valid && tlb_way(t, 1, 0)->tag == 13);
	CHECK(tlb_way(t, 1, 1)->valid && tlb_way(t, 1, 1)->tag == 5);
	CHECK(!tlb_way(t, 0, 0)->valid && !tlb_way(t, 3, 1)->valid);
	tlb_free(t);
}

TEST(invalid_ways_are_filled_first_lowest_index_first)
{
	for (enum tlb_policy p = TLB_LRU; p <= TLB_PLRU; p++) {
		struct tlb *t = make(8, 4, p, true, 1); /* two sets; even vpns go to set 0 */
		for (vpn_t v = 0; v < 8; v += 2)
			CHECK_EQ(slot_of(t, put(t, 1, v, v)), v / 2);
		tlb_flush_va(t, 1, 4);
		tlb_flush_va(t, 1, 2);
		CHECK_EQ(slot_of(t, put(t, 1, 8, 8)), 1);
		CHECK_EQ(slot_of(t, put(t, 1, 10, 10)), 2);
		CHECK_EQ(tlb_counters(t)->evictions, 0);
		put(t, 1, 12, 12);
		CHECK_EQ(tlb_counters(t)->evictions, 1);
		tlb_free(t);

		t = make(256, 0, p, true, 1);
		for (vpn_t v = 0; v < 256; v++)
			put(t, 1, v, v);
		tlb_flush_va(t, 1, 200);
		tlb_flush_va(t, 1, 70);
		tlb_flush_va(t, 1, 130);
		CHECK_EQ(slot_of(t, put(t, 1, 1000, 1)), 70);
		CHECK_EQ(slot_of(t, put(t, 1, 1001, 1)), 130);
		CHECK_EQ(slot_of(t, put(t, 1, 1002, 1)), 200);
		CHECK_EQ(tlb_counters(t)->evictions, 0);
		check_ok(t);
		tlb_free(t);
	}
}

TEST(lru_evicts_the_least_recently_used_entry)
{
	const unsigned sizes[] = { 4, 16 }; /* scanned, hashed */
	for (unsigned k = 0; k < ARRAY_LEN(sizes); k++) {
		unsigned n = sizes[k];
		struct tlb *t = make(n, n, TLB_LRU, true, 0);
		for (vpn_t v = 0; v < n; v++)
			put(t, 1, v, v);
		CHECK(hit(t, 1, 0) && hit(t, 1, 2));
		put(t, 1, 100, 0);
		CHECK(!present(t, 1, 1) && present(t, 1, 0) && present(t, 1, 2) && present(t, 1, 3));
		put(t, 1, 101, 0);
		CHECK(!present(t, 1, 3) && present(t, 1, 0) && present(t, 1, 2));
		CHECK_EQ(tlb_counters(t)->evictions, 2);
		check_ok(t);
		tlb_free(t);
	}
}

TEST(fifo_evicts_the_oldest_insertion_even_when_it_is_used)
{
	const unsigned sizes[] = { 4, 16 };
	for (unsigned k = 0; k < ARRAY_LEN(sizes); k++) {
		unsigned n = sizes[k];
		struct tlb *t = make(n, n, TLB_FIFO, true, 0);
		for (vpn_t v = 0; v < n; v++)
			put(t, 1, v, v);
		for (int i = 0; i < 5; i++)
			CHECK(hit(t, 1, 0));
		put(t, 1, 100, 0);
		CHECK(!present(t, 1, 0) && present(t, 1, 1));
		put(t, 1, 101, 0);
		CHECK(!present(t, 1, 1) && present(t, 1, 2));
		check_ok(t);
		tlb_free(t);
	}
}

/* Tree of a 4-way set: root b1 chooses between (ways 0,1) under b2 and (2,3)
 * under b3; a bit of 1 sends the victim search right. Filling A..D into ways
 * 0..3 leaves b1 = b2 = b3 = 0. Hits on D, C, A then give: D: b1=0 b3=0;
 * C: b1=0 b3=1; A: b1=1 b2=1. Victim: b1 right, b3 right: way 3 (D), although
 * LRU would pick B. Filling E there sets b1=0 b3=0; next victim: b1 left, b2
 * right: way 1 (B). */
TEST(plru_4way_victim_follows_the_tree_bits)
{
	struct tlb *t = make(4, 4, TLB_PLRU, true, 0);
	for (vpn_t v = 0xa; v <= 0xd; v++)
		put(t, 1, v, v);
	CHECK(hit(t, 1, 0xd) && hit(t, 1, 0xc) && hit(t, 1, 0xa));
	CHECK_EQ(slot_of(t, put(t, 1, 0xe, 0)), 3);
	CHECK(!present(t, 1, 0xd) && present(t, 1, 0xb));
	CHECK_EQ(slot_of(t, put(t, 1, 0xf, 0)), 1);
	CHECK(!present(t, 1, 0xb));
	CHECK(present(t, 1, 0xa) && present(t, 1, 0xc) && present(t, 1, 0xe) && present(t, 1, 0xf));
	tlb_free(t);
}

/* Records the slot each of 200 new pages lands in, with hits in between. */
static void random_slots(uint64_t seed, long *slots)
{
	struct tlb *t = make(8, 8, TLB_RANDOM, true, seed);
	for (vpn_t v = 0; v < 8; v++)
		put(t, 1, v, v);
	for (unsigned i = 0; i < 200; i++) {
		slots[i] = slot_of(t, put(t, 1, 100 + i, i));
		CHECK(hit(t, 1, 100 + i));
	}
	tlb_free(t);
}

TEST(random_victims_are_one_draw_per_eviction_from_the_seed)
{
	long a[200], b[200];
	struct rng r;
	random_slots(42, a);
	random_slots(43, b);
	rng_seed(&r, 42);
	unsigned same = 0;
	for (unsigned i = 0; i < 200; i++) {
		CHECK_EQ(a[i], rng_below(&r, 8));
		same += a[i] == b[i];
	}
	CHECK(same < 100);
}

TEST(large_fully_associative_tlb_fills_completely_before_evicting)
{
	struct tlb *t = make(4096, 0, TLB_LRU, true, 0);
	CHECK_EQ(tlb_config(t)->ways, 4096);
	for (vpn_t v = 0; v < 4096; v++)
		put(t, 1, v * 4097, v);
	CHECK_EQ(tlb_occupancy(t), 4096);
	for (vpn_t v = 0; v < 4096; v++)
		CHECK(hit(t, 1, v * 4097));
	CHECK_EQ(tlb_counters(t)->evictions, 0);
	put(t, 1, 1, 1);
	CHECK(!present(t, 1, 0) && present(t, 1, 4097));
	check_ok(t);
	tlb_free(t);
}

/* ---- Configuration ---- */

TEST(impossible_configurations_return_null_with_a_message)
{
	static const struct {
		unsigned entries, ways;
		enum tlb_policy policy;
		const char *says;
	} bad[] = {
		{ 0, 1, TLB_LRU, "entries" },
		{ 65537, 1, TLB_LRU, "entries" },
		{ 3, 2, TLB_LRU, "multiple" },
		{ 4, 8, TLB_LRU, "multiple" },
		{ 12, 2, TLB_FIFO, "power of two" },
		{ 3, 3, TLB_PLRU, "PLRU" },
		{ 24, 6, TLB_PLRU, "PLRU" },
	};
	char err[160];
	for (unsigned i = 0; i < ARRAY_LEN(bad); i++) {
		struct tlb_config cfg = { .entries = bad[i].entries, .ways = bad[i].ways,
					  .policy = bad[i].policy };
		err[0] = 0;
		CHECK(tlb_new(&cfg, shifts, NLEVELS, err, sizeof(err)) == NULL);
		if (!strstr(err, bad[i].says))
			FAIL("case %u: message \"%s\" does not mention \"%s\"", i, err, bad[i].says);
		CHECK(tlb_new(&cfg, shifts, NLEVELS, NULL, 0) == NULL);
	}
	struct tlb_config ok = { .entries = 64, .ways = 4 };
	const unsigned bad_shift0[] = { 1, 9 }, bad_shift64[] = { 0, 64 };
	CHECK(tlb_new(&ok, shifts, 0, err, sizeof(err)) == NULL && strstr(err, "levels"));
	CHECK(tlb_new(&ok, shifts, TLB_MAX_LEVELS + 1, err, sizeof(err)) == NULL && strstr(err, "levels"));
	CHECK(tlb_new(&ok, bad_shift0, 2, err, sizeof(err)) == NULL && strstr(err, "shift"));
	CHECK(tlb_new(&ok, bad_shift64, 2, err, sizeof(err)) == NULL && strstr(err, "shift"));
}

TEST(extreme_but_valid_configurations_are_accepted)
{
	struct tlb *t = make(65536, 0, TLB_LRU, true, 0);
	CHECK_EQ(tlb_config(t)->ways, 65536);
	tlb_free(t);
	t = make(65536, 1, TLB_PLRU, true, 0);
	tlb_free(t);
	t = make(65536, 65536, TLB_PLRU, true, 0);
	tlb_free(t);
	t = make(3, 3, TLB_LRU, true, 0);
	put(t, 1, 1, 1);
	CHECK(hit(t, 1, 1));
	tlb_free(t);
	t = make(1, 0, TLB_RANDOM, false, 0);
	CHECK_EQ(tlb_config(t)->ways, 1);
	tlb_free(t);
}

TEST(policy_names_parse_and_print)
{
	static const char *const names[] = { "lru", "fifo", "random", "plru" };
	for (unsigned i = 0; i < ARRAY_LEN(names); i++) {
		enum tlb_policy p;
		CHECK(tlb_policy_parse(names[i], &p));
		CHECK_EQ(p, i);
		CHECK_STR(tlb_policy_name(p), names[i]);
	}
	enum tlb_policy p = TLB_FIFO;
	CHECK(!tlb_policy_parse("LRU", &p) && !tlb_policy_parse("", &p) && !tlb_policy_parse("lru ", &p));
	CHECK_EQ(p, TLB_FIFO);
}

/* ---- The naive model ----
 * Per set, a plain array of ways; LRU and FIFO keep a list of the valid ways,
 * next victim first (LRU moves a used way to the end); PLRU keeps a tree of
 * flags, each internal node named by the way where its right half starts;
 * RANDOM draws from its own generator seeded alike. A lookup looks at every
 * page size, without the TLB's shortcuts. */

struct mway {
	uint64_t tag;
	pfn_t pfn;
	asid_t asid;
	bool valid, global, dirty;
	uint8_t level;
};

struct model {
	unsigned sets, ways;
	enum tlb_policy policy;
	bool use_asid;
	struct mway *way;   /* way[set * ways + w] */
	unsigned *queue;    /* per set: ways entries */
	unsigned *queued;   /* per set: how many are in its queue */
	bool *right;        /* PLRU, per set: ways flags, "the victim is in the right half" */
	struct rng rng;
	unsigned occupancy;
	struct tlb_counters ctr;
	uint64_t *asid_hits, *asid_misses;
};

static void model_init(struct model *m, unsigned entries, unsigned ways, enum tlb_policy policy,
		       bool use_asid, uint64_t seed)
{
	memset(m, 0, sizeof(*m));
	m->ways = ways ? ways : entries;
	m->sets = entries / m->ways;
	m->policy = policy;
	m->use_asid = use_asid;
	m->way = xcalloc(entries, sizeof(*m->way));
	m->queue = xcalloc(entries, sizeof(unsigned));
	m->queued = xcalloc(m->sets, sizeof(unsigned));
	m->right = xcalloc(entries, sizeof(bool));
	m->asid_hits = xcalloc(65536, sizeof(uint64_t));
	m->asid_misses = xcalloc(65536, sizeof(uint64_t));
	rng_seed(&m->rng, seed);
}

static void model_fini(struct model *m)
{
	free(m->way);
	free(m->queue);
	free(m->queued);
	free(m->right);
	free(m->asid_hits);
	free(m->asid_misses);
}

/* Takes way w out of its set's queue, if it is there. */
static void queue_remove(struct model *m, unsigned set, unsigned w)
{
	unsigned *q = &m->queue[set * m->ways];
	for (unsigned i = 0; i < m->queued[set]; i++) {
		if (q[i] == w) {
			memmove(&q[i], &q[i + 1], (m->queued[set] - i - 1) * sizeof(unsigned));
			m->queued[set]--;
			return;
		}
	}
}

/* Puts way w at the end of its set's queue (the last to be evicted). */
static void queue_append(struct model *m, unsigned set, unsigned w)
{
	m->queue[set * m->ways + m->queued[set]++] = w;
}

/* PLRU: makes every node above way w point to the half without it. */
static void tree_point_away(struct model *m, unsigned set, unsigned w)
{
	unsigned lo = 0, hi = m->ways;
	while (hi - lo > 1) {
		unsigned mid = (lo + hi) / 2;
		m->right[set * m->ways + mid] = w < mid;
		if (w < mid)
			hi = mid;
		else
			lo = mid;
	}
}

/* PLRU: the way the nodes point to, from the root down. */
static unsigned tree_victim(const struct model *m, unsigned set)
{
	unsigned lo = 0, hi = m->ways;
	while (hi - lo > 1) {
		unsigned mid = (lo + hi) / 2;
		if (m->right[set * m->ways + mid])
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* A hit on (or refill of) way w: LRU moves it last, PLRU points away from it. */
static void model_used(struct model *m, unsigned set, unsigned w)
{
	if (m->policy == TLB_LRU) {
		queue_remove(m, set, w);
		queue_append(m, set, w);
	} else if (m->policy == TLB_PLRU) {
		tree_point_away(m, set, w);
	}
}

static asid_t model_asid(const struct model *m, asid_t asid) { return m->use_asid ? asid : 0; }

/* The index (set * ways + way) of the entry translating (asid, vpn), or -1:
 * of the valid entries of the ASID or global whose page covers vpn, the one of
 * the smallest page size, the ASID's own before a global one. Only the sets
 * where vpn's pages of some size would live can hold one. */
static long model_find(const struct model *m, asid_t asid, vpn_t vpn)
{
	asid_t a = model_asid(m, asid);
	unsigned sets[NLEVELS], best_rank = 2 * NLEVELS;
	long best = -1;
	for (unsigned l = 0; l < NLEVELS; l++) {
		sets[l] = (unsigned)((vpn >> shifts[l]) % m->sets);
		bool seen = false;
		for (unsigned j = 0; j < l; j++)
			seen |= sets[j] == sets[l];
		for (unsigned w = 0; w < m->ways && !seen && best_rank; w++) {
			const struct mway *e = &m->way[sets[l] * m->ways + w];
			unsigned rank = 2 * e->level + e->global;
			if (e->valid && e->tag == vpn >> shifts[e->level] && (e->global || e->asid == a) &&
			    rank < best_rank) {
				best_rank = rank;
				best = sets[l] * m->ways + w;
			}
		}
	}
	return best;
}

/* model_find, counting a hit or a miss and using the entry found. */
static long model_lookup(struct model *m, asid_t asid, vpn_t vpn)
{
	long i = model_find(m, asid, vpn);
	if (i < 0) {
		m->ctr.misses++;
		m->asid_misses[asid]++;
		return -1;
	}
	m->ctr.hits++;
	m->asid_hits[asid]++;
	model_used(m, (unsigned)i / m->ways, (unsigned)i % m->ways);
	return i;
}

/* Invalidates the valid way w. */
static void model_remove(struct model *m, unsigned set, unsigned w)
{
	m->way[set * m->ways + w].valid = false;
	if (m->policy == TLB_LRU || m->policy == TLB_FIFO)
		queue_remove(m, set, w);
	m->occupancy--;
}

/* Which way of a full set receives a new entry. */
static unsigned model_victim(struct model *m, unsigned set)
{
	unsigned w = 0;
	if (m->policy == TLB_LRU || m->policy == TLB_FIFO)
		w = m->queue[set * m->ways];
	else if (m->policy == TLB_RANDOM)
		w = (unsigned)rng_below(&m->rng, m->ways);
	else
		w = tree_victim(m, set);
	m->ctr.evictions++;
	model_remove(m, set, w);
	return w;
}

/* Inserts like tlb_insert: the same entry replaced in place, else the lowest
 * invalid way, else the victim. Returns the index used. */
static long model_insert(struct model *m, asid_t asid, vpn_t vpn, const struct tlb_entry *in)
{
	asid_t a = model_asid(m, asid);
	uint64_t tag = vpn >> shifts[in->level];
	unsigned set = (unsigned)(tag % m->sets), w, free = m->ways;
	bool global = in->global;
	for (w = 0; w < m->ways; w++) {
		struct mway *e = &m->way[set * m->ways + w];
		if (!e->valid) {
			free = free < w ? free : w;
		} else if (e->level == in->level && e->tag == tag && e->global == global &&
			   (global || e->asid == a)) {
			e->pfn = in->pfn;
			e->dirty = in->dirty;
			e->asid = a;
			model_used(m, set, w);
			return set * m->ways + w;
		}
	}
	w = free < m->ways ? free : model_victim(m, set);
	struct mway fresh = { .tag = tag, .pfn = in->pfn, .asid = a, .valid = true, .global = global,
			      .dirty = in->dirty, .level = in->level };
	m->way[set * m->ways + w] = fresh;
	m->occupancy++;
	if (m->policy == TLB_LRU || m->policy == TLB_FIFO)
		queue_append(m, set, w);
	else if (m->policy == TLB_PLRU)
		tree_point_away(m, set, w);
	return set * m->ways + w;
}

/* Removes the valid entries for which match() holds; counts one flush. */
static void model_flush(struct model *m, bool (*match)(const struct mway *, asid_t, vpn_t), asid_t a,
			vpn_t vpn)
{
	m->ctr.flushes++;
	for (unsigned set = 0; set < m->sets; set++) {
		for (unsigned w = 0; w < m->ways; w++) {
			if (m->way[set * m->ways + w].valid && match(&m->way[set * m->ways + w], a, vpn)) {
				model_remove(m, set, w);
				m->ctr.flushed_entries++;
			}
		}
	}
}

static bool match_all(const struct mway *e, asid_t a, vpn_t vpn)
{
	(void)e, (void)a, (void)vpn;
	return true;
}

static bool match_asid(const struct mway *e, asid_t a, vpn_t vpn)
{
	(void)vpn;
	return !e->global && e->asid == a;
}

static bool match_va(const struct mway *e, asid_t a, vpn_t vpn)
{
	return (e->global || e->asid == a) && e->tag == vpn >> shifts[e->level];
}

/* ---- The random stream ----
 * Base pages of a working set about 1.5 times the TLB (skewed towards its
 * start), 2 MiB superpages, 1 GiB superpages and a few global kernel pages.
 * The "page table" (level, global, pfn) is a function of the page. */

#define VPN_BASE 0x10000ull
#define VPN_MID 0x200000ull     /* level-1 region: 16 superpages */
#define VPN_KERNEL 0x8000000ull /* 64 global base pages */
#define VPN_GIANT 0x40000000ull /* level-2 region: 4 superpages */

struct stream {
	struct rng rng;
	unsigned ws;
	asid_t cur;
};

static uint64_t below(struct stream *s, uint64_t n) { return rng_below(&s->rng, n); }

static vpn_t stream_vpn(struct stream *s)
{
	uint64_t r = below(s, 100);
	if (r < 60)
		return VPN_BASE + below(s, below(s, s->ws) + 1);
	if (r < 75)
		return VPN_BASE + below(s, 2 * s->ws);
	if (r < 78)
		return VPN_BASE + below(s, 1 << 20);
	if (r < 88)
		return VPN_MID + below(s, 16 << 9);
	if (r < 90)
		return VPN_GIANT + below(s, 4 << 18);
	return VPN_KERNEL + below(s, 64);
}

/* Mostly the current process, which changes now and then; sometimes any. */
static asid_t stream_asid(struct stream *s)
{
	static const asid_t asids[] = { 0, 1, 2, 3, 4, 257, 0x8001, 0xffff };
	if (below(s, 2000) == 0)
		s->cur = asids[1 + below(s, ARRAY_LEN(asids) - 1)];
	if (below(s, 20) == 0)
		return asids[below(s, ARRAY_LEN(asids))];
	return s->cur;
}

/* What the page table maps vpn to for asid. */
static struct tlb_entry pt_entry(asid_t asid, vpn_t vpn, bool dirty)
{
	unsigned level = vpn >= VPN_GIANT ? 2 : vpn >= VPN_MID && vpn < VPN_KERNEL ? 1 : 0;
	bool global = vpn >= VPN_KERNEL && vpn < VPN_GIANT;
	pfn_t pfn = ((vpn >> shifts[level]) << 4 | (global ? 0 : asid)) * 7 + 1;
	struct tlb_entry e = page(pfn, level, global);
	e.dirty = dirty;
	return e;
}

/* ---- The differential run ---- */

#define DIFF_STEPS 200000

struct geometry {
	const char *name;
	unsigned entries, ways;
	bool asid;
	unsigned steps;
};

static const struct geometry geometries[] = {
	{ "direct-mapped 16", 16, 1, true, DIFF_STEPS },
	{ "2-way 2", 2, 2, true, DIFF_STEPS },
	{ "1 entry", 1, 1, true, DIFF_STEPS },
	{ "4-way 64", 64, 4, true, DIFF_STEPS },
	{ "4-way 64 without ASIDs", 64, 4, false, DIFF_STEPS },
	{ "8-way 512", 512, 8, true, DIFF_STEPS },
	{ "3-way 12", 12, 3, true, DIFF_STEPS },
	{ "12-way 48", 48, 12, true, DIFF_STEPS },
	{ "16-way 1024", 1024, 16, true, DIFF_STEPS },
	{ "fully associative 64", 64, 0, true, DIFF_STEPS },
	{ "fully associative 128", 128, 0, true, DIFF_STEPS },
	{ "fully associative 4096", 4096, 0, true, DIFF_STEPS },
	{ "fully associative 8192", 8192, 0, true, 60000 }, /* PLRU: a tree of three chunks */
};

struct run {
	const struct geometry *g;
	enum tlb_policy policy;
	uint64_t seed;
	unsigned step;
	struct tlb *t;
	struct model m;
	struct stream s;
};

PRINTF_LIKE(2, 3) NORETURN static void diverged(const struct run *r, const char *fmt, ...)
{
	char what[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	FAIL("seed %llu, %s, policy %s, step %u: %s", (unsigned long long)r->seed, r->g->name,
	     tlb_policy_name(r->policy), r->step, what);
}

/* Compares the TLB's answer with the model's (index i, or -1 for none). */
static void compare(const struct run *r, const char *op, const struct tlb_entry *e, long i)
{
	if (!e != (i < 0))
		diverged(r, "%s: tlb %s, model %s", op, e ? "hit" : "miss", i < 0 ? "miss" : "hit");
	if (!e)
		return;
	const struct mway *w = &r->m.way[i];
	if (slot_of(r->t, e) != i || e->tag != w->tag || e->pfn != w->pfn || e->level != w->level ||
	    e->global != w->global || e->asid != w->asid || e->dirty != w->dirty || !e->valid)
		diverged(r, "%s: tlb slot %ld (tag %#llx level %u asid %u) != "
			 "model slot %ld (tag %#llx level %u asid %u)",
			 op, slot_of(r->t, e), (unsigned long long)e->tag, e->level, e->asid, i,
			 (unsigned long long)w->tag, w->level, w->asid);
}

/* A lookup, and like the MMU an insert after a miss. */
static void step_lookup(struct run *r, asid_t asid, vpn_t vpn)
{
	const struct tlb_entry *e = tlb_lookup(r->t, asid, vpn);
	compare(r, "lookup", e, model_lookup(&r->m, asid, vpn));
	if (!e) {
		struct tlb_entry in = pt_entry(asid, vpn, below(&r->s, 2));
		compare(r, "insert after miss", tlb_insert(r->t, asid, vpn, &in),
			model_insert(&r->m, asid, vpn, &in));
	}
}

/* An insert whether or not the page is present (a refill when it is). */
static void step_insert(struct run *r, asid_t asid, vpn_t vpn, bool odd)
{
	struct tlb_entry in = pt_entry(asid, vpn, below(&r->s, 2));
	if (odd) { /* not what the page table says: any level, global or not */
		in.level = (uint8_t)below(&r->s, NLEVELS);
		in.global = (uint8_t)below(&r->s, 2);
	}
	compare(r, "insert", tlb_insert(r->t, asid, vpn, &in), model_insert(&r->m, asid, vpn, &in));
}

/* One operation. Whole-ASID and whole-TLB flushes are rarer the larger the TLB,
 * so that even 4096 entries fill up and evict between them. */
static void step(struct run *r)
{
	asid_t asid = stream_asid(&r->s);
	vpn_t vpn = stream_vpn(&r->s);
	uint64_t n = r->g->entries, p = below(&r->s, 10000);
	if (r->step % 65536 == 65535 || below(&r->s, 64 * n + 20000) == 0) {
		tlb_flush_all(r->t);
		model_flush(&r->m, match_all, 0, 0);
	} else if (below(&r->s, 8 * n + 500) == 0) {
		tlb_flush_asid(r->t, asid);
		model_flush(&r->m, match_asid, model_asid(&r->m, asid), 0);
	} else if (p < 9000) {
		step_lookup(r, asid, vpn);
	} else if (p < 9300) {
		step_insert(r, asid, vpn, false);
	} else if (p < 9400) {
		step_insert(r, asid, vpn, true);
	} else if (p < 9700) {
		compare(r, "probe", tlb_probe(r->t, asid, vpn), model_find(&r->m, asid, vpn));
	} else {
		tlb_flush_va(r->t, asid, vpn);
		model_flush(&r->m, match_va, model_asid(&r->m, asid), vpn);
	}
}

/* Compares the global and every ASID's counters with the model's. */
static void compare_counters(const struct run *r)
{
	const struct tlb_counters *c = tlb_counters(r->t);
	const struct tlb_counters *mc = &r->m.ctr;
	if (c->hits != mc->hits || c->misses != mc->misses || c->evictions != mc->evictions ||
	    c->flushes != mc->flushes || c->flushed_entries != mc->flushed_entries)
		diverged(r, "counters: tlb %llu/%llu/%llu/%llu/%llu, model %llu/%llu/%llu/%llu/%llu "
			 "(hits/misses/evictions/flushes/flushed)",
			 (unsigned long long)c->hits, (unsigned long long)c->misses,
			 (unsigned long long)c->evictions, (unsigned long long)c->flushes,
			 (unsigned long long)c->flushed_entries, (unsigned long long)mc->hits,
			 (unsigned long long)mc->misses, (unsigned long long)mc->evictions,
			 (unsigned long long)mc->flushes, (unsigned long long)mc->flushed_entries);
	for (unsigned a = 0; a < 65536; a++) {
		uint64_t h, m;
		tlb_asid_counters(r->t, (asid_t)a, &h, &m);
		if (h != r->m.asid_hits[a] || m != r->m.asid_misses[a])
			diverged(r, "asid %u counters: tlb %llu/%llu, model %llu/%llu", a,
				 (unsigned long long)h, (unsigned long long)m,
				 (unsigned long long)r->m.asid_hits[a], (unsigned long long)r->m.asid_misses[a]);
	}
}

/* Runs the TLB and the model side by side for g->steps operations. */
static void differential(enum tlb_policy policy, const struct geometry *g, uint64_t seed)
{
	struct run r = { .g = g, .policy = policy, .seed = seed };
	char err[256];
	r.t = make(g->entries, g->ways, policy, g->asid, seed);
	model_init(&r.m, g->entries, g->ways, policy, g->asid, seed);
	rng_seed(&r.s.rng, seed ^ 0x5eed);
	r.s.ws = g->entries + g->entries / 2 + 2;
	r.s.cur = 1;
	for (r.step = 0; r.step < g->steps; r.step++) {
		step(&r);
		if (tlb_occupancy(r.t) != r.m.occupancy)
			diverged(&r, "occupancy: tlb %u, model %u", tlb_occupancy(r.t), r.m.occupancy);
		if (r.step % 4999 == 0 && !tlb_check(r.t, err, sizeof(err)))
			diverged(&r, "tlb_check: %s", err);
	}
	if (!tlb_check(r.t, err, sizeof(err)))
		diverged(&r, "tlb_check: %s", err);
	compare_counters(&r);
	tlb_free(r.t);
	model_fini(&r.m);
}

/* Runs one policy on every geometry it accepts, each with its own seed. */
static void differential_all(enum tlb_policy policy)
{
	for (unsigned i = 0; i < ARRAY_LEN(geometries); i++) {
		const struct geometry *g = &geometries[i];
		unsigned ways = g->ways ? g->ways : g->entries;
		if (policy == TLB_PLRU && (ways & (ways - 1)))
			continue;
		differential(policy, g, 1000 * (uint64_t)policy + i + 1);
	}
}

TEST(lru_agrees_with_a_naive_model_on_a_random_stream) { differential_all(TLB_LRU); }
TEST(fifo_agrees_with_a_naive_model_on_a_random_stream) { differential_all(TLB_FIFO); }
TEST(random_agrees_with_a_naive_model_on_a_random_stream) { differential_all(TLB_RANDOM); }
TEST(plru_agrees_with_a_naive_model_on_a_random_stream) { differential_all(TLB_PLRU); }
