/* What the summary keeps of processes: the records of the first
 * KERNEL_LISTED_PROCS processes one by one, and one sum of the others, so that
 * the host memory a run holds is bounded by the processes that exist, not by
 * every process that ever did. */
#include "os/cmem.h"
#include "os/kernel_int.h"

#include <string.h>

void kernel_record_of(const struct kernel *k, const struct proc *p, struct proc_record *r)
{
	*r = (struct proc_record){
		.pid = p->pid,
		.state = p->state,
		.wait_status = p->wait_status,
		.killed = p->death[0] != '\0',
		.insns = kernel_proc_insns(p),
		.faults = p->minor_faults + p->major_faults,
		.cow_copies = p->cow_copies,
		.resident = p->as.resident,
		.swapped = kernel_swapped_pages(p),
	};
	memcpy(r->name, p->name, sizeof r->name);
	kernel_tlb_counts(k, p, &r->tlb_hits, &r->tlb_misses);
	if (k->cm) { /* pages of its blocks */
		r->resident = cmem_resident_bytes(k, p) >> k->fmt.page_shift;
		r->swapped = cmem_swapped_bytes(k, p) >> k->fmt.page_shift;
		r->waited_ns = p->waited_ns;
	}
}

void kernel_listed_record(const struct kernel *k, size_t i, struct proc_record *r)
{
	if (i >= KERNEL_LISTED_PROCS || i >= k->nprocs)
		panic("process %zu is not listed", i);
	if (k->listed[i].p)
		kernel_record_of(k, k->listed[i].p, r);
	else
		*r = k->listed[i].rec;
}

static bool has_ended(enum proc_state st) { return st == PROC_ZOMBIE || st == PROC_DEAD; }

/* Adds the figures of r into sum. */
static void add(struct proc_record *sum, const struct proc_record *r)
{
	sum->insns += r->insns;
	sum->tlb_hits += r->tlb_hits;
	sum->tlb_misses += r->tlb_misses;
	sum->faults += r->faults;
	sum->cow_copies += r->cow_copies;
	sum->resident += r->resident;
	sum->swapped += r->swapped;
	sum->killed |= r->killed;
	if (!has_ended(r->state))
		sum->state = PROC_LIVE;
}

void record_keep(struct kernel *k, const struct proc *p)
{
	struct proc_record r;
	kernel_record_of(k, p, &r);
	if (p->slot < KERNEL_LISTED_PROCS) {
		k->listed[p->slot] = (struct kernel_listed){.p = NULL, .rec = r};
		return;
	}
	if (k->nunlisted++ == 0)
		k->unlisted = (struct proc_record){.state = PROC_DEAD};
	add(&k->unlisted, &r);
}

/* Adds the records of the processes of list beyond the listed ones. */
static uint64_t add_list(const struct kernel *k, const struct proc *list, struct proc_record *sum)
{
	uint64_t n = 0;
	for (const struct proc *p = list; p; p = p->next_alive) {
		if (p->slot < KERNEL_LISTED_PROCS)
			continue;
		struct proc_record r;
		kernel_record_of(k, p, &r);
		add(sum, &r);
		n++;
	}
	return n;
}

uint64_t kernel_unlisted_records(const struct kernel *k, struct proc_record *sum)
{
	*sum = k->nunlisted ? k->unlisted : (struct proc_record){.state = PROC_DEAD};
	return k->nunlisted + add_list(k, k->alive, sum) + add_list(k, k->dead, sum);
}
