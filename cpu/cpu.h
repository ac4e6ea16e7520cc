/* The RISC-V CPU: an RV64IMAC user-mode interpreter. Every instruction fetch,
 * load and store goes through the MMU and its modelled TLB; a TLB hit is a few
 * compares and an add, and the current instruction page is cached (and
 * invalidated whenever the TLB changes) so that sequential fetches cost a
 * compare, while still counting as TLB hits exactly as a lookup would.
 * The CPU runs a budget of instructions and returns why it stopped; the
 * kernel handles system calls and faults and runs it again. */
#ifndef CPU_CPU_H
#define CPU_CPU_H

#include "hw/fault.h"
#include "hw/mmu.h"
#include "hw/physmem.h"

enum cpu_stop {
	CPU_BUDGET,    /* the budget of instructions ran out */
	CPU_ECALL,     /* pc is at an ecall; the kernel advances pc by 4 after handling it */
	CPU_FAULT,     /* a fetch, load or store faulted: exit.fault; pc is at the instruction (retry after handling) */
	CPU_ILLEGAL,   /* illegal or unsupported instruction at pc: exit.insn */
	CPU_EBREAK,    /* ebreak (or c.ebreak: exit.insn tells) at pc */
};

struct cpu_exit {
	enum cpu_stop why;
	struct fault fault;  /* CPU_FAULT */
	uint32_t insn;       /* the instruction at pc (16-bit ones zero-extended); 0 after a
				fetch fault, or an illegal pc (odd) */
};

struct cpu {
	uint64_t x[32];      /* x[0] reads as 0 */
	uint64_t pc;
	uint64_t instret;    /* instructions retired (rdinstret; rdcycle reads the same) */
	uint64_t loads, stores, fetches; /* memory references made: one per load, store or
					    instruction fetched (an AMO is a load and a store) */
	/* LR/SC: the reserved address, valid while reserved is true. The kernel
	 * clears reserved when something else may have written the address. */
	vaddr_t reservation;
	bool reserved;
	struct mmu *mmu;
	struct physmem *pm;
	uint64_t (*time_ns)(void *ctx); /* rdtime: the machine's virtual clock (NULL: reads instret) */
	void *time_ctx;
	bool no_fetch_cache; /* debug: translate every fetch instead (tests prove both exact) */
	/* The cached instruction page (private to cpu.c): a lookup of
	 * (fetch_asid, fetch_page) in fetch_tlb found slot fetch_slot while the
	 * TLB's generation was fetch_gen. */
	uint64_t page_mask;  /* the MMU's base page size - 1 */
	vaddr_t fetch_page;  /* va of the page start, or 1 when nothing is cached */
	const uint8_t *fetch_host; /* host address of the page's first byte */
	struct tlb *fetch_tlb;
	uint32_t fetch_slot;
	asid_t fetch_asid;
	uint64_t fetch_gen;
};

/* Prepares a CPU with zeroed registers and counters, pc = entry, over mmu
 * and pm (pm must be the MMU's physical memory). */
void cpu_init(struct cpu *c, struct mmu *m, struct physmem *pm, vaddr_t entry);

/* Forgets the cached instruction page. Needed only when the TLB could change
 * without the TLB knowing (never, today): cpu_run notices TLB inserts and
 * flushes and context switches by itself. fence.i calls it. */
static inline void cpu_flush_fetch(struct cpu *c) { c->fetch_page = 1; }

/* Runs at most budget instructions in user mode. Returns why it stopped and
 * fills *exit. Instructions before the stop are retired; the stopping one
 * (ecall, ebreak, faulting, illegal) is not, and pc is at it. */
enum cpu_stop cpu_run(struct cpu *c, uint64_t budget, struct cpu_exit *exit);

/* Writes the disassembly of one instruction at pc (32-bit, or 16-bit
 * compressed in the low half) into buf, e.g. "ld a0, 8(sp)", "c.addi a0, 1",
 * "jal ra, 0x10078", "c.unimp". Anything the CPU does not execute reads
 * "illegal" (with a reason where there is one: "illegal (floating point)"). */
void cpu_disasm(uint32_t insn, vaddr_t pc, char *buf, size_t len);

/* Length in bytes (2 or 4) of the instruction whose low 16 bits are given. */
static inline unsigned cpu_insn_len(uint16_t low) { return (low & 3) == 3 ? 4 : 2; }

#endif
