/* Address spaces: a page table, a sorted list of regions (text, data, heap,
 * stack, mmap, kernel, and the regions trace replay creates on first touch),
 * and the map of pages that live in swap. */
#ifndef OS_AS_H
#define OS_AS_H

#include "hw/pt.h"
#include "lib/u64map.h"
#include "os/policy.h"
#include "os/vfile.h"

enum region_kind {
	REGION_TEXT,
	REGION_DATA,
	REGION_HEAP,
	REGION_STACK,
	REGION_MMAP,
	REGION_KERNEL,
	REGION_ANON, /* created by trace replay where a process first touched memory */
	REGION_FILE, /* backed by a file (the textbook's backing store) */
};

struct region {
	vaddr_t start, end;   /* [start, end), page-aligned */
	unsigned prot;        /* PTE_R, PTE_W, PTE_X */
	enum region_kind kind;
	struct vfile *file;   /* backing for the first file_len bytes (from file_off), or NULL */
	uint64_t file_off, file_len;
};

struct aspace {
	asid_t asid;            /* first, with pt.root: what a switch reads */
	struct pt pt;
	struct region *regions; /* sorted by start, never overlapping */
	size_t nregions, cap;
	struct u64map swapped;  /* vpn -> swap slot of pages not resident */
	uint64_t resident;      /* user pages mapped */
	struct policy policy;   /* local replacement scope only */
};

const char *region_kind_name(enum region_kind k);
/* "r-x" style permissions into buf (>= 4 bytes). */
void region_prot_string(unsigned prot, char *buf);

/* The region containing va, or NULL. */
struct region *as_find_region(struct aspace *as, vaddr_t va);

/* Adds a region; false when it overlaps another or is empty. */
WARN_UNUSED bool as_add_region(struct aspace *as, const struct region *r);

/* Removes [start, end) from the regions, splitting those that straddle its
 * edges (their backing files follow the pieces). */
void as_remove_range(struct aspace *as, vaddr_t start, vaddr_t end);

/* Sets the permissions of [start, end), which must be covered by regions
 * (false otherwise, nothing changed), splitting regions at its edges. */
WARN_UNUSED bool as_protect_range(struct aspace *as, vaddr_t start, vaddr_t end, unsigned prot);

/* True when [start, end) lies entirely within regions. */
bool as_covered(const struct aspace *as, vaddr_t start, vaddr_t end);

/* The free gap around va: the largest [lo, hi) containing va that overlaps no
 * region, clipped to [min, max). */
void as_gap(const struct aspace *as, vaddr_t va, vaddr_t min, vaddr_t max, vaddr_t *lo, vaddr_t *hi);

#endif
