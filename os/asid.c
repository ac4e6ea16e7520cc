/* ASIDs: 1 .. 65,535 handed out in order, then a new generation (see
 * kernel_switch in os/kernel.h): the TLBs' per-ASID counts are banked in each
 * process, every TLB is flushed and every process loses its ASID. */
#include "os/kernel_int.h"

/* Moves the TLBs' counts of p's current ASID into p, which loses it. */
static void bank(struct kernel *k, struct proc *p)
{
	uint64_t hits, misses;
	if (!p->as.asid)
		return;
	mmu_asid_totals(k->mmu, p->as.asid, &hits, &misses);
	p->tlb_hits += hits;
	p->tlb_misses += misses;
	p->as.asid = 0;
}

/* Every ASID has been handed out: a new generation. The current process
 * (which may run on without a switch) gets the first ASID of it at once. */
static void rollover(struct kernel *k)
{
	for (struct proc *p = k->alive; p; p = p->next_alive)
		bank(k, p);
	for (struct proc *p = k->dead; p; p = p->next_alive)
		bank(k, p);
	if (k->current)
		bank(k, k->current); /* an exec image not yet in the table */
	mmu_asid_counters_clear(k->mmu);
	mmu_flush_all(k->mmu);
	k->next_asid = 1;
	if (k->current) {
		k->current->as.asid = k->next_asid++;
		mmu_set_context(k->mmu, k->current->as.pt.root, k->current->as.asid);
	}
}

asid_t asid_new(struct kernel *k)
{
	if (k->next_asid == 0)
		rollover(k);
	return k->next_asid++;
}
