/* The registry of replacement policies, and the frame rings several of them
 * are built on: circular doubly-linked lists threaded through per-frame arrays,
 * so every list operation is O(1) and memory is two words per frame. */
#include "os/policy.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const struct policy_ops *const all_policies[] = {
	&policy_fifo_ops, &policy_lru_ops, &policy_clock_ops, &policy_eclock_ops,
	&policy_random_ops, &policy_opt_ops, &policy_twolist_ops,
};

const char *const policy_names[] = {
	"fifo", "lru", "clock", "eclock", "random", "opt", "twolist", NULL,
};

const struct policy_ops *policy_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(all_policies); i++)
		if (strcmp(all_policies[i]->name, name) == 0)
			return all_policies[i];
	return NULL;
}

void policy_check_frame(const struct policy_env *env, pfn_t f, const char *who)
{
	if (f >= env->nframes)
		panic_at(who, "frame %" PRIu64 " out of range (%" PRIu64 " frames)", f, env->nframes);
}

void policy_links_init(struct policy_links *l, uint64_t nframes)
{
	l->nframes = nframes;
	l->next = xmalloc(nframes * sizeof *l->next);
	l->prev = xmalloc(nframes * sizeof *l->prev);
	for (uint64_t f = 0; f < nframes; f++)
		l->next[f] = l->prev[f] = POLICY_NONE;
}

void policy_links_fini(struct policy_links *l)
{
	free(l->next);
	free(l->prev);
	l->next = l->prev = NULL;
}

void policy_not_resident(pfn_t f)
{
	panic("frame %" PRIu64 " is not resident", f);
}

/* Links f, on no ring, in just before the head (as the tail) of r. */
static void link_before_head(struct policy_links *l, struct policy_ring *r, pfn_t f)
{
	if (f >= l->nframes || l->next[f] != POLICY_NONE)
		panic("frame %" PRIu64 " is out of range or already resident", f);
	if (r->count == 0) {
		l->next[f] = l->prev[f] = f;
		r->head = f;
	} else {
		pfn_t h = r->head, t = l->prev[h];
		l->next[f] = h;
		l->prev[f] = t;
		l->next[t] = f;
		l->prev[h] = f;
	}
	r->count++;
}

void policy_ring_push_back(struct policy_links *l, struct policy_ring *r, pfn_t f)
{
	link_before_head(l, r, f);
}

void policy_ring_push_front(struct policy_links *l, struct policy_ring *r, pfn_t f)
{
	link_before_head(l, r, f);
	r->head = f;
}

void policy_ring_remove(struct policy_links *l, struct policy_ring *r, pfn_t f)
{
	policy_links_require(l, f);
	if (r->count == 0)
		panic("frame %" PRIu64 " is on another ring", f);
	if (--r->count == 0) {
		r->head = POLICY_NONE;
	} else {
		pfn_t n = l->next[f], p = l->prev[f];
		l->next[p] = n;
		l->prev[n] = p;
		if (r->head == f)
			r->head = n;
	}
	l->next[f] = l->prev[f] = POLICY_NONE;
}

void *policy_circle_create(const struct policy_env *env)
{
	struct policy_circle *c = xmalloc(sizeof *c);
	c->env = *env;
	policy_links_init(&c->links, env->nframes);
	policy_ring_init(&c->ring);
	return c;
}

void policy_circle_destroy(void *state)
{
	struct policy_circle *c = state;
	policy_links_fini(&c->links);
	free(c);
}

void policy_circle_insert(void *state, pfn_t frame, uint64_t next_use)
{
	struct policy_circle *c = state;
	(void)next_use;
	policy_ring_push_back(&c->links, &c->ring, frame);
}

void policy_circle_touch(void *state, pfn_t frame, uint64_t next_use)
{
	struct policy_circle *c = state;
	(void)next_use;
	policy_links_require(&c->links, frame);
}

void policy_circle_remove(void *state, pfn_t frame)
{
	struct policy_circle *c = state;
	policy_ring_remove(&c->links, &c->ring, frame);
}
