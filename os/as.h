/* Address spaces: a page table, the regions (text, data, heap, stack, mmap,
 * kernel, and the regions trace replay creates on first touch) in a balanced
 * tree by address that keeps the largest free gap of each subtree, and the
 * ordered map of pages that live in swap. Every region operation is
 * O(log n) in the number of regions (times the regions it changes). */
#ifndef OS_AS_H
#define OS_AS_H

#include "hw/pt.h"
#include "lib/avl.h"
#include "lib/u64tree.h"
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
	struct avl regions;     /* of as.c's region nodes, by start, never overlapping */
	size_t nregions;
	size_t *machine_regions; /* the machine's count of every space's regions, kept with
				    nregions, or NULL */
	struct u64tree swapped; /* vpn -> swap slot of pages not resident, in vpn order */
	uint64_t resident;      /* user pages mapped */
	struct policy policy;   /* local replacement scope only */
};

const char *region_kind_name(enum region_kind k);
/* "r-x" style permissions into buf (>= 4 bytes). */
void region_prot_string(unsigned prot, char *buf);

/* An address space without regions or swapped pages (the page table is the
 * caller's), counting its regions in *machine_regions too (unless NULL). */
void as_init(struct aspace *as, size_t *machine_regions);
/* Frees the regions (dropping their files' references) and the swap map's
 * host memory; the swap slots are the caller's to free first. */
void as_fini(struct aspace *as);

/* The region containing va, or NULL. */
struct region *as_find_region(const struct aspace *as, vaddr_t va);

/* The lowest region that ends above va (it contains va or lies above it),
 * or NULL. In address order: for (r = as_region_from(as, 0); r; r =
 * as_region_from(as, r->end)). */
struct region *as_region_from(const struct aspace *as, vaddr_t va);

/* Adds a copy of *r; false when it overlaps another or is empty. */
WARN_UNUSED bool as_add_region(struct aspace *as, const struct region *r);

/* Moves the edges of region r (one of as's) to [start, end), which must be
 * non-empty and overlap no other region (panics otherwise). The file, if
 * any, keeps its offset from r's start: only the end may move then. */
void as_resize_region(struct aspace *as, struct region *r, vaddr_t start, vaddr_t end);

/* Removes [start, end) from the regions, splitting those that straddle its
 * edges (their backing files follow the pieces). */
void as_remove_range(struct aspace *as, vaddr_t start, vaddr_t end);

/* Sets the permissions of [start, end), which must be covered by regions
 * (false otherwise, nothing changed), splitting regions at its edges. */
WARN_UNUSED bool as_protect_range(struct aspace *as, vaddr_t start, vaddr_t end, unsigned prot);

/* How many regions cutting the regions at start and at end adds: one for
 * each of the two that lies strictly inside a region (0, 1 or 2). */
unsigned as_cuts(const struct aspace *as, vaddr_t start, vaddr_t end);

/* True when [start, end) lies entirely within regions. */
bool as_covered(const struct aspace *as, vaddr_t start, vaddr_t end);

/* The free gap around va: the largest [lo, hi) containing va that overlaps no
 * region, clipped to [min, max). */
void as_gap(const struct aspace *as, vaddr_t va, vaddr_t min, vaddr_t max, vaddr_t *lo, vaddr_t *hi);

/* The highest *start with [*start, *start + len) inside [lo, hi) and free
 * of regions (mmap's top-down first fit); false when there is none. */
WARN_UNUSED bool as_find_free(const struct aspace *as, vaddr_t lo, vaddr_t hi, uint64_t len, vaddr_t *start);

/* Panics unless the regions are ordered, disjoint, non-empty, counted and
 * their subtrees' summaries right, and the swap map is sound (for tests). */
void as_check(const struct aspace *as);

#endif
