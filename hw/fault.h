/* A translation fault is data, not an error: what went wrong, where, and for
 * which access. The kernel handles it or reports it as the process's death. */
#ifndef HW_FAULT_H
#define HW_FAULT_H

#include "lib/types.h"

enum fault_kind {
	FAULT_NONE = 0,
	FAULT_VA_RANGE,      /* VA beyond the format's width, or not canonical */
	FAULT_NOT_PRESENT,   /* invalid PTE; level says where the walk stopped */
	FAULT_PROTECTION,    /* the leaf forbids the access; violated names R/W/X/U */
	FAULT_MISALIGNED,    /* superpage whose PPN is not aligned to its size */
	FAULT_RESERVED,      /* reserved encoding: W without R, pointer at level 0, ... */
	FAULT_AD,            /* software-managed A/D: A clear, or D clear on a write */
	FAULT_BUS,           /* a page table or the data lies outside physical memory */
	FAULT_TLB_MISS,      /* software-managed TLB: the kernel must refill */
	FAULT_BOUNDS,        /* base and bounds, partition: va not below the bounds (limit) */
	FAULT_SEGMENT,       /* segmentation: offset beyond the segment's limit (segment, offset, limit) */
	FAULT_SEG_PROT,      /* segmentation: the segment forbids the access; violated names R/W/X */
	FAULT_KIND_COUNT
};

/* RISC-V exception causes (privileged spec, table "mcause values"). */
enum {
	CAUSE_FETCH_ACCESS = 1,
	CAUSE_LOAD_MISALIGNED = 4,  /* "load address misaligned" */
	CAUSE_LOAD_ACCESS = 5,
	CAUSE_STORE_MISALIGNED = 6, /* "store/AMO address misaligned" */
	CAUSE_STORE_ACCESS = 7,
	CAUSE_FETCH_PAGE_FAULT = 12,
	CAUSE_LOAD_PAGE_FAULT = 13,
	CAUSE_STORE_PAGE_FAULT = 15,
};

struct fault {
	enum fault_kind kind;
	enum access access;
	vaddr_t va;
	int level;          /* page-table level where the walk stopped, -1 if none */
	unsigned violated;  /* for FAULT_PROTECTION: canonical PTE_R/W/X/U bits missing or forbidden */
	enum priv priv;     /* who made the access */
	/* Set by the contiguous mechanisms only (FAULT_BOUNDS, FAULT_SEGMENT,
	 * FAULT_SEG_PROT); the page walk leaves them alone. */
	const char *segment; /* the segment's name (static storage), NULL for bounds */
	int64_t offset;      /* into the segment, negative for one that grows down; the va for bounds */
	uint64_t limit;      /* the segment's limit, or the bounds */
};

const char *fault_kind_name(enum fault_kind k);

/* The RISC-V cause a CPU would raise for this fault. */
unsigned fault_cause(const struct fault *f);

/* Writes a one-line description ("not present (invalid PTE at level 1)",
 * "protection: the page is not writable (no W)", "segmentation violation:
 * write at offset 0x2010 of the heap segment, beyond its limit 0x2000") into buf. */
void fault_describe(const struct fault *f, char *buf, size_t len);

#endif
