/* The memory caches: a physically indexed, physically tagged hierarchy of up to
 * three set-associative levels with exact LRU and one line size. Only tags are
 * modelled (the bytes always live in physical memory), so a cache decides where
 * a reference is served, never what it reads. Levels are neither inclusive nor
 * exclusive: each is looked up in turn and filled on the way back, and an
 * eviction in one level leaves the others alone. Writes allocate like reads;
 * write-backs of dirty lines are not modelled. */
#ifndef HW_CACHE_H
#define HW_CACHE_H

#include "hw/latency.h"
#include "lib/types.h"
#include "lib/util.h"

#define CACHE_LEVELS 3             /* L1, L2, L3 (MEM_L1 .. MEM_L3) */
#define CACHE_MAX_WAYS 64
#define CACHE_MAX_LINES (1u << 22) /* per level: bounds the host memory of the tags */

/* One level; size 0 means the level is absent. */
struct cache_level_config {
	uint64_t size;   /* bytes: ways x line x sets, sets a power of two */
	unsigned ways;   /* 1 (direct-mapped) .. CACHE_MAX_WAYS */
};

struct cache_config {
	unsigned line;   /* bytes per line, the same at every level: a power of two, 4 .. 4096 */
	struct cache_level_config level[CACHE_LEVELS]; /* L1 first */
};

/* What one level counted. A hit or a miss is one lookup of that level. */
struct cache_level_counters {
	uint64_t hits, misses;
	uint64_t evictions; /* valid lines replaced by a fill */
};

struct cache_counters {
	uint64_t served[MEM_LEVELS]; /* accesses by the level that served them */
	struct cache_level_counters level[CACHE_LEVELS];
};

struct cache;

/* Fills cfg with the usual hierarchy: 64-byte lines, L1 32 KiB 8-way, L2 512 KiB
 * 8-way, L3 8 MiB 16-way. */
void cache_config_defaults(struct cache_config *cfg);

/* Builds an empty hierarchy. Returns NULL with a message in err (size errlen)
 * for an impossible configuration: a bad line size, no level at all, or a level
 * whose ways, size or number of sets does not fit. */
struct cache *cache_new(const struct cache_config *cfg, char *err, size_t errlen);
/* Frees c; c may be NULL. */
void cache_free(struct cache *c);

/* One reference to the line holding pa (a reference never spans two lines):
 * looks up L1, L2, L3 in turn until one holds the line, fills the line into
 * every level that missed as its most recently used, and returns the level that
 * served it (MEM_DRAM when none held it). Counts it in the counters. */
enum mem_level cache_access(struct cache *c, paddr_t pa);

/* Like cache_access but changes nothing: the level that would serve pa. */
enum mem_level cache_probe(const struct cache *c, paddr_t pa);

/* What c counted since cache_new. */
const struct cache_counters *cache_counters(const struct cache *c);
/* The configuration as given to cache_new. */
const struct cache_config *cache_config(const struct cache *c);

#endif
