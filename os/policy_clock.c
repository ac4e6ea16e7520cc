/* CLOCK (second chance): the resident frames on a circle in order of insertion;
 * the circle's head is the hand. The exact rule is in os/policy.h. */
#include "os/policy.h"

/* Sweeps the hand past frames whose A bit was set (clearing it) and stops at
 * the first one whose bit was clear. After one full turn every bit is clear,
 * so a callback that keeps answering true is a broken invariant (panic).
 * Returns false when nothing is resident. */
static bool clock_victim(void *state, pfn_t *frame)
{
	struct policy_circle *c = state;
	const struct policy_env *e = &c->env;
	if (c->ring.count == 0)
		return false;
	for (uint64_t step = 0; step <= c->ring.count; step++) {
		pfn_t f = c->ring.head;
		if (!e->test_and_clear_accessed(e->ctx, f)) {
			*frame = f;
			return true;
		}
		c->ring.head = c->links.next[f];
	}
	panic("test_and_clear_accessed never cleared the A bit");
}

const struct policy_ops policy_clock_ops = {
	.name = "clock",
	.create = policy_circle_create,
	.destroy = policy_circle_destroy,
	.insert = policy_circle_insert,
	.touch = policy_circle_touch,
	.remove = policy_circle_remove,
	.victim = clock_victim,
};
