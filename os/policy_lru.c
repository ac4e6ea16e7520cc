/* Exact LRU: the resident frames on a circle ordered by last reference; insert
 * and touch move a frame to the head, the tail is the victim. O(1) each. */
#include "os/policy.h"

/* The new page is the most recently used. */
static void lru_insert(void *state, pfn_t frame, uint64_t next_use)
{
	struct policy_circle *l = state;
	(void)next_use;
	policy_ring_push_front(&l->links, &l->ring, frame);
}

/* The resident frame becomes the most recently used. */
static void lru_touch(void *state, pfn_t frame, uint64_t next_use)
{
	struct policy_circle *l = state;
	(void)next_use;
	policy_links_require(&l->links, frame);
	policy_ring_move_front(&l->links, &l->ring, frame);
}

/* The least recently used resident frame; false when none is resident. */
static bool lru_victim(void *state, pfn_t *frame)
{
	struct policy_circle *l = state;
	if (l->ring.count == 0)
		return false;
	*frame = policy_ring_tail(&l->links, &l->ring);
	return true;
}

const struct policy_ops policy_lru_ops = {
	.name = "lru",
	.wants_touch = true,
	.create = policy_circle_create,
	.destroy = policy_circle_destroy,
	.insert = lru_insert,
	.touch = lru_touch,
	.remove = policy_circle_remove,
	.victim = lru_victim,
};
