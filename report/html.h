/* `vmlab run --report FILE.html` and `vmlab trace --report FILE.html`: one
 * self-contained HTML page of what happened in a run, drawn from the
 * machine's own state: physical memory frame by frame at points in time,
 * each process's address space and page table, the TLB, a timeline of
 * faults, evictions, swapping and context switches, memory pressure and a
 * table of the processes; for traces the working set over time.
 *
 * The report samples the machine as the run goes (html_tick, html_ref) at
 * an interval that doubles whenever its HTML_SAMPLES points are full (every
 * other point is dropped then: the counts are cumulative, so what remains is
 * exact), so a run of any length costs the same host memory and file size.
 * It keeps physical memory as it was at up to HTML_SNAPSHOTS of those
 * points (fewer when memory has many frames) and captures each process when
 * it exits, or at the end. html_write writes report/page.html with the data
 * in it (its schema: report/page.md). */
#ifndef REPORT_HTML_H
#define REPORT_HTML_H

#include <stdio.h>

#include "os/kernel.h"

#define HTML_PROCS 256         /* processes drawn one by one (the others are counted) */
#define HTML_SAMPLES 256       /* points in time kept */
#define HTML_SNAPSHOTS 32      /* of them, the most kept with physical memory */
#define HTML_SNAPSHOT_CELLS (1u << 17) /* frames in all snapshots together, at most */
#define HTML_ENTRIES 4096      /* page-table entries per process, TLB entries per TLB */
#define HTML_CELLS 4096        /* state cells per region (a cell covers 2^n pages) */
#define HTML_REGIONS 256       /* regions per process */

enum html_kind { HTML_RUN, HTML_TRACE };

struct html;

/* A report of k's run; title is the command line. Time is virtual
 * nanoseconds for HTML_RUN, read from clock(clock_ctx); references for
 * HTML_TRACE (counted by html_ref; clock unused). */
struct html *html_new(const struct kernel *k, enum html_kind kind, const char *title,
		      uint64_t (*clock)(const void *ctx), const void *clock_ctx);
void html_free(struct html *h);

/* Samples when a point is due (vmlab run calls it after each time slice). */
void html_tick(struct html *h);

/* A trace process p references page vpn (trace/replay.h's on_ref): counts
 * the reference, the working set, and samples when a point is due. */
void html_ref(void *ctx, const struct proc *p, vpn_t vpn);

/* p is about to exit or be killed (the kernel's on_exit): keeps its address
 * space, page table and figures as they are now. */
void html_proc_exit(struct html *h, const struct proc *p);

/* Takes the last point and writes the page to out; false when writing
 * failed (errno says why). */
WARN_UNUSED bool html_write(struct html *h, FILE *out);

#endif
