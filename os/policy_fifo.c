/* FIFO replacement: the resident frames on a ring in order of insertion; the
 * head has been resident longest and is the victim. References are ignored. */
#include "os/policy.h"

#include <stdlib.h>

struct fifo {
	struct policy_links links;
	struct policy_ring ring; /* head = oldest */
};

/* A FIFO over env->nframes frames, all free. */
static void *fifo_create(const struct policy_env *env)
{
	struct fifo *q = xmalloc(sizeof *q);
	policy_links_init(&q->links, env->nframes);
	policy_ring_init(&q->ring);
	return q;
}

/* Frees the instance and everything it owns. */
static void fifo_destroy(void *state)
{
	struct fifo *q = state;
	policy_links_fini(&q->links);
	free(q);
}

/* The new page is the youngest: it goes last. */
static void fifo_insert(void *state, pfn_t frame, uint64_t next_use)
{
	struct fifo *q = state;
	(void)next_use;
	policy_ring_push_back(&q->links, &q->ring, frame);
}

/* A reference changes nothing; the frame must be resident. */
static void fifo_touch(void *state, pfn_t frame, uint64_t next_use)
{
	struct fifo *q = state;
	(void)next_use;
	policy_links_require(&q->links, frame);
}

/* Takes the resident frame off the ring. */
static void fifo_remove(void *state, pfn_t frame)
{
	struct fifo *q = state;
	policy_ring_remove(&q->links, &q->ring, frame);
}

/* The oldest resident frame; false when none is resident. */
static bool fifo_victim(void *state, pfn_t *frame)
{
	struct fifo *q = state;
	if (q->ring.count == 0)
		return false;
	*frame = q->ring.head;
	return true;
}

const struct policy_ops policy_fifo_ops = {
	.name = "fifo",
	.create = fifo_create,
	.destroy = fifo_destroy,
	.insert = fifo_insert,
	.touch = fifo_touch,
	.remove = fifo_remove,
	.victim = fifo_victim,
};
