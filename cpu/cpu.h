/* The RISC-V CPU: an RV64IMAC user-mode interpreter. Every instruction fetch,
 * load and store goes through the MMU and its modelled TLB. The pages used
 * recently are kept (and dropped whenever the TLB changes) so that using them
 * again costs a compare, while counting as the TLB hit it is and updating the
 * TLB's replacement state exactly as a lookup would: the TLB is the same,
 * counter for counter, as if every access had been looked up (the counts are
 * settled whenever cpu_run returns). The CPU runs a budget of instructions and
 * returns why it stopped; the kernel handles system calls and faults and runs
 * it again. */
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
	CPU_MISALIGNED, /* an atomic (lr, sc, amo*) at pc whose address is not aligned to its width:
			   exit.fault.va and .access (READ for lr: cause CAUSE_LOAD_MISALIGNED; WRITE
			   for sc and the AMOs: CAUSE_STORE_MISALIGNED), exit.fault.kind FAULT_NONE
			   (no translation was tried), exit.insn; nothing changed */
};

struct cpu_exit {
	enum cpu_stop why;
	struct fault fault;  /* CPU_FAULT */
	uint32_t insn;       /* the instruction at pc (16-bit ones zero-extended); 0 after a
				fetch fault, or an illegal pc (odd) */
};

/* What one instruction can touch at most: its fetch, up to CPU_MAX_INSN_BYTES
 * at a pc aligned to CPU_INSN_ALIGN bytes, and one load or store (an AMO is
 * both, at one address) of up to CPU_MAX_ACCESS_BYTES at any address, as
 * loads and stores may be misaligned. The kernel's minimum working set is
 * built from these (kernel_minimum). */
#define CPU_MAX_INSN_BYTES 4
#define CPU_INSN_ALIGN 2
#define CPU_MAX_ACCESS_BYTES 8

/* A decoded instruction (private to cpu.c): the decode of raw, its tag. */
struct cpu_insn {
	uint32_t raw;        /* the instruction word fetched (a compressed one in the low half) */
	int32_t imm;         /* the immediate, shift amount or access width */
	uint8_t op, sub;     /* what to do, and its variant */
	uint8_t rd, rs1, rs2;
	uint8_t len;         /* 2 or 4 bytes */
};

/* The shadow call stack (kept only after cpu_track_calls: vmlab run
 * --memcheck's stacks, which must not depend on how the code was compiled):
 * a call is a jal or jalr that links in ra or t0, a return a jalr x0 through
 * one of them. A return pops to the call it returns from (when that is one of
 * the CALLS_MATCH newest); a call first drops the calls whose caller's sp
 * lies below its own, left behind by a longjmp. */
struct cpu_call {
	uint64_t target; /* the function called */
	uint64_t ret;    /* where it returns to */
	uint64_t sp;     /* the caller's sp at the call */
};

struct cpu_calls {
	struct cpu_call *v;
	uint32_t n, cap;
};

#define CPU_CALLS_MAX (1u << 20) /* deeper calls are not kept (their returns match none) */

/* A checker of every instruction (vmlab run --memcheck; only after
 * cpu_check_with, otherwise the CPU pays nothing for it). The CPU keeps the
 * V bits of its registers (a set bit: that bit is undefined) and propagates
 * them through every instruction as valgrind's memcheck does: copies keep
 * them, and/or are exact (a defined 0 or 1 decides), add and sub spread an
 * undefined bit to all above it, a shift moves them (an undefined amount
 * spreads to all), multiply, divide and compares spread to the whole result,
 * loads take the V bits of memory and stores give them back; with them goes
 * the origin of undefined bits (valgrind's --track-origins). It tells the
 * checker of each load and store before it is made (an AMO is both), and of
 * each use of an undefined value: a branch it decides, or an address. */
enum cpu_use { CPU_USE_BRANCH, CPU_USE_ADDRESS };

struct cpu_checker {
	void *ctx;
	/* The instruction at pc is about to load size bytes at va: their V
	 * bits (little-endian), and in *origin where undefined ones came from
	 * (the checker's tag; 0: not known). */
	uint64_t (*load)(void *ctx, vaddr_t va, unsigned size, uint32_t *origin);
	/* It is about to store size bytes at va whose V bits are v, from origin. */
	void (*store)(void *ctx, vaddr_t va, unsigned size, uint64_t v, uint32_t origin);
	/* An undefined value (from origin) decided a branch or made an address. */
	void (*used)(void *ctx, enum cpu_use use, uint32_t origin);
	/* sp moved down from hi to lo: [lo, hi) is new stack, undefined. */
	void (*stack_grew)(void *ctx, vaddr_t lo, vaddr_t hi);
};

struct cpu_check {
	const struct cpu_checker *ops;
	uint64_t v[32];  /* the registers' V bits (v[0] stays 0) */
	uint32_t o[32];  /* where each register's undefined bits came from: an
			    undefined operand's origin goes to the result */
};

#define CPU_STACK_SWITCH (1ull << 24) /* sp moving down further is a switch to another stack, not growth */

/* Decoded instructions cached, indexed by pc / 2 (a power of two). */
#define CPU_DECODED 1024

/* Pages kept per access type, direct-mapped by page number (a power of two). */
#define CPU_PAGES 16

/* A page whose translation the CPU keeps (private to cpu.c): a page recently
 * fetched from, loaded from or stored to. Its translation is entry of `tlb`,
 * the MMU's TLB for that access; every later use counts as the TLB hit it
 * is. Valid while `epoch` is the CPU's. */
struct cpu_page {
	vaddr_t va;          /* the page's first address */
	uint64_t epoch;
	uint8_t *host;       /* where its first byte is in the host */
	paddr_t pa;          /* its first physical address */
	struct tlb *tlb;
	const struct tlb_entry *entry;
};

/* A use of a kept TLB entry whose effects (a touch of its slot, the stamp of
 * the frame at pa) the CPU has not applied yet (private to cpu.c). */
struct cpu_touch {
	struct tlb *tlb;
	const struct tlb_entry *e;
	paddr_t pa;
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
	bool no_page_cache;  /* debug: translate every fetch, load and store in full (the
				tests show that keeping pages changes nothing in the model) */
	struct cpu_calls *calls; /* the shadow call stack (NULL: not kept) */
	struct cpu_check *check; /* the checker of every instruction (NULL: none) */

	/* Private to cpu.c. */
	uint64_t page_mask;  /* the MMU's base page size - 1 */
	unsigned page_shift;
	uint64_t epoch;      /* kept pages of an earlier epoch are gone */
	uint64_t seen_gen;   /* the TLBs' generations (summed) and the ASID when */
	asid_t seen_asid;    /* the epoch began */
	struct cpu_touch touch[2]; /* touches of kept TLB entries the CPU owes its TLBs: */
	unsigned newer;            /* touch[newer] after touch[newer ^ 1] (e NULL: none) */
	uint64_t data_hits;  /* uses of kept data pages not yet counted in the TLB */
	/* The fetch window: the kept page the loop fetches from, copied. A pc
	 * with pc - win_va <= win_span is in it (none: 1 and 0, which no even pc
	 * can meet). */
	vaddr_t win_va;
	uint64_t win_span;   /* the page size - 4: where a 4-byte fetch still fits */
	const uint8_t *win_host;
	paddr_t win_pa;
	struct tlb *win_tlb;
	const struct tlb_entry *win_entry;
	uint64_t win_hits;   /* fetches through it not yet counted */
	struct cpu_page page[3][CPU_PAGES]; /* by enum access, then page number */
	struct cpu_insn decoded[CPU_DECODED];
};

/* Prepares a CPU with zeroed registers and counters, pc = entry, over mmu
 * and pm (pm must be the MMU's physical memory). */
void cpu_init(struct cpu *c, struct mmu *m, struct physmem *pm, vaddr_t entry);

/* Keeps c's shadow call stack from now on. */
void cpu_track_calls(struct cpu *c);

/* Runs c checked by ops from now on, its registers all defined. */
void cpu_check_with(struct cpu *c, const struct cpu_checker *ops);

/* Makes dst a copy of src (a fork's child), its own shadow call stack and
 * V bits too. */
void cpu_copy(struct cpu *dst, const struct cpu *src);

/* Frees what c holds besides itself (its shadow call stack, its V bits). */
void cpu_fini(struct cpu *c);

/* Forgets the pages kept. Never needed for correctness: cpu_run notices TLB
 * inserts, flushes and context switches by itself. fence.i calls it. */
static inline void cpu_flush_fetch(struct cpu *c)
{
	c->epoch++;
	c->win_va = 1;
	c->win_span = 0;
}

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
