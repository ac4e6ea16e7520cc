/* The kernel's pid index: pid -> process, an open-addressing hash (linear
 * probing, at most half full) whose slots hold the pid beside the process, so
 * that probing reads only the table, never a process it passes over (with
 * thousands of processes each would be a host cache miss). A process can take
 * another's place under the same pid; a freed one is removed (backward-shift
 * deletion, so no tombstones build up). */
#ifndef OS_PIDMAP_H
#define OS_PIDMAP_H

#include <stdint.h>

struct proc;

struct pidmap_slot {
	int pid;
	struct proc *proc; /* NULL = empty */
};

struct pidmap {
	struct pidmap_slot *slot; /* cap slots */
	uint64_t cap;       /* a power of two, or 0 before the first insert */
	uint64_t len;
};

void pidmap_init(struct pidmap *m);
void pidmap_fini(struct pidmap *m);
/* The process with that pid, or NULL. */
struct proc *pidmap_get(const struct pidmap *m, int pid);
/* Asks the host to bring pid's slot into its cache (see kernel_prefetch). */
void pidmap_prefetch(const struct pidmap *m, int pid);
/* Enters p under p->pid, in place of any process already there with that pid. */
void pidmap_put(struct pidmap *m, struct proc *p);
/* Removes p (when it is the process entered under p->pid). */
void pidmap_remove(struct pidmap *m, const struct proc *p);

#endif
