/* The replay loop: translate, fault, retry; the explanation of each access. */
#include "trace/replay.h"
#include "os/cmem.h"
#include "os/vm.h"
#include "trace/future.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct replay {
	struct kernel *k;
	struct mmu *m;
	const struct replay_opts *o;
	struct replay_stats *st;
	bool touch;          /* the policy wants every reference (with its next use) */
	uint64_t records, refs;
	char *err;
	size_t errlen;
	struct proc *last;   /* the process of the previous record */
	uint64_t retry_hits; /* TLB hits of retried lookups (not first lookups) */
	uint64_t *next_use;  /* opt: the next use of each page of the current record */
};

static const char *action_text(enum fault_action a)
{
	switch (a) {
	case ACT_DEMAND_ZERO: return "demand-zero";
	case ACT_FILE_READ: return "read from file";
	case ACT_SWAP_IN: return "read from swap";
	case ACT_AD_UPDATE: return "A/D bits set by the kernel";
	case ACT_TLB_REFILL: return "software TLB refill";
	case ACT_KILLED: return "process killed";
	default: return "none";
	}
}

static void explain_fault(FILE *out, const struct fault_outcome *fo)
{
	const struct fault *f = &fo->fault;
	char what[120];
	fault_describe(f, what, sizeof what);
	if (f->kind == FAULT_TLB_MISS) {
		fprintf(out, " | TLB refill by the kernel");
		return;
	}
	fprintf(out, " | fault: %s -> %s", what, action_text(fo->action));
	if (fo->region_created)
		fprintf(out, " (new region)");
	if (fo->stack_grew)
		fprintf(out, " (stack grew)");
	if (fo->action == ACT_DEMAND_ZERO || fo->action == ACT_FILE_READ || fo->action == ACT_SWAP_IN)
		fprintf(out, ", frame %" PRIu64, fo->frame);
	if (fo->evicted)
		fprintf(out, ", evicting pid %d va 0x%" PRIx64 " (%s)", fo->victim_pid, fo->victim_va,
			fo->victim_written ? "written to swap" : "clean, dropped");
}

/* L1 TLB hits so far, over the TLBs an access of kind acc looks up. */
static uint64_t l1_hits(const struct mmu *m, enum access acc)
{
	return m->tlb[acc] ? tlb_counters(m->tlb[acc])->hits : 0;
}

/* What happens once a page access for acc has translated to pa. As under
 * `vmlab run`, an instruction fetch is taken to hit an instruction cache: it
 * makes no data reference. */
static void accessed(struct replay *rp, paddr_t pa, enum access acc, uint64_t next_use)
{
	if (rp->touch)
		kernel_touch(rp->k, pa, next_use);
	mmu_stamp(rp->m, pa);
	if (acc != ACCESS_EXEC)
		mmu_data_ref(rp->m, pa);
}

/* Textbook mode: the line of correct.txt for the access. */
static void textbook_line(struct replay *rp, vaddr_t va, paddr_t pa)
{
	fprintf(rp->o->textbook, "Virtual address: %" PRIu64 " Physical address: %" PRIu64 " Value: %d\n", va, pa,
		(int8_t)physmem_load(&rp->k->pm, pa, 1));
}

/* The faults of one page access: handled and retried until the access
 * succeeds or the process dies; with retry false (a recorded attempt that
 * faulted, whose retry is a later record) handled only. Returns false on a
 * host error. A retry that hits in the TLB (after a software refill) is
 * counted in retry_hits, so that every access counts as a hit or a miss by
 * its first lookup only. */
static bool resolve(struct replay *rp, struct proc *p, vaddr_t va, enum access acc, uint64_t next_use,
		    struct fault *f, paddr_t *pa, bool retry)
{
	struct kernel *k = rp->k;
	FILE *ex = rp->o->explain;
	for (;;) {
		struct fault_outcome fo;
		enum fault_result res = kernel_fault(k, p, f, PRIV_USER, next_use, &fo);
		if (ex)
			explain_fault(ex, &fo);
		if (res == FAULT_HOST_ERROR) {
			snprintf(rp->err, rp->errlen, "%s", k->error);
			return false;
		}
		if (res == FAULT_KILLED || !retry)
			return true;
		uint64_t hits = l1_hits(k->mmu, acc);
		if (mmu_translate(k->mmu, va, acc, PRIV_USER, pa, f)) {
			rp->retry_hits += l1_hits(k->mmu, acc) - hits;
			accessed(rp, *pa, acc, next_use);
			return true;
		}
	}
}

/* access_page under a contiguous mechanism with the explanation: the
 * mechanism's own words for the translation, or the violation. */
static bool access_relocated(struct replay *rp, struct proc *p, vaddr_t va, const struct trace_ref *ref)
{
	FILE *ex = rp->o->explain;
	paddr_t pa;
	struct fault f;
	fprintf(ex, "pid %d %c 0x%" PRIx64 ": ", p->pid, "RWX"[ref->acc], va);
	if (mmu_translate(rp->m, va, ref->acc, PRIV_USER, &pa, &f)) {
		char how[160];
		mmu_describe(rp->m, va, pa, how, sizeof how);
		fprintf(ex, "%s\n", how);
		accessed(rp, pa, ref->acc, 0);
		if (rp->o->textbook)
			textbook_line(rp, va, pa);
		return true;
	}
	struct fault_outcome fo;
	char what[200];
	enum fault_result res = kernel_fault(rp->k, p, &f, PRIV_USER, 0, &fo);
	fault_describe(&f, what, sizeof what);
	fprintf(ex, "%s -> %s\n", what, action_text(fo.action));
	if (res == FAULT_HOST_ERROR) {
		snprintf(rp->err, rp->errlen, "%s", rp->k->error);
		return false;
	}
	return true;
}

/* Translates one page access, handling faults until it succeeds or the
 * process dies (a recorded attempt that faulted: only its first fault).
 * Returns false on a host error. */
static bool access_page(struct replay *rp, struct proc *p, vaddr_t va, const struct trace_ref *ref,
			uint64_t next_use)
{
	struct mmu *m = rp->m;
	enum access acc = ref->acc;
	paddr_t pa;
	struct fault f;
	FILE *ex = rp->o->explain;
	uint64_t walk_refs = m->c.walk_refs, hits = l1_hits(m, acc);
	if (unlikely(ex != NULL && rp->k->cm))
		return access_relocated(rp, p, va, ref);
	if (unlikely(ex != NULL))
		fprintf(ex, "pid %d %c 0x%" PRIx64 ": vpn 0x%" PRIx64 " offset 0x%" PRIx64, p->pid, "RWX"[acc], va,
			va >> m->page_shift, va & mask_bits(m->page_shift));
	bool ok = mmu_translate(m, va, acc, PRIV_USER, &pa, &f);
	if (unlikely(ex != NULL))
		fprintf(ex, " | TLB %s", l1_hits(m, acc) > hits ? "hit" : "miss");
	if (likely(ok))
		accessed(rp, pa, acc, next_use);
	else if (!resolve(rp, p, va, acc, next_use, &f, &pa, !ref->faulted))
		return false;
	bool done = p->state == PROC_LIVE && (ok || !ref->faulted);
	if (unlikely(ex != NULL)) {
		if (done)
			fprintf(ex, " | walk %" PRIu64 " refs | pa 0x%" PRIx64, m->c.walk_refs - walk_refs, pa);
		else if (p->state == PROC_LIVE)
			fprintf(ex, " | the program makes it again");
		fprintf(ex, "\n");
	}
	if (rp->o->textbook && done)
		textbook_line(rp, va, pa);
	return true;
}

/* A trace process swapped out comes back for its record. */
static struct proc *brought_in(struct replay *rp, struct proc *p)
{
	if (!rp->k->cm || !cmem_is_out(p) || cmem_bring_in(rp->k, p))
		return p;
	snprintf(rp->err, rp->errlen, "%s", rp->k->error[0] ? rp->k->error : "no room to swap a process in");
	return NULL;
}

static struct proc *proc_for(struct replay *rp, uint32_t pid)
{
	if (rp->last && rp->last->pid == (int)pid)
		return brought_in(rp, rp->last);
	struct proc *p = kernel_proc(rp->k, (int)pid);
	if (p)
		return rp->last = brought_in(rp, p);
	p = kernel_spawn(rp->k, (int)pid);
	if (!p)
		snprintf(rp->err, rp->errlen, "no memory for the page table of process %u", pid);
	if (p && rp->k->cm && !cmem_spawn(rp->k, p)) {
		snprintf(rp->err, rp->errlen, "no memory for process %u: %s (--swap-processes makes room)", pid,
			 rp->k->cfg.mmu.mech->kind == MMU_MECH_PARTITION ? "every partition is taken"
									  : "no hole is large enough for it");
		return NULL;
	}
	for (int i = 0; p && i < rp->o->nregions; i++) {
		if (rp->o->region_pids[i] >= 0 && rp->o->region_pids[i] != (int)pid)
			continue;
		if (!kernel_add_region(rp->k, p, &rp->o->regions[i])) {
			snprintf(rp->err, rp->errlen, "region 0x%" PRIx64 "-0x%" PRIx64 " of pid %u overlaps another region",
				 rp->o->regions[i].start, rp->o->regions[i].end, pid);
			return NULL;
		}
	}
	return rp->last = p;
}

/* Whether every byte of the record lies in the VA space; otherwise reports it
 * (and, with skip_bad, counts it so the caller carries on). */
static bool in_va_space(struct replay *rp, const struct trace_ref *ref, bool *fatal)
{
	const struct pt_format *f = &rp->k->fmt;
	vaddr_t last = ref->va + ref->size - 1;
	if (ptfmt_va_ok(f, ref->va) && ptfmt_va_ok(f, last) && last >= ref->va)
		return true;
	snprintf(rp->err, rp->errlen, "%s:%" PRIu64 ": address 0x%" PRIx64 " (size %u) is beyond the %u-bit virtual address space of %s",
		 rp->o->name ? rp->o->name : "trace", ref->line, ref->va, ref->size, f->va_bits, f->name);
	*fatal = !rp->o->skip_bad;
	if (rp->o->skip_bad) {
		fprintf(stderr, "vmlab: %s\n", rp->err);
		rp->st->bad++;
	}
	return false;
}

/* A fork record: a new process (pid ref->va) sharing p's pages
 * copy-on-write. false with a message when it exists already or memory ran out. */
static bool replay_fork(struct replay *rp, struct proc *p, const struct trace_ref *ref)
{
	struct kernel *k = rp->k;
	if (rp->o->explain)
		fprintf(rp->o->explain, "pid %d forks pid %" PRIu64 "\n", p->pid, ref->va);
	if (ref->va > INT32_MAX || kernel_proc(k, (int)ref->va)) {
		snprintf(rp->err, rp->errlen, "%s:%" PRIu64 ": pid %d forks pid %" PRIu64 ", which %s",
			 rp->o->name ? rp->o->name : "trace", ref->line, p->pid, ref->va,
			 ref->va > INT32_MAX ? "is not a pid" : "exists already");
		return false;
	}
	struct proc *child = kernel_spawn(k, (int)ref->va);
	if (!child || (k->cm ? !cmem_fork(k, p, child) : !vm_fork(k, p, child))) {
		snprintf(rp->err, rp->errlen, "no memory for the page tables of pid %" PRIu64, ref->va);
		return false;
	}
	return true;
}

/* An event record: the page holding va (unmap), or every page (empty),
 * leaves p's address space; or p forks; or the run pinned a page for the
 * instruction in progress, or unpinned them (not shown: the accesses around
 * them are). */
static bool replay_event(struct replay *rp, struct proc *p, const struct trace_ref *ref)
{
	uint64_t page = 1ull << rp->k->fmt.page_shift;
	vaddr_t start = ref->va & ~(page - 1);
	FILE *ex = rp->o->explain;
	if (ref->event == TRACE_PIN || ref->event == TRACE_UNPIN) {
		if (p->state == PROC_LIVE)
			ref->event == TRACE_PIN ? kernel_pin(rp->k, p, ref->va) : kernel_unpin(rp->k, p);
		return true;
	}
	if (ref->event == TRACE_FORK)
		return p->state != PROC_LIVE || replay_fork(rp, p, ref);
	if (ex && ref->event == TRACE_EMPTY)
		fprintf(ex, "pid %d empties its address space (exit or exec)\n", p->pid);
	else if (ex)
		fprintf(ex, "pid %d unmaps the page at 0x%" PRIx64 "\n", p->pid, start);
	if (rp->k->cm)
		return true; /* the blocks stay whole: a contiguous address space has no pages to unmap */
	if (p->state == PROC_LIVE && ref->event == TRACE_EMPTY)
		vm_empty(rp->k, p);
	else if (p->state == PROC_LIVE)
		vm_unmap_range(rp->k, p, start, start + page);
	return true;
}

/* Replays one record: each page it touches. */
static bool replay_record(struct replay *rp, const struct trace_ref *ref)
{
	bool fatal = false;
	unsigned shift = rp->k->fmt.page_shift;
	if (!in_va_space(rp, ref, &fatal))
		return !fatal;
	struct proc *p = proc_for(rp, ref->pid);
	if (!p)
		return false;
	rp->records++;
	if (ref->event != TRACE_ACCESS)
		return replay_event(rp, p, ref);
	vaddr_t first = ref->va >> shift, last = (ref->va + ref->size - 1) >> shift;
	for (vpn_t vpn = first; vpn <= last; vpn++) {
		if (p->state == PROC_DEAD) {
			rp->st->skipped++;
			return true;
		}
		kernel_switch(rp->k, p);
		rp->refs++;
		if (rp->o->on_ref)
			rp->o->on_ref(rp->o->on_ref_ctx, p, vpn);
		vaddr_t va = vpn == first ? ref->va : vpn << shift;
		uint64_t next_use = rp->next_use ? rp->next_use[vpn - first] : 0;
		if (!access_page(rp, p, va, ref, next_use))
			return false;
	}
	return true;
}

/* ---- opt: learn the future first ---- */

/* Replays every record with the next uses of its pages, learnt from the
 * whole trace (read, and checked, before the first record is replayed). */
static int replay_future(struct replay *rp, struct trace_reader *r)
{
	struct future_opts fo = {.fmt = &rp->k->fmt, .tmpdir = rp->o->tmpdir, .name = rp->o->name};
	struct future *fu = future_new(r, &fo, rp->err, rp->errlen);
	if (!fu)
		return 1;
	struct trace_ref ref;
	int got;
	while ((got = future_next(fu, &ref, &rp->next_use, rp->err, rp->errlen)) == 1) {
		if (!replay_record(rp, &ref)) {
			got = -1;
			break;
		}
	}
	future_free(fu);
	rp->next_use = NULL;
	return got == 0 ? 0 : 1;
}

/* ---- streaming, a few records ahead ---- */

/* A record's kernel_prefetch steps (0 .. LAST_STEP) are issued GAP records
 * apart, the last LEAD records before its turn, so that each finds what the
 * one before it fetched arrived: AHEAD records are read before their turn.
 * Only for a record of another process than the one before it: a process's
 * records in a row find what they need where the first left it. */
enum { LAST_STEP = 4, GAP = 5, LEAD = 3, AHEAD = LEAD + GAP * LAST_STEP + 1 };

struct ahead {
	struct trace_ref ring[AHEAD]; /* the records read, from head on */
	struct pt_ahead walk[AHEAD];  /* each one's walk ahead */
	unsigned head, n;
	uint64_t from_procs;          /* fetch ahead once there are this many processes */
};

/* Processes from which on their page tables and structs outgrow the host's
 * level-2 cache (about 4 lines each), so that walks ahead pay: with fewer
 * everything is at hand and fetching ahead would only cost time. */
static uint64_t ahead_from_procs(void)
{
	long l2 = sysconf(_SC_LEVEL2_CACHE_SIZE);
	return (uint64_t)(l2 > 0 ? l2 : 1 << 20) / 256;
}

static void prefetch_ahead(struct replay *rp, struct ahead *a)
{
	for (unsigned step = 0; step <= LAST_STEP; step++) {
		unsigned d = LEAD + GAP * (LAST_STEP - step), i = (a->head + d) % AHEAD;
		const struct trace_ref *ref = &a->ring[i], *before = &a->ring[(i + AHEAD - 1) % AHEAD];
		if (d < a->n && ref->event == TRACE_ACCESS && ref->pid != before->pid)
			kernel_prefetch(rp->k, (int)ref->pid, ref->va, step, &a->walk[i]);
	}
}

/* Replays every record as it streams in; once there are enough processes,
 * reading up to AHEAD records ahead so that the host fetches their processes
 * and page-table entries while earlier ones replay. Always one at a time
 * where messages of the reader and of the replay interleave (bad lines
 * skipped, -v, textbook), to keep their order. A reader's error comes after
 * every record before it has replayed. */
static int replay_stream(struct replay *rp, struct trace_reader *r)
{
	struct ahead a = {.from_procs = ahead_from_procs()};
	bool may = !rp->o->explain && !rp->o->textbook && !rp->o->skip_bad;
	char rerr[sizeof rp->k->error + 200] = "";
	int got = 1;
	for (;;) {
		bool ahead = may && rp->k->nprocs >= a.from_procs;
		while (got == 1 && a.n < (ahead ? AHEAD : 1) &&
		       (got = trace_next(r, &a.ring[(a.head + a.n) % AHEAD], rerr, sizeof rerr)) == 1)
			a.n++;
		if (a.n == 0)
			break;
		if (ahead)
			prefetch_ahead(rp, &a);
		if (!replay_record(rp, &a.ring[a.head]))
			return 1;
		a.head = (a.head + 1) % AHEAD;
		a.n--;
	}
	if (got < 0)
		snprintf(rp->err, rp->errlen, "%s", rerr);
	return got < 0 ? 1 : 0;
}

/* Replays every record, after learning the future or streaming. */
static int replay_all(struct replay *rp, struct trace_reader *r)
{
	if (rp->k->cfg.policy->needs_future && !rp->k->cm)
		return replay_future(rp, r);
	return replay_stream(rp, r);
}

bool replay_region_check(const struct pt_format *f, const struct region *r, char *err, size_t errlen)
{
	uint64_t page = 1ull << f->page_shift;
	unsigned top = f->va_bits - 1; /* for a canonical format, the bit that names the half */
	if (r->start >= r->end)
		return fail_msg(err, errlen, "region 0x%" PRIx64 "-0x%" PRIx64 " is empty", r->start, r->end);
	if ((r->prot & ~(unsigned)(PTE_R | PTE_W | PTE_X)) || ((r->prot & PTE_W) && !(r->prot & PTE_R)))
		return fail_msg(err, errlen, "region 0x%" PRIx64 "-0x%" PRIx64 " is writable but not readable, or has "
			       "permissions other than r, w and x", r->start, r->end);
	if ((r->start | r->end) & (page - 1))
		return fail_msg(err, errlen, "region 0x%" PRIx64 "-0x%" PRIx64 " is not page-aligned (pages of %" PRIu64
			       " bytes)", r->start, r->end, page);
	if (!ptfmt_va_ok(f, r->start) || !ptfmt_va_ok(f, r->end - 1) ||
	    (f->canonical && f->va_bits < 64 && r->start >> top != (r->end - 1) >> top))
		return fail_msg(err, errlen, "region 0x%" PRIx64 "-0x%" PRIx64 " does not lie in the %u-bit virtual address space of %s",
				r->start, r->end, f->va_bits, f->name);
	return true;
}

int replay_run(struct kernel *k, struct trace_reader *r, const struct replay_opts *o, struct replay_stats *st,
	       char *err, size_t errlen)
{
	struct replay rp = {.k = k, .m = k->mmu, .o = o, .st = st, .err = err, .errlen = errlen,
			    .touch = (k->cfg.policy->needs_future || k->cfg.policy->needs_touch) && !k->cm};
	uint64_t hits0, hits1, misses;
	memset(st, 0, sizeof *st);
	for (int i = 0; i < o->nregions; i++)
		if (!replay_region_check(&k->fmt, &o->regions[i], err, errlen))
			return 1;
	mmu_tlb_totals(k->mmu, &hits0, &misses);
	int status = replay_all(&rp, r);
	mmu_tlb_totals(k->mmu, &hits1, &misses);
	st->records = rp.records;
	st->refs = rp.refs;
	st->tlb_hits = hits1 - hits0 - rp.retry_hits;
	st->tlb_misses = k->cm ? 0 : st->refs - st->tlb_hits; /* no TLB */
	return status;
}
