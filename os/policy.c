/* The registry of replacement policies, and what several of them are built
 * on: frame rings (circular doubly-linked lists threaded through per-frame
 * arrays, so every list operation is O(1) and memory is two words per frame)
 * and an indexed heap of frames. */
#include "os/policy.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const struct policy_ops *const all_policies[] = {
	&policy_fifo_ops, &policy_lru_ops, &policy_clock_ops, &policy_eclock_ops,
	&policy_random_ops, &policy_opt_ops, &policy_twolist_ops, &policy_mru_ops,
	&policy_unopt_ops, &policy_rclock_ops,
};

const char *const policy_names[] = {
	"fifo", "lru", "clock", "eclock", "random", "opt", "twolist", "mru", "unopt", "rclock", NULL,
};

const struct policy_ops *policy_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(all_policies); i++)
		if (strcmp(all_policies[i]->name, name) == 0)
			return all_policies[i];
	return NULL;
}

void policy_check_frame(const struct policy_env *env, pfn_t f, const char *who)
{
	if (f >= env->nframes)
		panic_at(who, "frame %" PRIu64 " out of range (%" PRIu64 " frames)", f, env->nframes);
}

/* n words, each w. */
static uint64_t *words(uint64_t n, uint64_t w)
{
	uint64_t *a = xmalloc((n ? n : 1) * sizeof *a);
	for (uint64_t i = 0; i < n; i++)
		a[i] = w;
	return a;
}

/* The shared array *a, made with every word w on first use. */
static uint64_t *shared_words(uint64_t **a, uint64_t n, uint64_t w)
{
	if (!*a)
		*a = words(n, w);
	return *a;
}

struct policy_shared *policy_shared_new(uint64_t nframes)
{
	struct policy_shared *s = xcalloc(1, sizeof *s);
	s->nframes = nframes;
	return s;
}

void policy_shared_free(struct policy_shared *s)
{
	if (!s)
		return;
	free(s->next);
	free(s->prev);
	free(s->pos);
	free(s->key);
	free(s->tie);
	free(s->flag);
	free(s);
}

uint8_t *policy_shared_flags(const struct policy_env *env, bool *own)
{
	*own = !env->shared;
	if (*own)
		return xcalloc(env->nframes ? env->nframes : 1, 1);
	if (!env->shared->flag)
		env->shared->flag = xcalloc(env->nframes ? env->nframes : 1, 1);
	return env->shared->flag;
}

uint64_t *policy_shared_pos(const struct policy_env *env, bool *own)
{
	*own = !env->shared;
	return *own ? words(env->nframes, POLICY_NONE) : shared_words(&env->shared->pos, env->nframes, POLICY_NONE);
}

void policy_links_init(struct policy_links *l, const struct policy_env *env)
{
	struct policy_shared *s = env->shared;
	l->nframes = env->nframes;
	l->own = !s;
	l->next = s ? shared_words(&s->next, l->nframes, POLICY_NONE) : words(l->nframes, POLICY_NONE);
	l->prev = s ? shared_words(&s->prev, l->nframes, POLICY_NONE) : words(l->nframes, POLICY_NONE);
}

void policy_links_fini(struct policy_links *l)
{
	if (l->own) {
		free(l->next);
		free(l->prev);
	}
	l->next = l->prev = NULL;
}

void policy_not_resident(pfn_t f)
{
	panic("frame %" PRIu64 " is not resident", f);
}

/* Links f, on no ring, in just before the head (as the tail) of r. */
static void link_before_head(struct policy_links *l, struct policy_ring *r, pfn_t f)
{
	if (f >= l->nframes || l->next[f] != POLICY_NONE)
		panic("frame %" PRIu64 " is out of range or already resident", f);
	if (r->count == 0) {
		l->next[f] = l->prev[f] = f;
		r->head = f;
	} else {
		pfn_t h = r->head, t = l->prev[h];
		l->next[f] = h;
		l->prev[f] = t;
		l->next[t] = f;
		l->prev[h] = f;
	}
	r->count++;
}

void policy_ring_push_back(struct policy_links *l, struct policy_ring *r, pfn_t f)
{
	link_before_head(l, r, f);
}

void policy_ring_push_front(struct policy_links *l, struct policy_ring *r, pfn_t f)
{
	link_before_head(l, r, f);
	r->head = f;
}

void policy_ring_remove(struct policy_links *l, struct policy_ring *r, pfn_t f)
{
	policy_links_require(l, f);
	if (r->count == 0)
		panic("frame %" PRIu64 " is on another ring", f);
	if (--r->count == 0) {
		r->head = POLICY_NONE;
	} else {
		pfn_t n = l->next[f], p = l->prev[f];
		l->next[p] = n;
		l->prev[n] = p;
		if (r->head == f)
			r->head = n;
	}
	l->next[f] = l->prev[f] = POLICY_NONE;
}

void *policy_circle_create(const struct policy_env *env)
{
	struct policy_circle *c = xmalloc(sizeof *c);
	c->env = *env;
	policy_links_init(&c->links, env);
	policy_ring_init(&c->ring);
	return c;
}

void policy_circle_destroy(void *state)
{
	struct policy_circle *c = state;
	policy_links_fini(&c->links);
	free(c);
}

void policy_circle_insert(void *state, pfn_t frame, uint64_t next_use)
{
	struct policy_circle *c = state;
	(void)next_use;
	policy_ring_push_back(&c->links, &c->ring, frame);
}

void policy_circle_touch(void *state, pfn_t frame, uint64_t next_use)
{
	struct policy_circle *c = state;
	(void)next_use;
	policy_links_require(&c->links, frame);
}

void policy_circle_remove(void *state, pfn_t frame)
{
	struct policy_circle *c = state;
	policy_ring_remove(&c->links, &c->ring, frame);
}

pfn_t *policy_grow(pfn_t *a, uint64_t *cap, uint64_t nframes)
{
	uint64_t n = *cap ? 2 * *cap : 16;
	*cap = n < nframes ? n : nframes;
	return xrealloc(a, *cap * sizeof *a);
}

/* ---- the order of insertion ---- */

void policy_order_init(struct policy_order *o, const struct policy_env *env)
{
	o->slot = policy_shared_pos(env, &o->own);
	o->at = NULL;
	o->tree = NULL;
	o->used = o->cap = o->count = 0;
	o->nframes = env->nframes;
}

void policy_order_fini(struct policy_order *o)
{
	free(o->at);
	free(o->tree);
	if (o->own)
		free(o->slot);
	o->at = o->tree = o->slot = NULL;
}

bool policy_order_holds(const struct policy_order *o, pfn_t f)
{
	return f < o->nframes && o->slot[f] != POLICY_NONE;
}

static void tree_add(struct policy_order *o, uint64_t slot, uint64_t delta)
{
	for (uint64_t i = slot + 1; i <= o->cap; i += i & (0 - i))
		o->tree[i] += delta;
}

/* Moves the frames still in to slots 0..count-1, in order, with room for
 * twice as many (at least 16), and rebuilds the tree in O(cap). */
static void order_compact(struct policy_order *o)
{
	uint64_t cap = 2 * (o->count + 1) < 16 ? 16 : 2 * (o->count + 1), n = 0;
	pfn_t *at = xmalloc(cap * sizeof *at);
	for (uint64_t s = 0; s < o->used; s++)
		if (o->at[s] != POLICY_NONE) {
			o->slot[o->at[s]] = n;
			at[n++] = o->at[s];
		}
	free(o->at);
	free(o->tree);
	o->at = at;
	o->cap = cap;
	o->used = n;
	o->tree = xcalloc(cap + 1, sizeof *o->tree);
	for (uint64_t i = 1; i <= cap; i++) {
		o->tree[i] += i <= n;
		uint64_t up = i + (i & (0 - i));
		if (up <= cap)
			o->tree[up] += o->tree[i];
	}
}

void policy_order_insert(struct policy_order *o, pfn_t f)
{
	if (f >= o->nframes || o->slot[f] != POLICY_NONE)
		panic("frame %" PRIu64 " is out of range or already resident", f);
	if (o->used == o->cap)
		order_compact(o);
	o->slot[f] = o->used;
	o->at[o->used] = f;
	tree_add(o, o->used++, 1);
	o->count++;
}

void policy_order_remove(struct policy_order *o, pfn_t f)
{
	if (!policy_order_holds(o, f))
		policy_not_resident(f);
	uint64_t s = o->slot[f];
	o->at[s] = POLICY_NONE;
	o->slot[f] = POLICY_NONE;
	tree_add(o, s, (uint64_t)-1);
	o->count--;
}

pfn_t policy_order_kth(const struct policy_order *o, uint64_t k)
{
	if (k >= o->count)
		panic("frame %" PRIu64 " of %" PRIu64 " asked for", k, o->count);
	uint64_t pos = 0, step = 1;
	while (step * 2 <= o->cap)
		step *= 2;
	for (; step; step /= 2) /* the largest pos whose prefix holds <= k frames */
		if (pos + step <= o->cap && o->tree[pos + step] <= k) {
			pos += step;
			k -= o->tree[pos];
		}
	return o->at[pos]; /* slot pos (0-based) is the (k+1)-th full one */
}

/* ---- frames drawn at random ---- */

void *policy_drawn_create(const struct policy_env *env)
{
	struct policy_drawn *d = xmalloc(sizeof *d);
	d->env = *env;
	rng_seed(&d->rng, env->seed);
	policy_order_init(&d->order, env);
	return d;
}

void policy_drawn_destroy(void *state)
{
	struct policy_drawn *d = state;
	policy_order_fini(&d->order);
	free(d);
}

void policy_drawn_insert(void *state, pfn_t frame, uint64_t next_use)
{
	struct policy_drawn *d = state;
	(void)next_use;
	policy_order_insert(&d->order, frame);
}

void policy_drawn_touch(void *state, pfn_t frame, uint64_t next_use)
{
	struct policy_drawn *d = state;
	(void)next_use;
	if (!policy_order_holds(&d->order, frame))
		policy_not_resident(frame);
}

void policy_drawn_remove(void *state, pfn_t frame)
{
	struct policy_drawn *d = state;
	policy_order_remove(&d->order, frame);
}

pfn_t policy_drawn_pick(struct policy_drawn *d)
{
	uint64_t n = d->order.count, k;
	if (!d->env.random_below) {
		k = rng_below(&d->rng, n);
	} else if ((k = d->env.random_below(d->env.random_ctx, n)) >= n) {
		panic("random_below(%" PRIu64 ") gave %" PRIu64, n, k);
	}
	return policy_order_kth(&d->order, k);
}

/* ---- the indexed heap ---- */

void policy_heap_init(struct policy_heap *h, const struct policy_env *env, bool max_first)
{
	h->pos = policy_shared_pos(env, &h->own);
	h->key = h->own ? words(env->nframes, 0) : shared_words(&env->shared->key, env->nframes, 0);
	h->tie = NULL;
	h->heap = NULL;
	h->count = h->cap = h->inserted = 0;
	h->nframes = env->nframes;
	h->max_first = max_first;
}

void policy_heap_tie_by_insertion(struct policy_heap *h, const struct policy_env *env)
{
	h->tie = h->own ? words(env->nframes, 0) : shared_words(&env->shared->tie, env->nframes, 0);
}

void policy_heap_fini(struct policy_heap *h)
{
	free(h->heap);
	if (h->own) {
		free(h->pos);
		free(h->key);
		free(h->tie);
	}
	h->heap = h->pos = h->key = h->tie = NULL;
}

/* Whether frame a belongs above frame b. */
static bool heap_before(const struct policy_heap *h, pfn_t a, pfn_t b)
{
	uint64_t ka = h->key[a], kb = h->key[b];
	if (ka != kb)
		return h->max_first ? ka > kb : ka < kb;
	if (h->tie && h->tie[a] != h->tie[b])
		return h->max_first ? h->tie[a] > h->tie[b] : h->tie[a] < h->tie[b];
	return a < b;
}

static void heap_place(struct policy_heap *h, uint64_t i, pfn_t f)
{
	h->heap[i] = f;
	h->pos[f] = i;
}

/* Moves the frame at index i up or down until the heap order holds. */
static void heap_sift(struct policy_heap *h, uint64_t i)
{
	pfn_t f = h->heap[i];
	while (i > 0 && heap_before(h, f, h->heap[(i - 1) / 2])) {
		heap_place(h, i, h->heap[(i - 1) / 2]);
		i = (i - 1) / 2;
	}
	for (;;) {
		uint64_t c = 2 * i + 1;
		if (c >= h->count)
			break;
		if (c + 1 < h->count && heap_before(h, h->heap[c + 1], h->heap[c]))
			c++;
		if (!heap_before(h, h->heap[c], f))
			break;
		heap_place(h, i, h->heap[c]);
		i = c;
	}
	heap_place(h, i, f);
}

static void heap_require(const struct policy_heap *h, pfn_t f)
{
	if (!policy_heap_holds(h, f))
		policy_not_resident(f);
}

void policy_heap_insert(struct policy_heap *h, pfn_t f, uint64_t key)
{
	if (f >= h->nframes || h->pos[f] != POLICY_NONE)
		panic("frame %" PRIu64 " is out of range or already resident", f);
	if (h->count == h->cap)
		h->heap = policy_grow(h->heap, &h->cap, h->nframes);
	h->key[f] = key;
	if (h->tie)
		h->tie[f] = h->inserted++;
	heap_place(h, h->count++, f);
	heap_sift(h, h->count - 1);
}

void policy_heap_rekey(struct policy_heap *h, pfn_t f, uint64_t key)
{
	heap_require(h, f);
	h->key[f] = key;
	heap_sift(h, h->pos[f]);
}

void policy_heap_remove(struct policy_heap *h, pfn_t f)
{
	heap_require(h, f);
	uint64_t i = h->pos[f];
	pfn_t last = h->heap[--h->count];
	h->pos[f] = POLICY_NONE;
	if (last == f)
		return;
	heap_place(h, i, last);
	heap_sift(h, i);
}

/* ---- a heap by next use ---- */

void *policy_future_create(const struct policy_env *env, bool max_first)
{
	struct policy_heap *h = xmalloc(sizeof *h);
	policy_heap_init(h, env, max_first);
	if (env->ties == POLICY_TIES_INSERTION)
		policy_heap_tie_by_insertion(h, env);
	return h;
}

void policy_future_destroy(void *state)
{
	policy_heap_fini(state);
	free(state);
}

void policy_future_insert(void *state, pfn_t frame, uint64_t next_use)
{
	policy_heap_insert(state, frame, next_use);
}

void policy_future_touch(void *state, pfn_t frame, uint64_t next_use)
{
	policy_heap_rekey(state, frame, next_use);
}

void policy_future_remove(void *state, pfn_t frame)
{
	policy_heap_remove(state, frame);
}

bool policy_future_victim(void *state, pfn_t *frame)
{
	struct policy_heap *h = state;
	if (h->count == 0)
		return false;
	*frame = h->heap[0];
	return true;
}
