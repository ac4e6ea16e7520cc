/* The TLB: entries and their identities (keys) in two parallel arrays,
 * set-major. Small sets are scanned and order LRU/FIFO by stamps; large sets
 * are found through an exact hash index on the key and order LRU/FIFO by
 * per-set linked lists, so neither a hit nor a victim choice is O(ways). */
#include "hw/tlb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NIL UINT32_MAX
#define PLRU_CHUNK 6 /* tree levels per 64-bit word */

static const char *const policy_names[] = {
	[TLB_LRU] = "lru",
	[TLB_FIFO] = "fifo",
	[TLB_RANDOM] = "random",
	[TLB_PLRU] = "plru",
};

/* Checks cfg and the levels; on success stores the normalized number of ways
 * in *ways and returns true. */
static bool config_ok(const struct tlb_config *cfg, const unsigned *level_shift, unsigned nlevels,
		      unsigned *ways, char *err, size_t errlen)
{
	unsigned n = cfg->entries, w = cfg->ways ? cfg->ways : cfg->entries;
	if (n < 1 || n > TLB_MAX_ENTRIES)
		return fail_msg(err, errlen, "TLB entries must be 1..%u (got %u)", TLB_MAX_ENTRIES, n);
	if (w > n || n % w)
		return fail_msg(err, errlen, "TLB entries (%u) must be a multiple of ways (%u)", n, w);
	if (!is_pow2(n / w))
		return fail_msg(err, errlen, "TLB sets (%u entries / %u ways = %u) must be a power of two",
			    n, w, n / w);
	if ((unsigned)cfg->policy >= ARRAY_LEN(policy_names))
		return fail_msg(err, errlen, "unknown TLB policy %u", (unsigned)cfg->policy);
	if (cfg->policy == TLB_PLRU && !is_pow2(w))
		return fail_msg(err, errlen, "PLRU needs a power-of-two number of ways (got %u)", w);
	if (nlevels < 1 || nlevels > TLB_MAX_LEVELS)
		return fail_msg(err, errlen, "TLB levels must be 1..%u (got %u)", TLB_MAX_LEVELS, nlevels);
	if (level_shift[0] != 0)
		return fail_msg(err, errlen, "TLB level 0 must have shift 0 (got %u)", level_shift[0]);
	for (unsigned l = 1; l < nlevels; l++)
		if (level_shift[l] >= 64)
			return fail_msg(err, errlen, "TLB level %u shift %u is not below 64", l, level_shift[l]);
	*ways = w;
	return true;
}

/* Allocates the path tables of an r-level tree (r <= PLRU_CHUNK): touching
 * leaf x sets every node on its path (*path) to point at the other child (*dir). */
static void plru_tables(unsigned r, uint64_t **path, uint64_t **dir)
{
	unsigned leaves = 1u << r;
	*path = xcalloc(leaves, sizeof(uint64_t));
	*dir = xcalloc(leaves, sizeof(uint64_t));
	for (unsigned x = 0; x < leaves; x++) {
		for (unsigned node = leaves + x; node > 1; node >>= 1) {
			(*path)[x] |= 1ull << (node >> 1);
			(*dir)[x] |= (uint64_t)(~node & 1) << (node >> 1);
		}
	}
}

/* PLRU: sizes a set's words and builds the tables of its chunks. */
static void plru_init(struct tlb *t)
{
	unsigned rem = t->ways_log2, chunk_words = 1;
	t->plru_words = 0;
	while (rem > PLRU_CHUNK) {
		rem -= PLRU_CHUNK;
		t->plru_words += chunk_words;
		chunk_words *= 64;
	}
	t->plru_words += chunk_words;
	t->plru = xcalloc((size_t)t->sets * t->plru_words, sizeof(uint64_t));
	plru_tables(rem, &t->plru_path, &t->plru_dir);
	if (t->ways_log2 > PLRU_CHUNK)
		plru_tables(PLRU_CHUNK, &t->plru_path6, &t->plru_dir6);
}

/* Allocates the policy's state: stamps or lists for LRU/FIFO, tree bits for
 * PLRU, the generator for RANDOM. */
static void policy_init(struct tlb *t)
{
	unsigned n = t->cfg.entries;
	if (t->policy == TLB_LRU || t->policy == TLB_FIFO) {
		if (!t->hashed) {
			t->stamp = xcalloc(n, sizeof(uint64_t));
		} else {
			t->prev = xmalloc(n * sizeof(uint32_t));
			t->next = xmalloc(n * sizeof(uint32_t));
			t->head = xmalloc(t->sets * sizeof(uint32_t));
			t->tail = xmalloc(t->sets * sizeof(uint32_t));
			memset(t->head, 0xff, t->sets * sizeof(uint32_t));
			memset(t->tail, 0xff, t->sets * sizeof(uint32_t));
		}
	} else if (t->policy == TLB_PLRU) {
		plru_init(t);
	}
	rng_seed(&t->rng, t->cfg.seed);
}

/* Allocates the hash index of a hashed TLB: at most a quarter full, so that
 * probes and removals stay short. */
static void hash_init(struct tlb *t)
{
	uint32_t cap = 16;
	while (cap < 4 * t->cfg.entries)
		cap *= 2;
	t->hash_mask = cap - 1;
	t->hash_shift = 64 - log2_u64(cap);
	t->hash = xmalloc(cap * sizeof(uint32_t));
	memset(t->hash, 0xff, cap * sizeof(uint32_t));
	t->hash_at = xcalloc(t->cfg.entries, sizeof(uint32_t));
}

struct tlb *tlb_new(const struct tlb_config *cfg, const unsigned *level_shift, unsigned nlevels,
		    char *err, size_t errlen)
{
	unsigned ways = 0;
	if (!config_ok(cfg, level_shift, nlevels, &ways, err, errlen))
		return NULL;
	struct tlb *t = xcalloc(1, sizeof(*t));
	t->cfg = *cfg;
	t->cfg.ways = ways;
	t->ways = ways;
	t->ways_log2 = is_pow2(ways) ? log2_u64(ways) : 0;
	t->sets = cfg->entries / ways;
	t->set_mask = t->sets - 1;
	t->asid_mask = cfg->asid ? 0xffff : 0;
	t->hashed = ways > TLB_SCAN_WAYS;
	t->policy = cfg->policy;
	t->nlevels = nlevels;
	for (unsigned l = 0; l < nlevels; l++)
		t->level_shift[l] = (uint8_t)level_shift[l];
	t->key = xcalloc(cfg->entries, sizeof(struct tlb_key));
	t->entry = xcalloc(cfg->entries, sizeof(struct tlb_entry));
	t->used_words = (ways + 63) / 64;
	t->used = xcalloc((size_t)t->sets * t->used_words, sizeof(uint64_t));
	t->nvalid = xcalloc(t->sets, sizeof(unsigned));
	t->free_hint = xcalloc(t->sets, sizeof(unsigned));
	if (t->hashed)
		hash_init(t);
	policy_init(t);
	return t;
}

void tlb_free(struct tlb *t)
{
	if (!t)
		return;
	free(t->key);
	free(t->entry);
	free(t->stamp);
	free(t->plru);
	free(t->plru_path);
	free(t->plru_dir);
	free(t->plru_path6);
	free(t->plru_dir6);
	free(t->asid_ctr);
	free(t->used);
	free(t->nvalid);
	free(t->free_hint);
	free(t->hash);
	free(t->hash_at);
	free(t->prev);
	free(t->next);
	free(t->head);
	free(t->tail);
	free(t);
}

/* ---- Counters ---- */

/* Grows the per-ASID counters to hold asid. */
static void asid_grow(struct tlb *t, asid_t asid)
{
	unsigned n = t->nasid_ctr ? t->nasid_ctr : 64;
	while (n <= asid)
		n *= 2;
	t->asid_ctr = xrealloc(t->asid_ctr, n * sizeof(*t->asid_ctr));
	memset(t->asid_ctr + t->nasid_ctr, 0, (n - t->nasid_ctr) * sizeof(*t->asid_ctr));
	t->nasid_ctr = n;
}

/* The counters of one ASID, growing the array to hold it. */
static inline struct tlb_asid_count *asid_count(struct tlb *t, asid_t asid)
{
	if (unlikely(asid >= t->nasid_ctr))
		asid_grow(t, asid);
	return &t->asid_ctr[asid];
}

void tlb_switch_asid(struct tlb *t, asid_t asid)
{
	uint64_t pending = t->ctr.hits - t->hits_mark;
	if (pending)
		asid_count(t, t->cur_asid)->hits += pending;
	t->hits_mark = t->ctr.hits;
	t->cur_asid = asid;
}

/* Counts a miss of (asid, vpn) and remembers it: until the next insert,
 * nothing in the TLB translates it (flushes only take entries away). */
static void count_miss(struct tlb *t, asid_t asid, vpn_t vpn)
{
	t->ctr.misses++;
	asid_count(t, asid)->misses++;
	t->missed = true;
	t->missed_vpn = vpn;
	t->missed_asid = asid & t->asid_mask;
}

struct tlb_entry *tlb_miss(struct tlb *t, asid_t asid, vpn_t vpn)
{
	count_miss(t, asid, vpn);
	return NULL;
}


void tlb_asid_counters(const struct tlb *t, asid_t asid, uint64_t *hits, uint64_t *misses)
{
	bool seen = asid < t->nasid_ctr;
	*hits = seen ? t->asid_ctr[asid].hits : 0;
	*misses = seen ? t->asid_ctr[asid].misses : 0;
	if (asid == t->cur_asid)
		*hits += t->ctr.hits - t->hits_mark;
}

void tlb_asid_counters_clear(struct tlb *t)
{
	if (t->nasid_ctr)
		memset(t->asid_ctr, 0, t->nasid_ctr * sizeof(*t->asid_ctr));
	t->hits_mark = t->ctr.hits;
}

const struct tlb_config *tlb_config(const struct tlb *t) { return &t->cfg; }

unsigned tlb_occupancy(const struct tlb *t) { return t->occupancy; }

const struct tlb_entry *tlb_way(const struct tlb *t, uint64_t s, unsigned w)
{
	if (s >= t->sets || w >= t->ways)
		panic("set %llu way %u of a TLB of %u sets of %u ways", (unsigned long long)s, w, t->sets, t->ways);
	return &t->entry[s * t->ways + w];
}

/* ---- The hash index (hashed TLBs): slot numbers under linear probing ---- */

/* Indexes slot, whose key must be valid and not yet indexed. */
static void hash_add(struct tlb *t, uint32_t slot)
{
	uint32_t i = tlb_hash_home(t, t->key[slot].tag, t->key[slot].id);
	while (t->hash[i] != NIL)
		i = (i + 1) & t->hash_mask;
	t->hash[i] = slot;
	t->hash_at[slot] = i;
}

/* Removes slot from the index by backward shifting, so no tombstones remain:
 * an entry after the hole moves into it unless its home lies in (hole, it]. */
static void hash_remove(struct tlb *t, uint32_t slot)
{
	uint32_t mask = t->hash_mask, i = t->hash_at[slot], j;
	for (;;) {
		t->hash[i] = NIL;
		for (j = (i + 1) & mask;; j = (j + 1) & mask) {
			if (t->hash[j] == NIL)
				return;
			const struct tlb_key *k = &t->key[t->hash[j]];
			if (((j - tlb_hash_home(t, k->tag, k->id)) & mask) >= ((j - i) & mask))
				break;
		}
		t->hash[i] = t->hash[j];
		t->hash_at[t->hash[i]] = i;
		i = j;
	}
}

/* ---- Replacement state ---- */

/* The set a slot belongs to. */
static uint64_t set_of(const struct tlb *t, uint32_t slot)
{
	if (t->set_mask == 0)
		return 0; /* fully associative */
	return is_pow2(t->ways) ? slot >> t->ways_log2 : slot / t->ways;
}

/* Takes slot out of its set's list. */
static void list_unlink(struct tlb *t, uint64_t set, uint32_t slot)
{
	uint32_t p = t->prev[slot], n = t->next[slot];
	if (p == NIL)
		t->head[set] = n;
	else
		t->next[p] = n;
	if (n == NIL)
		t->tail[set] = p;
	else
		t->prev[n] = p;
}

/* Appends slot, not in any list, to its set's list (newest end). */
static void list_push_tail(struct tlb *t, uint64_t set, uint32_t slot)
{
	uint32_t last = t->tail[set];
	t->prev[slot] = last;
	t->next[slot] = NIL;
	if (last == NIL)
		t->head[set] = slot;
	else
		t->next[last] = slot;
	t->tail[set] = slot;
}

/* LRU/FIFO: makes slot the newest of its set (the last to be chosen); linked
 * says whether it is already in its set's list. */
static void order_newest(struct tlb *t, uint32_t slot, bool linked)
{
	if (!t->hashed) {
		t->stamp[slot] = ++t->clock;
		return;
	}
	uint64_t set = set_of(t, slot);
	if (!linked)
		list_push_tail(t, set, slot);
	else if (t->tail[set] != slot)
		tlb_list_to_tail(t, set, slot);
}

/* PLRU: points the nodes of an r-level subtree (word *bits) on leaf x's path
 * away from it, through the tables of r-level trees. */
static void plru_point_away(uint64_t *bits, const uint64_t *path, const uint64_t *dir, unsigned x)
{
	*bits = (*bits & ~path[x]) | dir[x];
}

/* PLRU: the leaf an r-level subtree (word bits) points at. */
static unsigned plru_follow(uint64_t bits, unsigned r)
{
	unsigned node = 1;
	while (node < 1u << r)
		node = 2 * node + (bits >> node & 1);
	return node - (1u << r);
}

/* PLRU: points every node on slot's path away from it, chunk by chunk. */
static void plru_touch(struct tlb *t, uint32_t slot)
{
	uint64_t *bits = &t->plru[(slot >> t->ways_log2) * t->plru_words];
	unsigned w = slot & (t->ways - 1), rem = t->ways_log2;
	size_t base = 0, chunk_words = 1, prefix = 0;
	while (rem > PLRU_CHUNK) {
		rem -= PLRU_CHUNK;
		unsigned x = (w >> rem) & 63;
		plru_point_away(&bits[base + prefix], t->plru_path6, t->plru_dir6, x);
		base += chunk_words;
		chunk_words *= 64;
		prefix = prefix * 64 + x;
	}
	plru_point_away(&bits[base + prefix], t->plru_path, t->plru_dir, w & ((1u << rem) - 1));
}

/* PLRU: the way of a set the tree points at. */
static unsigned plru_victim(const struct tlb *t, uint64_t set)
{
	const uint64_t *bits = &t->plru[set * t->plru_words];
	unsigned rem = t->ways_log2;
	size_t base = 0, chunk_words = 1, prefix = 0;
	while (rem > PLRU_CHUNK) {
		rem -= PLRU_CHUNK;
		unsigned x = plru_follow(bits[base + prefix], PLRU_CHUNK);
		base += chunk_words;
		chunk_words *= 64;
		prefix = prefix * 64 + x;
	}
	return (unsigned)(prefix << rem) | plru_follow(bits[base + prefix], rem);
}

/* Updates the replacement state for a use of a valid, already placed slot (a
 * hit, or a refill in place). */
void tlb_touch(struct tlb *t, uint32_t slot)
{
	if (t->policy == TLB_LRU)
		order_newest(t, slot, true);
	else if (t->policy == TLB_PLRU)
		plru_touch(t, slot);
}

/* Updates the replacement state for a slot just filled with a new entry. */
static void filled(struct tlb *t, uint32_t slot)
{
	if (t->policy == TLB_LRU || t->policy == TLB_FIFO)
		order_newest(t, slot, false);
	else if (t->policy == TLB_PLRU)
		plru_touch(t, slot);
}

/* The slot with the smallest stamp in a full scanned set. */
static uint32_t oldest_stamp(const struct tlb *t, uint64_t set)
{
	uint32_t best = (uint32_t)(set * t->ways);
	for (uint32_t s = best + 1; s < (set + 1) * t->ways; s++)
		if (t->stamp[s] < t->stamp[best])
			best = s;
	return best;
}

/* The slot the policy evicts from a full set. */
static uint32_t victim(struct tlb *t, uint64_t set)
{
	uint32_t base = (uint32_t)(set * t->ways);
	switch (t->policy) {
	case TLB_LRU:
	case TLB_FIFO:
		return t->hashed ? t->head[set] : oldest_stamp(t, set);
	case TLB_RANDOM:
		return base + (uint32_t)rng_below(&t->rng, t->ways);
	case TLB_PLRU:
		return base + plru_victim(t, set);
	}
	panic("bad policy %d", (int)t->policy);
}

/* ---- Placement ---- */

/* The levels present changed: the level mask and the fast path follow. */
static void levels_changed(struct tlb *t, unsigned level)
{
	if (t->level_count[level])
		t->level_mask |= (uint8_t)(1u << level);
	else
		t->level_mask &= (uint8_t)~(1u << level);
	if (t->level_mask != 1)
		t->fast = TLB_SLOW;
	else
		t->fast = t->hashed ? TLB_FAST_HASH : TLB_FAST_SCAN;
}

/* Counts one valid entry of a level in or out (delta +1 or -1). */
static inline void count_level(struct tlb *t, unsigned level, bool global, int delta)
{
	bool had = t->level_count[level] != 0;
	t->level_count[level] += (unsigned)delta;
	t->global_count[level] += global ? (unsigned)delta : 0;
	if (had != (t->level_count[level] != 0))
		levels_changed(t, level);
}

/* Removes slot's valid entry from the index and the replacement order (not
 * from the level counts); its key and entry are left as they are. */
static void unindex(struct tlb *t, uint32_t slot)
{
	if (t->hashed)
		hash_remove(t, slot);
	if (t->head)
		list_unlink(t, set_of(t, slot), slot);
}

/* Invalidates slot's valid entry. */
static void invalidate(struct tlb *t, uint32_t slot)
{
	uint64_t s = set_of(t, slot);
	unsigned w = slot - (uint32_t)(s * t->ways);
	unindex(t, slot);
	count_level(t, t->entry[slot].level, t->entry[slot].global, -1);
	t->entry[slot].valid = 0;
	t->key[slot].id = 0;
	t->used[s * t->used_words + w / 64] &= ~(1ull << (w % 64));
	t->nvalid[s]--;
	t->occupancy--;
	if (w < t->free_hint[s])
		t->free_hint[s] = w;
}

/* The lowest invalid way of a set that has one, now marked used. */
static unsigned take_free_way(struct tlb *t, uint64_t set)
{
	uint64_t *used = &t->used[set * t->used_words];
	unsigned i = t->free_hint[set] / 64;
	while (used[i] == ~0ull)
		i++;
	unsigned w = i * 64 + (unsigned)__builtin_ctzll(~used[i]);
	if (w >= t->ways)
		panic("set %llu: no invalid way among %u", (unsigned long long)set, t->ways);
	used[i] |= 1ull << (w % 64);
	t->free_hint[set] = w + 1;
	t->nvalid[set]++;
	t->occupancy++;
	return w;
}

/* A slot of the set for a new entry: the lowest invalid way, else the policy's
 * victim, whose entry is evicted (still marked valid and counted in its
 * level, no longer indexed). */
static uint32_t take_slot(struct tlb *t, uint64_t set)
{
	t->replaced = t->nvalid[set] == t->ways;
	if (!t->replaced)
		return (uint32_t)(set * t->ways) + take_free_way(t, set);
	uint32_t slot = victim(t, set);
	t->ctr.evictions++;
	t->replaced_tag = t->key[slot].tag;
	t->replaced_level = t->entry[slot].level;
	unindex(t, slot);
	return slot;
}

/* The level counts after slot's entry, of level and global, replaced what
 * take_slot left there: nothing to do when that was of the same kind. */
static void count_replacement(struct tlb *t, uint32_t slot, unsigned level, bool global)
{
	const struct tlb_entry *old = &t->entry[slot];
	if (t->replaced && old->level == level && (old->global != 0) == global)
		return;
	if (t->replaced)
		count_level(t, old->level, old->global, -1);
	count_level(t, level, global, +1);
}

/* The valid slot with key (tag, id), or -1. */
static long find_key(const struct tlb *t, uint64_t tag, uint32_t id)
{
	if (t->hashed)
		return tlb_hash_find(t, tag, id);
	size_t base = (tag & t->set_mask) * t->ways;
	for (unsigned w = 0; w < t->ways; w++)
		if (t->key[base + w].tag == tag && t->key[base + w].id == id)
			return (long)(base + w);
	return -1;
}

/* Copies the translation of src into slot, with key (tag, id). */
static void fill(struct tlb *t, uint32_t slot, const struct tlb_entry *src, asid_t a, uint64_t tag,
		 uint32_t id)
{
	struct tlb_entry *dst = &t->entry[slot];
	t->key[slot].tag = tag;
	t->key[slot].id = id;
	dst->tag = tag;
	dst->pfn = src->pfn;
	dst->asid = a;
	dst->valid = 1;
	dst->level = src->level;
	dst->global = src->global != 0;
	dst->allow = src->allow;
	dst->dirty = src->dirty;
	dst->flags = src->flags;
	dst->pa = src->pa;
	dst->offset_mask = src->offset_mask;
}

struct tlb_entry *tlb_insert(struct tlb *t, asid_t asid, vpn_t vpn, const struct tlb_entry *e)
{
	asid_t a = asid & t->asid_mask;
	unsigned level = e->level;
	if (level >= t->nlevels)
		panic("level %u, but the TLB has %u levels", level, t->nlevels);
	uint64_t tag = vpn >> t->level_shift[level];
	uint32_t id = tlb_key_id(a, level, e->global);
	/* right after a miss of this page, no entry can have its identity */
	long old = t->missed && t->missed_vpn == vpn && t->missed_asid == a ? -1 : find_key(t, tag, id);
	t->missed = false;
	t->gen++;
	if (old >= 0) {
		t->replaced = true;
		t->replaced_tag = tag;
		t->replaced_level = (uint8_t)level;
		fill(t, (uint32_t)old, e, a, tag, id);
		tlb_touch(t, (uint32_t)old);
		return &t->entry[old];
	}
	uint32_t slot = take_slot(t, tag & t->set_mask);
	count_replacement(t, slot, level, e->global != 0);
	fill(t, slot, e, a, tag, id);
	if (t->hashed)
		hash_add(t, slot);
	filled(t, slot);
	return &t->entry[slot];
}

/* ---- Lookup ---- */

/* The slot of a scanned set holding (tag, own) or else (tag, global), or -1. */
static long scan_set(const struct tlb *t, uint64_t tag, uint32_t own, uint32_t global)
{
	size_t base = (tag & t->set_mask) * t->ways;
	long g = -1;
	for (unsigned w = 0; w < t->ways; w++) {
		const struct tlb_key *k = &t->key[base + w];
		if (k->tag != tag)
			continue;
		if (k->id == own)
			return (long)(base + w);
		if (k->id == global)
			g = (long)(base + w);
	}
	return g;
}

/* The slot translating (a, vpn), a masked, or -1: sizes base first, within a
 * size the ASID's own entry first. */
static long find(const struct tlb *t, asid_t a, vpn_t vpn)
{
	for (unsigned m = t->level_mask; m; m &= m - 1) {
		unsigned l = (unsigned)__builtin_ctz(m);
		uint64_t tag = vpn >> t->level_shift[l];
		uint32_t own = tlb_key_id(a, l, false), global = tlb_key_id(a, l, true);
		long s;
		if (!t->hashed)
			s = scan_set(t, tag, own, global);
		else if ((s = tlb_hash_find(t, tag, own)) < 0 && t->global_count[l])
			s = tlb_hash_find(t, tag, global);
		if (s >= 0)
			return s;
	}
	return -1;
}

struct tlb_entry *tlb_lookup_slow(struct tlb *t, asid_t asid, vpn_t vpn)
{
	long s = find(t, asid & t->asid_mask, vpn);
	if (s < 0) {
		count_miss(t, asid, vpn);
		return NULL;
	}
	tlb_count_hit(t, asid);
	tlb_touch(t, (uint32_t)s);
	return &t->entry[s];
}

const struct tlb_entry *tlb_probe(const struct tlb *t, asid_t asid, vpn_t vpn)
{
	long s = find(t, asid & t->asid_mask, vpn);
	return s < 0 ? NULL : &t->entry[s];
}

/* ---- Flushes ---- */

void tlb_flush_all(struct tlb *t)
{
	t->gen++;
	t->ctr.flushes++;
	t->ctr.flushed_entries += t->occupancy;
	for (unsigned i = 0; i < t->cfg.entries; i++) {
		t->entry[i].valid = 0;
		t->key[i].id = 0;
	}
	memset(t->used, 0, (size_t)t->sets * t->used_words * sizeof(uint64_t));
	memset(t->nvalid, 0, t->sets * sizeof(unsigned));
	memset(t->free_hint, 0, t->sets * sizeof(unsigned));
	if (t->hash)
		memset(t->hash, 0xff, ((size_t)t->hash_mask + 1) * sizeof(uint32_t));
	if (t->head) {
		memset(t->head, 0xff, t->sets * sizeof(uint32_t));
		memset(t->tail, 0xff, t->sets * sizeof(uint32_t));
	}
	memset(t->level_count, 0, sizeof(t->level_count));
	memset(t->global_count, 0, sizeof(t->global_count));
	t->level_mask = 0;
	t->fast = TLB_SLOW;
	t->occupancy = 0;
}

void tlb_flush_asid(struct tlb *t, asid_t asid)
{
	uint32_t own = asid & t->asid_mask;
	t->gen++;
	t->ctr.flushes++;
	for (uint32_t i = 0; t->occupancy && i < t->cfg.entries; i++) {
		uint32_t id = t->key[i].id;
		if ((id & TLB_KEY_VALID) && !(id & TLB_KEY_GLOBAL) && (id & 0xffff) == own) {
			invalidate(t, i);
			t->ctr.flushed_entries++;
		}
	}
}

/* Invalidates slot s when it is not -1; returns how many it invalidated. */
static unsigned flush_slot(struct tlb *t, long s)
{
	if (s < 0)
		return 0;
	invalidate(t, (uint32_t)s);
	return 1;
}

void tlb_flush_va(struct tlb *t, asid_t asid, vpn_t vpn)
{
	asid_t a = asid & t->asid_mask;
	t->gen++;
	t->ctr.flushes++;
	for (unsigned m = t->level_mask; m; m &= m - 1) {
		unsigned l = (unsigned)__builtin_ctz(m);
		uint64_t tag = vpn >> t->level_shift[l];
		t->ctr.flushed_entries += flush_slot(t, find_key(t, tag, tlb_key_id(a, l, false)));
		t->ctr.flushed_entries += flush_slot(t, find_key(t, tag, tlb_key_id(a, l, true)));
	}
}

/* ---- Policy names ---- */

bool tlb_policy_parse(const char *s, enum tlb_policy *out)
{
	for (unsigned i = 0; i < ARRAY_LEN(policy_names); i++) {
		if (strcmp(s, policy_names[i]) == 0) {
			*out = (enum tlb_policy)i;
			return true;
		}
	}
	return false;
}

const char *tlb_policy_name(enum tlb_policy p)
{
	return (unsigned)p < ARRAY_LEN(policy_names) ? policy_names[p] : "?";
}

/* ---- Invariants ---- */

/* Checks one valid slot: its key against its entry, its place, its uniqueness. */
static bool check_slot(const struct tlb *t, uint64_t s, uint32_t slot, char *err, size_t errlen)
{
	const struct tlb_entry *e = &t->entry[slot];
	const struct tlb_key *k = &t->key[slot];
	if (e->level >= t->nlevels || (e->tag & t->set_mask) != s || (e->asid & ~t->asid_mask))
		return fail_msg(err, errlen, "slot %u: level %u tag %#llx asid %u misplaced", slot, e->level,
			    (unsigned long long)e->tag, e->asid);
	if (k->tag != e->tag || k->id != tlb_key_id(e->asid, e->level, e->global))
		return fail_msg(err, errlen, "slot %u: key %#llx/%#x does not match the entry", slot,
			    (unsigned long long)k->tag, k->id);
	if (find_key(t, k->tag, k->id) != (long)slot)
		return fail_msg(err, errlen, "slot %u: key not unique or not indexed", slot);
	if (t->stamp && t->stamp[slot] > t->clock)
		return fail_msg(err, errlen, "slot %u: stamp from the future", slot);
	return true;
}

/* Checks one set's slots against its bitmap, count and hint. */
static bool check_set(const struct tlb *t, uint64_t s, unsigned *levels, unsigned *globals,
		      char *err, size_t errlen)
{
	unsigned n = 0;
	for (unsigned w = 0; w < t->ways; w++) {
		uint32_t slot = (uint32_t)(s * t->ways) + w;
		const struct tlb_entry *e = &t->entry[slot];
		bool used = t->used[s * t->used_words + w / 64] >> (w % 64) & 1;
		if (used != (e->valid != 0) || (t->key[slot].id != 0) != used)
			return fail_msg(err, errlen, "set %llu way %u: used bit %d, valid %d, id %#x",
				    (unsigned long long)s, w, used, e->valid, t->key[slot].id);
		if (!used && w < t->free_hint[s])
			return fail_msg(err, errlen, "set %llu: invalid way %u below hint %u",
				    (unsigned long long)s, w, t->free_hint[s]);
		if (!used)
			continue;
		if (!check_slot(t, s, slot, err, errlen))
			return false;
		n++;
		levels[e->level]++;
		globals[e->level] += e->global;
	}
	if (n != t->nvalid[s])
		return fail_msg(err, errlen, "set %llu: %u valid, counted %u", (unsigned long long)s, n,
			    t->nvalid[s]);
	return true;
}

/* Checks a hashed LRU/FIFO set's list: exactly its valid slots, linked both ways. */
static bool check_list(const struct tlb *t, uint64_t s, char *err, size_t errlen)
{
	unsigned n = 0;
	uint32_t prev = NIL;
	for (uint32_t i = t->head[s]; i != NIL; prev = i, i = t->next[i]) {
		if (set_of(t, i) != s || !t->entry[i].valid || t->prev[i] != prev || ++n > t->ways)
			return fail_msg(err, errlen, "set %llu: list broken at slot %u", (unsigned long long)s, i);
	}
	if (t->tail[s] != prev || n != t->nvalid[s])
		return fail_msg(err, errlen, "set %llu: list has %u slots, %u valid", (unsigned long long)s, n,
			    t->nvalid[s]);
	return true;
}

/* Checks that the hash index holds exactly the valid slots. */
static bool check_hash(const struct tlb *t, char *err, size_t errlen)
{
	unsigned n = 0;
	for (uint32_t i = 0; i <= t->hash_mask; i++) {
		if (t->hash[i] == NIL)
			continue;
		uint32_t s = t->hash[i];
		if (!t->entry[s].valid)
			return fail_msg(err, errlen, "hash bucket %u: slot %u is invalid", i, s);
		if (t->hash_at[s] != i)
			return fail_msg(err, errlen, "hash bucket %u: slot %u thinks it is in bucket %u", i, s, t->hash_at[s]);
		n++;
	}
	if (n != t->occupancy)
		return fail_msg(err, errlen, "hash holds %u slots, occupancy %u", n, t->occupancy);
	return true;
}

/* Checks the per-level counts, the level mask and the fast-path flag. */
static bool check_levels(const struct tlb *t, const unsigned *levels, const unsigned *globals,
			 char *err, size_t errlen)
{
	for (unsigned l = 0; l < TLB_MAX_LEVELS; l++) {
		if (levels[l] != t->level_count[l] || globals[l] != t->global_count[l] ||
		    !!levels[l] != (t->level_mask >> l & 1))
			return fail_msg(err, errlen, "level %u: %u entries (%u global), counted %u (%u), mask %#x",
				    l, levels[l], globals[l], t->level_count[l], t->global_count[l],
				    t->level_mask);
	}
	enum tlb_fast fast = t->level_mask != 1 ? TLB_SLOW : t->hashed ? TLB_FAST_HASH : TLB_FAST_SCAN;
	if (t->fast != fast)
		return fail_msg(err, errlen, "fast path %d with level mask %#x", t->fast, t->level_mask);
	return true;
}

bool tlb_check(const struct tlb *t, char *err, size_t errlen)
{
	unsigned levels[TLB_MAX_LEVELS] = { 0 }, globals[TLB_MAX_LEVELS] = { 0 }, total = 0;
	for (uint64_t s = 0; s < t->sets; s++) {
		if (!check_set(t, s, levels, globals, err, errlen))
			return false;
		if (t->head && !check_list(t, s, err, errlen))
			return false;
		total += t->nvalid[s];
	}
	if (total != t->occupancy)
		return fail_msg(err, errlen, "occupancy %u, counted %u", t->occupancy, total);
	if (!check_levels(t, levels, globals, err, errlen))
		return false;
	return !t->hashed || check_hash(t, err, errlen);
}
