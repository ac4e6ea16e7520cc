/* Whole-process swapping (--swap-processes): a process's blocks go to the
 * swap device page by page, the one that ran least recently first, and come
 * back when the scheduler (or a trace record) wants it; every page is a disk
 * transfer in virtual time. */
#include "os/cmem_int.h"

#include <stdio.h>
#include <stdlib.h>

static bool io_error(struct kernel *k, const char *err)
{
	snprintf(k->error, sizeof k->error, "%s", err);
	return false;
}

/* Writes q's blocks to the swap device page by page and frees them. */
static bool swap_out(struct kernel *k, struct proc *q)
{
	struct blk b[2];
	unsigned n = cmem_blocks_of(k, q, b);
	uint64_t pages = blocks_bytes(b, n) >> k->fmt.page_shift, done = 0, ps = page_size(k);
	if (!k->has_swap || k->swap.nslots - k->swap.used < pages)
		return false;
	uint64_t *slots = xmalloc(pages * sizeof *slots);
	char err[300];
	for (unsigned i = 0; i < n; i++)
		for (uint64_t off = 0; off < b[i].size; off += ps, done++) {
			if (!swap_alloc(&k->swap, &slots[done]))
				panic("swap full after counting its free slots");
			if (!swap_write(&k->swap, slots[done], ram(k, b[i].base + off, ps), err, sizeof err)) {
				for (uint64_t j = 0; j <= done; j++)
					swap_free(&k->swap, slots[j]);
				free(slots);
				return io_error(k, err);
			}
		}
	for (unsigned i = 0; i < n; i++)
		cmem_free_block(k->cm, owner_of(q->cm->id, b[i].sel));
	if (q->cm->code)
		cmem_code_out(k, q->cm->code);
	q->cm->out_slots = slots;
	q->cm->nout = pages;
	cmem_account(k, q, -1);
	k->c.swap_outs += pages;
	k->c.proc_swap_outs++;
	if (k->current == q)
		k->current = NULL;
	return true;
}

bool cmem_bring_in(struct kernel *k, struct proc *p)
{
	struct blk b[2];
	if (!cmem_is_out(p))
		return true;
	if (p->cm->code && !cmem_code_in(k, p->cm->code, p))
		return false;
	uint64_t *slots = p->cm->out_slots, pages = p->cm->nout;
	p->cm->nout = 0; /* blocks_of reads the sizes from the registers; compaction may move those placed */
	unsigned n = cmem_blocks_of(k, p, b);
	if (!cmem_place_all(k, p, b, n)) {
		p->cm->nout = pages;
		if (p->cm->code)
			cmem_code_out(k, p->cm->code);
		return false;
	}
	n = cmem_blocks_of(k, p, b); /* their final bases */
	uint64_t done = 0, ps = page_size(k);
	char err[300];
	bool ok = true;
	for (unsigned i = 0; i < n; i++)
		for (uint64_t off = 0; off < b[i].size; off += ps, done++) {
			if (ok && !swap_read(&k->swap, slots[done], ram(k, b[i].base + off, ps), err, sizeof err))
				ok = io_error(k, err);
			swap_free(&k->swap, slots[done]);
		}
	free(slots);
	p->cm->out_slots = NULL;
	cmem_account(k, p, +1);
	k->c.swap_ins += pages;
	k->c.proc_swap_ins++;
	return ok;
}

/* Whether a process can go out to make room: it holds memory, is not the
 * one asking (keep) nor being built. */
static bool may_go_out(const struct kernel *k, const struct proc *q, const struct proc *keep)
{
	return q != keep && q != k->cm->loading && q->cm && q->cm->id && !cmem_is_out(q) &&
	       (q->state == PROC_LIVE || q->state == PROC_SLEEPING || q->state == PROC_WAITING);
}

/* Swaps out the process that ran least recently, other than keep. */
bool cmem_swap_out_oldest(struct kernel *k, const struct proc *keep)
{
	struct proc *oldest = NULL;
	for (struct proc *q = k->alive; q; q = q->next_alive)
		if (may_go_out(k, q, keep) && (!oldest || q->cm->last < oldest->cm->last))
			oldest = q;
	return oldest && swap_out(k, oldest);
}

bool cmem_copy_from_swap(struct kernel *k, struct proc *parent, struct proc *child, const struct blk *b,
			   unsigned n)
{
	uint64_t done = 0, ps = page_size(k);
	char err[300];
	for (unsigned i = 0; i < n; i++)
		for (uint64_t off = 0; off < b[i].size; off += ps, done++)
			if (!swap_read(&k->swap, parent->cm->out_slots[done], ram(k, b[i].base + off, ps), err, sizeof err)) {
				cmem_release(k, child);
				return io_error(k, err);
			}
	k->c.swap_ins += done;
	return true;
}

