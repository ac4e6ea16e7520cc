/* The machine options shared by `vmlab trace` and `vmlab run`: page-table
 * preset, page size, RAM, TLB, replacement policy, swap, latency, seed. */
#ifndef CLI_OPTIONS_H
#define CLI_OPTIONS_H

#include "os/kernel.h"

struct machine_opts {
	struct kernel_config k;
	const char *pt;           /* preset name */
	uint64_t page_size;       /* 0 = the preset's */
	unsigned va_bits;         /* 0 = the preset's (linear, custom) */
	const char *pt_bits;      /* custom: index bits per level, root first ("9,9,9") */
	unsigned pte_size;        /* custom: 4 or 8 */
	uint64_t ram;             /* bytes, or 0 */
	uint64_t frames;          /* or 0 */
	uint64_t swap_size;       /* bytes; UINT64_MAX = default (8 x RAM) */
	bool tlb_ways_given;
};

void machine_opts_defaults(struct machine_opts *mo);

/* Tries to take the option at argv[*i] (and its value). Returns 1 when it was
 * a machine option, 0 when it is not one, -1 after printing a usage error. */
int machine_opts_parse(struct machine_opts *mo, int argc, char **argv, int *i);

/* Resolves the options into mo->k (page-table format, frames, swap); returns
 * false after printing "vmlab: what is wrong". */
bool machine_opts_finish(struct machine_opts *mo);

/* Parses "4096", "4k", "16m", "1g" (powers of 1024); false on anything else. */
bool parse_size(const char *s, uint64_t *out);
/* Parses a decimal unsigned integer; false on anything else. */
bool parse_u64(const char *s, uint64_t *out);

/* Help text for the machine options. */
extern const char machine_opts_help[];

#endif
