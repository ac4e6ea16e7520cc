/* vmlab exercise tlb (cli/ex_tlb.c) against two independent runs of its
 * trace: a TLB of hw/tlb built and driven here, and, for LRU and FIFO, a
 * naive model (per set, a list in replacement order). For many seeds,
 * geometries and policies, every hit/miss answer and the totals must agree. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/exercise.h"
#include "hw/tlb.h"
#include "tests/harness.h"

struct answers {
	struct ex_run run;
	char *text;
	size_t len;
};

/* Runs the exercise with flags (a NULL-terminated list) in --json's mode,
 * so that every question is recorded; its text goes to a buffer. */
static void run_tlb(struct answers *a, const char *const *flags)
{
	char *argv[40];
	int argc = 0;
	while (flags[argc]) {
		argv[argc] = (char *)flags[argc];
		argc++;
	}
	memset(a, 0, sizeof *a);
	a->run = (struct ex_run){.name = "tlb", .mode = EX_JSON, .words = ""};
	a->run.out = open_memstream(&a->text, &a->len);
	if (!a->run.out)
		FAIL("open_memstream");
	int st = ex_tlb(&a->run, argc, argv);
	fclose(a->run.out);
	if (st != 0)
		FAIL("ex_tlb exited %d:\n%s", st, a->text);
}

static void answers_free(struct answers *a)
{
	for (size_t i = 0; i < a->run.nq; i++) {
		free(a->run.q[i].ask);
		free(a->run.q[i].word);
		free(a->run.q[i].working);
	}
	free(a->run.q);
	free(a->text);
}

/* The address question i asks about ("VA  3: 0x0001ba6c"). */
static uint64_t asked_va(const struct answers *a, size_t i)
{
	const char *x = strstr(a->run.q[i].ask, ": 0x");
	if (!x)
		FAIL("question %zu, \"%s\", names no address", i, a->run.q[i].ask);
	return strtoull(x + 2, NULL, 16);
}

/* The accesses: every question but the last three (hits, misses, time). */
static size_t accesses(const struct answers *a)
{
	CHECK(a->run.nq > 3);
	CHECK_STR(a->run.q[a->run.nq - 3].ask, "hits");
	CHECK_STR(a->run.q[a->run.nq - 2].ask, "misses");
	CHECK_STR(a->run.q[a->run.nq - 1].ask, "total time (ns)");
	return a->run.nq - 3;
}

/* The totals the exercise gave: hits, misses, and the time of the model
 * it states (1 ns a lookup, 80 ns a DRAM reference, levels of them a miss). */
static void check_totals(const struct answers *a, uint64_t hits, uint64_t misses, unsigned levels)
{
	size_t n = accesses(a);
	CHECK_EQ(a->run.q[n].value, hits);
	CHECK_EQ(a->run.q[n + 1].value, misses);
	CHECK_EQ(a->run.q[n + 2].value, (hits + misses) * 81 + misses * levels * 80);
}

/* Replays the exercise's trace through a TLB of hw/tlb built here. */
static void check_against_hw(const struct answers *a, unsigned entries, unsigned ways, enum tlb_policy policy,
			     uint64_t seed, unsigned page_shift)
{
	struct tlb_config cfg = {.entries = entries, .ways = ways, .policy = policy, .seed = seed};
	unsigned shift0 = 0;
	char err[200];
	struct tlb *t = tlb_new(&cfg, &shift0, 1, err, sizeof err);
	if (!t)
		FAIL("tlb_new: %s", err);
	uint64_t hits = 0, misses = 0;
	for (size_t i = 0; i < accesses(a); i++) {
		vpn_t vpn = asked_va(a, i) >> page_shift;
		bool hit = tlb_lookup(t, 0, vpn) != NULL;
		if (!hit) {
			struct tlb_entry e = {.pfn = vpn};
			tlb_insert(t, 0, vpn, &e);
		}
		if (strcmp(a->run.q[i].word, hit ? "hit" : "miss"))
			FAIL("seed %" PRIu64 ", %u entries, %u ways, %s: access %zu answered %s, hw/tlb %s", seed, entries,
			     ways, tlb_policy_name(policy), i, a->run.q[i].word, hit ? "hits" : "misses");
		hits += hit, misses += !hit;
	}
	check_totals(a, hits, misses, 1);
	tlb_free(t);
}

/* The naive model of LRU or FIFO: per set, its VPNs oldest first (by last
 * use for LRU, by fill for FIFO). */
static void check_against_lists(const struct answers *a, unsigned entries, unsigned ways, bool lru, unsigned page_shift)
{
	unsigned sets = entries / ways;
	uint64_t *list = calloc(entries, sizeof *list);
	unsigned *len = calloc(sets, sizeof *len);
	for (size_t i = 0; i < accesses(a); i++) {
		uint64_t vpn = asked_va(a, i) >> page_shift, *l = list + (vpn % sets) * ways;
		unsigned *n = &len[vpn % sets], at = 0;
		while (at < *n && l[at] != vpn)
			at++;
		bool hit = at < *n;
		if (hit && lru) {
			memmove(l + at, l + at + 1, (*n - at - 1) * sizeof *l);
			l[*n - 1] = vpn;
		} else if (!hit) {
			if (*n == ways)
				memmove(l, l + 1, (--*n) * sizeof *l);
			l[(*n)++] = vpn;
		}
		if (strcmp(a->run.q[i].word, hit ? "hit" : "miss"))
			FAIL("%u entries, %u ways, %s: access %zu answered %s, the list model %s", entries, ways,
			     lru ? "lru" : "fifo", i, a->run.q[i].word, hit ? "hits" : "misses");
	}
	free(list);
	free(len);
}

static const unsigned geometries[][2] = {{1, 1}, {4, 1}, {8, 2}, {8, 8}, {16, 4}, {32, 16}, {64, 64}};
static const char *const policies[] = {"lru", "fifo", "random", "plru"};

TEST(every_answer_equals_a_replay_through_hw_tlb_and_lru_fifo_equal_a_list_model)
{
	for (unsigned seed = 0; seed < 12; seed++) {
		for (size_t g = 0; g < sizeof geometries / sizeof geometries[0]; g++) {
			for (unsigned p = 0; p < 4; p++) {
				char s[16], e[16], w[16];
				snprintf(s, sizeof s, "%u", seed);
				snprintf(e, sizeof e, "%u", geometries[g][0]);
				snprintf(w, sizeof w, "%u", geometries[g][1]);
				const char *flags[] = {"-s", s, "-e", e, "-w", w, "-p", policies[p], "-n", "200", "-m", "96",
						       "-W", "12", "-l", "85", NULL};
				struct answers a;
				run_tlb(&a, flags);
				enum tlb_policy pol;
				CHECK(tlb_policy_parse(policies[p], &pol));
				check_against_hw(&a, geometries[g][0], geometries[g][1], pol, seed, 12);
				if (pol == TLB_LRU || pol == TLB_FIFO)
					check_against_lists(&a, geometries[g][0], geometries[g][1], pol == TLB_LRU, 12);
				answers_free(&a);
			}
		}
	}
}

TEST(given_addresses_are_the_trace_in_order)
{
	const char *flags[] = {"-P", "16", "-a", "0x10,32,0x14,0x30,24", "-e", "2", "-w", "2", "-p", "fifo", NULL};
	static const uint64_t va[] = {0x10, 32, 0x14, 0x30, 24};
	static const char *const fifo[] = {"miss", "miss", "hit", "miss", "miss"};
	struct answers a;
	run_tlb(&a, flags);
	CHECK_EQ(accesses(&a), 5);
	for (size_t i = 0; i < 5; i++) {
		CHECK_EQ(asked_va(&a, i), va[i]);
		CHECK_STR(a.run.q[i].word, fifo[i]);
	}
	check_totals(&a, 1, 4, 1);
	answers_free(&a);
}

TEST(the_time_charges_each_miss_its_page_walk_levels)
{
	const char *flags[] = {"-P", "16", "-a", "0,4,16,0", "-L", "4", NULL};
	struct answers a;
	run_tlb(&a, flags);
	check_totals(&a, 2, 2, 4);
	answers_free(&a);
}

TEST(a_seed_gives_one_trace_and_another_seed_another)
{
	const char *one[] = {"-s", "7", NULL}, *other[] = {"-s", "8", NULL};
	struct answers a, b, c;
	run_tlb(&a, one);
	run_tlb(&b, one);
	run_tlb(&c, other);
	CHECK_EQ(accesses(&a), 10);
	bool differ = false;
	for (size_t i = 0; i < accesses(&a); i++) {
		CHECK_EQ(asked_va(&a, i), asked_va(&b, i));
		differ = differ || asked_va(&a, i) != asked_va(&c, i);
	}
	CHECK(differ);
	CHECK_STR(a.text, b.text);
	answers_free(&a);
	answers_free(&b);
	answers_free(&c);
}

TEST(generated_pages_stay_below_maxpage_and_offsets_within_the_page)
{
	const char *flags[] = {"-s", "3", "-m", "5", "-W", "5", "-P", "64", "-n", "500", "-l", "50", NULL};
	struct answers a;
	run_tlb(&a, flags);
	for (size_t i = 0; i < accesses(&a); i++)
		CHECK(asked_va(&a, i) < 5 * 64);
	answers_free(&a);
}
