/* The minimum working set: what one instruction can need at once
 * (kernel_minimum), the pages of the instruction in progress that eviction
 * leaves alone (pins), and, in local scope, a floor below which a process's
 * own frames are not taken. Without them an instruction needing more pages
 * than its process keeps evicts and refaults them forever. */
#include "os/kernel.h"
#include "os/kernel_int.h"

/* Pages len bytes starting at the last align-aligned byte of a page touch. */
static uint64_t span_pages(uint64_t len, uint64_t align, uint64_t page)
{
	return (page - align + len - 1) / page + 1;
}

/* Frames of one path of tables below the root (levels levels-2 .. 0). */
static uint64_t path_frames(const struct pt_format *f)
{
	uint64_t n = 0;
	for (unsigned l = 0; l + 1 < f->levels; l++)
		n += ptfmt_table_frames(f, l);
	return n;
}

void kernel_minimum(const struct pt_format *f, struct kernel_minimum *m)
{
	uint64_t page = 1ull << f->page_shift;
	m->fetch_pages = span_pages(CPU_MAX_INSN_BYTES, CPU_INSN_ALIGN, page);
	m->data_pages = span_pages(CPU_MAX_ACCESS_BYTES, 1, page);
	m->user_frames = m->fetch_pages + m->data_pages;
	m->table_frames = ptfmt_table_frames(f, f->levels - 1) + m->user_frames * path_frames(f);
	m->kernel_frames = f->va_bits >= 32 ? KERNEL_REGION_PAGES + path_frames(f) : 0;
}

void kernel_pin(struct kernel *k, struct proc *p, vaddr_t va)
{
	va &= ~mask_bits(k->fmt.page_shift);
	for (unsigned i = 0; i < p->npins; i++)
		if (p->pins[i] == va)
			return;
	if (p->npins == KERNEL_PINS)
		return;
	p->pins[p->npins++] = va;
	kernel_as_event(k, p, AS_PIN, va);
}

void kernel_unpin(struct kernel *k, struct proc *p)
{
	p->insn_faults = 0;
	if (!p->npins)
		return;
	p->npins = 0;
	kernel_as_event(k, p, AS_UNPIN, 0);
}

/* Whether frame pfn holds a page p's instruction in progress pinned. */
static bool pinned(const struct kernel *k, const struct proc *p, pfn_t pfn)
{
	if (!p->npins)
		return false;
	for (const struct rmap *m = k->fr.f[pfn].rmap; m; m = m->next) {
		if (m->as != &p->as)
			continue;
		for (unsigned i = 0; i < p->npins; i++)
			if (p->pins[i] == m->va)
				return true;
	}
	return false;
}

/* A victim in pol that p's instruction in progress has not pinned; false
 * when there is none. The pinned frames passed over are taken out of pol
 * while it chooses again, then put back (as just inserted: they are in use). */
static bool unpinned_victim(struct kernel *k, struct proc *p, struct policy *pol, pfn_t *victim)
{
	pfn_t skipped[KERNEL_PINS];
	unsigned n = 0;
	bool found;
	while ((found = policy_victim(pol, victim)) && n < KERNEL_PINS && pinned(k, p, *victim)) {
		policy_remove(pol, *victim);
		skipped[n++] = *victim;
	}
	found = found && !pinned(k, p, *victim);
	for (unsigned i = 0; i < n; i++)
		policy_insert(pol, skipped[i], 0);
	return found;
}

/* Local scope: the process other than p whose policy holds the most
 * frames, or NULL when no other holds any. */
static struct proc *biggest_other(struct kernel *k, const struct proc *p)
{
	struct proc *big = NULL;
	for (struct proc *q = k->alive; q; q = q->next_alive)
		if (q != p && q->as.policy.held && (!big || q->as.policy.held > big->as.policy.held))
			big = q;
	return big;
}

bool workset_victim(struct kernel *k, struct proc *p, pfn_t *victim)
{
	if (!k->cfg.local_scope)
		return unpinned_victim(k, p, &k->global, victim) || policy_victim(&k->global, victim);
	struct policy *own = &p->as.policy;
	if (own->held >= k->min.user_frames && unpinned_victim(k, p, own, victim))
		return true;
	struct proc *big = biggest_other(k, p);
	if (big && unpinned_victim(k, p, &big->as.policy, victim))
		return true;
	/* only pages the instruction needs are left: one goes, and the
	 * scheduler's no-progress check decides when that repeats */
	return policy_victim(own, victim) || (big && policy_victim(&big->as.policy, victim));
}
