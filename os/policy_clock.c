/* CLOCK (second chance): the resident frames on a ring in order of insertion;
 * the ring's head is the hand. The exact rule is in os/policy.h. */
#include "os/policy.h"

#include <stdlib.h>

struct clock {
	struct policy_env env;
	struct policy_links links;
	struct policy_ring ring; /* head = the hand */
};

/* A clock over env->nframes frames, all free. */
static void *clock_create(const struct policy_env *env)
{
	struct clock *c = xmalloc(sizeof *c);
	c->env = *env;
	policy_links_init(&c->links, env->nframes);
	policy_ring_init(&c->ring);
	return c;
}

/* Frees the instance and everything it owns. */
static void clock_destroy(void *state)
{
	struct clock *c = state;
	policy_links_fini(&c->links);
	free(c);
}

/* The new frame goes just before the hand: the last one the hand reaches. */
static void clock_insert(void *state, pfn_t frame, uint64_t next_use)
{
	struct clock *c = state;
	(void)next_use;
	policy_ring_push_back(&c->links, &c->ring, frame);
}

/* A reference changes nothing here (the hardware sets A); the frame must be
 * resident. */
static void clock_touch(void *state, pfn_t frame, uint64_t next_use)
{
	struct clock *c = state;
	(void)next_use;
	policy_links_require(&c->links, frame);
}

/* Removing the frame under the hand moves the hand to the next frame. */
static void clock_remove(void *state, pfn_t frame)
{
	struct clock *c = state;
	policy_ring_remove(&c->links, &c->ring, frame);
}

/* Sweeps the hand past frames whose A bit was set (clearing it) and stops at
 * the first one whose bit was clear. After one full turn every bit is clear,
 * so a callback that keeps answering true is a broken invariant (panic).
 * Returns false when nothing is resident. */
static bool clock_victim(void *state, pfn_t *frame)
{
	struct clock *c = state;
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
	.create = clock_create,
	.destroy = clock_destroy,
	.insert = clock_insert,
	.touch = clock_touch,
	.remove = clock_remove,
	.victim = clock_victim,
};
