/* Exact LRU over the frames' reference stamps: a min-heap of the resident
 * frames keyed by the stamp each had when last placed. Keys only lag (a
 * stamp only grows), so a root whose key is its stamp was used longest ago;
 * a stale root is re-keyed and sifted down. The hot path (a reference) only
 * writes a stamp; the work is done at eviction, once per frame used since. */
#include "os/policy.h"

#include <stdlib.h>

struct lru {
	struct policy_env env;   /* last_use: the frames' reference stamps */
	struct policy_heap heap; /* key: a stamp of the frame, <= its last_use */
};

static void *lru_create(const struct policy_env *env)
{
	if (!env->last_use)
		panic("lru needs the frames' reference stamps");
	struct lru *l = xmalloc(sizeof *l);
	l->env = *env;
	policy_heap_init(&l->heap, env, false);
	return l;
}

static void lru_destroy(void *state)
{
	struct lru *l = state;
	policy_heap_fini(&l->heap);
	free(l);
}

/* The new page, just stamped, is the most recently used. */
static void lru_insert(void *state, pfn_t frame, uint64_t next_use)
{
	struct lru *l = state;
	(void)next_use;
	policy_check_frame(&l->env, frame, __func__); /* before its stamp is read */
	policy_heap_insert(&l->heap, frame, l->env.last_use[frame]);
}

/* References are stamps: nothing to do but check the frame. */
static void lru_touch(void *state, pfn_t frame, uint64_t next_use)
{
	struct lru *l = state;
	(void)next_use;
	if (!policy_heap_holds(&l->heap, frame))
		policy_not_resident(frame);
}

static void lru_remove(void *state, pfn_t frame)
{
	struct lru *l = state;
	policy_heap_remove(&l->heap, frame);
}

/* The resident frame with the oldest last reference; false when none is. */
static bool lru_victim(void *state, pfn_t *frame)
{
	struct lru *l = state;
	struct policy_heap *h = &l->heap;
	if (h->count == 0)
		return false;
	for (;;) {
		pfn_t f = h->heap[0];
		uint64_t now = l->env.last_use[f];
		if (h->key[f] == now) {
			*frame = f;
			return true;
		}
		policy_heap_rekey(h, f, now);
	}
}

const struct policy_ops policy_lru_ops = {
	.name = "lru",
	.needs_stamps = true,
	.create = lru_create,
	.destroy = lru_destroy,
	.insert = lru_insert,
	.touch = lru_touch,
	.remove = lru_remove,
	.victim = lru_victim,
};
