/* Two-list replacement after Linux's active/inactive LRU lists: new pages are
 * inactive; a referenced inactive page is promoted when the scan reaches it;
 * the active list is kept no longer than the inactive one by demoting its
 * tail. Both lists are rings on one set of links. The exact rule is in
 * os/policy.h. */
#include "os/policy.h"

#include <stdlib.h>

struct twolist {
	struct policy_env env;
	struct policy_links links;
	struct policy_ring active, inactive; /* head = newest arrival on that list */
	uint8_t *is_active;                  /* per frame: on the active ring */
	bool own_flags;                      /* is_active is this instance's */
};

/* A two-list policy over env->nframes frames, all free. */
static void *twolist_create(const struct policy_env *env)
{
	struct twolist *t = xmalloc(sizeof *t);
	t->env = *env;
	policy_links_init(&t->links, env);
	policy_ring_init(&t->active);
	policy_ring_init(&t->inactive);
	t->is_active = policy_shared_flags(env, &t->own_flags);
	return t;
}

/* Frees the instance and everything it owns. */
static void twolist_destroy(void *state)
{
	struct twolist *t = state;
	policy_links_fini(&t->links);
	if (t->own_flags)
		free(t->is_active);
	free(t);
}

/* A new page starts at the inactive head. */
static void twolist_insert(void *state, pfn_t frame, uint64_t next_use)
{
	struct twolist *t = state;
	(void)next_use;
	policy_ring_push_front(&t->links, &t->inactive, frame);
	t->is_active[frame] = 0;
}

/* A reference changes nothing here; the frame must be resident. */
static void twolist_touch(void *state, pfn_t frame, uint64_t next_use)
{
	struct twolist *t = state;
	(void)next_use;
	policy_links_require(&t->links, frame);
}

/* Takes the resident frame off whichever list holds it. */
static void twolist_remove(void *state, pfn_t frame)
{
	struct twolist *t = state;
	policy_links_require(&t->links, frame);
	policy_ring_remove(&t->links, t->is_active[frame] ? &t->active : &t->inactive, frame);
	t->is_active[frame] = 0;
}

/* Moves frame f from one list's ring to the head of the other's. */
static void move_to_head(struct twolist *t, pfn_t f, bool to_active)
{
	struct policy_ring *from = to_active ? &t->inactive : &t->active;
	struct policy_ring *to = to_active ? &t->active : &t->inactive;
	policy_ring_remove(&t->links, from, f);
	policy_ring_push_front(&t->links, to, f);
	t->is_active[f] = to_active;
}

/* Demotes active tails, clearing their A bits, until the active list is no
 * longer than the inactive one. */
static void balance(struct twolist *t)
{
	const struct policy_env *e = &t->env;
	while (t->active.count > t->inactive.count) {
		pfn_t f = policy_ring_tail(&t->links, &t->active);
		move_to_head(t, f, false);
		e->test_and_clear_accessed(e->ctx, f);
	}
}

/* Balances, then promotes referenced inactive tails until it meets one whose A
 * bit was clear: the victim. Each promotion clears one A bit, so more than
 * count + 1 rounds means the callback is broken (panic). Returns false when
 * nothing is resident. */
static bool twolist_victim(void *state, pfn_t *frame)
{
	struct twolist *t = state;
	const struct policy_env *e = &t->env;
	uint64_t resident = t->active.count + t->inactive.count;
	for (uint64_t round = 0; round <= resident; round++) {
		balance(t);
		if (t->inactive.count == 0)
			return false;
		pfn_t f = policy_ring_tail(&t->links, &t->inactive);
		if (!e->test_and_clear_accessed(e->ctx, f)) {
			*frame = f;
			return true;
		}
		move_to_head(t, f, true);
	}
	panic("test_and_clear_accessed never cleared the A bit");
}

const struct policy_ops policy_twolist_ops = {
	.name = "twolist",
	.create = twolist_create,
	.destroy = twolist_destroy,
	.insert = twolist_insert,
	.touch = twolist_touch,
	.remove = twolist_remove,
	.victim = twolist_victim,
};
