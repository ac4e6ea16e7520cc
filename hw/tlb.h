/* The translation lookaside buffer: a set-associative cache of translations
 * tagged with an ASID, exact for its configured replacement policy. A hit in a
 * small set (up to TLB_SCAN_WAYS ways) is a linear probe of that set, inline
 * for base pages; larger sets are reached in O(1) through an exact hash index.
 * Misses, refills and flushes are out of line.
 *
 * An entry maps one page of any size the page-table format allows: a superpage
 * entry at level L covers 2^shift[L] base pages, and is tagged with
 * vpn >> shift[L]. Lookups probe each page size that has entries present. */
#ifndef HW_TLB_H
#define HW_TLB_H

#include "lib/rng.h"
#include "lib/types.h"
#include "lib/util.h"

#define TLB_MAX_LEVELS 6
#define TLB_MAX_ENTRIES 65536
/* Sets of at most this many ways are scanned; larger ones use the hash index. */
#define TLB_SCAN_WAYS 8

enum tlb_policy {
	TLB_LRU,
	TLB_FIFO,
	TLB_RANDOM,
	TLB_PLRU, /* tree pseudo-LRU; ways must be a power of two */
};

struct tlb_config {
	unsigned entries;        /* 1 .. 65536 */
	unsigned ways;           /* 1 = direct-mapped; 0 or == entries = fully associative */
	enum tlb_policy policy;
	bool asid;               /* false: every entry is tagged ASID 0 (kernel flushes on switch) */
	uint64_t seed;           /* for TLB_RANDOM */
};

/* What a translation leaves in the TLB. */
struct tlb_entry {
	uint64_t tag;     /* vpn >> level_shift[level] */
	pfn_t pfn;        /* first frame of the page (base-page frame number) */
	asid_t asid;      /* for a global entry: the ASID that last filled it */
	uint8_t valid;
	uint8_t level;    /* 0 = base page; >0 = superpage */
	uint8_t global;   /* matches every ASID */
	uint8_t allow;    /* bit (priv * 3 + access) set when that access is allowed */
	uint8_t dirty;    /* the PTE's D bit was set when the entry was filled */
	uint8_t flags;    /* the leaf PTE's canonical flags (PTE_R ... PTE_D), for display */
	paddr_t pa;       /* the page's first physical address (the MMU's payload) ... */
	uint64_t offset_mask; /* ... and the mask of the offset within it */
};

struct tlb_counters {
	uint64_t hits, misses, evictions;
	uint64_t flushes;         /* flush operations of any kind */
	uint64_t flushed_entries; /* valid entries removed by flushes */
};

struct tlb_asid_count {
	uint64_t hits, misses;
};

/* A slot's identity, compared at once: the tag and an id packing the valid
 * and global bits, the level and (unless global) the ASID. An invalid slot's
 * id is 0, so it matches nothing. */
struct tlb_key {
	uint64_t tag;
	uint32_t id;
};

#define TLB_KEY_VALID (1u << 24)
#define TLB_KEY_GLOBAL (1u << 25)

/* The id of a valid entry of ASID a at level; a global entry's ignores a. */
static inline uint32_t tlb_key_id(asid_t a, unsigned level, bool global)
{
	return TLB_KEY_VALID | level << 16 | (global ? TLB_KEY_GLOBAL : a);
}

/* How tlb_lookup probes, kept up to date as entries come and go. */
enum tlb_fast {
	TLB_SLOW,      /* superpage entries present (or none at all): out of line */
	TLB_FAST_SCAN, /* base pages only, scanned sets: inline scan */
	TLB_FAST_HASH, /* base pages only, hashed sets: inline hash probe */
};

/* The TLB's state. It is visible only so that tlb_lookup can be inline: the
 * fields are private to tlb.c and the inline functions below.
 *
 * Slot i is way (i % ways) of set (i / ways); entry[i] is what callers see and
 * key[i] its identity, unique among valid slots. Scanned TLBs keep LRU/FIFO
 * order as per-slot stamps (smallest = next victim); hashed TLBs keep it as
 * per-set doubly linked lists (head = next victim). Per-ASID hits are batched:
 * the hits since hits_mark belong to cur_asid.
 *
 * PLRU keeps per set a binary tree over the ways, cut into chunks of up to 6
 * levels; each subtree of a chunk is one 64-bit word, its nodes heap-numbered
 * from 1 (node n's children are 2n and 2n + 1); a set bit means the victim is
 * in the right subtree. Word 0 holds the top chunk, then come the 64 subtrees
 * of the second chunk, then the 4096 of the third, each indexed by the bits of
 * the way number above it. */
struct tlb {
	/* Read by the inline lookup. */
	uint8_t fast;                  /* enum tlb_fast */
	uint16_t asid_mask;            /* 0xffff, or 0 without ASIDs */
	asid_t cur_asid;
	enum tlb_policy policy;
	unsigned ways;
	uint64_t set_mask;             /* sets - 1 */
	struct tlb_key *key;           /* sets * ways slots */
	struct tlb_entry *entry;       /* sets * ways slots */
	uint32_t *hash;                /* hashed: open addressing, slot or UINT32_MAX */
	uint32_t *hash_at;             /* hashed, per valid slot: its bucket */
	uint32_t hash_mask, hash_shift; /* buckets - 1, 64 - log2(buckets) */
	uint64_t clock;                /* last stamp handed out */
	uint64_t *stamp;               /* scanned LRU/FIFO: per slot, last use / fill */
	uint64_t *plru;                /* PLRU: plru_words per set */
	uint64_t *plru_path, *plru_dir; /* PLRU, per leaf of the last chunk: the bits on its
					   path, and their values after a touch of it */
	struct tlb_counters ctr;
	uint64_t gen;                  /* bumped by every insert and flush (see tlb_gen) */
	vpn_t missed_vpn;              /* the last lookup that missed, when missed: nothing */
	uint32_t missed_asid;          /* in the TLB translates (missed_asid, missed_vpn) */
	bool missed;
	uint64_t replaced_tag;         /* what the last insert overwrote (tlb_replaced) */
	uint8_t replaced_level;
	bool replaced;

	/* Used only by tlb.c. */
	struct tlb_config cfg;         /* as normalized by tlb_new (ways != 0) */
	bool hashed;                   /* ways > TLB_SCAN_WAYS */
	uint8_t level_mask;            /* bit l: some valid entry has level l */
	uint8_t level_shift[TLB_MAX_LEVELS];
	unsigned ways_log2;            /* when ways is a power of two */
	unsigned nlevels, sets, used_words, occupancy;
	unsigned plru_words;
	uint64_t *plru_path6, *plru_dir6; /* PLRU: the same for a full 6-level chunk */
	unsigned level_count[TLB_MAX_LEVELS];  /* valid entries per level */
	unsigned global_count[TLB_MAX_LEVELS]; /* valid global entries per level */
	uint64_t hits_mark;            /* ctr.hits when cur_asid was last counted */
	struct tlb_asid_count *asid_ctr; /* lazily grown, indexed by ASID */
	unsigned nasid_ctr;
	uint64_t *used;                /* per set: used_words bitmap of valid ways */
	unsigned *nvalid;              /* per set: valid ways */
	unsigned *free_hint;           /* per set: no way below it is invalid */
	uint32_t *prev, *next;         /* hashed LRU/FIFO: per slot */
	uint32_t *head, *tail;         /* hashed LRU/FIFO: per set */
	struct rng rng;                /* TLB_RANDOM */
};

/* Creates a TLB. level_shift[l] is how many base-page VPN bits a level-l page
 * spans (level_shift[0] == 0, every shift < 64); nlevels (1 .. TLB_MAX_LEVELS)
 * is how many levels exist. Returns NULL and writes a message into err (size
 * errlen) when the configuration is impossible (entries not a multiple of ways,
 * sets not a power of two, PLRU with ways not a power of two, entries out of
 * range, bad levels). Without ASIDs (cfg->asid false) every asid argument below
 * is taken as 0 for tagging, matching and flushing; the per-ASID counters still
 * count under the caller's asid. */
struct tlb *tlb_new(const struct tlb_config *cfg, const unsigned *level_shift, unsigned nlevels,
		    char *err, size_t errlen);
/* Frees t and everything it owns; t may be NULL. */
void tlb_free(struct tlb *t);

/* Internal to the inline functions below; do not call directly.
 * tlb_lookup_slow: tlb_lookup for every case. tlb_switch_asid: credits the
 * pending hits to cur_asid and makes asid current. tlb_touch: updates the
 * replacement state for a use of a valid slot. */
struct tlb_entry *tlb_lookup_slow(struct tlb *t, asid_t asid, vpn_t vpn);
struct tlb_entry *tlb_miss(struct tlb *t, asid_t asid, vpn_t vpn); /* counts a miss; returns NULL */
void tlb_switch_asid(struct tlb *t, asid_t asid);
void tlb_touch(struct tlb *t, uint32_t slot);

/* Counts a hit of asid. */
static inline void tlb_count_hit(struct tlb *t, asid_t asid)
{
	if (unlikely(asid != t->cur_asid))
		tlb_switch_asid(t, asid);
	t->ctr.hits++;
}

/* Counts n hits of asid at once (for a driver that batches the hits of its
 * kept translations, with tlb_use_slot for their replacement state). */
static inline void tlb_count_hits(struct tlb *t, asid_t asid, uint64_t n)
{
	if (unlikely(asid != t->cur_asid))
		tlb_switch_asid(t, asid);
	t->ctr.hits += n;
}

/* Scanned TLBs: counts a hit on way w of set and updates the replacement
 * state. Returns the entry. */
static inline struct tlb_entry *tlb_scan_hit(struct tlb *t, asid_t asid, uint64_t set, unsigned w)
{
	size_t i = set * t->ways + w;
	tlb_count_hit(t, asid);
	if (t->policy == TLB_LRU)
		t->stamp[i] = ++t->clock;
	else if (t->policy == TLB_PLRU)
		t->plru[set] = (t->plru[set] & ~t->plru_path[w]) | t->plru_dir[w];
	return &t->entry[i];
}

/* Hashed LRU/FIFO: moves slot, in its set's list but not last, to the end. */
static inline void tlb_list_to_tail(struct tlb *t, uint64_t set, uint32_t slot)
{
	uint32_t p = t->prev[slot], n = t->next[slot], last = t->tail[set];
	if (p == UINT32_MAX)
		t->head[set] = n;
	else
		t->next[p] = n;
	t->prev[n] = p;
	t->prev[slot] = last;
	t->next[slot] = UINT32_MAX;
	t->next[last] = slot;
	t->tail[set] = slot;
}

/* Updates the replacement state for a use of a valid slot of set, as a
 * lookup hit on it does (without counting the hit). */
static inline void tlb_use_slot_in(struct tlb *t, uint64_t set, uint32_t slot)
{
	if (t->policy == TLB_LRU) {
		if (!t->hashed)
			t->stamp[slot] = ++t->clock;
		else if (t->tail[set] != slot)
			tlb_list_to_tail(t, set, slot);
	} else if (t->policy == TLB_PLRU) {
		if (t->ways <= 64) {
			unsigned w = slot & (t->ways - 1);
			t->plru[set] = (t->plru[set] & ~t->plru_path[w]) | t->plru_dir[w];
		} else {
			tlb_touch(t, slot);
		}
	}
}

/* The same, finding the slot's set. */
static inline void tlb_use_slot(struct tlb *t, uint32_t slot)
{
	tlb_use_slot_in(t, likely(t->set_mask == 0) ? 0 : slot / t->ways, slot);
}

/* Hashed TLBs: counts a hit on slot and updates the replacement state.
 * Returns the entry. */
static inline struct tlb_entry *tlb_hash_hit(struct tlb *t, asid_t asid, uint64_t set, uint32_t slot)
{
	tlb_count_hit(t, asid);
	tlb_use_slot_in(t, set, slot);
	return &t->entry[slot];
}

/* Hashed TLBs: the bucket where the search for key (tag, id) starts. */
static inline uint32_t tlb_hash_home(const struct tlb *t, uint64_t tag, uint32_t id)
{
	return (uint32_t)(((tag ^ (uint64_t)id << 38) * 0x9e3779b97f4a7c15ull) >> t->hash_shift);
}

/* Hashed TLBs: the valid slot with key (tag, id), or -1. */
static inline long tlb_hash_find(const struct tlb *t, uint64_t tag, uint32_t id)
{
	for (uint32_t i = tlb_hash_home(t, tag, id);; i = (i + 1) & t->hash_mask) {
		uint32_t s = t->hash[i];
		if (s == UINT32_MAX)
			return -1;
		if (t->key[s].tag == tag && t->key[s].id == id)
			return s;
	}
}

/* Finds the entry translating (asid, vpn): an entry of that ASID or a global
 * one, of any page size (base size first; within a size the ASID's own entry
 * before a global one). Counts a hit or a miss (globally and for the ASID) and
 * updates the replacement state on a hit. Returns NULL on a miss. The entry
 * stays valid until the next insert or flush.
 *
 * Inline is only the common case: a TLB holding base pages only, and an entry
 * of the ASID itself. */
__attribute__((always_inline)) static inline struct tlb_entry *tlb_lookup(struct tlb *t, asid_t asid, vpn_t vpn)
{
	uint32_t id = TLB_KEY_VALID | (asid & t->asid_mask);
	if (likely(t->fast == TLB_FAST_SCAN)) {
		uint64_t set = vpn & t->set_mask;
		const struct tlb_key *k = t->key + set * t->ways;
		unsigned w = 0;
		do {
			if (k[w].tag == vpn && k[w].id == id)
				return tlb_scan_hit(t, asid, set, w);
		} while (++w < t->ways);
		if (!t->global_count[0])
			return tlb_miss(t, asid, vpn); /* nothing else could match */
	} else if (t->fast == TLB_FAST_HASH) {
		long s = tlb_hash_find(t, vpn, id);
		if (likely(s >= 0))
			return tlb_hash_hit(t, asid, vpn & t->set_mask, (uint32_t)s);
		if (!t->global_count[0])
			return tlb_miss(t, asid, vpn); /* nothing else could match */
	}
	return tlb_lookup_slow(t, asid, vpn);
}

/* What the last insert overwrote: false when it took an invalid slot; else
 * true with the old entry's tag and level (the same as the new one's when it
 * replaced an entry of the same identity in place). */
static inline bool tlb_replaced(const struct tlb *t, uint64_t *tag, unsigned *level)
{
	*tag = t->replaced_tag;
	*level = t->replaced_level;
	return t->replaced;
}

/* The TLB's generation: it changes with every insert and every flush, so an
 * entry pointer a lookup returned stays valid (same slot, same translation)
 * while the generation is unchanged. */
static inline uint64_t tlb_gen(const struct tlb *t) { return t->gen; }

/* The slot an entry pointer (from a lookup or an insert) refers to. */
static inline uint32_t tlb_entry_slot(const struct tlb *t, const struct tlb_entry *e)
{
	return (uint32_t)(e - t->entry);
}


/* Counts a hit of asid on a valid slot and updates the replacement state:
 * exactly what tlb_lookup does when it finds that slot. For a driver that
 * caches where its last lookup hit (the CPU's current pages): the slot must
 * come from a lookup of the same (asid, vpn) made while tlb_gen was what it
 * still is. */
static inline void tlb_hit_slot(struct tlb *t, asid_t asid, uint32_t slot)
{
	tlb_count_hit(t, asid);
	tlb_use_slot(t, slot);
}

/* tlb_hit_slot for the slot of entry e. */
static inline void tlb_hit_entry(struct tlb *t, asid_t asid, const struct tlb_entry *e)
{
	tlb_hit_slot(t, asid, tlb_entry_slot(t, e));
}

/* Like tlb_lookup but changes nothing: no counters, no replacement state. */
const struct tlb_entry *tlb_probe(const struct tlb *t, asid_t asid, vpn_t vpn);

/* Inserts a translation for the page containing vpn. e->level (< nlevels, or
 * panic), pfn, global, allow, dirty and flags are taken from e; tag, asid and
 * valid are set here. An entry already present with the same identity (same
 * level and page, and both global or both of this ASID) is replaced in place
 * and counts as a touch (a hit would do the same to the replacement state);
 * otherwise an invalid way of the set is used first (lowest index), else the
 * policy picks a victim (counted as an eviction). Returns the stored entry,
 * valid until the next insert or flush. */
struct tlb_entry *tlb_insert(struct tlb *t, asid_t asid, vpn_t vpn, const struct tlb_entry *e);

/* Every flush counts one flush and each valid entry it removes. PLRU tree bits
 * are left as they are. */
void tlb_flush_all(struct tlb *t);
/* Removes the non-global entries of one ASID. */
void tlb_flush_asid(struct tlb *t, asid_t asid);
/* Removes every entry of that ASID, and every global entry, that covers vpn. */
void tlb_flush_va(struct tlb *t, asid_t asid, vpn_t vpn);

static inline const struct tlb_counters *tlb_counters(const struct tlb *t) { return &t->ctr; }
/* Hits and misses of one ASID (zero when it never looked anything up). */
void tlb_asid_counters(const struct tlb *t, asid_t asid, uint64_t *hits, uint64_t *misses);
/* Sets every ASID's hits and misses to zero (the totals stay), as when the
 * kernel hands the ASIDs out afresh. */
void tlb_asid_counters_clear(struct tlb *t);
/* The configuration as normalized by tlb_new: ways is never 0. */
const struct tlb_config *tlb_config(const struct tlb *t);
/* Number of valid entries (for tests and reports). */
unsigned tlb_occupancy(const struct tlb *t);
/* The set a base page's vpn maps to (its low log2(sets) bits). */
static inline uint64_t tlb_set_of(const struct tlb *t, vpn_t vpn) { return vpn & t->set_mask; }
/* The entry in way w of set s, valid or not (for displays); panics unless
 * s < sets and w < ways. An entry of a lookup or an insert is in way
 * tlb_entry_slot(t, e) % ways of set tlb_entry_slot(t, e) / ways. */
const struct tlb_entry *tlb_way(const struct tlb *t, uint64_t s, unsigned w);
/* Checks every internal invariant (slow: O(entries)). Returns true when they
 * hold; otherwise false with a description of the first broken one in err. */
bool tlb_check(const struct tlb *t, char *err, size_t errlen);

/* Parses "lru", "fifo", "random", "plru"; returns false for anything else. */
bool tlb_policy_parse(const char *s, enum tlb_policy *out);
const char *tlb_policy_name(enum tlb_policy p);

#endif
