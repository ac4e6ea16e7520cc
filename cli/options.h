/* The machine options shared by `vmlab trace` and `vmlab run`: memory
 * mechanism, page-table preset, page size, RAM, TLB, replacement policy,
 * swap, caches, latency, seed. A table of rows (cli/opt.h) parses them;
 * machine_opts_finish checks what depends on several of them (an option
 * that only some mechanisms have, given under another) and builds the
 * kernel's configuration. */
#ifndef CLI_OPTIONS_H
#define CLI_OPTIONS_H

#include "cli/opt.h"
#include "os/kernel.h"

/* The mechanisms an option means something under, and what the others lack:
 * either the thing ("TLB": "base-bounds has no TLB") or a whole sentence
 * ("only --mmu base-bounds has a fixed address-space size"). */
struct mech_need {
	unsigned mechs;     /* bit (1u << enum mmu_mech_kind) per mechanism that has it */
	const char *thing;  /* NULL when only is the message */
	const char *only;
};

#define MACHINE_GIVEN_MAX 32 /* more than the machine options there are */

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
	const char *as_size;      /* --as-size as given (its range depends on the page size and RAM) */
	/* the options given that only some mechanisms have, each once, in
	 * command-line order */
	struct {
		const char *option; /* "--tlb-entries" */
		const struct mech_need *need;
	} given[MACHINE_GIVEN_MAX];
	unsigned ngiven;
};

void machine_opts_defaults(struct machine_opts *mo);

/* The table of machine options, as a group whose setters fill mo. */
struct opt_group machine_opts_group(struct machine_opts *mo);

/* Checks what depends on several options (the page size and the RAM, the
 * preset and its fixed geometry, the options only some mechanisms have) and
 * resolves them into mo->k (page-table format, frames, swap, address-space
 * size); returns false after printing "vmlab: what is wrong". Under a
 * mechanism other than paging the page tables are not used: the format is
 * sv39's, or linear's with --page-size (the granule memory is handed out in). */
bool machine_opts_finish(struct machine_opts *mo);

/* Whether the RAM for processes (after machine_opts_finish) holds what one
 * instruction can need at once (kernel_minimum), as running programs
 * requires; false after "vmlab: --ram SIZE: too small; ..." naming the
 * option and the minimum. */
bool machine_opts_fit_programs(const struct machine_opts *mo);

#endif
