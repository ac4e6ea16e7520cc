/* Belady's OPT: the resident frames in a binary max-heap ordered by the next
 * use of their page (later first; on a tie, the lower frame first), with each
 * frame's heap index, so the victim is the root and every update is O(log n). */
#include "os/policy.h"

#include <inttypes.h>
#include <stdlib.h>

struct opt {
	struct policy_env env;
	pfn_t *heap;       /* count frames; heap[0] is the victim */
	uint64_t *pos;     /* per frame: its index in heap, or POLICY_NONE */
	uint64_t *next;    /* per frame: next_use of its page */
	uint64_t count;
};

/* An empty OPT over env->nframes frames. */
static void *opt_create(const struct policy_env *env)
{
	struct opt *o = xmalloc(sizeof *o);
	o->env = *env;
	o->heap = xmalloc(env->nframes * sizeof *o->heap);
	o->pos = xmalloc(env->nframes * sizeof *o->pos);
	o->next = xmalloc(env->nframes * sizeof *o->next);
	for (uint64_t f = 0; f < env->nframes; f++)
		o->pos[f] = POLICY_NONE;
	o->count = 0;
	return o;
}

/* Frees the instance and everything it owns. */
static void opt_destroy(void *state)
{
	struct opt *o = state;
	free(o->heap);
	free(o->pos);
	free(o->next);
	free(o);
}

/* Whether frame a is a better victim than frame b. */
static bool before(const struct opt *o, pfn_t a, pfn_t b)
{
	return o->next[a] > o->next[b] || (o->next[a] == o->next[b] && a < b);
}

/* Puts frame f at heap index i. */
static void place(struct opt *o, uint64_t i, pfn_t f)
{
	o->heap[i] = f;
	o->pos[f] = i;
}

/* Moves the frame at heap index i up or down until the heap order holds. */
static void sift(struct opt *o, uint64_t i)
{
	pfn_t f = o->heap[i];
	while (i > 0 && before(o, f, o->heap[(i - 1) / 2])) {
		place(o, i, o->heap[(i - 1) / 2]);
		i = (i - 1) / 2;
	}
	for (;;) {
		uint64_t c = 2 * i + 1;
		if (c >= o->count)
			break;
		if (c + 1 < o->count && before(o, o->heap[c + 1], o->heap[c]))
			c++;
		if (!before(o, o->heap[c], f))
			break;
		place(o, i, o->heap[c]);
		i = c;
	}
	place(o, i, f);
}

/* Panics unless frame is resident. */
static void require_resident(const struct opt *o, pfn_t frame)
{
	policy_check_frame(&o->env, frame, __func__);
	if (o->pos[frame] == POLICY_NONE)
		panic("frame %" PRIu64 " is not resident", frame);
}

/* The free frame becomes resident with its page next used at next_use. */
static void opt_insert(void *state, pfn_t frame, uint64_t next_use)
{
	struct opt *o = state;
	policy_check_frame(&o->env, frame, __func__);
	if (o->pos[frame] != POLICY_NONE)
		panic("frame %" PRIu64 " is already resident", frame);
	o->next[frame] = next_use;
	place(o, o->count++, frame);
	sift(o, o->count - 1);
}

/* The frame's page will next be used at next_use. */
static void opt_touch(void *state, pfn_t frame, uint64_t next_use)
{
	struct opt *o = state;
	require_resident(o, frame);
	o->next[frame] = next_use;
	sift(o, o->pos[frame]);
}

/* Fills the frame's heap slot with the last frame. */
static void opt_remove(void *state, pfn_t frame)
{
	struct opt *o = state;
	require_resident(o, frame);
	uint64_t i = o->pos[frame];
	pfn_t last = o->heap[--o->count];
	o->pos[frame] = POLICY_NONE;
	if (last == frame)
		return;
	place(o, i, last);
	sift(o, i);
}

/* The frame whose page is used last (or never); false when none is resident. */
static bool opt_victim(void *state, pfn_t *frame)
{
	struct opt *o = state;
	if (o->count == 0)
		return false;
	*frame = o->heap[0];
	return true;
}

const struct policy_ops policy_opt_ops = {
	.name = "opt",
	.needs_future = true,
	.wants_touch = true,
	.create = opt_create,
	.destroy = opt_destroy,
	.insert = opt_insert,
	.touch = opt_touch,
	.remove = opt_remove,
	.victim = opt_victim,
};
