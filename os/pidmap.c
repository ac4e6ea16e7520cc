/* The pid index: Fibonacci hashing of the pid, linear probing, doubling. */
#include "os/pidmap.h"
#include "os/kernel.h"

#include <stdbool.h>
#include <stdlib.h>

void pidmap_init(struct pidmap *m) { *m = (struct pidmap){0}; }

void pidmap_fini(struct pidmap *m)
{
	free(m->slot);
	pidmap_init(m);
}

static uint64_t home(const struct pidmap *m, int pid)
{
	return ((uint64_t)(uint32_t)pid * 0x9e3779b97f4a7c15ull) >> (64 - log2_u64(m->cap));
}

/* The slot holding pid, or the empty one where it would go. */
static uint64_t find(const struct pidmap *m, int pid)
{
	uint64_t i = home(m, pid);
	while (m->slot[i].proc && m->slot[i].pid != pid)
		i = (i + 1) & (m->cap - 1);
	return i;
}

struct proc *pidmap_get(const struct pidmap *m, int pid)
{
	return m->cap ? m->slot[find(m, pid)].proc : NULL;
}

void pidmap_prefetch(const struct pidmap *m, int pid)
{
	if (m->cap)
		__builtin_prefetch(&m->slot[home(m, pid)]);
}

static void grow(struct pidmap *m)
{
	struct pidmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 16;
	m->slot = xcalloc(m->cap, sizeof *m->slot);
	m->len = 0;
	for (uint64_t i = 0; i < old.cap; i++)
		if (old.slot[i].proc)
			pidmap_put(m, old.slot[i].proc);
	free(old.slot);
}

void pidmap_put(struct pidmap *m, struct proc *p)
{
	if (2 * (m->len + 1) > m->cap)
		grow(m);
	uint64_t i = find(m, p->pid);
	m->len += m->slot[i].proc == NULL;
	m->slot[i] = (struct pidmap_slot){p->pid, p};
}

/* Whether home h lies cyclically in (gap, i]: an entry there may not move
 * back to gap. */
static bool between(uint64_t gap, uint64_t h, uint64_t i)
{
	return gap <= i ? gap < h && h <= i : gap < h || h <= i;
}

void pidmap_remove(struct pidmap *m, const struct proc *p)
{
	if (!m->cap)
		return;
	uint64_t gap = find(m, p->pid), mask = m->cap - 1;
	if (m->slot[gap].proc != p)
		return;
	m->slot[gap].proc = NULL;
	m->len--;
	for (uint64_t i = (gap + 1) & mask; m->slot[i].proc; i = (i + 1) & mask) {
		if (between(gap, home(m, m->slot[i].pid), i))
			continue;
		m->slot[gap] = m->slot[i];
		m->slot[i].proc = NULL;
		gap = i;
	}
}
