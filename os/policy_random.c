/* Random replacement: the resident frames in order of insertion (a
 * policy_order), the victim the k-th of them for a uniform k, so that a
 * driver giving the draws (OSTEP's RAND) gets the page its list would pop. */
#include "os/policy.h"

/* A random resident frame; false (and no draw) when none is resident. */
static bool random_victim(void *state, pfn_t *frame)
{
	struct policy_drawn *d = state;
	if (d->order.count == 0)
		return false;
	*frame = policy_drawn_pick(d);
	return true;
}

const struct policy_ops policy_random_ops = {
	.name = "random",
	.create = policy_drawn_create,
	.destroy = policy_drawn_destroy,
	.insert = policy_drawn_insert,
	.touch = policy_drawn_touch,
	.remove = policy_drawn_remove,
	.victim = random_victim,
};
