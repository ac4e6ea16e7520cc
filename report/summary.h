/* The end-of-run summary: a human-readable block, or one JSON object, built
 * from the kernel's and the MMU's counters. */
#ifndef REPORT_SUMMARY_H
#define REPORT_SUMMARY_H

#include <stdio.h>

#include "os/kernel.h"

/* Workload-specific figures the summary prints alongside the kernel's. */
struct summary_input {
	uint64_t references;  /* page accesses (trace) or translations (programs) */
	uint64_t tlb_hits, tlb_misses;
	uint64_t sim_ns;      /* the run's virtual time */
	bool programs;        /* processes ran programs: per-process instructions, exit */
	uint64_t instructions;
};

void summary_print(FILE *out, const struct kernel *k, const struct summary_input *in);
void summary_json(FILE *out, const struct kernel *k, const struct summary_input *in);

#endif
