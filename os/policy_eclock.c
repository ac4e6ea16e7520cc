/* Enhanced CLOCK: second chance over the classes (A, D), preferring a page
 * neither referenced nor dirty, then one unreferenced but dirty. Same circle and
 * hand as clock; the exact rule is in os/policy.h. */
#include "os/policy.h"

/* One turn from the hand without changing any bit: moves the hand to the first
 * frame of class (0, 0) and returns true, or returns false with the hand back
 * where it started. */
static bool sweep_clean(struct policy_circle *c)
{
	const struct policy_env *e = &c->env;
	pfn_t f = c->ring.head;
	for (uint64_t i = 0; i < c->ring.count; i++, f = c->links.next[f]) {
		if (!e->is_accessed(e->ctx, f) && !e->is_dirty(e->ctx, f)) {
			c->ring.head = f;
			return true;
		}
	}
	return false;
}

/* One turn from the hand clearing A bits: stops the hand at the first frame
 * whose A was clear and returns true, or returns false after a full turn. */
static bool sweep_clearing(struct policy_circle *c)
{
	const struct policy_env *e = &c->env;
	for (uint64_t i = 0; i < c->ring.count; i++) {
		if (!e->test_and_clear_accessed(e->ctx, c->ring.head))
			return true;
		c->ring.head = c->links.next[c->ring.head];
	}
	return false;
}

/* Up to two rounds of (sweep_clean, sweep_clearing); the victim is the frame
 * under the hand. The first round's clearing sweep leaves every A clear, so
 * the second round must choose (or the callbacks are broken: panic). Returns
 * false when nothing is resident. */
static bool eclock_victim(void *state, pfn_t *frame)
{
	struct policy_circle *c = state;
	if (c->ring.count == 0)
		return false;
	for (int round = 0; round < 2; round++) {
		if (sweep_clean(c) || sweep_clearing(c)) {
			*frame = c->ring.head;
			return true;
		}
	}
	panic("test_and_clear_accessed never cleared the A bit");
}

const struct policy_ops policy_eclock_ops = {
	.name = "eclock",
	.create = policy_circle_create,
	.destroy = policy_circle_destroy,
	.insert = policy_circle_insert,
	.touch = policy_circle_touch,
	.remove = policy_circle_remove,
	.victim = eclock_victim,
};
