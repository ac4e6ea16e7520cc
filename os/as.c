/* Regions of an address space in an AVL tree ordered by start address. Each
 * node also keeps its subtree's lowest start, highest end and largest gap
 * between two of its regions, so that a free range of a given size is found
 * by descending only into subtrees that can hold one. */
#include "os/as.h"

#include <stdlib.h>
#include <string.h>

struct region_node {
	struct region r;
	struct avl_node link;
	vaddr_t lo, hi;  /* the subtree's lowest start and highest end */
	uint64_t gap;    /* the largest free range between two regions of the subtree */
};

static struct region_node *node_of(const struct avl_node *n) { return avl_entry(n, struct region_node, link); }
static struct region_node *node_of_region(const struct region *r) { return avl_entry(r, struct region_node, r); }

static int cmp_start(const struct avl_node *a, const struct avl_node *b)
{
	vaddr_t x = node_of(a)->r.start, y = node_of(b)->r.start;
	return (x > y) - (x < y);
}

static void update_summary(struct avl_node *n)
{
	struct region_node *x = node_of(n);
	x->lo = x->r.start;
	x->hi = x->r.end;
	x->gap = 0;
	if (n->left) {
		const struct region_node *l = node_of(n->left);
		x->lo = l->lo;
		x->gap = l->gap > x->r.start - l->hi ? l->gap : x->r.start - l->hi;
	}
	if (n->right) {
		const struct region_node *r = node_of(n->right);
		uint64_t g = r->gap > r->lo - x->r.end ? r->gap : r->lo - x->r.end;
		x->hi = r->hi;
		x->gap = x->gap > g ? x->gap : g;
	}
}

static const struct avl_ops region_ops = {.cmp = cmp_start, .update = update_summary};

const char *region_kind_name(enum region_kind k)
{
	static const char *const names[] = {"text", "data", "heap", "stack", "mmap", "kernel", "anon", "file"};
	return (unsigned)k < ARRAY_LEN(names) ? names[k] : "?";
}

void region_prot_string(unsigned prot, char *buf)
{
	buf[0] = (prot & PTE_R) ? 'r' : '-';
	buf[1] = (prot & PTE_W) ? 'w' : '-';
	buf[2] = (prot & PTE_X) ? 'x' : '-';
	buf[3] = '\0';
}

void as_init(struct aspace *as, size_t *machine_regions)
{
	avl_init(&as->regions, &region_ops);
	as->nregions = 0;
	as->machine_regions = machine_regions;
	u64tree_init(&as->swapped);
}

static void free_region(void *ctx, struct avl_node *n)
{
	(void)ctx;
	struct region_node *x = node_of(n);
	vfile_put(x->r.file);
	free(x);
}

void as_fini(struct aspace *as)
{
	avl_clear(&as->regions, free_region, NULL);
	if (as->machine_regions)
		*as->machine_regions -= as->nregions;
	as->nregions = 0;
	u64tree_fini(&as->swapped);
}

static bool ends_above(const struct avl_node *n, const void *va) { return node_of(n)->r.end > *(const vaddr_t *)va; }

struct region *as_region_from(const struct aspace *as, vaddr_t va)
{
	struct avl_node *n = avl_first_that(&as->regions, ends_above, &va);
	return n ? &node_of(n)->r : NULL;
}

struct region *as_find_region(const struct aspace *as, vaddr_t va)
{
	struct region *r = as_region_from(as, va);
	return r && r->start <= va ? r : NULL;
}

bool as_add_region(struct aspace *as, const struct region *r)
{
	if (r->start >= r->end)
		return false;
	const struct region *next = as_region_from(as, r->start);
	if (next && next->start < r->end)
		return false;
	struct region_node *x = xmalloc(sizeof *x);
	memset(x, 0, sizeof *x);
	x->r = *r;
	if (!avl_insert(&as->regions, &x->link))
		panic("a region at 0x%llx is both free and taken", (unsigned long long)r->start);
	as->nregions++;
	if (as->machine_regions)
		++*as->machine_regions;
	return true;
}

/* Unlinks and frees region r, dropping its file's reference. */
static void remove_region(struct aspace *as, struct region *r)
{
	struct region_node *x = node_of_region(r);
	avl_remove(&as->regions, &x->link);
	as->nregions--;
	if (as->machine_regions)
		--*as->machine_regions;
	free_region(NULL, &x->link);
}

void as_resize_region(struct aspace *as, struct region *r, vaddr_t start, vaddr_t end)
{
	const struct region *next = as_region_from(as, r->end);
	const struct region *prev = start < r->start ? as_region_from(as, start) : r;
	if (start >= end || (next && end > next->start) || prev != r || (r->file && start != r->start))
		panic("region [0x%llx, 0x%llx) cannot become [0x%llx, 0x%llx)", (unsigned long long)r->start,
		      (unsigned long long)r->end, (unsigned long long)start, (unsigned long long)end);
	r->start = start;
	r->end = end;
	avl_updated(&as->regions, &node_of_region(r)->link);
}

/* The last region that ends at or below va, or NULL. */
static const struct region *region_before(const struct aspace *as, vaddr_t va)
{
	const struct region *best = NULL;
	for (const struct avl_node *at = as->regions.root; at;) {
		const struct region *r = &node_of(at)->r;
		if (r->end <= va) {
			best = r;
			at = at->right;
		} else {
			at = at->left;
		}
	}
	return best;
}

void as_gap(const struct aspace *as, vaddr_t va, vaddr_t min, vaddr_t max, vaddr_t *lo, vaddr_t *hi)
{
	const struct region *below = region_before(as, va), *above = as_region_from(as, va);
	if (above && above->start <= va)
		above = as_region_from(as, above->end); /* va is inside it: the one after */
	*lo = below && below->end > min ? below->end : min;
	*hi = above && above->start < max ? above->start : max;
}

/* as_find_free within the subtree at n, the regions outside which do not
 * overlap [lo, hi): its highest gap first. */
static bool fit(const struct avl_node *n, vaddr_t lo, vaddr_t hi, uint64_t len, vaddr_t *start)
{
	if (hi <= lo || hi - lo < len)
		return false;
	if (!n) {
		*start = hi - len;
		return true;
	}
	const struct region_node *x = node_of(n);
	uint64_t below = x->lo > lo ? (x->lo < hi ? x->lo : hi) - lo : 0;
	uint64_t above = x->hi < hi ? hi - (x->hi > lo ? x->hi : lo) : 0;
	if (below < len && above < len && x->gap < len)
		return false; /* no free range in [lo, hi) is long enough */
	return fit(n->right, x->r.end > lo ? x->r.end : lo, hi, len, start) ||
	       fit(n->left, lo, x->r.start < hi ? x->r.start : hi, len, start);
}

bool as_find_free(const struct aspace *as, vaddr_t lo, vaddr_t hi, uint64_t len, vaddr_t *start)
{
	return len && fit(as->regions.root, lo, hi, len, start);
}

/* Splits the region containing va (if any, and va is inside it, not at its
 * start) into [start, va) and [va, end). */
static void split_at(struct aspace *as, vaddr_t va)
{
	struct region *r = as_find_region(as, va);
	if (!r || r->start == va)
		return;
	struct region right = *r;
	right.start = va;
	if (r->file) {
		uint64_t cut = va - r->start;
		right.file_off += cut;
		right.file_len = r->file_len > cut ? r->file_len - cut : 0;
		vfile_get(r->file);
	}
	r->file_len = r->file_len < va - r->start ? r->file_len : va - r->start;
	as_resize_region(as, r, r->start, va);
	if (!as_add_region(as, &right))
		panic("split region overlaps");
}

void as_remove_range(struct aspace *as, vaddr_t start, vaddr_t end)
{
	split_at(as, start);
	split_at(as, end);
	struct region *r;
	while ((r = as_region_from(as, start)) != NULL && r->start < end)
		remove_region(as, r);
}

/* Whether va lies strictly inside a region (not at its start). */
static bool inside(const struct aspace *as, vaddr_t va)
{
	const struct region *r = as_find_region(as, va);
	return r && r->start < va;
}

unsigned as_cuts(const struct aspace *as, vaddr_t start, vaddr_t end)
{
	return (unsigned)inside(as, start) + (unsigned)inside(as, end);
}

bool as_covered(const struct aspace *as, vaddr_t start, vaddr_t end)
{
	vaddr_t at = start;
	while (at < end) {
		const struct region *r = as_region_from(as, at);
		if (!r || r->start > at)
			return false;
		at = r->end;
	}
	return true;
}

bool as_protect_range(struct aspace *as, vaddr_t start, vaddr_t end, unsigned prot)
{
	if (!as_covered(as, start, end))
		return false;
	split_at(as, start);
	split_at(as, end);
	for (struct region *r = as_region_from(as, start); r && r->start < end; r = as_region_from(as, r->end))
		r->prot = prot;
	return true;
}

static uint64_t max_u64(uint64_t a, uint64_t b) { return a > b ? a : b; }

/* Checks the subtree at n against its regions found afresh: its first and
 * last regions (into *first, *last) and the largest gap between neighbours;
 * panics on a stale summary, an empty region or an overlap; returns its
 * number of regions. */
static size_t check_subtree(const struct avl_node *n, const struct region **first, const struct region **last)
{
	const struct region_node *x = node_of(n);
	const struct region *lf = NULL, *ll = NULL, *rf = NULL, *rl = NULL;
	size_t count = 1 + (n->left ? check_subtree(n->left, &lf, &ll) : 0) +
		       (n->right ? check_subtree(n->right, &rf, &rl) : 0);
	uint64_t gap = 0;
	if ((ll && ll->end > x->r.start) || (rf && x->r.end > rf->start) || x->r.start >= x->r.end)
		panic("region [0x%llx, 0x%llx) is empty or overlaps a neighbour", (unsigned long long)x->r.start,
		      (unsigned long long)x->r.end);
	if (n->left)
		gap = max_u64(node_of(n->left)->gap, x->r.start - ll->end);
	if (n->right)
		gap = max_u64(gap, max_u64(node_of(n->right)->gap, rf->start - x->r.end));
	*first = lf ? lf : &x->r;
	*last = rl ? rl : &x->r;
	if (x->lo != (*first)->start || x->hi != (*last)->end || x->gap != gap)
		panic("region [0x%llx, 0x%llx): its subtree's summary is stale", (unsigned long long)x->r.start,
		      (unsigned long long)x->r.end);
	return count;
}

void as_check(const struct aspace *as)
{
	const struct region *first, *last;
	size_t n = as->regions.root ? check_subtree(as->regions.root, &first, &last) : 0;
	if (avl_check(&as->regions) != as->nregions || n != as->nregions)
		panic("the region tree does not hold the %zu regions counted", as->nregions);
	u64tree_check(&as->swapped);
}
