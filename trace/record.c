/* The recorder: the MMU's reference observer writing binary trace records. */
#include "trace/record.h"

#include <stdio.h>
#include <stdlib.h>

#include "trace/reader.h"

struct recorder {
	struct kernel *k;
	struct trace_writer *w;
	char failed[300];   /* the write error that stopped the recording, "" if none */
};

static void stop_observing(struct kernel *k)
{
	k->mmu->on_ref = NULL;
	k->mmu->on_ref_ctx = NULL;
	k->on_as_event = NULL;
	k->on_as_event_ctx = NULL;
}

/* Writes one record; on failure ends the recording and sets the kernel's
 * host error. */
static bool put(struct recorder *r, const struct trace_ref *ref)
{
	if (trace_write(r->w, ref))
		return true;
	if (trace_writer_close(r->w, r->failed, sizeof r->failed))
		snprintf(r->failed, sizeof r->failed, "recording failed");
	r->w = NULL;
	stop_observing(r->k);
	snprintf(r->k->error, sizeof r->k->error, "--record %s", r->failed);
	return false;
}

/* One reference: a record of at most TRACE_MAX_SIZE bytes, or several (an
 * attempt that faulted: one). */
static void on_ref(void *ctx, vaddr_t va, enum access acc, unsigned size, bool faulted)
{
	struct recorder *r = ctx;
	struct trace_ref ref = {.pid = r->k->current ? (uint32_t)r->k->current->pid : 0,
				.acc = acc, .va = va, .faulted = faulted};
	do {
		ref.size = size < TRACE_MAX_SIZE ? size : TRACE_MAX_SIZE;
		if (!put(r, &ref))
			return;
		ref.va += ref.size;
		size -= ref.size;
	} while (size && !faulted);
}

/* An address-space event: its record (a fork's va is the child's pid). */
static void on_as_event(void *ctx, const struct proc *p, enum as_event ev, uint64_t arg)
{
	static const enum trace_event events[] = {[AS_UNMAP] = TRACE_UNMAP, [AS_EMPTY] = TRACE_EMPTY,
						  [AS_FORK] = TRACE_FORK, [AS_PIN] = TRACE_PIN,
						  [AS_UNPIN] = TRACE_UNPIN};
	struct trace_ref ref = {.pid = (uint32_t)p->pid, .va = arg, .size = 1, .event = events[ev]};
	(void)put(ctx, &ref);
}

struct recorder *record_start(struct kernel *k, const char *path, char *err, size_t errlen)
{
	struct trace_writer *w = trace_writer_open(path, err, errlen);
	if (!w)
		return NULL;
	struct recorder *r = xcalloc(1, sizeof *r);
	r->k = k;
	r->w = w;
	k->mmu->on_ref = on_ref;
	k->mmu->on_ref_ctx = r;
	k->on_as_event = on_as_event;
	k->on_as_event_ctx = r;
	return r;
}

bool record_finish(struct recorder *r, char *err, size_t errlen)
{
	if (!r)
		return true;
	bool ok = !r->failed[0];
	if (r->w) {
		stop_observing(r->k);
		ok = trace_writer_close(r->w, err, errlen);
	} else {
		snprintf(err, errlen, "%s", r->failed);
	}
	free(r);
	return ok;
}
