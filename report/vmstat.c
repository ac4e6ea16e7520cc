/* vmstat lines over virtual time (report/vmstat.h). */
#include "report/vmstat.h"

#include <inttypes.h>

static struct vmstat_sample sample(const struct sched *s)
{
	const struct kernel *k = s->k;
	struct vmstat_sample x = {
		.now_ns = sched_now_ns(s), .system_ns = kernel_system_ns(k), .idle_ns = s->idle_ns,
		.swap_ins = k->c.swap_ins, .swap_outs = k->c.swap_outs,
		.minor = k->c.minor_faults, .major = k->c.major_faults,
	};
	uint64_t hits;
	mmu_tlb_totals(k->mmu, &hits, &x.tlb_misses);
	return x;
}

static void header(FILE *out)
{
	fprintf(out, "procs --memory (KiB)-- --swap (pages/s)- ---faults/s---- -TLB/s- --cpu %%--\n"
		     " r  b     swpd     free       si       so    minor    major  misses us sy id\n");
}

void vmstat_init(struct vmstat *v, const struct sched *s, uint64_t interval_ns, FILE *out)
{
	*v = (struct vmstat){.s = s, .out = out, .interval_ns = interval_ns};
	v->last = sample(s);
	v->next_ns = v->last.now_ns + interval_ns;
}

/* A count per second over ns of virtual time. */
static uint64_t per_s(uint64_t count, uint64_t ns) { return (uint64_t)((double)count * 1e9 / (double)ns + 0.5); }

static unsigned percent(uint64_t part, uint64_t whole) { return (unsigned)((double)part * 100 / (double)whole + 0.5); }

/* The line of the interval from v->last to x. */
static void line(struct vmstat *v, const struct vmstat_sample *x)
{
	const struct kernel *k = v->s->k;
	uint64_t ns = x->now_ns - v->last.now_ns, kib = (1ull << k->fmt.page_shift) / 1024;
	unsigned running = 0, blocked = 0;
	for (const struct proc *p = k->alive; p; p = p->next_alive) {
		running += p->state == PROC_LIVE;
		blocked += p->state == PROC_SLEEPING || p->state == PROC_WAITING;
	}
	uint64_t sys = x->system_ns - v->last.system_ns, idle = x->idle_ns - v->last.idle_ns;
	unsigned sy = percent(sys, ns), id = percent(idle, ns);
	unsigned us = sy + id >= 100 ? 0 : 100 - sy - id;
	if (v->lines++ % VMSTAT_HEADER_EVERY == 0)
		header(v->out);
	fprintf(v->out, "%2u %2u %8" PRIu64 " %8" PRIu64 " %8" PRIu64 " %8" PRIu64 " %8" PRIu64 " %8" PRIu64 " %7" PRIu64
			" %2u %2u %2u\n",
		running, blocked, k->swap.used * kib, (k->fr.user_count - k->fr.in_use[FRAME_USER]) * kib,
		per_s(x->swap_ins - v->last.swap_ins, ns), per_s(x->swap_outs - v->last.swap_outs, ns),
		per_s(x->minor - v->last.minor, ns), per_s(x->major - v->last.major, ns),
		per_s(x->tlb_misses - v->last.tlb_misses, ns), us, sy, id);
	v->last = *x;
}

void vmstat_tick(void *ctx)
{
	struct vmstat *v = ctx;
	struct vmstat_sample x = sample(v->s);
	if (x.now_ns < v->next_ns)
		return;
	line(v, &x);
	while (v->next_ns <= x.now_ns) /* a slice may span several intervals: one line for them */
		v->next_ns += v->interval_ns;
}

void vmstat_finish(struct vmstat *v)
{
	struct vmstat_sample x = sample(v->s);
	if (x.now_ns > v->last.now_ns)
		line(v, &x);
}
