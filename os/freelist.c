/* freelist: OSTEP's textbook free list (see freelist.h): two growable
 * arrays, the free list in list order and the allocated chunks; every
 * operation is a scan, as the book's is. */
#include "os/freelist.h"

#include <stdlib.h>
#include <string.h>

#include "lib/util.h"

static const char *const policy_names[] = {"BEST", "WORST", "FIRST"};
static const char *const order_names[] = {"ADDRSORT", "SIZESORT+", "SIZESORT-", "INSERT-FRONT", "INSERT-BACK"};


/* Makes room for one more chunk in the array *a of *n (capacity *cap). */
static void reserve(struct freelist_chunk **a, size_t n, size_t *cap)
{
	if (n < *cap)
		return;
	*cap = *cap ? 2 * *cap : 8;
	*a = xrealloc(*a, *cap * sizeof **a);
}

static void insert_at(struct freelist_chunk **a, size_t *n, size_t *cap, size_t i, struct freelist_chunk c)
{
	reserve(a, *n, cap);
	memmove(*a + i + 1, *a + i, (*n - i) * sizeof **a);
	(*a)[i] = c;
	++*n;
}

static void remove_at(struct freelist_chunk *a, size_t *n, size_t i)
{
	memmove(a + i, a + i + 1, (*n - i - 1) * sizeof *a);
	--*n;
}

enum freelist_status freelist_init(struct freelist *fl, const struct freelist_config *cfg)
{
	if (cfg->align == 0 || cfg->align < -1)
		return FREELIST_BAD_CONFIG;
	*fl = (struct freelist){.cfg = *cfg};
	insert_at(&fl->free, &fl->nfree, &fl->capfree, 0, (struct freelist_chunk){.addr = cfg->base, .size = cfg->size});
	return FREELIST_OK;
}

void freelist_fini(struct freelist *fl)
{
	free(fl->free);
	free(fl->used);
	*fl = (struct freelist){0};
}

const struct freelist_chunk *freelist_chunks(const struct freelist *fl, size_t *n)
{
	*n = fl->nfree;
	return fl->free;
}

/* The bytes a request of size takes from a chunk: rounded up to the
 * alignment (Python's modulo: a negative size rounds up too), plus the
 * header. False when that overflows. */
static bool request_need(const struct freelist_config *cfg, int64_t size, struct freelist_search *s)
{
	int64_t aligned = size;
	if (cfg->align != -1) {
		int64_t left = size % cfg->align;
		if (left < 0)
			left += cfg->align;
		if (left && __builtin_add_overflow(size, cfg->align - left, &aligned))
			return false;
	}
	s->aligned = aligned;
	return !__builtin_add_overflow(aligned, cfg->header, &s->need);
}

/* Whether chunk size esize, which fits, beats the choice so far (best, or
 * none yet when !have). BEST starts from the heap's size + 1, as malloc.py
 * does, so a chunk grown beyond the heap's size is never its choice. */
static bool better(const struct freelist_config *cfg, int64_t esize, bool have, int64_t best)
{
	switch (cfg->policy) {
	case FREELIST_BEST:
		return have ? esize < best : esize <= cfg->size;
	case FREELIST_WORST:
		return esize > (have ? best : -1);
	case FREELIST_FIRST:
		return true;
	}
	panic("freelist: no policy %d", (int)cfg->policy);
}

/* Runs the policy's search over the free list: s->searched, and the index
 * of the chunk chosen in *index (false: none fits). */
static bool search(const struct freelist *fl, struct freelist_search *s, size_t *index, freelist_examine_fn fn,
		   void *ctx)
{
	bool have = false;
	int64_t best = 0;
	s->searched = 0;
	for (size_t i = 0; i < fl->nfree; i++) {
		const struct freelist_chunk *c = &fl->free[i];
		s->searched++;
		enum freelist_verdict v = FREELIST_TOO_SMALL;
		if (c->size >= s->need)
			v = !better(&fl->cfg, c->size, have, best) ? FREELIST_NOT_BETTER
			    : fl->cfg.policy == FREELIST_FIRST ? FREELIST_TAKEN : FREELIST_CANDIDATE;
		if (v == FREELIST_CANDIDATE || v == FREELIST_TAKEN)
			have = true, best = c->size, *index = i;
		if (fn)
			fn(ctx, i, c, v);
		if (v == FREELIST_TAKEN)
			break;
	}
	return have;
}

static bool is_used(const struct freelist *fl, int64_t addr, size_t *at)
{
	for (size_t i = 0; i < fl->nused; i++)
		if (fl->used[i].addr == addr) {
			*at = i;
			return true;
		}
	return false;
}

enum freelist_status freelist_alloc(struct freelist *fl, int64_t size, struct freelist_search *s,
				    freelist_examine_fn fn, void *ctx)
{
	*s = (struct freelist_search){.addr = -1};
	if (!request_need(&fl->cfg, size, s))
		return FREELIST_RANGE;
	size_t i, at;
	if (!search(fl, s, &i, fn, ctx))
		return FREELIST_NO_FIT;
	struct freelist_chunk c = fl->free[i];
	struct freelist_chunk rest;
	if (__builtin_add_overflow(c.addr, s->need, &rest.addr) || __builtin_sub_overflow(c.size, s->need, &rest.size))
		return FREELIST_RANGE;
	if (is_used(fl, c.addr, &at))
		return FREELIST_ALLOCATED;
	s->index = i, s->chosen = c, s->addr = c.addr, s->split = c.size > s->need;
	if (s->split)
		fl->free[i] = rest;
	else
		remove_at(fl->free, &fl->nfree, i);
	insert_at(&fl->used, &fl->nused, &fl->capused, fl->nused, (struct freelist_chunk){.addr = c.addr, .size = s->need});
	return FREELIST_OK;
}

/* Whether chunk a goes after chunk b in the list order's sort. */
static bool sorts_after(enum freelist_order order, const struct freelist_chunk *a, const struct freelist_chunk *b)
{
	switch (order) {
	case FREELIST_ADDRSORT:
		return a->addr >= b->addr;
	case FREELIST_SIZESORT_UP:
		return a->size >= b->size;
	case FREELIST_SIZESORT_DOWN:
		return a->size <= b->size;
	default:
		return true;
	}
}

/* Python's sorted(): stable, so equal keys keep their order (also for
 * reverse=True, which SIZESORT- is). An insertion sort: lists are short. */
static void stable_sort(struct freelist_chunk *a, size_t n, enum freelist_order order)
{
	for (size_t i = 1; i < n; i++) {
		struct freelist_chunk c = a[i];
		size_t j = i;
		for (; j > 0 && !sorts_after(order, &c, &a[j - 1]); j--)
			a[j] = a[j - 1];
		a[j] = c;
	}
}

/* malloc.py's coalescing of the n chunks at a: one pass in list order,
 * merging each chunk into the one before it when they meet. The number
 * merged (*n shrinks by it), or -1 when a merged size would overflow. */
static int64_t coalesce(struct freelist_chunk *a, size_t *n)
{
	int64_t merged = 0, end;
	size_t k = 0;
	for (size_t i = 0; i < *n; i++) {
		struct freelist_chunk *cur = &a[k ? k - 1 : 0];
		bool meet = k && !__builtin_add_overflow(cur->addr, cur->size, &end) && end == a[i].addr;
		if (!meet)
			a[k++] = a[i];
		else if (__builtin_add_overflow(cur->size, a[i].size, &cur->size))
			return -1;
		else
			merged++;
	}
	*n = k;
	return merged;
}

enum freelist_status freelist_free(struct freelist *fl, int64_t addr, struct freelist_release *r)
{
	size_t at;
	if (!is_used(fl, addr, &at))
		return FREELIST_NOT_ALLOCATED;
	struct freelist_chunk c = fl->used[at];
	/* the new list is built beside the old one, which stays on failure */
	size_t n = fl->nfree + 1, pos = fl->cfg.order == FREELIST_INSERT_FRONT ? 0 : fl->nfree;
	size_t cap = n;
	struct freelist_chunk *list = xmalloc(cap * sizeof *list);
	memcpy(list, fl->free, pos * sizeof *list);
	list[pos] = c;
	memcpy(list + pos + 1, fl->free + pos, (fl->nfree - pos) * sizeof *list);
	if (fl->cfg.order != FREELIST_INSERT_FRONT && fl->cfg.order != FREELIST_INSERT_BACK)
		stable_sort(list, n, fl->cfg.order);
	int64_t merged = fl->cfg.coalesce ? coalesce(list, &n) : 0;
	if (merged < 0) {
		free(list);
		return FREELIST_RANGE;
	}
	free(fl->free);
	fl->free = list, fl->nfree = n, fl->capfree = cap;
	remove_at(fl->used, &fl->nused, at);
	*r = (struct freelist_release){.chunk = c, .merged = (size_t)merged};
	return FREELIST_OK;
}

static bool parse_name(const char *const *names, size_t n, const char *name, int *out)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i], name)) {
			*out = (int)i;
			return true;
		}
	return false;
}

bool freelist_policy_parse(const char *name, enum freelist_policy *p)
{
	int i;
	if (!parse_name(policy_names, ARRAY_LEN(policy_names), name, &i))
		return false;
	*p = (enum freelist_policy)i;
	return true;
}

bool freelist_order_parse(const char *name, enum freelist_order *o)
{
	int i;
	if (!parse_name(order_names, ARRAY_LEN(order_names), name, &i))
		return false;
	*o = (enum freelist_order)i;
	return true;
}

const char *freelist_policy_name(enum freelist_policy p)
{
	return (size_t)p < ARRAY_LEN(policy_names) ? policy_names[p] : "?";
}

const char *freelist_order_name(enum freelist_order o)
{
	return (size_t)o < ARRAY_LEN(order_names) ? order_names[o] : "?";
}
