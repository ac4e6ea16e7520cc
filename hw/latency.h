/* Counters of everything the memory hardware did, and the latency model that
 * turns them into simulated nanoseconds. Time is a pure function of the
 * counters: nothing reads the host clock. */
#ifndef HW_LATENCY_H
#define HW_LATENCY_H

#include "lib/types.h"
#include "lib/util.h"

/* Where a memory reference was served. Without a cache model every reference
 * is served by DRAM. */
enum mem_level {
	MEM_L1,
	MEM_L2,
	MEM_L3,
	MEM_DRAM,
	MEM_LEVELS
};

struct latency {
	uint64_t tlb_hit_ns;      /* an L1 TLB lookup (charged on every translation) */
	uint64_t tlb_l2_ns;       /* a second-level TLB lookup */
	uint64_t mem_ns[MEM_LEVELS]; /* a reference served by L1, L2, L3, DRAM */
	uint64_t fault_ns;        /* entering and leaving the kernel's fault handler */
	uint64_t disk_read_ns;    /* reading one page from the swap device */
	uint64_t disk_write_ns;   /* writing one page to the swap device */
};

/* The usual table: TLB 1 ns, L1 1, L2 4, L3 40, DRAM 80 ns, a fault 1 us,
 * an SSD page read or write 100 us. */
void latency_defaults(struct latency *lat);

/* Sets one value by name ("tlb", "tlb-l2", "l1", "l2", "l3", "dram", "fault",
 * "disk-read", "disk-write"); returns false for an unknown name. */
WARN_UNUSED bool latency_set(struct latency *lat, const char *name, uint64_t ns);

/* What the hardware and the kernel counted. */
struct hw_counts {
	uint64_t translations;            /* MMU translations (L1 TLB lookups) */
	uint64_t tlb_l2_lookups;
	uint64_t mem_refs[MEM_LEVELS];    /* data and page-walk references by level served */
	uint64_t faults;                  /* traps into the kernel */
	uint64_t disk_reads, disk_writes; /* pages */
};

/* Simulated nanoseconds for the counts. */
uint64_t latency_ns(const struct latency *lat, const struct hw_counts *c);

#endif
