/* What os/cmem.c and os/cmem_swap.c (whole-process swapping) share; nothing
 * else includes it. */
#ifndef OS_CMEM_INT_H
#define OS_CMEM_INT_H

#include "os/cmem.h"

struct cmem {
	bool partitioned, segmented;
	struct contig alloc;        /* base-bounds, segmentation */
	struct contig_part parts;   /* partition */
	uint64_t limit;             /* partition, base-bounds: every address space's size */
	uint64_t seg_max;           /* segmentation: bytes of va per selector */
	unsigned stack_sel;         /* segmentation: the stack's selector (the last) */
	uint64_t next_id;           /* the last owner id handed out */
	uint64_t switches;          /* cmem_switch calls: the clock of cm_last */
	uint64_t frees;             /* blocks freed so far */
	struct contig_stats worst;  /* the holes when external fragmentation was worst */
	uint64_t peak_shared, peak_saved; /* segmentation: code segments shared at once, and the bytes
					     that saved, at the most */
	struct cmem_code *codes;
	struct proc *loading;       /* the process exec or fork is building (outside the table) */
	uint64_t spaces, space_bytes, unused; /* partition, base-bounds: address spaces in memory, their */
	uint64_t peak_spaces, peak_space_bytes, peak_unused; /* bytes, those unused (account); at the most */
};

/* One block of a process: a selector (0 under partition and base-bounds). */
struct blk {
	unsigned sel;
	paddr_t base;
	uint64_t size;
};

static inline uint64_t page_size(const struct kernel *k) { return 1ull << k->fmt.page_shift; }
static inline uint64_t page_up(const struct kernel *k, uint64_t a) { return (a + page_size(k) - 1) & ~(page_size(k) - 1); }
static inline uint8_t *ram(struct kernel *k, paddr_t pa, uint64_t n) { return physmem_ptr(&k->pm, pa, n); }

static inline contig_id owner_of(uint64_t id, unsigned sel) { return contig_owner((uint32_t)id, sel); }

static inline uint64_t blocks_bytes(const struct blk *b, unsigned n)
{
	uint64_t sum = 0;
	for (unsigned i = 0; i < n; i++)
		sum += b[i].size;
	return sum;
}

/* p's blocks (its code segment is not one of them: struct cmem_code). */
unsigned cmem_blocks_of(const struct kernel *k, const struct proc *p, struct blk b[2]);
/* Sets the register of p's block sel to a block at base of size bytes. */
void cmem_set_block(struct proc *p, unsigned sel, paddr_t base, uint64_t size);
/* partition, base-bounds: adds p's address space in memory (sign +1) to the
 * internal fragmentation's figures, or takes it away (-1). */
void cmem_account(struct kernel *k, const struct proc *p, int sign);
/* p's registers changed: the MMU holds them again when p is current. */
void cmem_regs_changed(struct kernel *k, struct proc *p);
void cmem_free_block(struct cmem *cm, contig_id owner);
/* A block of bytes for owner, making room as configured (keep stays in
 * memory); false when none. */
bool cmem_place(struct kernel *k, contig_id owner, uint64_t bytes, const struct proc *keep, paddr_t *base);
/* Places every block of p (sizes from b) for p itself; on failure frees
 * those placed. */
bool cmem_place_all(struct kernel *k, struct proc *p, const struct blk *b, unsigned n);
/* Puts code segment c in memory for one more process in memory; one fewer. */
bool cmem_code_in(struct kernel *k, struct cmem_code *c, const struct proc *keep);
void cmem_code_out(struct kernel *k, struct cmem_code *c);

/* cmem_swap.c: swaps out the process that ran least recently, other than
 * keep; false when none can go. */
bool cmem_swap_out_oldest(struct kernel *k, const struct proc *keep);
/* fork's copy when the parent was swapped out to make room for the child:
 * the child's blocks b (n of them, in the parent's order) are read from the
 * parent's swap image. False on a host error (the kernel's error is set; the
 * child holds nothing). */
bool cmem_copy_from_swap(struct kernel *k, struct proc *parent, struct proc *child, const struct blk *b,
			 unsigned n);

#endif
