/* The cache hierarchy: hand-worked cases per level (a fill then hits, LRU
 * order, a line evicted from one level served by the next, conflict misses in
 * a direct-mapped cache, no inclusion), refused configurations, a differential
 * test against a naive model on a seeded random stream, and the MMU with caches:
 * walks and data references served by the caches and charged at their latency. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hw/cache.h"
#include "hw/mmu.h"
#include "lib/rng.h"
#include "tests/harness.h"
#include "tests/support_rig.h"

#define RWU (PTE_R | PTE_W | PTE_U)

/* A hierarchy of line-byte lines and levels {size, ways} (size 0 = absent). */
static struct cache *make(unsigned line, struct cache_level_config l1, struct cache_level_config l2,
			  struct cache_level_config l3)
{
	struct cache_config cfg = {line, {l1, l2, l3}};
	char err[200] = "";
	struct cache *c = cache_new(&cfg, err, sizeof err);
	if (!c)
		FAIL("cache_new: %s", err);
	return c;
}

static const struct cache_level_config NONE = {0, 1};

TEST(defaults_are_32k_512k_and_8m_with_64_byte_lines)
{
	struct cache_config cfg;
	cache_config_defaults(&cfg);
	CHECK_EQ(cfg.line, 64);
	CHECK_EQ(cfg.level[0].size, 32 << 10);
	CHECK_EQ(cfg.level[0].ways, 8);
	CHECK_EQ(cfg.level[1].size, 512 << 10);
	CHECK_EQ(cfg.level[1].ways, 8);
	CHECK_EQ(cfg.level[2].size, 8 << 20);
	CHECK_EQ(cfg.level[2].ways, 16);
	char err[200];
	struct cache *c = cache_new(&cfg, err, sizeof err);
	CHECK(c != NULL);
	CHECK_EQ(cache_config(c)->level[2].size, 8 << 20);
	cache_free(c);
}

TEST(a_line_comes_from_dram_once_then_hits_in_l1)
{
	struct cache *c = make(64, (struct cache_level_config){1024, 2}, (struct cache_level_config){4096, 4},
			       (struct cache_level_config){16384, 8});
	CHECK_EQ(cache_probe(c, 0x1234), MEM_DRAM);
	CHECK_EQ(cache_access(c, 0x1234), MEM_DRAM);
	CHECK_EQ(cache_probe(c, 0x1200), MEM_L1);
	CHECK_EQ(cache_access(c, 0x1200), MEM_L1); /* same 64-byte line */
	CHECK_EQ(cache_access(c, 0x123f), MEM_L1);
	CHECK_EQ(cache_access(c, 0x1240), MEM_DRAM); /* the next line */
	const struct cache_counters *k = cache_counters(c);
	CHECK_EQ(k->served[MEM_L1], 2);
	CHECK_EQ(k->served[MEM_DRAM], 2);
	CHECK_EQ(k->level[0].hits, 2);
	CHECK_EQ(k->level[0].misses, 2);
	CHECK_EQ(k->level[1].hits + k->level[2].hits, 0);
	CHECK_EQ(k->level[1].misses, 2);
	CHECK_EQ(k->level[2].misses, 2);
	cache_free(c);
}

TEST(a_full_set_evicts_its_least_recently_used_line)
{
	/* one set of four 16-byte lines: A B C D, then A is used again, so E evicts B */
	struct cache *c = make(16, (struct cache_level_config){64, 4}, NONE, NONE);
	paddr_t a = 0x000, b = 0x100, cc = 0x200, d = 0x300, e = 0x400;
	CHECK_EQ(cache_access(c, a), MEM_DRAM);
	CHECK_EQ(cache_access(c, b), MEM_DRAM);
	CHECK_EQ(cache_access(c, cc), MEM_DRAM);
	CHECK_EQ(cache_access(c, d), MEM_DRAM);
	CHECK_EQ(cache_counters(c)->level[0].evictions, 0);
	CHECK_EQ(cache_access(c, a), MEM_L1);
	CHECK_EQ(cache_access(c, e), MEM_DRAM);
	CHECK_EQ(cache_counters(c)->level[0].evictions, 1);
	CHECK_EQ(cache_probe(c, b), MEM_DRAM);
	CHECK_EQ(cache_probe(c, a), MEM_L1);
	CHECK_EQ(cache_probe(c, cc), MEM_L1);
	/* recency now E A D C (most recent first): two more fills evict C, then D */
	CHECK_EQ(cache_access(c, b), MEM_DRAM);
	CHECK_EQ(cache_probe(c, cc), MEM_DRAM);
	CHECK_EQ(cache_access(c, cc), MEM_DRAM);
	CHECK_EQ(cache_probe(c, d), MEM_DRAM);
	CHECK_EQ(cache_probe(c, a), MEM_L1);
	CHECK_EQ(cache_probe(c, e), MEM_L1);
	CHECK_EQ(cache_counters(c)->level[0].evictions, 3);
	cache_free(c);
}

TEST(a_line_evicted_from_l1_is_served_by_l2_then_l1_again)
{
	/* L1: one set of two lines; L2: 16 lines */
	struct cache *c = make(64, (struct cache_level_config){128, 2}, (struct cache_level_config){1024, 4}, NONE);
	CHECK_EQ(cache_access(c, 0x0000), MEM_DRAM);
	CHECK_EQ(cache_access(c, 0x1000), MEM_DRAM);
	CHECK_EQ(cache_access(c, 0x2000), MEM_DRAM); /* evicts 0x0000 from L1 only */
	CHECK_EQ(cache_access(c, 0x0000), MEM_L2);
	CHECK_EQ(cache_access(c, 0x0000), MEM_L1);
	const struct cache_counters *k = cache_counters(c);
	CHECK_EQ(k->served[MEM_L2], 1);
	CHECK_EQ(k->level[1].hits, 1);
	CHECK_EQ(k->level[1].misses, 3);
	CHECK_EQ(k->level[0].evictions, 2);
	CHECK_EQ(k->level[1].evictions, 0);
	cache_free(c);
}

TEST(a_line_evicted_from_l1_and_l2_is_served_by_l3)
{
	struct cache *c = make(64, (struct cache_level_config){64, 1}, (struct cache_level_config){128, 2},
			       (struct cache_level_config){4096, 4});
	CHECK_EQ(cache_access(c, 0x0000), MEM_DRAM);
	CHECK_EQ(cache_access(c, 0x1000), MEM_DRAM);
	CHECK_EQ(cache_access(c, 0x2000), MEM_DRAM); /* L2 (one set of two) drops 0x0000 */
	CHECK_EQ(cache_access(c, 0x0000), MEM_L3);
	CHECK_EQ(cache_access(c, 0x2000), MEM_L2);
	CHECK_EQ(cache_access(c, 0x2000), MEM_L1);
	CHECK_EQ(cache_counters(c)->served[MEM_L3], 1);
	cache_free(c);
}

TEST(an_absent_level_is_skipped)
{
	struct cache *c = make(64, (struct cache_level_config){64, 1}, NONE, (struct cache_level_config){4096, 4});
	CHECK_EQ(cache_access(c, 0x0000), MEM_DRAM);
	CHECK_EQ(cache_access(c, 0x1000), MEM_DRAM);
	CHECK_EQ(cache_access(c, 0x0000), MEM_L3);
	const struct cache_counters *k = cache_counters(c);
	CHECK_EQ(k->level[1].hits + k->level[1].misses, 0);
	CHECK_EQ(k->served[MEM_L2], 0);
	cache_free(c);
}

TEST(two_lines_of_one_set_in_a_direct_mapped_cache_keep_evicting_each_other)
{
	/* four sets of one 64-byte line: 0x000 and 0x100 share set 0, 0x040 has set 1 */
	struct cache *c = make(64, (struct cache_level_config){256, 1}, NONE, NONE);
	CHECK_EQ(cache_access(c, 0x040), MEM_DRAM);
	for (int i = 0; i < 10; i++) {
		CHECK_EQ(cache_access(c, 0x000), MEM_DRAM);
		CHECK_EQ(cache_access(c, 0x100), MEM_DRAM);
		CHECK_EQ(cache_access(c, 0x040), MEM_L1);
	}
	CHECK_EQ(cache_counters(c)->level[0].evictions, 19);
	cache_free(c);
	/* with two ways (two sets) the same three lines all stay */
	c = make(64, (struct cache_level_config){256, 2}, NONE, NONE);
	CHECK_EQ(cache_access(c, 0x000), MEM_DRAM);
	CHECK_EQ(cache_access(c, 0x100), MEM_DRAM);
	CHECK_EQ(cache_access(c, 0x040), MEM_DRAM);
	CHECK_EQ(cache_access(c, 0x000), MEM_L1);
	CHECK_EQ(cache_access(c, 0x100), MEM_L1);
	cache_free(c);
}

TEST(levels_are_neither_inclusive_nor_exclusive)
{
	/* L1 and L2 both one set of two lines; L2 sees only L1's misses */
	struct cache *c = make(64, (struct cache_level_config){128, 2}, (struct cache_level_config){128, 2}, NONE);
	paddr_t a = 0x000, b = 0x040, d = 0x080, e = 0x0c0;
	cache_access(c, a);
	cache_access(c, b);
	CHECK_EQ(cache_access(c, a), MEM_L1); /* L1: A B; L2 still B A */
	cache_access(c, d);                   /* L1: D A; L2: D B, A dropped */
	CHECK_EQ(cache_probe(c, a), MEM_L1);  /* in L1 but not in L2: not inclusive */
	CHECK_EQ(cache_probe(c, b), MEM_L2);
	cache_access(c, e);                   /* L1: E D; L2: E D */
	CHECK_EQ(cache_probe(c, a), MEM_DRAM);
	CHECK_EQ(cache_probe(c, d), MEM_L1);  /* in both: not exclusive */
	CHECK_EQ(cache_counters(c)->served[MEM_L1], 1);
	cache_free(c);
}

TEST(probe_changes_nothing)
{
	struct cache *c = make(64, (struct cache_level_config){128, 2}, NONE, NONE);
	cache_access(c, 0x000);
	cache_access(c, 0x040);
	for (int i = 0; i < 5; i++)
		CHECK_EQ(cache_probe(c, 0x000), MEM_L1);
	cache_access(c, 0x080); /* 0x000 is still the least recently used */
	CHECK_EQ(cache_probe(c, 0x000), MEM_DRAM);
	const struct cache_counters *k = cache_counters(c);
	CHECK_EQ(k->level[0].hits + k->level[0].misses, 3);
	cache_free(c);
}

/* cache_new refuses cfg with a message containing want. */
static void refused(const struct cache_config *cfg, const char *want)
{
	char err[200] = "";
	struct cache *c = cache_new(cfg, err, sizeof err);
	if (c)
		FAIL("accepted a configuration that should say '%s'", want);
	if (!strstr(err, want))
		FAIL("message '%s' does not say '%s'", err, want);
}

TEST(bad_configurations_are_refused_with_a_message)
{
	struct cache_config ok, cfg;
	cache_config_defaults(&ok);
	cfg = ok, cfg.line = 48;
	refused(&cfg, "line size must be a power of two from 4 to 4096 bytes (got 48)");
	cfg = ok, cfg.line = 2;
	refused(&cfg, "(got 2)");
	cfg = ok, cfg.line = 8192;
	refused(&cfg, "(got 8192)");
	cfg = ok, cfg.level[0].ways = 0;
	refused(&cfg, "L1 cache ways must be 1..64 (got 0)");
	cfg = ok, cfg.level[1].ways = 65;
	refused(&cfg, "L2 cache ways must be 1..64 (got 65)");
	cfg = ok, cfg.level[0].size = 1000;
	refused(&cfg, "L1 cache size 1000 is not a multiple of ways x line (8 x 64 = 512 bytes)");
	cfg = ok, cfg.level[2].size = 12 << 20;
	refused(&cfg, "L3 cache sets (12582912 bytes / 1024 per set = 12288) must be a power of two");
	cfg = ok, cfg.level[2].size = 1ull << 30;
	refused(&cfg, "L3 cache size 1073741824 holds more than 4194304 lines of 64 bytes");
	cfg = ok, cfg.level[0].size = cfg.level[1].size = cfg.level[2].size = 0;
	refused(&cfg, "at least one level");
	cfg = ok, cfg.level[1].size = 0;
	struct cache *c = cache_new(&cfg, NULL, 0);
	CHECK(c != NULL);
	cache_free(c);
	cfg = ok, cfg.line = 3;
	CHECK(cache_new(&cfg, NULL, 0) == NULL); /* no room for a message is fine */
}

/* ---- the differential test ---- */

/* The naive model: per level, every line with the time of its last use,
 * scanned linearly; the victim is an empty way, else the oldest. */
struct naive_level {
	uint64_t size, ways, sets;
	uint64_t *line, *used; /* sets * ways; used 0 = empty */
};

struct naive {
	unsigned line_bytes;
	struct naive_level lv[CACHE_LEVELS];
	uint64_t now;
};

static void naive_init(struct naive *n, const struct cache_config *cfg)
{
	memset(n, 0, sizeof *n);
	n->line_bytes = cfg->line;
	for (int i = 0; i < CACHE_LEVELS; i++) {
		struct naive_level *lv = &n->lv[i];
		lv->size = cfg->level[i].size;
		if (!lv->size)
			continue;
		lv->ways = cfg->level[i].ways;
		lv->sets = lv->size / cfg->line / lv->ways;
		lv->line = calloc(lv->sets * lv->ways, sizeof(uint64_t));
		lv->used = calloc(lv->sets * lv->ways, sizeof(uint64_t));
	}
}

static void naive_fini(struct naive *n)
{
	for (int i = 0; i < CACHE_LEVELS; i++) {
		free(n->lv[i].line);
		free(n->lv[i].used);
	}
}

/* True when level lv holds line (and marks its use); otherwise puts it in. */
static bool naive_level_access(struct naive_level *lv, uint64_t line, uint64_t now)
{
	uint64_t first = (line % lv->sets) * lv->ways, victim = first;
	for (uint64_t i = first; i < first + lv->ways; i++) {
		if (lv->used[i] && lv->line[i] == line) {
			lv->used[i] = now;
			return true;
		}
	}
	for (uint64_t i = first; i < first + lv->ways; i++)
		if (lv->used[i] < lv->used[victim])
			victim = i;
	lv->line[victim] = line;
	lv->used[victim] = now;
	return false;
}

static enum mem_level naive_access(struct naive *n, paddr_t pa)
{
	uint64_t line = pa / n->line_bytes;
	n->now++;
	for (int i = 0; i < CACHE_LEVELS; i++)
		if (n->lv[i].size && naive_level_access(&n->lv[i], line, n->now))
			return (enum mem_level)(MEM_L1 + i);
	return MEM_DRAM;
}

/* An address with some locality: mostly a hot 2 KiB, then a warm 24 KiB, a
 * cool 256 KiB, a cold 4 MiB, and anywhere in 4 GiB. */
static paddr_t stream_pa(struct rng *r)
{
	uint64_t x = rng_next(r), pick = x & 0xff;
	x >>= 8;
	if (pick < 96)
		return 0x10000 + x % 2048;
	if (pick < 176)
		return 0x400000 + x % (24 << 10);
	if (pick < 224)
		return 0x800000 + x % (256 << 10);
	if (pick < 250)
		return 0x1000000 + x % (4 << 20);
	return x & 0xffffffffull;
}

static const char *const level_name[MEM_LEVELS] = {"L1", "L2", "L3", "DRAM"};

static void differential(uint64_t seed, const struct cache_config *cfg, const char *name)
{
	char err[200];
	struct cache *c = cache_new(cfg, err, sizeof err);
	if (!c)
		FAIL("%s: %s", name, err);
	struct naive n;
	naive_init(&n, cfg);
	struct rng r;
	rng_seed(&r, seed);
	uint64_t served[MEM_LEVELS] = {0};
	for (unsigned step = 0; step < 120000; step++) {
		paddr_t pa = stream_pa(&r);
		enum mem_level want = naive_access(&n, pa), got = cache_access(c, pa);
		if (got != want)
			FAIL("seed %llu, %s, step %u, pa 0x%llx: served by %s, the naive model says %s",
			     (unsigned long long)seed, name, step, (unsigned long long)pa, level_name[got],
			     level_name[want]);
		served[want]++;
	}
	const struct cache_counters *k = cache_counters(c);
	for (int l = 0; l < MEM_LEVELS; l++)
		CHECK_EQ(k->served[l], served[l]);
	for (int l = 0; l < CACHE_LEVELS; l++)
		if (cfg->level[l].size && served[l] < 100)
			FAIL("%s: level %d served only %llu references", name, l + 1, (unsigned long long)served[l]);
	naive_fini(&n);
	cache_free(c);
}

TEST(random_streams_are_served_like_by_a_naive_model)
{
	static const struct {
		const char *name;
		struct cache_config cfg;
	} g[] = {
		{"small three levels", {32, {{1024, 2}, {8192, 4}, {65536, 8}}}},
		{"direct-mapped L1", {64, {{2048, 1}, {16384, 8}, {131072, 16}}}},
		{"no L2", {64, {{4096, 4}, {0, 1}, {65536, 16}}}},
		{"fully associative L1", {16, {{1024, 64}, {4096, 2}, {0, 1}}}},
		{"the defaults", {64, {{32768, 8}, {524288, 8}, {8 << 20, 16}}}},
	};
	for (size_t i = 0; i < ARRAY_LEN(g); i++)
		differential(1000 + i, &g[i].cfg, g[i].name);
}

/* ---- the MMU with caches ---- */

static struct mmu *mmu_with(struct rig *r, bool caches, unsigned tlb_entries)
{
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.caches = caches;
	cfg.tlb.entries = tlb_entries;
	char err[200];
	struct mmu *m = mmu_new(&cfg, &r->pm, &r->fmt, err, sizeof err);
	if (!m)
		FAIL("mmu_new: %s", err);
	mmu_set_context(m, r->pt.root, 1);
	return m;
}

static paddr_t must_translate(struct mmu *m, vaddr_t va)
{
	paddr_t pa;
	struct fault f;
	if (!mmu_translate(m, va, ACCESS_READ, PRIV_USER, &pa, &f))
		FAIL("unexpected fault at 0x%llx", (unsigned long long)va);
	return pa;
}

TEST(a_logged_walk_gives_the_address_of_every_pte_it_read)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	rig_map_fresh(&r, 0x7000, 0, RWU);
	struct pt_leaf leaf;
	CHECK(pt_lookup(&r.pt, 0x7000, &leaf) == PT_OK);
	paddr_t pte_pa[PT_MAX_LEVELS];
	struct walk_result w;
	struct fault f;
	uint64_t refs = 0;
	CHECK(pt_walk_logged(&r.fmt, &r.pm, r.pt.root, 0x7008, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f, &refs,
			     pte_pa));
	CHECK_EQ(refs, 3);
	CHECK_EQ(pte_pa[0], r.pt.root << 12); /* VPN[2] of 0x7008 is 0 */
	CHECK_EQ(pte_pa[2], leaf.pte_pa);
	CHECK_EQ(pte_pa[2] & 0xfff, 7 * 8);   /* VPN[0] is 7 */
	CHECK(!pt_walk_logged(&r.fmt, &r.pm, r.pt.root, 1ull << 30, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f,
			      &refs, pte_pa));
	CHECK_EQ(refs, 4); /* the root PTE of VPN[2] = 1 is invalid */
	CHECK_EQ(pte_pa[0], (r.pt.root << 12) + 8);
	rig_fini(&r);
}

TEST(without_caches_every_reference_is_charged_at_dram)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	rig_map_fresh(&r, 0x1000, 0, RWU);
	struct mmu *m = mmu_with(&r, false, 64);
	CHECK(m->cache == NULL);
	mmu_data_ref(m, must_translate(m, 0x1000));
	mmu_data_ref(m, must_translate(m, 0x1000));
	struct hw_counts hw = {0};
	mmu_add_hw_counts(m, &hw);
	CHECK_EQ(hw.mem_refs[MEM_DRAM], 3 + 2);
	CHECK_EQ(hw.mem_refs[MEM_L1] + hw.mem_refs[MEM_L2] + hw.mem_refs[MEM_L3], 0);
	mmu_free(m);
	rig_fini(&r);
}

TEST(with_caches_the_same_walk_twice_is_served_from_l1_and_charged_at_l1_latency)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	rig_map_fresh(&r, 0x7000, 0, RWU);
	struct mmu *m = mmu_with(&r, true, 0); /* no TLB: every translation walks */
	struct mmu *dram = mmu_with(&r, false, 0);
	for (int i = 0; i < 2; i++) {
		CHECK_EQ(must_translate(m, 0x7000), must_translate(dram, 0x7000));
	}
	CHECK_EQ(m->c.walks, 2);
	CHECK_EQ(m->c.walk_refs, 6);
	struct hw_counts hw = {0}, hw_dram = {0};
	mmu_add_hw_counts(m, &hw);
	mmu_add_hw_counts(dram, &hw_dram);
	CHECK_EQ(hw.mem_refs[MEM_DRAM], 3); /* the first walk */
	CHECK_EQ(hw.mem_refs[MEM_L1], 3);   /* the second */
	CHECK_EQ(hw_dram.mem_refs[MEM_DRAM], 6);
	struct latency lat;
	latency_defaults(&lat);
	CHECK_EQ(hw.translations, 2);
	CHECK_EQ(latency_ns(&lat, &hw), 2 * 1 + 3 * 80 + 3 * 1);
	CHECK_EQ(latency_ns(&lat, &hw_dram) - latency_ns(&lat, &hw), 3 * (80 - 1));
	mmu_free(dram);
	mmu_free(m);
	rig_fini(&r);
}

TEST(with_caches_walk_and_data_references_all_go_through_them)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	pfn_t pfn = rig_map_fresh(&r, 0x1000, 0, RWU);
	rig_map_fresh(&r, 0x2000, 0, RWU);
	struct mmu *m = mmu_with(&r, true, 64);
	paddr_t pa = must_translate(m, 0x1000);
	mmu_data_ref(m, pa);
	CHECK_EQ(cache_probe(m->cache, pfn << 12), MEM_L1);
	mmu_data_ref(m, must_translate(m, 0x1008)); /* TLB hit, same line */
	mmu_data_ref(m, must_translate(m, 0x1040)); /* the next line */
	mmu_data_ref(m, must_translate(m, 0x2000)); /* its PTEs share lines with 0x1000's */
	struct hw_counts hw = {0};
	mmu_add_hw_counts(m, &hw);
	CHECK_EQ(m->c.walk_refs, 6);
	CHECK_EQ(m->c.data_refs, 4);
	CHECK_EQ(hw.mem_refs[MEM_L1], 1 + 3);     /* 0x1008's data; the second walk */
	CHECK_EQ(hw.mem_refs[MEM_DRAM], 3 + 3);   /* the first walk; 0x1000, 0x1040, 0x2000's data */
	uint64_t sum = 0;
	for (int l = 0; l < MEM_LEVELS; l++)
		sum += hw.mem_refs[l];
	CHECK_EQ(sum, m->c.walk_refs + m->c.data_refs);
	mmu_free(m);
	rig_fini(&r);
}

TEST(mmu_new_refuses_a_bad_cache_configuration)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 4);
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	CHECK(!cfg.caches);
	cfg.cache.level[0].size = 1000; /* ignored while caches are off */
	char err[200] = "";
	struct mmu *m = mmu_new(&cfg, &r.pm, &r.fmt, err, sizeof err);
	CHECK(m != NULL && m->cache == NULL);
	mmu_free(m);
	cfg.caches = true;
	CHECK(mmu_new(&cfg, &r.pm, &r.fmt, err, sizeof err) == NULL);
	CHECK_STR(err, "L1 cache size 1000 is not a multiple of ways x line (8 x 64 = 512 bytes)");
	rig_fini(&r);
}

TEST(a_bare_mmu_with_caches_serves_data_references_through_them)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 4);
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.mech = &mmu_bare;
	cfg.caches = true;
	char err[200];
	struct mmu *m = mmu_new(&cfg, &r.pm, NULL, err, sizeof err);
	if (!m)
		FAIL("mmu_new: %s", err);
	mmu_data_ref(m, must_translate(m, 0x100));
	mmu_data_ref(m, must_translate(m, 0x108));
	struct hw_counts hw = {0};
	mmu_add_hw_counts(m, &hw);
	CHECK_EQ(hw.mem_refs[MEM_DRAM], 1);
	CHECK_EQ(hw.mem_refs[MEM_L1], 1);
	mmu_free(m);
	rig_fini(&r);
}
