/* FIFO replacement: the resident frames on a circle in order of insertion;
 * the head has been resident longest and is the victim. References are ignored. */
#include "os/policy.h"

/* The oldest resident frame; false when none is resident. */
static bool fifo_victim(void *state, pfn_t *frame)
{
	struct policy_circle *q = state;
	if (q->ring.count == 0)
		return false;
	*frame = q->ring.head;
	return true;
}

const struct policy_ops policy_fifo_ops = {
	.name = "fifo",
	.create = policy_circle_create,
	.destroy = policy_circle_destroy,
	.insert = policy_circle_insert,
	.touch = policy_circle_touch,
	.remove = policy_circle_remove,
	.victim = fifo_victim,
};
