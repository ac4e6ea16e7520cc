/* OSTEP's CLOCK (paging-policy.py): no hand, but random probes of the
 * resident frames (drawn as random draws them) until one whose reference is
 * used up; the exact rule is in os/policy.h. */
#include "os/policy.h"

/* Probes random frames, each test_and_clear_accessed taking a reference
 * off, until one had none left; false when nothing is resident. */
static bool rclock_victim(void *state, pfn_t *frame)
{
	struct policy_drawn *d = state;
	const struct policy_env *e = &d->env;
	if (d->order.count == 0)
		return false;
	for (;;) {
		pfn_t f = policy_drawn_pick(d);
		if (!e->test_and_clear_accessed(e->ctx, f)) {
			*frame = f;
			return true;
		}
	}
}

const struct policy_ops policy_rclock_ops = {
	.name = "rclock",
	.create = policy_drawn_create,
	.destroy = policy_drawn_destroy,
	.insert = policy_drawn_insert,
	.touch = policy_drawn_touch,
	.remove = policy_drawn_remove,
	.victim = rclock_victim,
};
