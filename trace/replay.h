/* Trace replay: drives the kernel and the MMU with the references of a trace,
 * one address space per pid, exactly as the CPU drives them with a program.
 * An access that spans pages translates each page. For policies that need the
 * future (opt) the trace is read whole first, into a temporary file, to learn
 * each page's next use (trace/future.h). */
#ifndef TRACE_REPLAY_H
#define TRACE_REPLAY_H

#include <stdio.h>

#include "os/kernel.h"
#include "trace/reader.h"

struct replay_opts {
	FILE *explain;        /* -v: one line per page access, or NULL */
	FILE *textbook;       /* textbook mode: the correct.txt lines go here, or NULL */
	const struct region *regions; /* regions new processes start with ... */
	const int *region_pids;       /* ... each for one pid, or -1 for every process */
	int nregions;
	const char *name;     /* the trace's name, for messages */
	bool skip_bad;        /* report records with impossible addresses and carry on */
	const char *tmpdir;   /* opt's temporary files go here; NULL: $TMPDIR, else /tmp */
	void (*on_ref)(void *ctx, const struct proc *p, vpn_t vpn); /* told of each page access
				 before it is made (--report; NULL: none) */
	void *on_ref_ctx;
};

struct replay_stats {
	uint64_t records;     /* trace records replayed */
	uint64_t refs;        /* page accesses (a record spanning pages counts each) */
	uint64_t tlb_hits;    /* page accesses whose first L1 TLB lookup hit */
	uint64_t tlb_misses;
	uint64_t skipped;     /* records of processes already killed */
	uint64_t bad;         /* records skipped for addresses beyond the VA space */
};

/* Whether r can be a region of a replayed process on format f: not empty,
 * permissions of PTE_R, PTE_W and PTE_X with W only beside R (RISC-V has no
 * write-only pages: the kernel could not map one), page-aligned, and inside
 * the VA space (for a canonical format, in one of its halves). Returns false with "region 0xSTART-0xEND ... what is wrong" in
 * err otherwise. */
WARN_UNUSED bool replay_region_check(const struct pt_format *f, const struct region *r, char *err, size_t errlen);

/* Replays every record of r. Returns 0, or 1 with a message in err when the
 * trace had a bad line (a record whose address lies beyond the VA space is
 * one), a region of o fails replay_region_check (nothing is replayed then),
 * or the host failed (swap I/O: then the kernel's error is set). */
int replay_run(struct kernel *k, struct trace_reader *r, const struct replay_opts *o, struct replay_stats *st,
	       char *err, size_t errlen);

#endif
