/* The alive list (every process not dead, in table order) and the family
 * (each process's children not dead, in table order): doubly linked through
 * the processes, so that exit, wait4, exec and the scheduler walk what is
 * there instead of every process that ever was. */
#include "os/kernel_int.h"

void family_add(struct kernel *k, struct proc *p)
{
	p->prev_alive = k->alive_tail;
	p->next_alive = NULL;
	*(k->alive_tail ? &k->alive_tail->next_alive : &k->alive) = p;
	k->alive_tail = p;
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
	if (p->slot >= k->nprocs || k->procs[p->slot] != p)
		return; /* an image exec was building: never listed */
	*(p->prev_alive ? &p->prev_alive->next_alive : &k->alive) = p->next_alive;
	*(p->next_alive ? &p->next_alive->prev_alive : &k->alive_tail) = p->prev_alive;
	p->prev_alive = p->next_alive = NULL;
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

void family_check(const struct kernel *k)
{
	size_t alive = 0, with_parent = 0, children = 0;
	const struct proc *prev = NULL;
	for (const struct proc *p = k->alive; p; prev = p, p = p->next_alive) {
		if (p->slot >= k->nprocs || k->procs[p->slot] != p || p->state == PROC_DEAD || p->prev_alive != prev ||
		    (prev && prev->slot >= p->slot))
			panic("pid %d is out of place in the alive list", p->pid);
		alive++;
		children += check_children(p);
	}
	if (k->alive_tail != prev)
		panic("the alive list does not end at its tail");
	for (size_t i = 0; i < k->nprocs; i++) {
		alive -= k->procs[i]->state != PROC_DEAD;
		with_parent += k->procs[i]->parent != NULL;
	}
	if (alive != 0 || with_parent != children)
		panic("the alive list or the children lists miss processes");
}
