/* The translation lookaside buffer: a set-associative cache of translations
 * tagged with an ASID, exact for its configured replacement policy. A hit is an
 * inline probe of one set; misses, refills and flushes are out of line.
 *
 * An entry maps one page of any size the page-table format allows: a superpage
 * entry at level L covers 2^shift[L] base pages, and is tagged with
 * vpn >> shift[L]. Lookups probe each page size that has entries present. */
#ifndef HW_TLB_H
#define HW_TLB_H

#include "lib/types.h"
#include "lib/util.h"

#define TLB_MAX_LEVELS 6

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
	asid_t asid;
	uint8_t valid;
	uint8_t level;    /* 0 = base page; >0 = superpage */
	uint8_t global;   /* matches every ASID */
	uint8_t allow;    /* bit (priv * 3 + access) set when that access is allowed */
	uint8_t dirty;    /* the PTE's D bit was set when the entry was filled */
	uint8_t flags;    /* the leaf PTE's canonical flags (PTE_R ... PTE_D), for display */
};

struct tlb_counters {
	uint64_t hits, misses, evictions;
	uint64_t flushes;         /* flush operations of any kind */
	uint64_t flushed_entries; /* valid entries removed by flushes */
};

struct tlb;

/* Creates a TLB. level_shift[l] is how many base-page VPN bits a level-l page
 * spans (level_shift[0] == 0); nlevels is how many levels exist. Returns NULL
 * and writes a message into err (size errlen) when the configuration is
 * impossible (entries not a multiple of ways, sets not a power of two, PLRU with
 * ways not a power of two, entries out of range). */
struct tlb *tlb_new(const struct tlb_config *cfg, const unsigned *level_shift, unsigned nlevels,
		    char *err, size_t errlen);
void tlb_free(struct tlb *t);

/* Finds the entry translating (asid, vpn): an entry of that ASID or a global
 * one, of any page size. Counts a hit or a miss (globally and for the ASID) and
 * updates the replacement state on a hit. Returns NULL on a miss. */
struct tlb_entry *tlb_lookup(struct tlb *t, asid_t asid, vpn_t vpn);

/* Like tlb_lookup but changes nothing: no counters, no replacement state. */
const struct tlb_entry *tlb_probe(const struct tlb *t, asid_t asid, vpn_t vpn);

/* Inserts a translation for the page containing vpn. e->level, pfn, global,
 * allow, dirty and flags are taken from e; tag, asid and valid are set here.
 * An entry already present for the same page and ASID is replaced in place;
 * otherwise an invalid way of the set is used first (lowest index), else the
 * policy picks a victim (counted as an eviction). Returns the stored entry. */
struct tlb_entry *tlb_insert(struct tlb *t, asid_t asid, vpn_t vpn, const struct tlb_entry *e);

void tlb_flush_all(struct tlb *t);
/* Removes the non-global entries of one ASID. */
void tlb_flush_asid(struct tlb *t, asid_t asid);
/* Removes every entry of that ASID, and every global entry, that covers vpn. */
void tlb_flush_va(struct tlb *t, asid_t asid, vpn_t vpn);

const struct tlb_counters *tlb_counters(const struct tlb *t);
/* Hits and misses of one ASID (zero when it never looked anything up). */
void tlb_asid_counters(const struct tlb *t, asid_t asid, uint64_t *hits, uint64_t *misses);
const struct tlb_config *tlb_config(const struct tlb *t);
/* Number of valid entries (for tests and reports). */
unsigned tlb_occupancy(const struct tlb *t);

/* Parses "lru", "fifo", "random", "plru"; returns false for anything else. */
bool tlb_policy_parse(const char *s, enum tlb_policy *out);
const char *tlb_policy_name(enum tlb_policy p);

#endif
