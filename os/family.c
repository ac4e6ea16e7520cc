/* The alive list (every process not dead, in table order), the dead list
 * (those kernel_collect frees) and the family (each process's children not
 * dead, in table order): linked through the processes, so that exit, wait4,
 * exec and the scheduler walk what is there instead of every process that
 * ever was. */
#include "os/kernel_int.h"

void family_add(struct kernel *k, struct proc *p)
{
	p->prev_alive = k->alive_tail;
	p->next_alive = NULL;
	*(k->alive_tail ? &k->alive_tail->next_alive : &k->alive) = p;
	k->alive_tail = p;
	k->nalive++;
	struct proc *parent = p->parent;
	if (!parent)
		return;
	p->prev_sibling = parent->last_child;
	p->next_sibling = NULL;
	*(parent->last_child ? &parent->last_child->next_sibling : &parent->first_child) = p;
	parent->last_child = p;
}

void family_orphan(struct proc *p)
{
	struct proc *parent = p->parent;
	if (!parent)
		return;
	*(p->prev_sibling ? &p->prev_sibling->next_sibling : &parent->first_child) = p->next_sibling;
	*(p->next_sibling ? &p->next_sibling->prev_sibling : &parent->last_child) = p->prev_sibling;
	p->prev_sibling = p->next_sibling = NULL;
	p->parent = NULL;
}

void family_dead(struct kernel *k, struct proc *p)
{
	p->state = PROC_DEAD;
	family_orphan(p);
	if (!p->in_table)
		return; /* an image exec was building: never listed */
	*(p->prev_alive ? &p->prev_alive->next_alive : &k->alive) = p->next_alive;
	*(p->next_alive ? &p->next_alive->prev_alive : &k->alive_tail) = p->prev_alive;
	k->nalive--;
	p->prev_alive = NULL;
	p->next_alive = k->dead;
	k->dead = p;
}

void family_replace(struct kernel *k, struct proc *old, struct proc *p)
{
	p->prev_alive = old->prev_alive;
	p->next_alive = old->next_alive;
	*(p->prev_alive ? &p->prev_alive->next_alive : &k->alive) = p;
	*(p->next_alive ? &p->next_alive->prev_alive : &k->alive_tail) = p;
	if (p->parent) {
		p->prev_sibling = old->prev_sibling;
		p->next_sibling = old->next_sibling;
		*(p->prev_sibling ? &p->prev_sibling->next_sibling : &p->parent->first_child) = p;
		*(p->next_sibling ? &p->next_sibling->prev_sibling : &p->parent->last_child) = p;
	}
	p->first_child = old->first_child;
	p->last_child = old->last_child;
	for (struct proc *c = p->first_child; c; c = c->next_sibling)
		c->parent = p;
}

/* Panics unless p's children are those whose parent it is, linked both ways
 * in table order; returns how many there are. */
static size_t check_children(const struct proc *p)
{
	size_t n = 0;
	const struct proc *older = NULL;
	for (const struct proc *c = p->first_child; c; older = c, c = c->next_sibling, n++)
		if (c->parent != p || c->state == PROC_DEAD || c->prev_sibling != older || (older && older->slot >= c->slot))
			panic("pid %d is out of place among the children of pid %d", c->pid, p->pid);
	if (p->last_child != older)
		panic("pid %d: its last child is not at the end of its children", p->pid);
	return n;
}

/* Whether p is the process the table holds under its pid. */
static bool in_table(const struct kernel *k, const struct proc *p)
{
	return p->in_table && p->slot < k->nprocs && pidmap_get(&k->pids, p->pid) == p;
}

void family_check(const struct kernel *k)
{
	uint64_t alive = 0, dead = 0, with_parent = 0, children = 0;
	const struct proc *prev = NULL;
	for (const struct proc *p = k->alive; p; prev = p, p = p->next_alive) {
		if (!in_table(k, p) || p->state == PROC_DEAD || p->prev_alive != prev || (prev && prev->slot >= p->slot))
			panic("pid %d is out of place in the alive list", p->pid);
		alive++;
		children += check_children(p);
		with_parent += p->parent != NULL;
	}
	if (k->alive_tail != prev)
		panic("the alive list does not end at its tail");
	for (const struct proc *p = k->dead; p; p = p->next_alive, dead++)
		if (!in_table(k, p) || p->state != PROC_DEAD || p->parent || p->first_child)
			panic("pid %d is out of place in the dead list", p->pid);
	if (alive != k->nalive || alive + dead != k->pids.len || with_parent != children)
		panic("the alive list, the dead list or the children lists miss processes");
}
