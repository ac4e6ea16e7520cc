/* Random replacement: the resident frames in a dense array (with each frame's
 * index) so that insert, remove and a uniform draw are all O(1). */
#include "os/policy.h"

#include "lib/rng.h"

#include <inttypes.h>
#include <stdlib.h>

struct random {
	struct policy_env env;
	struct rng rng;
	pfn_t *frames;  /* the count resident frames, in no meaningful order (room for cap) */
	uint64_t *slot; /* per frame: its index in frames, or POLICY_NONE */
	uint64_t count, cap;
	bool own_slots; /* slot is this instance's (not env->shared's) */
};

/* A random policy over env->nframes frames, all free, drawing from an rng
 * seeded with env->seed. */
static void *random_create(const struct policy_env *env)
{
	struct random *r = xmalloc(sizeof *r);
	r->env = *env;
	rng_seed(&r->rng, env->seed);
	r->frames = NULL;
	r->slot = policy_shared_pos(env, &r->own_slots);
	r->count = r->cap = 0;
	return r;
}

/* Frees the instance and everything it owns. */
static void random_destroy(void *state)
{
	struct random *r = state;
	free(r->frames);
	if (r->own_slots)
		free(r->slot);
	free(r);
}

/* Panics unless frame is resident. */
static void require_resident(const struct random *r, pfn_t frame)
{
	policy_check_frame(&r->env, frame, __func__);
	if (r->slot[frame] == POLICY_NONE)
		panic("frame %" PRIu64 " is not resident", frame);
}

/* Appends the frame to the array. */
static void random_insert(void *state, pfn_t frame, uint64_t next_use)
{
	struct random *r = state;
	(void)next_use;
	policy_check_frame(&r->env, frame, __func__);
	if (r->slot[frame] != POLICY_NONE)
		panic("frame %" PRIu64 " is already resident", frame);
	if (r->count == r->cap)
		r->frames = policy_grow(r->frames, &r->cap, r->env.nframes);
	r->slot[frame] = r->count;
	r->frames[r->count++] = frame;
}

/* A reference changes nothing; the frame must be resident. */
static void random_touch(void *state, pfn_t frame, uint64_t next_use)
{
	(void)next_use;
	require_resident(state, frame);
}

/* Moves the last element of the array into the frame's place. */
static void random_remove(void *state, pfn_t frame)
{
	struct random *r = state;
	require_resident(r, frame);
	uint64_t i = r->slot[frame];
	pfn_t last = r->frames[--r->count];
	r->frames[i] = last;
	r->slot[last] = i;
	r->slot[frame] = POLICY_NONE;
}

/* frames[rng_below(count)]; false (and no draw) when nothing is resident. */
static bool random_victim(void *state, pfn_t *frame)
{
	struct random *r = state;
	if (r->count == 0)
		return false;
	*frame = r->frames[rng_below(&r->rng, r->count)];
	return true;
}

const struct policy_ops policy_random_ops = {
	.name = "random",
	.create = random_create,
	.destroy = random_destroy,
	.insert = random_insert,
	.touch = random_touch,
	.remove = random_remove,
	.victim = random_victim,
};
