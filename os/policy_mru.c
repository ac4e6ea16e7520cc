/* MRU: evicts the most recently used resident page. The frames sit in a
 * max-heap keyed by the time of their last reference, which the driver
 * reports with every touch (needs_touch); a stamp the policy is not told of
 * could not lift a frame to the root. */
#include "os/policy.h"

#include <stdlib.h>

struct mru {
	struct policy_heap heap; /* key: the time of the frame's last reference */
	uint64_t time;           /* references seen */
};

static void *mru_create(const struct policy_env *env)
{
	struct mru *m = xmalloc(sizeof *m);
	policy_heap_init(&m->heap, env, true);
	m->time = 0;
	return m;
}

static void mru_destroy(void *state)
{
	struct mru *m = state;
	policy_heap_fini(&m->heap);
	free(m);
}

/* The new page's reference is the latest. */
static void mru_insert(void *state, pfn_t frame, uint64_t next_use)
{
	struct mru *m = state;
	(void)next_use;
	policy_heap_insert(&m->heap, frame, ++m->time);
}

static void mru_touch(void *state, pfn_t frame, uint64_t next_use)
{
	struct mru *m = state;
	(void)next_use;
	policy_heap_rekey(&m->heap, frame, ++m->time);
}

static void mru_remove(void *state, pfn_t frame)
{
	struct mru *m = state;
	policy_heap_remove(&m->heap, frame);
}

/* The frame referenced last; false when none is resident. */
static bool mru_victim(void *state, pfn_t *frame)
{
	struct mru *m = state;
	return policy_future_victim(&m->heap, frame);
}

const struct policy_ops policy_mru_ops = {
	.name = "mru",
	.needs_touch = true,
	.create = mru_create,
	.destroy = mru_destroy,
	.insert = mru_insert,
	.touch = mru_touch,
	.remove = mru_remove,
	.victim = mru_victim,
};
