/* The cache hierarchy: per level, one array of line numbers, set-major, each
 * set kept in recency order (most recently used first, invalid ways last), so
 * a hit moves one line to the front and the victim of a fill is the last way.
 * A line number is pa >> log2(line) and serves as the whole tag. */
#include "hw/cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_LINE UINT64_MAX /* an invalid way (no pa >> 2 is this large) */

struct level {
	enum mem_level id;  /* MEM_L1 .. MEM_L3 */
	unsigned ways;
	uint64_t set_mask;  /* sets - 1 */
	uint64_t *line;     /* sets * ways line numbers, each set most recent first */
};

struct cache {
	struct cache_config cfg;
	unsigned line_shift;
	unsigned nlevels;                /* levels present, in lookup order */
	struct level lv[CACHE_LEVELS];
	struct cache_counters ctr;
};

void cache_config_defaults(struct cache_config *cfg)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->line = 64;
	cfg->level[0] = (struct cache_level_config){32ull << 10, 8};
	cfg->level[1] = (struct cache_level_config){512ull << 10, 8};
	cfg->level[2] = (struct cache_level_config){8ull << 20, 16};
}

/* Checks one present level (number n, 1-based) for lines of line bytes. */
static bool level_ok(const struct cache_level_config *lc, unsigned n, unsigned line, char *err, size_t errlen)
{
	unsigned long long size = (unsigned long long)lc->size, way_bytes = (unsigned long long)lc->ways * line;
	if (lc->ways < 1 || lc->ways > CACHE_MAX_WAYS)
		return fail_msg(err, errlen, "L%u cache ways must be 1..%u (got %u)", n, CACHE_MAX_WAYS, lc->ways);
	if (size % way_bytes)
		return fail_msg(err, errlen, "L%u cache size %llu is not a multiple of ways x line (%u x %u = %llu bytes)",
			    n, size, lc->ways, line, way_bytes);
	if (size / line > CACHE_MAX_LINES)
		return fail_msg(err, errlen, "L%u cache size %llu holds more than %u lines of %u bytes", n, size,
			    CACHE_MAX_LINES, line);
	if (!is_pow2(size / way_bytes))
		return fail_msg(err, errlen, "L%u cache sets (%llu bytes / %llu per set = %llu) must be a power of two",
			    n, size, way_bytes, size / way_bytes);
	return true;
}

/* Checks the whole configuration. */
static bool config_ok(const struct cache_config *cfg, char *err, size_t errlen)
{
	bool any = false;
	if (cfg->line < 4 || cfg->line > 4096 || !is_pow2(cfg->line))
		return fail_msg(err, errlen, "cache line size must be a power of two from 4 to 4096 bytes (got %u)",
			    cfg->line);
	for (unsigned i = 0; i < CACHE_LEVELS; i++) {
		if (!cfg->level[i].size)
			continue;
		if (!level_ok(&cfg->level[i], i + 1, cfg->line, err, errlen))
			return false;
		any = true;
	}
	return any || fail_msg(err, errlen, "a cache hierarchy needs at least one level of nonzero size");
}

struct cache *cache_new(const struct cache_config *cfg, char *err, size_t errlen)
{
	if (!config_ok(cfg, err, errlen))
		return NULL;
	struct cache *c = xcalloc(1, sizeof *c);
	c->cfg = *cfg;
	c->line_shift = log2_u64(cfg->line);
	for (unsigned i = 0; i < CACHE_LEVELS; i++) {
		const struct cache_level_config *lc = &cfg->level[i];
		if (!lc->size)
			continue;
		struct level *lv = &c->lv[c->nlevels++];
		uint64_t lines = lc->size >> c->line_shift;
		lv->id = (enum mem_level)(MEM_L1 + i);
		lv->ways = lc->ways;
		lv->set_mask = lines / lc->ways - 1;
		lv->line = xmalloc(lines * sizeof *lv->line);
		memset(lv->line, 0xff, lines * sizeof *lv->line); /* every way NO_LINE */
	}
	return c;
}

void cache_free(struct cache *c)
{
	if (!c)
		return;
	for (unsigned i = 0; i < c->nlevels; i++)
		free(c->lv[i].line);
	free(c);
}

/* The ways of the set line maps to in lv. */
static inline uint64_t *set_of(const struct level *lv, uint64_t line)
{
	return lv->line + (line & lv->set_mask) * lv->ways;
}

/* The way of set holding line, or ways when none does. */
static inline unsigned find_way(const uint64_t *set, unsigned ways, uint64_t line)
{
	unsigned w = 0;
	while (w < ways && set[w] != line)
		w++;
	return w;
}

/* One lookup of line in lv. A hit makes the line its set's most recently used
 * and returns true; a miss fills the line as most recently used in place of the
 * least recently used (or an invalid) way and returns false. */
static bool level_access(struct level *lv, uint64_t line, struct cache_level_counters *ctr)
{
	uint64_t *set = set_of(lv, line);
	unsigned w = find_way(set, lv->ways, line);
	bool hit = w < lv->ways;
	if (hit) {
		ctr->hits++;
	} else {
		w = lv->ways - 1;
		ctr->misses++;
		ctr->evictions += set[w] != NO_LINE;
	}
	memmove(set + 1, set, w * sizeof *set);
	set[0] = line;
	return hit;
}

/* Filling each level as it misses, before the next is looked up, is the same as
 * filling on the way back: levels never look at each other. */
enum mem_level cache_access(struct cache *c, paddr_t pa)
{
	uint64_t line = pa >> c->line_shift;
	enum mem_level served = MEM_DRAM;
	for (unsigned i = 0; i < c->nlevels; i++) {
		struct level *lv = &c->lv[i];
		if (level_access(lv, line, &c->ctr.level[lv->id])) {
			served = lv->id;
			break;
		}
	}
	c->ctr.served[served]++;
	return served;
}

enum mem_level cache_probe(const struct cache *c, paddr_t pa)
{
	uint64_t line = pa >> c->line_shift;
	for (unsigned i = 0; i < c->nlevels; i++) {
		const struct level *lv = &c->lv[i];
		if (find_way(set_of(lv, line), lv->ways, line) < lv->ways)
			return lv->id;
	}
	return MEM_DRAM;
}

const struct cache_counters *cache_counters(const struct cache *c) { return &c->ctr; }

const struct cache_config *cache_config(const struct cache *c) { return &c->cfg; }
