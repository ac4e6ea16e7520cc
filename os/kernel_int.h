/* The kernel's internal interface between its own files (kernel.c: faults,
 * eviction, processes; vm.c: fork, copy-on-write, unmapping, user copies;
 * asid.c: ASIDs; family.c: the alive and dead lists and children; record.c:
 * what the summary keeps of freed processes).
 * Nothing outside os/ includes it. */
#ifndef OS_KERNEL_INT_H
#define OS_KERNEL_INT_H

#include "os/kernel.h"

enum frame_get { GOT_FRAME, NO_MEMORY, IO_ERROR };

#define KERNEL_POLL_STEPS 256 /* steps of a long walk between two polls of kernel_should_stop */

/* A walk over an address space's pages (leaves, swap-map slots) that polls
 * the run's limits every KERNEL_POLL_STEPS steps. */
struct kernel_walk {
	uint64_t steps;
	bool stopped;   /* the run must stop: the walk ended early */
};

/* Counts a step of w; false when the walk must end before it. */
static inline bool kernel_walk_on(struct kernel *k, struct kernel_walk *w)
{
	if (++w->steps % KERNEL_POLL_STEPS == 0 && kernel_should_stop(k))
		w->stopped = true;
	return !w->stopped;
}

/* The policy instance p's new pages go to (its own in local scope). */
struct policy *kernel_policy_of(struct kernel *k, struct proc *p);
/* A page became resident in frame pfn: the policy instance pol holds it. */
void kernel_hold_frame(struct kernel *k, pfn_t pfn, struct policy *pol, uint64_t next_use);
/* A page of p became resident in frame pfn for a reference (a fault): the
 * reference is stamped and p's policy holds the frame. */
void kernel_page_arrived(struct kernel *k, struct proc *p, pfn_t pfn, uint64_t next_use);
/* The page left frame pfn: its policy instance lets go. */
void kernel_release_frame(struct kernel *k, pfn_t pfn);
/* workset.c: a resident user frame to evict for p's fault; false when none
 * is resident. It comes from the global policy, or in local scope from p's
 * own unless p holds fewer frames than one instruction can need
 * (k->min.user_frames; then from the biggest other holder's); a page p's
 * instruction in progress has pinned goes only when nothing else can. */
WARN_UNUSED bool workset_victim(struct kernel *k, struct proc *p, pfn_t *victim);

/* A free user frame for p, evicting a victim when none is free. */
enum frame_get kernel_get_frame(struct kernel *k, struct proc *p, pfn_t *pfn, struct fault_outcome *out);
/* Like kernel_get_frame, but when memory and swap are full it kills the
 * biggest process and tries again: FAULT_RESOLVED with *pfn, FAULT_KILLED
 * when p itself died, FAULT_HOST_ERROR. */
enum fault_result kernel_frame_for(struct kernel *k, struct proc *p, pfn_t *pfn, struct fault_outcome *out);
/* Whether a fault at va just below p's stack would grow it. */
bool kernel_stack_may_grow(struct kernel *k, struct proc *p, vaddr_t va);
/* Forgets as's mapping of the user page in leaf (not the PTE: the caller
 * clears it or frees the table); the frame is freed with its last mapping. */
void kernel_drop_page(struct kernel *k, struct aspace *as, const struct pt_leaf *leaf);

/* asid.c: the next ASID (a new generation first when none is left; see
 * kernel_switch). */
asid_t asid_new(struct kernel *k);

/* family.c: the alive list and each process's children. family_add links p,
 * just entered in the table, at the end of the alive list and of its
 * parent's children; family_orphan takes p out of its parent's children (it
 * has no parent any more); family_dead makes p dead: off the alive list (when
 * it is in the table) and its parent's children; family_replace puts p (exec's
 * new image, with old's parent) in old's place in both and gives it old's
 * children; family_check panics unless the lists are what they should be. */
void family_add(struct kernel *k, struct proc *p);
void family_orphan(struct proc *p);
void family_dead(struct kernel *k, struct proc *p);
void family_replace(struct kernel *k, struct proc *old, struct proc *p);
void family_check(const struct kernel *k);

/* record.c: keeps the record of p, about to be freed (listed, or added to
 * the sum of the unlisted). */
void record_keep(struct kernel *k, const struct proc *p);

/* vm.c: a write to a present read-only page of a writable region. */
enum fault_result vm_cow(struct kernel *k, struct proc *p, vaddr_t va, uint64_t next_use,
			 struct fault_outcome *out);

#endif
