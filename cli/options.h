/* The machine options shared by `vmlab trace` and `vmlab run`: page-table
 * preset, page size, RAM, TLB, replacement policy, swap, caches, latency,
 * seed. A table of rows (cli/opt.h) parses them; machine_opts_finish checks
 * what depends on several of them and builds the kernel's configuration. */
#ifndef CLI_OPTIONS_H
#define CLI_OPTIONS_H

#include "cli/opt.h"
#include "os/kernel.h"

struct machine_opts {
	struct kernel_config k;
	const char *pt;           /* preset name */
	uint64_t page_size;       /* 0 = the preset's */
	unsigned va_bits;         /* 0 = the preset's (linear, custom) */
	unsigned pt_bits[PT_MAX_LEVELS]; /* custom: index bits per level, root first */
	unsigned npt_bits;        /* 0: --pt-bits not given */
	const char *pt_bits_text; /* as given, for messages */
	unsigned pte_size;        /* custom: 4 or 8 */
	bool pte_size_given;
	/* as given (NULL when not): their ranges depend on the page size */
	const char *ram, *frames;
	const char *swap_size;    /* NULL: 8 x RAM */
	bool tlb_ways_given;
	const char *tlb_l2;       /* --tlb-l2 as given, for messages */
};

void machine_opts_defaults(struct machine_opts *mo);

/* The table of machine options, as a group whose setters fill mo. */
struct opt_group machine_opts_group(struct machine_opts *mo);

/* Checks what depends on several options (the page size and the RAM, the
 * preset and its fixed geometry) and resolves them into mo->k (page-table
 * format, frames, swap); returns false after printing "vmlab: what is wrong". */
bool machine_opts_finish(struct machine_opts *mo);

/* Whether the RAM for processes (after machine_opts_finish) holds what one
 * instruction can need at once (kernel_minimum), as running programs
 * requires; false after "vmlab: --ram SIZE: too small; ..." naming the
 * option and the minimum. */
bool machine_opts_fit_programs(const struct machine_opts *mo);

#endif
