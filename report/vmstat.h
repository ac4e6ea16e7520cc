/* `vmlab run --vmstat INTERVAL`: one line per interval of virtual time, in
 * the spirit of vmstat(8) (OSTEP's swapping homework runs `vmstat 1` beside
 * a program that needs more memory than there is):
 *
 *   procs --memory (KiB)-- --swap (pages/s)- ---faults/s---- -TLB/s- --cpu %--
 *    r  b     swpd     free       si       so    minor    major  misses us sy id
 *
 * r: processes that can run, b: asleep or waiting for a child; swpd: swap
 * in use, free: free memory frames; si, so: pages swapped in and out per
 * second; minor, major: page faults per second; misses: TLB misses per
 * second; us, sy, id: the share of the interval's virtual time spent running
 * programs (instructions and their memory references), in the kernel for
 * them (faults, disk, its copies) and with every process asleep. Rates are
 * per second of virtual time. The header comes again after every
 * VMSTAT_HEADER_EVERY lines, as vmstat repeats its own. */
#ifndef REPORT_VMSTAT_H
#define REPORT_VMSTAT_H

#include <stdint.h>
#include <stdio.h>

#include "os/sched.h"

#define VMSTAT_HEADER_EVERY 20

struct vmstat_sample {
	uint64_t now_ns, system_ns, idle_ns;
	uint64_t swap_ins, swap_outs, minor, major, tlb_misses;
};

struct vmstat {
	const struct sched *s;
	FILE *out;
	uint64_t interval_ns;
	uint64_t next_ns;          /* the end of the interval in progress */
	struct vmstat_sample last; /* at the end of the last line's interval */
	unsigned lines;
};

/* Starts the lines of s's run, one per interval_ns (> 0) of virtual time. */
void vmstat_init(struct vmstat *v, const struct sched *s, uint64_t interval_ns, FILE *out);

/* Prints the line of every interval that has ended (sched_config.on_slice). */
void vmstat_tick(void *ctx);

/* Prints the line of the interval the run ended in, if any time passed in it. */
void vmstat_finish(struct vmstat *v);

#endif
