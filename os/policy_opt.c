/* Belady's OPT: the resident frames in a max-heap by the next use of their
 * page (later first; on a tie, the lower frame first), so the victim is the
 * root and every update is O(log n). */
#include "os/policy.h"

#include <stdlib.h>

struct opt {
	struct policy_heap heap; /* key: next_use of the frame's page */
};

/* An empty OPT over env->nframes frames. */
static void *opt_create(const struct policy_env *env)
{
	struct opt *o = xmalloc(sizeof *o);
	policy_heap_init(&o->heap, env, true);
	return o;
}

static void opt_destroy(void *state)
{
	struct opt *o = state;
	policy_heap_fini(&o->heap);
	free(o);
}

/* The free frame becomes resident with its page next used at next_use. */
static void opt_insert(void *state, pfn_t frame, uint64_t next_use)
{
	struct opt *o = state;
	policy_heap_insert(&o->heap, frame, next_use);
}

/* The frame's page will next be used at next_use. */
static void opt_touch(void *state, pfn_t frame, uint64_t next_use)
{
	struct opt *o = state;
	policy_heap_rekey(&o->heap, frame, next_use);
}

static void opt_remove(void *state, pfn_t frame)
{
	struct opt *o = state;
	policy_heap_remove(&o->heap, frame);
}

/* The frame whose page is used last (or never); false when none is resident. */
static bool opt_victim(void *state, pfn_t *frame)
{
	struct opt *o = state;
	if (o->heap.count == 0)
		return false;
	*frame = o->heap.heap[0];
	return true;
}

const struct policy_ops policy_opt_ops = {
	.name = "opt",
	.needs_future = true,
	.create = opt_create,
	.destroy = opt_destroy,
	.insert = opt_insert,
	.touch = opt_touch,
	.remove = opt_remove,
	.victim = opt_victim,
};
