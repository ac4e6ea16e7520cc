/* The contiguous allocator: a list of extents in address order, holes in two
 * AVL trees (by address with each subtree's largest hole, by size then
 * address). The size index serves best fit only, so it is kept only while
 * best fit is the policy (first, next and worst fit run a third faster
 * without it): contig_set_fit builds and drops it. Every change to a hole
 * goes through hole_new, hole_set and hole_drop, which keep the trees and
 * the free counters right. */
#include "os/contig.h"

#include <stdlib.h>
#include <string.h>

struct contig_ext {
	struct avl_node by_addr, by_size; /* holes only */
	struct contig_ext *prev, *next;   /* every extent, in address order */
	uint64_t base, size;
	uint64_t max_hole; /* holes: the largest in its by_addr subtree */
	uint64_t used;     /* blocks: the bytes asked for */
	contig_id owner;   /* blocks */
	bool hole;
};

static uint64_t end_of(const struct contig_ext *e) { return e->base + e->size; }

static struct contig_ext *of_addr(const struct avl_node *n)
{
	return n ? avl_entry(n, struct contig_ext, by_addr) : NULL;
}

static struct contig_ext *of_size(const struct avl_node *n)
{
	return n ? avl_entry(n, struct contig_ext, by_size) : NULL;
}

static int cmp_u64(uint64_t a, uint64_t b) { return (a > b) - (a < b); }

static int cmp_addr(const struct avl_node *a, const struct avl_node *b)
{
	return cmp_u64(of_addr(a)->base, of_addr(b)->base);
}

static int cmp_size(const struct avl_node *a, const struct avl_node *b)
{
	const struct contig_ext *x = of_size(a), *y = of_size(b);
	return x->size != y->size ? cmp_u64(x->size, y->size) : cmp_u64(x->base, y->base);
}

static uint64_t max_of(const struct avl_node *n) { return n ? of_addr(n)->max_hole : 0; }

static void update_addr(struct avl_node *n)
{
	struct contig_ext *e = of_addr(n);
	uint64_t l = max_of(n->left), r = max_of(n->right), m = e->size;
	e->max_hole = m > l ? (m > r ? m : r) : (l > r ? l : r);
}

static const struct avl_ops addr_ops = {cmp_addr, update_addr};
static const struct avl_ops size_ops = {cmp_size, NULL};

/* ---- extents and the list ---- */

static struct contig_ext *ext_new(struct contig *c, uint64_t base, uint64_t size)
{
	struct contig_ext *e = c->spare;
	if (e)
		c->spare = e->next;
	else
		e = xmalloc(sizeof *e);
	*e = (struct contig_ext){.base = base, .size = size};
	return e;
}

static void ext_free(struct contig *c, struct contig_ext *e)
{
	e->next = c->spare;
	c->spare = e;
}

/* Links e into the list after pos (at the head when pos is NULL). */
static void link_after(struct contig *c, struct contig_ext *pos, struct contig_ext *e)
{
	e->prev = pos;
	e->next = pos ? pos->next : c->first;
	if (e->next)
		e->next->prev = e;
	else
		c->last = e;
	if (pos)
		pos->next = e;
	else
		c->first = e;
}

static void unlink_ext(struct contig *c, struct contig_ext *e)
{
	if (e->prev)
		e->prev->next = e->next;
	else
		c->first = e->next;
	if (e->next)
		e->next->prev = e->prev;
	else
		c->last = e->prev;
}

/* ---- holes ---- */

/* A new hole [base, base + size) linked after pos. */
static struct contig_ext *hole_new(struct contig *c, struct contig_ext *pos, uint64_t base, uint64_t size)
{
	struct contig_ext *h = ext_new(c, base, size);
	h->hole = true;
	link_after(c, pos, h);
	if (!avl_insert(&c->by_addr, &h->by_addr) || (c->sized && !avl_insert(&c->by_size, &h->by_size)))
		panic("a hole at 0x%llx is already indexed", (unsigned long long)base);
	c->st.holes++;
	c->st.free_bytes += size;
	return h;
}

static void hole_drop(struct contig *c, struct contig_ext *h)
{
	avl_remove(&c->by_addr, &h->by_addr);
	if (c->sized)
		avl_remove(&c->by_size, &h->by_size);
	unlink_ext(c, h);
	c->st.holes--;
	c->st.free_bytes -= h->size;
	ext_free(c, h);
}

/* Makes h [base, base + size), which must keep its place in address order;
 * a size of 0 drops it. */
static void hole_set(struct contig *c, struct contig_ext *h, uint64_t base, uint64_t size)
{
	if (size == 0) {
		hole_drop(c, h);
		return;
	}
	if (c->sized)
		avl_remove(&c->by_size, &h->by_size);
	c->st.free_bytes += size - h->size;
	h->base = base;
	h->size = size;
	avl_updated(&c->by_addr, &h->by_addr);
	if (c->sized && !avl_insert(&c->by_size, &h->by_size))
		panic("a hole at 0x%llx is already indexed", (unsigned long long)base);
}

/* [base, base + size) becomes free; it lies between the extents l and r
 * (either may be NULL: the range's ends), which it touches. */
static void give_back(struct contig *c, struct contig_ext *l, struct contig_ext *r, uint64_t base, uint64_t size)
{
	bool lh = l && l->hole, rh = r && r->hole;
	if (lh && rh) {
		uint64_t total = l->size + size + r->size;
		hole_drop(c, r);
		hole_set(c, l, l->base, total);
	} else if (lh) {
		hole_set(c, l, l->base, l->size + size);
	} else if (rh) {
		hole_set(c, r, base, r->size + size);
	} else {
		hole_new(c, l, base, size);
	}
}

/* A block for owner at [base, base + size), inside hole h. */
static struct contig_ext *place(struct contig *c, struct contig_ext *h, uint64_t base, uint64_t size,
				contig_id owner, uint64_t used)
{
	uint64_t h_base = h->base, h_end = end_of(h);
	struct contig_ext *b = ext_new(c, base, size);
	b->owner = owner;
	b->used = used;
	link_after(c, h, b);
	if (h_end > base + size)
		hole_new(c, b, base + size, h_end - (base + size));
	hole_set(c, h, h_base, base - h_base);
	u64map_put(&c->owners, owner, (uint64_t)(uintptr_t)b);
	c->st.blocks++;
	c->st.used_bytes += used;
	return b;
}

/* Unlinks block b and frees its record; its range becomes free. */
static void unplace(struct contig *c, struct contig_ext *b)
{
	struct contig_ext *l = b->prev, *r = b->next;
	uint64_t base = b->base, size = b->size;
	u64map_remove(&c->owners, b->owner);
	c->st.blocks--;
	c->st.used_bytes -= b->used;
	unlink_ext(c, b);
	ext_free(c, b);
	give_back(c, l, r, base, size);
}

static struct contig_ext *block_of(const struct contig *c, contig_id owner)
{
	uint64_t v;
	return u64map_get(&c->owners, owner, &v) ? (struct contig_ext *)(uintptr_t)v : NULL;
}

/* ---- the searches ---- */

/* The lowest hole in at's subtree of at least n bytes that ends above
 * after. O(log holes): a subtree is entered only when it holds such a size. */
static struct contig_ext *lowest_fit(const struct avl_node *at, uint64_t n, uint64_t after)
{
	while (at && max_of(at) >= n) {
		struct contig_ext *h = of_addr(at);
		if (end_of(h) <= after) {
			at = at->right;
			continue;
		}
		struct contig_ext *l = lowest_fit(at->left, n, after);
		if (l)
			return l;
		if (h->size >= n)
			return h;
		at = at->right;
	}
	return NULL;
}

static bool at_least(const struct avl_node *n, const void *key) { return of_size(n)->size >= *(const uint64_t *)key; }

/* The hole the fit policy picks for n bytes, or NULL. */
static struct contig_ext *find_hole(const struct contig *c, uint64_t n)
{
	const struct avl_node *root = c->by_addr.root;
	switch (c->fit) {
	case CONTIG_FIRST_FIT:
		return lowest_fit(root, n, 0);
	case CONTIG_NEXT_FIT: {
		struct contig_ext *h = lowest_fit(root, n, c->rover);
		return h ? h : lowest_fit(root, n, 0);
	}
	case CONTIG_BEST_FIT:
		return of_size(avl_first_that(&c->by_size, at_least, &n));
	case CONTIG_WORST_FIT:
		return max_of(root) >= n ? lowest_fit(root, max_of(root), 0) : NULL;
	}
	panic("unknown fit %d", (int)c->fit);
}

/* bytes rounded up to the granule; 0 when it is 0 or beyond the range. */
static uint64_t rounded(const struct contig *c, uint64_t bytes)
{
	if (bytes == 0 || bytes > c->size)
		return 0;
	return (bytes + c->granule - 1) & ~(c->granule - 1);
}

/* Whether hole h is a better choice than best (NULL: none yet) for n bytes,
 * the holes being met in address order from the lowest. */
static bool better(const struct contig *c, const struct contig_ext *h, const struct contig_ext *best, uint64_t n)
{
	if (h->size < n)
		return false;
	if (!best)
		return true;
	if (c->fit == CONTIG_BEST_FIT)
		return h->size < best->size;
	if (c->fit == CONTIG_WORST_FIT)
		return h->size > best->size;
	if (c->fit == CONTIG_NEXT_FIT)
		return end_of(best) <= c->rover && end_of(h) > c->rover;
	return false;
}

bool contig_find_linear(const struct contig *c, uint64_t n, uint64_t *base)
{
	n = rounded(c, n);
	const struct contig_ext *best = NULL;
	for (const struct contig_ext *e = c->first; e && n; e = e->next)
		if (e->hole && better(c, e, best, n))
			best = e;
	if (best)
		*base = best->base;
	return best != NULL;
}

bool contig_find(const struct contig *c, uint64_t bytes, uint64_t *base)
{
	uint64_t n = rounded(c, bytes);
	const struct contig_ext *h = n ? find_hole(c, n) : NULL;
	if (h)
		*base = h->base;
	return h != NULL;
}

/* ---- the interface ---- */

enum contig_status contig_init(struct contig *c, const struct contig_config *cfg)
{
	uint64_t g = cfg->granule;
	if (!is_pow2(g) || cfg->size == 0 || cfg->base % g || cfg->size % g || cfg->base + cfg->size < cfg->base ||
	    (unsigned)cfg->fit >= CONTIG_FITS)
		return CONTIG_BAD_CONFIG;
	*c = (struct contig){.base = cfg->base, .size = cfg->size, .granule = g, .fit = cfg->fit,
			     .relocate = cfg->relocate, .ctx = cfg->ctx, .rover = cfg->base};
	avl_init(&c->by_addr, &addr_ops);
	avl_init(&c->by_size, &size_ops);
	u64map_init(&c->owners);
	c->st.size = cfg->size;
	c->sized = c->fit == CONTIG_BEST_FIT;
	hole_new(c, NULL, cfg->base, cfg->size);
	return CONTIG_OK;
}

void contig_fini(struct contig *c)
{
	for (struct contig_ext *e = c->first, *next; e; e = next) {
		next = e->next;
		free(e);
	}
	for (struct contig_ext *e = c->spare, *next; e; e = next) {
		next = e->next;
		free(e);
	}
	u64map_fini(&c->owners);
	*c = (struct contig){0};
}

/* Builds the size index when best fit needs it, drops it when it does not. */
static void index_sizes(struct contig *c)
{
	bool want = c->fit == CONTIG_BEST_FIT;
	if (want == c->sized)
		return;
	c->sized = want;
	if (!want) {
		avl_clear(&c->by_size, NULL, NULL);
		return;
	}
	for (struct contig_ext *e = c->first; e; e = e->next)
		if (e->hole && !avl_insert(&c->by_size, &e->by_size))
			panic("a hole at 0x%llx is already indexed", (unsigned long long)e->base);
}

void contig_set_fit(struct contig *c, enum contig_fit fit)
{
	if ((unsigned)fit >= CONTIG_FITS)
		panic("unknown fit %d", (int)fit);
	c->fit = fit;
	index_sizes(c);
}

enum contig_status contig_alloc(struct contig *c, contig_id owner, uint64_t bytes, uint64_t *base)
{
	uint64_t n = rounded(c, bytes);
	if (!n)
		return CONTIG_BAD_SIZE;
	if (block_of(c, owner))
		return CONTIG_EXISTS;
	struct contig_ext *h = find_hole(c, n);
	if (!h) {
		c->st.alloc_failures++;
		return CONTIG_NO_SPACE;
	}
	struct contig_ext *b = place(c, h, h->base, n, owner, bytes);
	c->rover = end_of(b);
	c->st.allocs++;
	*base = b->base;
	return CONTIG_OK;
}

enum contig_status contig_free(struct contig *c, contig_id owner)
{
	struct contig_ext *b = block_of(c, owner);
	if (!b)
		return CONTIG_NO_BLOCK;
	unplace(c, b);
	c->st.frees++;
	return CONTIG_OK;
}

bool contig_lookup(const struct contig *c, contig_id owner, uint64_t *base, uint64_t *size)
{
	const struct contig_ext *b = block_of(c, owner);
	if (b && base)
		*base = b->base;
	if (b && size)
		*size = b->size;
	return b != NULL;
}

/* Grows b by d bytes at its dir end from the hole there; false when there
 * is no hole that large. */
static bool grow_in_place(struct contig *c, struct contig_ext *b, uint64_t d, enum contig_dir dir)
{
	struct contig_ext *h = dir == CONTIG_UP ? b->next : b->prev;
	if (!h || !h->hole || h->size < d)
		return false;
	if (dir == CONTIG_UP) {
		hole_set(c, h, h->base + d, h->size - d);
	} else {
		hole_set(c, h, h->base, h->size - d);
		b->base -= d;
	}
	b->size += d;
	return true;
}

static void shrink_in_place(struct contig *c, struct contig_ext *b, uint64_t d, enum contig_dir dir)
{
	b->size -= d;
	if (dir == CONTIG_UP) {
		give_back(c, b, b->next, end_of(b), d);
	} else {
		b->base += d;
		give_back(c, b->prev, b, b->base - d, d);
	}
}

enum contig_status contig_resize(struct contig *c, contig_id owner, uint64_t bytes, enum contig_dir dir,
				 uint64_t *new_base)
{
	struct contig_ext *b = block_of(c, owner);
	uint64_t n = rounded(c, bytes);
	if (!b)
		return CONTIG_NO_BLOCK;
	if (!n)
		return CONTIG_BAD_SIZE;
	if (n > b->size && !grow_in_place(c, b, n - b->size, dir))
		return CONTIG_MUST_MOVE;
	if (n < b->size)
		shrink_in_place(c, b, b->size - n, dir);
	c->st.used_bytes += bytes - b->used;
	b->used = bytes;
	c->st.resizes_in_place++;
	*new_base = b->base;
	return CONTIG_OK;
}

static void relocate(struct contig *c, const struct contig_reloc *r)
{
	if (c->relocate)
		c->relocate(c->ctx, r);
}

/* The hole that holds [base, base + size), which must be free. */
static struct contig_ext *hole_holding(const struct contig *c, uint64_t base, uint64_t size)
{
	struct contig_ext *h = lowest_fit(c->by_addr.root, 1, base);
	if (!h || h->base > base || end_of(h) < base + size)
		panic("[0x%llx, +0x%llx) is not free", (unsigned long long)base, (unsigned long long)size);
	return h;
}

enum contig_status contig_move(struct contig *c, contig_id owner, uint64_t bytes, enum contig_dir dir,
			       uint64_t *new_base)
{
	struct contig_ext *b = block_of(c, owner);
	uint64_t n = rounded(c, bytes);
	if (!b)
		return CONTIG_NO_BLOCK;
	if (!n)
		return CONTIG_BAD_SIZE;
	struct contig_reloc r = {.owner = owner, .old_base = b->base, .old_size = b->size, .new_size = n};
	uint64_t old_used = b->used;
	unplace(c, b);
	struct contig_ext *h = find_hole(c, n);
	if (!h) {
		place(c, hole_holding(c, r.old_base, r.old_size), r.old_base, r.old_size, owner, old_used);
		c->st.alloc_failures++;
		return CONTIG_NO_SPACE;
	}
	b = place(c, h, h->base, n, owner, bytes);
	c->rover = end_of(b);
	r.new_base = b->base;
	r.bytes = r.old_size < n ? r.old_size : n;
	r.src = dir == CONTIG_UP ? r.old_base : r.old_base + r.old_size - r.bytes;
	r.dst = dir == CONTIG_UP ? r.new_base : r.new_base + n - r.bytes;
	if (r.src == r.dst)
		r.bytes = 0;
	if (r.bytes || r.new_base != r.old_base) {
		relocate(c, &r);
		c->st.moves++;
		c->st.move_bytes += r.bytes;
	}
	*new_base = r.new_base;
	return CONTIG_OK;
}

/* Slides the blocks down from the lowest until the free space gathered
 * behind them reaches need bytes (never, for UINT64_MAX); returns the bytes
 * copied. */
static uint64_t slide(struct contig *c, uint64_t need)
{
	uint64_t dst = c->base, copied = 0, moved = 0;
	struct contig_ext *e = c->first;
	while (e) {
		struct contig_ext *next = e->next;
		if (e->hole) {
			if (end_of(e) - dst >= need) {
				hole_set(c, e, dst, end_of(e) - dst);
				break;
			}
			hole_drop(c, e);
		} else {
			if (e->base != dst) {
				struct contig_reloc r = {.owner = e->owner, .old_base = e->base, .old_size = e->size,
							 .new_base = dst, .new_size = e->size,
							 .src = e->base, .dst = dst, .bytes = e->size};
				e->base = dst;
				relocate(c, &r);
				copied += e->size;
				moved++;
			}
			dst += e->size;
		}
		e = next;
	}
	if (!e && dst < c->base + c->size)
		hole_new(c, c->last, dst, c->base + c->size - dst);
	if (moved) {
		c->st.compactions++;
		c->st.compact_moves += moved;
		c->st.compact_bytes += copied;
	}
	return copied;
}

uint64_t contig_compact(struct contig *c) { return slide(c, UINT64_MAX); }

enum contig_status contig_compact_for(struct contig *c, uint64_t bytes, uint64_t *copied)
{
	uint64_t n = rounded(c, bytes);
	if (!n)
		return CONTIG_BAD_SIZE;
	if (c->st.free_bytes < n)
		return CONTIG_NO_SPACE;
	*copied = max_of(c->by_addr.root) >= n ? 0 : slide(c, n);
	return CONTIG_OK;
}

void contig_stats(const struct contig *c, struct contig_stats *st)
{
	*st = c->st;
	st->largest_hole = max_of(c->by_addr.root);
	st->internal_bytes = (c->size - c->st.free_bytes) - c->st.used_bytes;
}

double contig_ext_frag(const struct contig_stats *st)
{
	return st->free_bytes ? 1.0 - (double)st->largest_hole / (double)st->free_bytes : 0.0;
}

void contig_for_each(const struct contig *c, void (*fn)(void *ctx, const struct contig_extent *e), void *ctx)
{
	for (const struct contig_ext *e = c->first; e; e = e->next) {
		struct contig_extent x = {.base = e->base, .size = e->size, .hole = e->hole,
					  .owner = e->hole ? 0 : e->owner, .used = e->hole ? 0 : e->used};
		fn(ctx, &x);
	}
}

static const char *const status_names[] = {
	[CONTIG_OK] = "ok",
	[CONTIG_NO_SPACE] = "no hole large enough",
	[CONTIG_MUST_MOVE] = "the neighbour is in the way: the block must move",
	[CONTIG_EXISTS] = "the owner already holds a block",
	[CONTIG_NO_BLOCK] = "the owner holds no block",
	[CONTIG_BAD_SIZE] = "bad size",
	[CONTIG_BAD_CONFIG] = "bad configuration",
};

const char *contig_status_name(enum contig_status s)
{
	return (unsigned)s < ARRAY_LEN(status_names) ? status_names[s] : "unknown status";
}

static const char *const fit_names[CONTIG_FITS] = {"first", "next", "best", "worst"};

const char *contig_fit_name(enum contig_fit fit) { return (unsigned)fit < CONTIG_FITS ? fit_names[fit] : "unknown"; }

bool contig_fit_parse(const char *name, enum contig_fit *fit)
{
	for (unsigned i = 0; i < CONTIG_FITS; i++)
		if (strcmp(name, fit_names[i]) == 0) {
			*fit = (enum contig_fit)i;
			return true;
		}
	return false;
}

/* ---- the checker ---- */

/* Checks each subtree's largest hole and that the in-order walk meets the
 * list's holes in turn (*next, advanced); returns the subtree's largest. */
static uint64_t check_addr(const struct avl_node *n, const struct contig_ext **next)
{
	if (!n)
		return 0;
	uint64_t l = check_addr(n->left, next);
	const struct contig_ext *h = of_addr(n);
	while (*next && !(*next)->hole)
		*next = (*next)->next;
	if (h != *next)
		panic("the address index has a hole at 0x%llx the list does not have there", (unsigned long long)h->base);
	*next = h->next;
	uint64_t r = check_addr(n->right, next);
	uint64_t m = h->size > l ? (h->size > r ? h->size : r) : (l > r ? l : r);
	if (h->max_hole != m)
		panic("the hole at 0x%llx says its subtree's largest is 0x%llx, not 0x%llx", (unsigned long long)h->base,
		      (unsigned long long)h->max_hole, (unsigned long long)m);
	return m;
}

struct size_walk {
	const struct contig *c;
	const struct contig_ext *prev;
};

static void check_size_node(void *ctx, struct avl_node *n)
{
	struct size_walk *w = ctx;
	const struct contig_ext *h = of_size(n);
	if (!h->hole || (h->prev ? h->prev->next : w->c->first) != h)
		panic("the size index holds 0x%llx, which is no hole on the list", (unsigned long long)h->base);
	if (w->prev && cmp_size(&w->prev->by_size, n) >= 0)
		panic("the size index is out of order at 0x%llx", (unsigned long long)h->base);
	w->prev = h;
}

/* Checks one extent e after prev (NULL for the first); adds it to the totals. */
static void check_ext(const struct contig *c, const struct contig_ext *prev, const struct contig_ext *e,
		      struct contig_stats *t)
{
	uint64_t at = prev ? end_of(prev) : c->base;
	if (e->prev != prev)
		panic("the list's back link at 0x%llx is wrong", (unsigned long long)e->base);
	if (e->base != at)
		panic("an extent starts at 0x%llx, not 0x%llx: a gap or an overlap", (unsigned long long)e->base,
		      (unsigned long long)at);
	if (e->size == 0 || e->size % c->granule || e->base % c->granule || end_of(e) > c->base + c->size)
		panic("the extent at 0x%llx of 0x%llx bytes is misaligned or overruns the range",
		      (unsigned long long)e->base, (unsigned long long)e->size);
	if (e->hole && prev && prev->hole)
		panic("the holes at 0x%llx and 0x%llx touch: not coalesced", (unsigned long long)prev->base,
		      (unsigned long long)e->base);
	if (e->hole) {
		t->holes++;
		t->free_bytes += e->size;
		return;
	}
	if (block_of(c, e->owner) != e)
		panic("the block at 0x%llx is not its owner's in the owner map", (unsigned long long)e->base);
	if (e->used > e->size || e->used + c->granule <= e->size)
		panic("the block at 0x%llx of 0x%llx bytes holds 0x%llx bytes asked for", (unsigned long long)e->base,
		      (unsigned long long)e->size, (unsigned long long)e->used);
	t->blocks++;
	t->used_bytes += e->used;
}

void contig_check(const struct contig *c)
{
	struct contig_stats t = {0};
	const struct contig_ext *prev = NULL;
	for (const struct contig_ext *e = c->first; e; prev = e, e = e->next)
		check_ext(c, prev, e, &t);
	if (c->last != prev || !prev || end_of(prev) != c->base + c->size)
		panic("the extents do not reach the range's end 0x%llx", (unsigned long long)(c->base + c->size));
	if (t.holes != c->st.holes || t.free_bytes != c->st.free_bytes || t.blocks != c->st.blocks ||
	    t.used_bytes != c->st.used_bytes || t.blocks != c->owners.len)
		panic("the counters disagree with the extents");
	const struct contig_ext *next = c->first;
	check_addr(c->by_addr.root, &next);
	while (next && !next->hole)
		next = next->next;
	if (next)
		panic("the hole at 0x%llx is missing from the address index", (unsigned long long)next->base);
	if (avl_check(&c->by_addr) != t.holes || avl_check(&c->by_size) != (c->sized ? t.holes : 0) ||
	    c->sized != (c->fit == CONTIG_BEST_FIT))
		panic("the hole indexes do not hold every hole once");
	struct size_walk w = {.c = c, .prev = NULL};
	avl_for_each(&c->by_size, check_size_node, &w);
	if (c->rover < c->base || c->rover > c->base + c->size)
		panic("the rover 0x%llx is outside the range", (unsigned long long)c->rover);
}
