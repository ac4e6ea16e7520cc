/* Exact LRU: the resident frames on a ring ordered by last reference; insert
 * and touch move a frame to the head, the tail is the victim. O(1) each. */
#include "os/policy.h"

#include <stdlib.h>

struct lru {
	struct policy_links links;
	struct policy_ring ring; /* head = most recently used, tail = least */
};

/* An LRU list over env->nframes frames, all free. */
static void *lru_create(const struct policy_env *env)
{
	struct lru *l = xmalloc(sizeof *l);
	policy_links_init(&l->links, env->nframes);
	policy_ring_init(&l->ring);
	return l;
}

/* Frees the instance and everything it owns. */
static void lru_destroy(void *state)
{
	struct lru *l = state;
	policy_links_fini(&l->links);
	free(l);
}

/* The new page is the most recently used. */
static void lru_insert(void *state, pfn_t frame, uint64_t next_use)
{
	struct lru *l = state;
	(void)next_use;
	policy_ring_push_front(&l->links, &l->ring, frame);
}

/* The resident frame becomes the most recently used. */
static void lru_touch(void *state, pfn_t frame, uint64_t next_use)
{
	struct lru *l = state;
	(void)next_use;
	policy_links_require(&l->links, frame);
	policy_ring_move_front(&l->links, &l->ring, frame);
}

/* Takes the resident frame off the ring. */
static void lru_remove(void *state, pfn_t frame)
{
	struct lru *l = state;
	policy_ring_remove(&l->links, &l->ring, frame);
}

/* The least recently used resident frame; false when none is resident. */
static bool lru_victim(void *state, pfn_t *frame)
{
	struct lru *l = state;
	if (l->ring.count == 0)
		return false;
	*frame = policy_ring_tail(&l->links, &l->ring);
	return true;
}

const struct policy_ops policy_lru_ops = {
	.name = "lru",
	.wants_touch = true,
	.create = lru_create,
	.destroy = lru_destroy,
	.insert = lru_insert,
	.touch = lru_touch,
	.remove = lru_remove,
	.victim = lru_victim,
};
