/* Page-replacement policies: textbook fault counts, hand-traced rules, and
 * every policy against a naive model of itself on long seeded traces, both
 * driven by a tiny simulator of frames with hardware A and D bits. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/rng.h"
#include "os/policy.h"
#include "tests/harness.h"

#define NONE UINT64_MAX

/* ---- The simulator: pages, frames and the A/D bits of their PTEs ---- */

struct sim {
	struct policy pol;
	uint64_t nframes, npages, resident;
	uint64_t free_hint; /* every frame below it holds a page */
	uint64_t *frame_of; /* per page: its frame, or NONE */
	uint64_t *page_of;  /* per frame: its page, or NONE */
	bool *a, *d;        /* per frame: the A and D bits of its page */
	uint64_t *stamp, clock; /* per frame: the reference stamp of its page (env.last_use) */
	uint64_t faults, evictions;
	pfn_t victim;       /* the frame evicted by the last fault, or NONE */
};

enum outcome { HIT, FAULT_FREE_FRAME, FAULT_EVICTED };

/* Checks that the policy asks only about resident frames. */
static struct sim *resident_frame(void *ctx, pfn_t f)
{
	struct sim *s = ctx;
	if (f >= s->nframes || s->page_of[f] == NONE)
		FAIL("%s asked about frame %" PRIu64 ", which holds no page", s->pol.ops->name, f);
	return s;
}

/* The env callbacks: the A and D bits of a resident frame. */
static bool sim_test_and_clear_accessed(void *ctx, pfn_t f)
{
	struct sim *s = resident_frame(ctx, f);
	bool was = s->a[f];
	s->a[f] = false;
	return was;
}

static bool sim_is_accessed(void *ctx, pfn_t f) { return resident_frame(ctx, f)->a[f]; }
static bool sim_is_dirty(void *ctx, pfn_t f) { return resident_frame(ctx, f)->d[f]; }

/* An array of n NONEs. */
static uint64_t *nones(uint64_t n)
{
	uint64_t *v = xmalloc(n * sizeof *v);
	for (uint64_t i = 0; i < n; i++)
		v[i] = NONE;
	return v;
}

/* An empty machine of nframes frames for pages [0, npages) run by ops. */
static void sim_init(struct sim *s, const struct policy_ops *ops, uint64_t nframes, uint64_t npages, uint64_t seed)
{
	memset(s, 0, sizeof *s);
	s->nframes = nframes;
	s->npages = npages;
	s->frame_of = nones(npages);
	s->page_of = nones(nframes);
	s->a = xcalloc(nframes, sizeof *s->a);
	s->d = xcalloc(nframes, sizeof *s->d);
	s->stamp = xcalloc(nframes, sizeof *s->stamp);
	s->victim = NONE;
	struct policy_env env = {
		.nframes = nframes,
		.seed = seed,
		.test_and_clear_accessed = sim_test_and_clear_accessed,
		.is_accessed = sim_is_accessed,
		.is_dirty = sim_is_dirty,
		.ctx = s,
		.last_use = s->stamp,
	};
	policy_init(&s->pol, ops, &env);
}

static void sim_fini(struct sim *s)
{
	policy_fini(&s->pol);
	free(s->frame_of);
	free(s->page_of);
	free(s->a);
	free(s->d);
	free(s->stamp);
}

/* The page leaves its frame (freed or evicted). */
static void sim_unmap(struct sim *s, uint64_t page)
{
	pfn_t f = s->frame_of[page];
	policy_remove(&s->pol, f);
	s->frame_of[page] = NONE;
	s->page_of[f] = NONE;
	s->resident--;
	if (f < s->free_hint)
		s->free_hint = f;
}

/* The process holding page exits or frees it: it leaves memory if resident. */
static void sim_drop(struct sim *s, uint64_t page)
{
	if (s->frame_of[page] != NONE)
		sim_unmap(s, page);
}

/* Evicts the policy's victim, if anything is resident, and records it in
 * s->victim (NONE when nothing was resident). */
static void sim_page_out(struct sim *s)
{
	pfn_t v;
	s->victim = NONE;
	if (!policy_victim(&s->pol, &v)) {
		if (s->resident)
			FAIL("%s found no victim among %" PRIu64 " frames", s->pol.ops->name, s->resident);
		return;
	}
	if (v >= s->nframes || s->page_of[v] == NONE)
		FAIL("%s chose frame %" PRIu64 ", which holds no page", s->pol.ops->name, v);
	s->victim = v;
	s->evictions++;
	sim_unmap(s, s->page_of[v]);
}

/* The lowest free frame, or else the policy's victim, evicted. */
static pfn_t sim_frame_for_fault(struct sim *s, enum outcome *out)
{
	s->victim = NONE;
	if (s->resident < s->nframes) {
		*out = FAULT_FREE_FRAME;
		while (s->page_of[s->free_hint] != NONE)
			s->free_hint++;
		return s->free_hint;
	}
	*out = FAULT_EVICTED;
	sim_page_out(s);
	return s->victim;
}

/* One reference: a fault brings the page in; the reference is stamped (the
 * one that made a page resident before insert) and told with touch (every
 * policy must accept it: the models of lru and opt learn from it); the
 * hardware sets A, and D on a write. */
static enum outcome sim_access(struct sim *s, uint64_t page, bool write, uint64_t next_use)
{
	enum outcome out = HIT;
	pfn_t f = s->frame_of[page];
	if (f == NONE) {
		s->faults++;
		f = sim_frame_for_fault(s, &out);
		s->frame_of[page] = f;
		s->page_of[f] = page;
		s->resident++;
		s->a[f] = s->d[f] = false;
		s->stamp[f] = ++s->clock;
		policy_insert(&s->pol, f, next_use);
	} else {
		s->stamp[f] = ++s->clock;
		policy_touch(&s->pol, f, next_use);
	}
	s->a[f] = true;
	s->d[f] |= write;
	return out;
}

/* ---- Traces ---- */

struct trace {
	uint64_t n, npages;
	uint64_t *page;
	uint8_t *write;
	uint64_t *next_use; /* index of the next reference to the same page, or UINT64_MAX */
	uint64_t *drop;     /* a page to drop before reference i, or NONE */
	uint8_t *page_out;  /* evict a victim before reference i (a pageout daemon) */
};

/* n references to page 0, all reads, with nothing dropped or paged out. */
static void trace_alloc(struct trace *t, uint64_t n, uint64_t npages)
{
	t->n = n;
	t->npages = npages;
	t->page = xcalloc(n, sizeof *t->page);
	t->write = xcalloc(n, 1);
	t->next_use = xcalloc(n, sizeof *t->next_use);
	t->drop = nones(n);
	t->page_out = xcalloc(n, 1);
}

static void trace_free(struct trace *t)
{
	free(t->page);
	free(t->write);
	free(t->next_use);
	free(t->drop);
	free(t->page_out);
}

/* Computes next_use from the pages, scanning backwards. */
static void trace_fill_next_use(struct trace *t)
{
	uint64_t *last = nones(t->npages);
	for (uint64_t i = t->n; i-- > 0;) {
		t->next_use[i] = last[t->page[i]];
		last[t->page[i]] = i;
	}
	free(last);
}

/* A reference string of reads from a literal list of page numbers. */
static void trace_of(struct trace *t, const int *pages, uint64_t n)
{
	uint64_t npages = 0;
	for (uint64_t i = 0; i < n; i++)
		npages = (uint64_t)pages[i] + 1 > npages ? (uint64_t)pages[i] + 1 : npages;
	trace_alloc(t, n, npages);
	for (uint64_t i = 0; i < n; i++)
		t->page[i] = (uint64_t)pages[i];
	trace_fill_next_use(t);
}

enum trace_kind { TRACE_UNIFORM, TRACE_LOOP, TRACE_PHASES, TRACE_KINDS };
static const char *const trace_kind_name[] = { "uniform", "loop", "phases" };

/* The page of reference i: uniform over 2n+1 pages; a loop over n+1 pages
 * (which defeats LRU); or 90% from a hot set of n/2+1 pages that moves every
 * 5000 references, among 4n+4 pages. */
static uint64_t trace_pick(enum trace_kind kind, uint64_t nframes, uint64_t npages, uint64_t i, struct rng *r)
{
	switch (kind) {
	case TRACE_UNIFORM: return rng_below(r, npages);
	case TRACE_LOOP: return i % npages;
	default: break;
	}
	uint64_t hot = nframes / 2 + 1;
	if (rng_below(r, 10) == 0)
		return rng_below(r, npages);
	return ((i / 5000) * 7 * hot / 3 + rng_below(r, hot)) % npages;
}

/* n seeded references of that kind for nframes frames: 30% writes, and about
 * one reference in 256 preceded by dropping a random page, and one in 256 by
 * paging out a victim (so that victims are also chosen with frames free). */
static void trace_random(struct trace *t, enum trace_kind kind, uint64_t nframes, uint64_t n, uint64_t seed)
{
	static const uint64_t pages_per_frame[] = { 2, 1, 4 };
	static const uint64_t extra_pages[] = { 1, 1, 4 };
	struct rng r;
	rng_seed(&r, seed);
	trace_alloc(t, n, nframes * pages_per_frame[kind] + extra_pages[kind]);
	for (uint64_t i = 0; i < n; i++) {
		t->page[i] = trace_pick(kind, nframes, t->npages, i, &r);
		t->write[i] = rng_below(&r, 10) < 3;
		if (rng_below(&r, 256) == 0)
			t->drop[i] = rng_below(&r, t->npages);
		t->page_out[i] = rng_below(&r, 256) == 0;
	}
	trace_fill_next_use(t);
}

/* Runs the trace and returns the number of faults. */
static uint64_t faults_of(const char *policy, const struct trace *t, uint64_t nframes)
{
	struct sim s;
	sim_init(&s, policy_find(policy), nframes, t->npages, 1);
	for (uint64_t i = 0; i < t->n; i++) {
		if (t->drop[i] != NONE)
			sim_drop(&s, t->drop[i]);
		if (t->page_out[i])
			sim_page_out(&s);
		sim_access(&s, t->page[i], t->write[i], t->next_use[i]);
	}
	uint64_t faults = s.faults;
	sim_fini(&s);
	return faults;
}

/* ---- The textbook ---- */

static const int silberschatz[] = { 7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1 };
static const int belady[] = { 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5 };

/* Faults of the policy on a reference string of reads. */
static uint64_t textbook_faults(const char *policy, const int *pages, uint64_t n, uint64_t nframes)
{
	struct trace t;
	trace_of(&t, pages, n);
	uint64_t faults = faults_of(policy, &t, nframes);
	trace_free(&t);
	return faults;
}

TEST(fifo_takes_15_faults_on_the_textbook_string_with_3_frames)
{
	CHECK_EQ(textbook_faults("fifo", silberschatz, ARRAY_LEN(silberschatz), 3), 15);
}

TEST(lru_takes_12_faults_on_the_textbook_string_with_3_frames)
{
	CHECK_EQ(textbook_faults("lru", silberschatz, ARRAY_LEN(silberschatz), 3), 12);
}

TEST(opt_takes_9_faults_on_the_textbook_string_with_3_frames)
{
	CHECK_EQ(textbook_faults("opt", silberschatz, ARRAY_LEN(silberschatz), 3), 9);
}

/* Clock on 7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1, 3 frames. Each line is the
 * circle read from the hand after the reference, * = A set; the hand clears
 * A bits until it finds one clear, the new page goes just before the hand.
 *    7  F  7*
 *    0  F  7* 0*
 *    1  F  7* 0* 1*
 *    2  F  0  1  2*      (clears 7 0 1, evicts 7)
 *    0     0* 1  2*
 *    3  F  2* 0  3*      (clears 0, evicts 1)
 *    0     2* 0* 3*
 *    4  F  0  3  4*      (clears all, evicts 2)
 *    2  F  3  4* 2*      (evicts 0)
 *    3     3* 4* 2*
 *    0  F  4  2  0*      (clears all, evicts 3)
 *    3  F  2  0* 3*      (evicts 4)
 *    2     2* 0* 3*
 *    1  F  0  3  1*      (clears all, evicts 2)
 *    2  F  3  1* 2*      (evicts 0)
 *    0  F  1* 2* 0*      (evicts 3)
 *    1     1* 2* 0*
 *    7  F  2  0  7*      (clears all, evicts 1)
 *    0     2  0* 7*
 *    1  F  0* 7* 1*      (evicts 2)
 * 14 faults. */
TEST(clock_takes_14_faults_on_the_textbook_string_with_3_frames)
{
	CHECK_EQ(textbook_faults("clock", silberschatz, ARRAY_LEN(silberschatz), 3), 14);
}

TEST(fifo_shows_beladys_anomaly_9_faults_with_3_frames_10_with_4)
{
	CHECK_EQ(textbook_faults("fifo", belady, ARRAY_LEN(belady), 3), 9);
	CHECK_EQ(textbook_faults("fifo", belady, ARRAY_LEN(belady), 4), 10);
}

TEST(lru_and_opt_show_no_anomaly_on_beladys_string)
{
	CHECK_EQ(textbook_faults("lru", belady, ARRAY_LEN(belady), 3), 10);
	CHECK_EQ(textbook_faults("lru", belady, ARRAY_LEN(belady), 4), 8);
	CHECK_EQ(textbook_faults("opt", belady, ARRAY_LEN(belady), 3), 7);
	CHECK_EQ(textbook_faults("opt", belady, ARRAY_LEN(belady), 4), 6);
}

/* ---- Hand-traced rules ---- */

/* Loads pages 0..n-1 into frames 0..n-1 of s, then sets their A and D bits from
 * the strings ("1" or "0" per frame). */
static void sim_preload(struct sim *s, const char *a, const char *d)
{
	for (uint64_t p = 0; p < s->nframes; p++)
		sim_access(s, p, false, NONE);
	for (uint64_t f = 0; f < s->nframes; f++) {
		s->a[f] = a[f] == '1';
		s->d[f] = d[f] == '1';
	}
}

/* The policy's victim, which must exist; nothing is evicted. */
static pfn_t victim_of(struct sim *s)
{
	pfn_t v = NONE;
	CHECK(policy_victim(&s->pol, &v));
	return v;
}

TEST(eclock_takes_an_unreferenced_clean_page_without_clearing_any_bit)
{
	struct sim s;
	sim_init(&s, policy_find("eclock"), 4, 8, 1);
	sim_preload(&s, "1100", "0110"); /* classes (1,0) (1,1) (0,1) (0,0) */
	CHECK_EQ(victim_of(&s), 3);
	CHECK(s.a[0] && s.a[1] && !s.a[2]);
	sim_fini(&s);
}

TEST(eclock_takes_an_unreferenced_dirty_page_clearing_a_bits_it_passes)
{
	struct sim s;
	sim_init(&s, policy_find("eclock"), 4, 8, 1);
	sim_preload(&s, "1101", "0111"); /* (1,0) (1,1) (0,1) (1,1) */
	CHECK_EQ(victim_of(&s), 2);      /* sweep 2 clears frames 0 and 1 */
	CHECK(!s.a[0] && !s.a[1] && s.a[3]);
	CHECK_EQ(victim_of(&s), 0);      /* sweep 1 from frame 2 wraps to (0,0) frame 0 */
	sim_fini(&s);
}

TEST(eclock_falls_back_to_the_hand_when_every_page_is_referenced)
{
	struct sim s;
	sim_init(&s, policy_find("eclock"), 3, 8, 1);
	sim_preload(&s, "111", "101"); /* round 2 finds frame 1 clean: (0,0) */
	CHECK_EQ(victim_of(&s), 1);
	CHECK(!s.a[0] && !s.a[1] && !s.a[2]);
	sim_unmap(&s, 1);
	sim_preload(&s, "111", "111"); /* all dirty: the hand's frame, 2 */
	CHECK_EQ(victim_of(&s), 2);
	sim_fini(&s);
}

/* Frames 0..3 enter the inactive list (head 3 2 1 0 tail). Frames 0 and 2 are
 * referenced: the scan promotes 0 (active 0; inactive 3 2 1) and evicts 1.
 * After 1 leaves: the scan promotes 2 (active 2 0 > inactive 3), so it demotes
 * 0 (active 2, inactive 0 3), then evicts 3. */
TEST(twolist_promotes_referenced_inactive_pages_and_demotes_the_active_tail)
{
	struct sim s;
	sim_init(&s, policy_find("twolist"), 4, 8, 1);
	sim_preload(&s, "1010", "0000");
	CHECK_EQ(victim_of(&s), 1);
	CHECK(!s.a[0] && s.a[2]);
	sim_unmap(&s, 1);
	CHECK_EQ(victim_of(&s), 3);
	sim_unmap(&s, 3);
	s.a[0] = true; /* 0 is inactive now; referenced, it is promoted again */
	CHECK_EQ(victim_of(&s), 2); /* active 0 2 > inactive: demote 2, evict it */
	sim_fini(&s);
}

TEST(opt_breaks_ties_by_the_lowest_frame)
{
	struct sim s;
	sim_init(&s, policy_find("opt"), 4, 8, 1);
	for (uint64_t p = 0; p < 4; p++)
		sim_access(&s, p, false, p == 1 ? 50 : UINT64_MAX);
	CHECK_EQ(victim_of(&s), 0);
	sim_unmap(&s, 0);
	CHECK_EQ(victim_of(&s), 2);
	policy_touch(&s.pol, 2, 10);
	policy_touch(&s.pol, 3, 10);
	CHECK_EQ(victim_of(&s), 1);
	policy_touch(&s.pol, 1, 10);
	CHECK_EQ(victim_of(&s), 1);
	sim_fini(&s);
}

TEST(mru_takes_16_faults_and_unopt_20_on_the_textbook_string_with_3_frames)
{
	CHECK_EQ(textbook_faults("mru", silberschatz, ARRAY_LEN(silberschatz), 3), 16);
	CHECK_EQ(textbook_faults("unopt", silberschatz, ARRAY_LEN(silberschatz), 3), 20);
}

/* A policy over 8 frames with nothing but an env: A bits as counters
 * (OSTEP's CLOCK), a scripted random source, ties as given. */
struct rig {
	struct policy pol;
	int64_t count[8];     /* per frame: references left (test_and_clear takes one) */
	uint64_t draws[16];   /* what random_below answers, in turn */
	uint64_t asked[16];   /* the n of each call */
	int ndraws, next;
	int probed[16], nprobed;
};

static bool rig_take(void *ctx, pfn_t f)
{
	struct rig *r = ctx;
	r->probed[r->nprobed++ % 16] = (int)f;
	if (r->count[f] <= 0)
		return false;
	r->count[f]--;
	return true;
}

static bool rig_never(void *ctx, pfn_t f) { (void)ctx, (void)f; return false; }

static uint64_t rig_below(void *ctx, uint64_t n)
{
	struct rig *r = ctx;
	CHECK(r->next < r->ndraws);
	r->asked[r->next] = n;
	return r->draws[r->next++];
}

static void rig_init(struct rig *r, const char *policy, enum policy_ties ties, bool scripted)
{
	memset(r, 0, sizeof *r);
	struct policy_env env = {.nframes = 8, .seed = 1, .ties = ties, .test_and_clear_accessed = rig_take,
				 .is_accessed = rig_never, .is_dirty = rig_never, .ctx = r};
	if (scripted)
		env.random_below = rig_below, env.random_ctx = r;
	policy_init(&r->pol, policy_find(policy), &env);
}

static pfn_t rig_victim(struct rig *r)
{
	pfn_t v = NONE;
	CHECK(policy_victim(&r->pol, &v));
	return v;
}

/* Frames 5, 2, 7, 0 come in with next uses never, 9, never, never: OSTEP's OPT
 * scans its list in insertion order and keeps the last of the farthest
 * (frame 0, the newest never-used page), vmlab's default the lowest frame. */
TEST(opt_breaks_ties_by_insertion_when_told_lowest_frame_otherwise)
{
	static const pfn_t frames[] = {5, 2, 7, 0};
	static const uint64_t next[] = {NONE, 9, NONE, NONE};
	struct rig ostep, lowest;
	rig_init(&ostep, "opt", POLICY_TIES_INSERTION, false);
	rig_init(&lowest, "opt", POLICY_TIES_LOW_FRAME, false);
	for (int i = 0; i < 4; i++) {
		policy_insert(&ostep.pol, frames[i], next[i]);
		policy_insert(&lowest.pol, frames[i], next[i]);
	}
	CHECK_EQ(rig_victim(&ostep), 0);
	CHECK_EQ(rig_victim(&lowest), 0);
	policy_remove(&ostep.pol, 0);
	policy_remove(&lowest.pol, 0);
	CHECK_EQ(rig_victim(&ostep), 7);  /* the newer of 5 and 7 */
	CHECK_EQ(rig_victim(&lowest), 5); /* the lower */
	policy_touch(&ostep.pol, 5, NONE); /* a touch does not make 5 newer */
	CHECK_EQ(rig_victim(&ostep), 7);
	policy_fini(&ostep.pol);
	policy_fini(&lowest.pol);
}

/* UNOPT keeps the first of the nearest: with nothing used again, the oldest. */
TEST(unopt_evicts_the_page_needed_soonest_ties_to_the_oldest_by_insertion)
{
	struct rig r;
	rig_init(&r, "unopt", POLICY_TIES_INSERTION, false);
	policy_insert(&r.pol, 6, NONE);
	policy_insert(&r.pol, 1, 40);
	policy_insert(&r.pol, 3, 12);
	CHECK_EQ(rig_victim(&r), 3);
	policy_touch(&r.pol, 3, NONE);
	policy_touch(&r.pol, 1, NONE);
	CHECK_EQ(rig_victim(&r), 6); /* all never again: the first in */
	policy_remove(&r.pol, 6);
	CHECK_EQ(rig_victim(&r), 1);
	policy_fini(&r.pol);
}

TEST(mru_evicts_the_page_touched_last)
{
	struct rig r;
	rig_init(&r, "mru", POLICY_TIES_LOW_FRAME, false);
	policy_insert(&r.pol, 4, 0);
	policy_insert(&r.pol, 2, 0);
	policy_insert(&r.pol, 6, 0);
	CHECK_EQ(rig_victim(&r), 6);
	policy_touch(&r.pol, 4, 0);
	CHECK_EQ(rig_victim(&r), 4);
	policy_remove(&r.pol, 4);
	CHECK_EQ(rig_victim(&r), 6);
	policy_fini(&r.pol);
}

/* random pops the k-th frame in order of insertion, k from the source it is
 * given (the rng is not drawn from), as OSTEP's RAND pops memory[k]. */
TEST(random_takes_the_kth_frame_in_insertion_order_from_the_given_source)
{
	struct rig r;
	rig_init(&r, "random", POLICY_TIES_LOW_FRAME, true);
	static const pfn_t frames[] = {3, 0, 6, 1};
	for (int i = 0; i < 4; i++)
		policy_insert(&r.pol, frames[i], 0);
	r.ndraws = 4;
	r.draws[0] = 2, r.draws[1] = 0, r.draws[2] = 2, r.draws[3] = 3;
	CHECK_EQ(rig_victim(&r), 6); /* [3 0 6 1][2] */
	policy_remove(&r.pol, 6);
	CHECK_EQ(rig_victim(&r), 3); /* [3 0 1][0] */
	policy_remove(&r.pol, 3);
	policy_insert(&r.pol, 6, 0);
	CHECK_EQ(rig_victim(&r), 6); /* [0 1 6][2] */
	policy_insert(&r.pol, 2, 0);
	CHECK_EQ(rig_victim(&r), 2); /* [0 1 6 2][3] */
	CHECK_EQ(r.asked[0], 4);
	CHECK_EQ(r.asked[1], 3);
	CHECK_EQ(r.asked[2], 3);
	CHECK_EQ(r.asked[3], 4);
	policy_fini(&r.pol);
}

/* OSTEP's CLOCK with -b counters: each probe of a frame with references
 * left takes one off and draws again; the first with none is the victim. */
TEST(rclock_probes_drawn_frames_taking_a_reference_off_each_until_one_has_none)
{
	struct rig r;
	rig_init(&r, "rclock", POLICY_TIES_LOW_FRAME, true);
	for (pfn_t f = 0; f < 3; f++)
		policy_insert(&r.pol, f, 0);
	r.count[0] = 2, r.count[1] = 0, r.count[2] = 1;
	r.ndraws = 5;
	r.draws[0] = 0, r.draws[1] = 2, r.draws[2] = 0, r.draws[3] = 2, r.draws[4] = 0;
	CHECK_EQ(rig_victim(&r), 2); /* 0 (2 -> 1), 2 (1 -> 0), 0 (1 -> 0), 2: none left */
	CHECK_EQ(r.nprobed, 4);
	CHECK(r.count[0] == 0 && r.count[2] == 0);
	CHECK_EQ(rig_victim(&r), 0);
	CHECK_EQ(r.next, 5);
	policy_fini(&r.pol);
}

/* A source that answers n or more is a broken driver: a panic. */
static uint64_t too_big(void *ctx, uint64_t n) { (void)ctx; return n; }

TEST(random_panics_on_a_source_answering_beyond_the_count)
{
	fflush(NULL);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stderr))
			_exit(3);
		struct rig r;
		rig_init(&r, "random", POLICY_TIES_LOW_FRAME, false);
		struct policy_env env = {.nframes = 8, .random_below = too_big, .test_and_clear_accessed = rig_take,
					 .is_accessed = rig_never, .is_dirty = rig_never, .ctx = &r};
		struct policy p;
		policy_init(&p, &policy_random_ops, &env);
		policy_insert(&p, 1, 0);
		pfn_t v;
		if (policy_victim(&p, &v))
			_exit(0);
		_exit(0);
	}
	int status;
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
}

TEST(random_draws_every_frame_about_equally_often)
{
	struct sim s;
	sim_init(&s, policy_find("random"), 8, 8, 42);
	sim_preload(&s, "00000000", "00000000");
	uint64_t count[8] = { 0 };
	for (int i = 0; i < 80000; i++)
		count[victim_of(&s)]++;
	for (int f = 0; f < 8; f++)
		CHECK(count[f] > 9500 && count[f] < 10500);
	sim_fini(&s);
}

TEST(random_depends_only_on_its_seed)
{
	struct trace t;
	trace_random(&t, TRACE_UNIFORM, 16, 20000, 5);
	struct sim a, b, c;
	sim_init(&a, policy_find("random"), 16, t.npages, 7);
	sim_init(&b, policy_find("random"), 16, t.npages, 7);
	sim_init(&c, policy_find("random"), 16, t.npages, 8);
	bool differs = false;
	for (uint64_t i = 0; i < t.n; i++) {
		sim_access(&a, t.page[i], t.write[i], NONE);
		sim_access(&b, t.page[i], t.write[i], NONE);
		sim_access(&c, t.page[i], t.write[i], NONE);
		CHECK_EQ(a.victim, b.victim);
		differs |= a.victim != c.victim;
	}
	CHECK(differs);
	sim_fini(&a);
	sim_fini(&b);
	sim_fini(&c);
	trace_free(&t);
}

/* ---- Naive models: the same rules written the dumbest way ----
 * fifo, lru, opt: a stamp per frame (insertion time, last reference, next
 * use), the victim found by scanning every frame. random: an array in order
 * of insertion, indexed by the draw. clock, eclock: an array holding the queue
 * of frames read from the hand, where the hand passing k frames moves them
 * from the front to the back. twolist: two arrays, head first. */

struct model {
	struct policy_env env;
	const char *name;
	bool *resident;
	uint64_t *stamp, time;
	struct rng rng;
	uint64_t *list, len;   /* random's array; clock's queue; twolist's inactive */
	uint64_t *list2, len2; /* twolist's active */
	uint64_t *scratch;
};

static bool model_is(const struct model *m, const char *name) { return strcmp(m->name, name) == 0; }

/* A model of the named policy, with nothing resident. */
static void *model_create_named(const struct policy_env *env, const char *name)
{
	struct model *m = xcalloc(1, sizeof *m);
	m->env = *env;
	m->name = name;
	m->resident = xcalloc(env->nframes, sizeof *m->resident);
	m->stamp = xcalloc(env->nframes, sizeof *m->stamp);
	m->list = xcalloc(env->nframes, sizeof *m->list);
	m->list2 = xcalloc(env->nframes, sizeof *m->list2);
	m->scratch = xcalloc(env->nframes, sizeof *m->scratch);
	rng_seed(&m->rng, env->seed);
	return m;
}

static void model_destroy(void *state)
{
	struct model *m = state;
	free(m->resident);
	free(m->stamp);
	free(m->list);
	free(m->list2);
	free(m->scratch);
	free(m);
}

/* Array lists: insert f before index i; take out the element at i. */
static void list_insert_at(uint64_t *list, uint64_t *len, uint64_t i, uint64_t f)
{
	memmove(list + i + 1, list + i, (*len - i) * sizeof *list);
	list[i] = f;
	(*len)++;
}

static uint64_t list_take_at(uint64_t *list, uint64_t *len, uint64_t i)
{
	uint64_t f = list[i];
	memmove(list + i, list + i + 1, (*len - i - 1) * sizeof *list);
	(*len)--;
	return f;
}

/* Where f is in the list, or NONE. */
static uint64_t list_find(const uint64_t *list, uint64_t len, uint64_t f)
{
	for (uint64_t i = 0; i < len; i++)
		if (list[i] == f)
			return i;
	return NONE;
}

/* Stamps the frame and appends it (twolist: puts it at the inactive head). */
static void model_insert(void *state, pfn_t f, uint64_t next_use)
{
	struct model *m = state;
	CHECK(!m->resident[f]);
	m->resident[f] = true;
	m->stamp[f] = model_is(m, "opt") || model_is(m, "unopt") ? next_use : ++m->time;
	if (model_is(m, "twolist"))
		list_insert_at(m->list, &m->len, 0, f);
	else
		list_insert_at(m->list, &m->len, m->len, f);
}

/* lru and mru restamp the frame, opt and unopt record its next use; the
 * rest do nothing. */
static void model_touch(void *state, pfn_t f, uint64_t next_use)
{
	struct model *m = state;
	CHECK(m->resident[f]);
	if (model_is(m, "lru") || model_is(m, "mru"))
		m->stamp[f] = ++m->time;
	if (model_is(m, "opt") || model_is(m, "unopt"))
		m->stamp[f] = next_use;
}

/* Forgets the frame: it leaves whichever list holds it, the others closing
 * the gap (random's array stays in order of insertion). */
static void model_remove(void *state, pfn_t f)
{
	struct model *m = state;
	CHECK(m->resident[f]);
	m->resident[f] = false;
	uint64_t i = list_find(m->list, m->len, f);
	if (i != NONE) {
		list_take_at(m->list, &m->len, i);
	} else {
		i = list_find(m->list2, m->len2, f);
		CHECK(i != NONE);
		list_take_at(m->list2, &m->len2, i);
	}
}

/* The resident frame with the smallest stamp (largest for opt and mru), the
 * lowest frame on a tie. */
static bool model_scan_stamps(const struct model *m, pfn_t *victim)
{
	bool found = false, largest = model_is(m, "opt") || model_is(m, "mru");
	for (uint64_t f = 0; f < m->env.nframes; f++) {
		if (!m->resident[f])
			continue;
		if (!found || (largest ? m->stamp[f] > m->stamp[*victim] : m->stamp[f] < m->stamp[*victim]))
			*victim = f;
		found = true;
	}
	return found;
}

/* The hand passes the first k frames of the queue: they move to the back. */
static void queue_pass(struct model *m, uint64_t k)
{
	memcpy(m->scratch, m->list, k * sizeof *m->list);
	memmove(m->list, m->list + k, (m->len - k) * sizeof *m->list);
	memcpy(m->list + m->len - k, m->scratch, k * sizeof *m->list);
}

static bool model_accessed(struct model *m, uint64_t f) { return m->env.is_accessed(m->env.ctx, f); }
static bool model_dirty(struct model *m, uint64_t f) { return m->env.is_dirty(m->env.ctx, f); }
static bool model_clear(struct model *m, uint64_t f) { return m->env.test_and_clear_accessed(m->env.ctx, f); }

/* Second chance: clear A bits from the front, wrapping around, until one was
 * already clear; the frames before it pass to the back. */
static bool model_clock(struct model *m, pfn_t *victim)
{
	if (m->len == 0)
		return false;
	uint64_t i = 0;
	while (model_clear(m, m->list[i % m->len]))
		i++;
	queue_pass(m, i % m->len);
	*victim = m->list[0];
	return true;
}

/* Textbook enhanced clock: look for (0,0) changing nothing; then for (0,1)
 * clearing A on the way; repeat once. The frames before the victim pass to
 * the back. */
static bool model_eclock(struct model *m, pfn_t *victim)
{
	for (int round = 0; round < 2 && m->len; round++) {
		for (uint64_t i = 0; i < m->len; i++) {
			if (!model_accessed(m, m->list[i]) && !model_dirty(m, m->list[i])) {
				queue_pass(m, i);
				*victim = m->list[0];
				return true;
			}
		}
		for (uint64_t i = 0; i < m->len; i++) {
			bool a = model_clear(m, m->list[i]);
			CHECK(a || model_dirty(m, m->list[i])); /* no (0,0) is left */
			if (!a) {
				queue_pass(m, i);
				*victim = m->list[0];
				return true;
			}
		}
	}
	CHECK(m->len == 0);
	return false;
}

/* The two-list rule of os/policy.h on two arrays (index 0 = head). */
static bool model_twolist(struct model *m, pfn_t *victim)
{
	for (;;) {
		while (m->len2 > m->len) {
			uint64_t f = m->list2[--m->len2];
			list_insert_at(m->list, &m->len, 0, f);
			model_clear(m, f);
		}
		if (m->len == 0)
			return false;
		uint64_t f = m->list[m->len - 1];
		if (!model_clear(m, f)) {
			*victim = f;
			return true;
		}
		m->len--;
		list_insert_at(m->list2, &m->len2, 0, f);
	}
}

/* OSTEP's CLOCK: random positions of the array in order of insertion until
 * a frame whose bit was clear. */
static bool model_rclock(struct model *m, pfn_t *victim)
{
	if (m->len == 0)
		return false;
	do
		*victim = m->list[rng_below(&m->rng, m->len)];
	while (model_clear(m, *victim));
	return true;
}

/* The victim under the model's policy; false when nothing is resident. */
static bool model_victim(void *state, pfn_t *victim)
{
	struct model *m = state;
	if (model_is(m, "rclock"))
		return model_rclock(m, victim);
	if (model_is(m, "clock"))
		return model_clock(m, victim);
	if (model_is(m, "eclock"))
		return model_eclock(m, victim);
	if (model_is(m, "twolist"))
		return model_twolist(m, victim);
	if (model_is(m, "random")) {
		if (m->len == 0)
			return false;
		*victim = m->list[rng_below(&m->rng, m->len)];
		return true;
	}
	return model_scan_stamps(m, victim);
}

#define MODEL(n, stamps, future, touches)                                        \
	static void *model_create_##n(const struct policy_env *env)                      \
	{                                                                                \
		return model_create_named(env, #n);                                      \
	}                                                                                \
	static const struct policy_ops model_##n##_ops = {                               \
		.name = "model " #n, .needs_stamps = stamps, .needs_future = future,    \
		.needs_touch = touches,                                                  \
		.create = model_create_##n, .destroy = model_destroy,                    \
		.insert = model_insert, .touch = model_touch,                            \
		.remove = model_remove, .victim = model_victim,                          \
	};

MODEL(fifo, false, false, false)
MODEL(lru, true, false, false)
MODEL(clock, false, false, false)
MODEL(eclock, false, false, false)
MODEL(random, false, false, false)
MODEL(opt, false, true, false)
MODEL(twolist, false, false, false)
MODEL(mru, false, false, true)
MODEL(unopt, false, true, false)
MODEL(rclock, false, false, false)

static const struct policy_ops *model_find(const char *name)
{
	static const struct policy_ops *const all[] = {
		&model_fifo_ops, &model_lru_ops, &model_clock_ops, &model_eclock_ops,
		&model_random_ops, &model_opt_ops, &model_twolist_ops, &model_mru_ops,
		&model_unopt_ops, &model_rclock_ops,
	};
	for (size_t i = 0; i < ARRAY_LEN(all); i++)
		if (strcmp(all[i]->name + strlen("model "), name) == 0)
			return all[i];
	return NULL;
}

/* ---- The differential test ---- */

/* Drives the policy and its model side by side, each on its own machine: the
 * same faults, and the same victim at every eviction. */
static void differential_run(const char *name, const struct trace *t, uint64_t nframes, uint64_t seed,
			     const char *kind)
{
	struct sim real, model;
	sim_init(&real, policy_find(name), nframes, t->npages, seed);
	sim_init(&model, model_find(name), nframes, t->npages, seed);
	for (uint64_t i = 0; i < t->n; i++) {
		if (t->drop[i] != NONE) {
			sim_drop(&real, t->drop[i]);
			sim_drop(&model, t->drop[i]);
		}
		if (t->page_out[i]) {
			sim_page_out(&real);
			sim_page_out(&model);
			if (real.victim != model.victim)
				FAIL("%s, seed %" PRIu64 ", %" PRIu64 " frames, %s trace, step %" PRIu64
				     ": paging out, policy victim %" PRId64 ", model victim %" PRId64,
				     name, seed, nframes, kind, i, (int64_t)real.victim, (int64_t)model.victim);
		}
		enum outcome r = sim_access(&real, t->page[i], t->write[i], t->next_use[i]);
		enum outcome m = sim_access(&model, t->page[i], t->write[i], t->next_use[i]);
		if (r != m || real.victim != model.victim)
			FAIL("%s, seed %" PRIu64 ", %" PRIu64 " frames, %s trace, step %" PRIu64
			     ": policy outcome %d victim %" PRId64 ", model outcome %d victim %" PRId64,
			     name, seed, nframes, kind, i, r, (int64_t)real.victim, m, (int64_t)model.victim);
	}
	CHECK_EQ(real.faults, model.faults);
	CHECK(real.evictions > 0);
	sim_fini(&real);
	sim_fini(&model);
}

/* Every frame count and trace kind, 100,000 references each. */
static void differential(const char *name)
{
	static const uint64_t frame_counts[] = { 1, 2, 3, 7, 64, 1000 };
	for (size_t c = 0; c < ARRAY_LEN(frame_counts); c++) {
		for (int k = 0; k < TRACE_KINDS; k++) {
			uint64_t n = frame_counts[c], seed = 1000 * n + (uint64_t)k;
			struct trace t;
			trace_random(&t, (enum trace_kind)k, n, 100000, seed);
			differential_run(name, &t, n, seed, trace_kind_name[k]);
			trace_free(&t);
		}
	}
}

TEST(fifo_evicts_what_a_naive_oldest_first_scan_evicts) { differential("fifo"); }
TEST(lru_evicts_what_a_naive_timestamp_scan_evicts) { differential("lru"); }
TEST(clock_evicts_what_a_naive_second_chance_queue_evicts) { differential("clock"); }
TEST(eclock_evicts_what_a_naive_four_sweep_queue_evicts) { differential("eclock"); }
TEST(random_evicts_what_a_naive_array_with_the_same_seed_evicts) { differential("random"); }
TEST(opt_evicts_what_a_naive_farthest_next_use_scan_evicts) { differential("opt"); }
TEST(twolist_evicts_what_two_naive_arrays_evict) { differential("twolist"); }
TEST(mru_evicts_what_a_naive_latest_timestamp_scan_evicts) { differential("mru"); }
TEST(unopt_evicts_what_a_naive_nearest_next_use_scan_evicts) { differential("unopt"); }
TEST(rclock_evicts_what_naive_random_probes_of_an_array_evict) { differential("rclock"); }

/* ---- Registry, limits and misuse ---- */

TEST(policy_find_knows_every_listed_name_and_nothing_else)
{
	int n = 0;
	for (const char *const *p = policy_names; *p; p++, n++) {
		const struct policy_ops *ops = policy_find(*p);
		CHECK(ops != NULL);
		CHECK_STR(ops->name, *p);
		CHECK(model_find(*p) != NULL);
	}
	CHECK_EQ(n, 10);
	CHECK(policy_find("") == NULL);
	CHECK(policy_find("FIFO") == NULL);
	CHECK(policy_find("lru2") == NULL);
	CHECK(policy_find("nru") == NULL);
	CHECK(policy_find("opt")->needs_future && !policy_find("opt")->needs_stamps);
	CHECK(policy_find("lru")->needs_stamps && !policy_find("lru")->needs_future);
	CHECK(policy_find("unopt")->needs_future && policy_find("mru")->needs_touch && !policy_find("mru")->needs_future);
	CHECK(!policy_find("rclock")->needs_touch && !policy_find("rclock")->needs_stamps);
}

TEST(every_policy_finds_no_victim_when_nothing_is_resident)
{
	for (const char *const *p = policy_names; *p; p++) {
		struct sim s;
		sim_init(&s, policy_find(*p), 3, 4, 1);
		pfn_t v;
		CHECK(!policy_victim(&s.pol, &v));
		sim_access(&s, 2, true, 5);
		sim_drop(&s, 2);
		CHECK(!policy_victim(&s.pol, &v));
		sim_fini(&s);
	}
}

/* Fills 2^21 frames, cycles 1000 evictions through them, then empties them. */
TEST(every_policy_copes_with_two_million_frames)
{
	const uint64_t n = 1u << 21;
	for (const char *const *p = policy_names; *p; p++) {
		struct sim s;
		sim_init(&s, policy_find(*p), n, n + 1000, 3);
		for (uint64_t page = 0; page < n + 1000; page++)
			sim_access(&s, page, page & 1, page + n);
		CHECK_EQ(s.evictions, 1000);
		for (uint64_t page = 0; page < n + 1000; page++)
			sim_drop(&s, page);
		CHECK_EQ(s.resident, 0);
		pfn_t v;
		CHECK(!policy_victim(&s.pol, &v));
		sim_fini(&s);
	}
}

enum misuse { DOUBLE_INSERT, REMOVE_FREE, TOUCH_FREE, OUT_OF_RANGE };

/* Makes one kernel mistake against a fresh instance (which should panic). */
static void misuse(const char *name, enum misuse how)
{
	struct sim s;
	sim_init(&s, policy_find(name), 4, 4, 1);
	sim_access(&s, 0, false, 1);
	switch (how) {
	case DOUBLE_INSERT: policy_insert(&s.pol, 0, 1); break;
	case REMOVE_FREE: policy_remove(&s.pol, 1); break;
	case TOUCH_FREE: policy_touch(&s.pol, 2, 1); break;
	case OUT_OF_RANGE: policy_insert(&s.pol, 4, 1); break;
	}
}

/* Whether misuse(name, how) aborts (a panic) in a child process. */
static bool misuse_panics(const char *name, enum misuse how)
{
	fflush(NULL);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stderr))
			_exit(3);
		misuse(name, how);
		_exit(0);
	}
	int status;
	CHECK(waitpid(pid, &status, 0) == pid);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

TEST(every_policy_panics_on_a_frame_inserted_twice_or_absent_or_out_of_range)
{
	for (const char *const *p = policy_names; *p; p++) {
		CHECK(misuse_panics(*p, DOUBLE_INSERT));
		CHECK(misuse_panics(*p, REMOVE_FREE));
		CHECK(misuse_panics(*p, TOUCH_FREE));
		CHECK(misuse_panics(*p, OUT_OF_RANGE));
	}
}

/* ---- Instances sharing their per-frame state (local scope) ---- */

/* The A and D bits of a test with no simulator: every frame's, kept by frame. */
struct bits {
	bool a[16], d[16];
	uint64_t stamp[16];
};

static bool bits_test_and_clear(void *ctx, pfn_t f)
{
	struct bits *b = ctx;
	bool was = b->a[f];
	b->a[f] = false;
	return was;
}

static bool bits_accessed(void *ctx, pfn_t f) { return ((struct bits *)ctx)->a[f]; }
static bool bits_dirty(void *ctx, pfn_t f) { return ((struct bits *)ctx)->d[f]; }

/* Two instances of every policy over the same 16 frames, one holding the even
 * frames and one the odd, choose the same victims whether they share their
 * per-frame state (struct policy_shared) or each has its own. */
TEST(instances_that_share_per_frame_state_choose_as_instances_of_their_own)
{
	for (size_t k = 0; policy_names[k]; k++) {
		const struct policy_ops *ops = policy_find(policy_names[k]);
		struct bits b = {0};
		struct policy_shared *sh = policy_shared_new(16);
		struct policy_env env = {.nframes = 16, .seed = 3, .test_and_clear_accessed = bits_test_and_clear,
					 .is_accessed = bits_accessed, .is_dirty = bits_dirty, .ctx = &b,
					 .last_use = b.stamp};
		struct policy own[2], shared[2];
		for (int i = 0; i < 2; i++) {
			policy_init(&own[i], ops, &env);
			env.shared = sh;
			policy_init(&shared[i], ops, &env);
			env.shared = NULL;
		}
		bool resident[16] = {false};
		struct rng r;
		rng_seed(&r, 11);
		for (uint64_t step = 1; step <= 4000; step++) {
			pfn_t f = rng_below(&r, 16), v[2];
			int i = (int)(f & 1);
			b.a[f] = rng_below(&r, 2);
			b.d[f] = rng_below(&r, 2);
			b.stamp[f] = step;
			if (!resident[f]) {
				uint64_t next_use = rng_below(&r, 1000);
				policy_insert(&own[i], f, next_use);
				policy_insert(&shared[i], f, next_use);
				resident[f] = true;
			}
			if (rng_below(&r, 3) != 0)
				continue;
			struct bits saved = b;
			bool got = policy_victim(&own[i], &v[0]);
			b = saved; /* the same A bits for the second choice */
			CHECK_EQ(policy_victim(&shared[i], &v[1]), got);
			if (!got)
				continue;
			CHECK_EQ(v[0], v[1]);
			policy_remove(&own[i], v[0]);
			policy_remove(&shared[i], v[0]);
			resident[v[0]] = false;
		}
		for (int i = 0; i < 2; i++) {
			policy_fini(&own[i]);
			policy_fini(&shared[i]);
		}
		policy_shared_free(sh);
	}
}

/* The order of insertion stays right across compactions of its slots:
 * against an array, through many inserts and removals. */
TEST(policy_order_finds_the_kth_frame_through_compactions)
{
	struct policy_env env = {.nframes = 300};
	struct policy_order o;
	uint64_t list[300], len = 0;
	bool in[300] = {false};
	struct rng r;
	policy_order_init(&o, &env);
	rng_seed(&r, 5);
	for (int step = 0; step < 50000; step++) {
		pfn_t f = rng_below(&r, 300);
		if (!in[f] && rng_below(&r, 3)) {
			policy_order_insert(&o, f);
			list[len++] = f;
			in[f] = true;
		} else if (in[f]) {
			policy_order_remove(&o, f);
			uint64_t i = list_find(list, len, f);
			list_take_at(list, &len, i);
			in[f] = false;
		}
		CHECK_EQ(o.count, len);
		if (len) {
			uint64_t k = rng_below(&r, len);
			CHECK_EQ(policy_order_kth(&o, k), list[k]);
		}
	}
	policy_order_fini(&o);
}
