/* The kernel's half of the contiguous mechanisms (partition, base and bounds,
 * segmentation): each process's memory is one or a few blocks of physical
 * memory, placed whole when the program is loaded and found through the
 * registers of its MMU context, loaded on every switch. The blocks come from
 * the fixed partitions (os/contig_part.h) or the contiguous allocator
 * (os/contig.h, --fit); --compact slides blocks together when a new one does
 * not fit, and --swap-processes writes whole processes out to the swap
 * device (the ones that ran least recently first) and brings them back when
 * the scheduler picks them, every page charged as a disk transfer.
 *
 * The layouts (what .c programs are linked for, what exec accepts):
 *
 *   partition, base-bounds: an address space [0, limit) (the partition's
 *     size, or --as-size): code and data from 0, the heap above them growing
 *     up, the stack at the top growing down; the heap stops stack_room below
 *     the top (cmem_stack_room).
 *   segmentation (OSTEP ch. 16): the top bits of the va choose the segment:
 *     0 code (r-x; text and read-only data), 1 heap (rw-; data, bss and the
 *     heap, growing up with brk: relocated when its neighbour is in the way),
 *     the last one the stack (rw-, growing down from the top of the va space,
 *     CMEM_SEG_STACK bytes). Processes running the same code share one code
 *     segment (the protection bits make it safe).
 *
 * Copies in memory (relocation, compaction, fork) cost two DRAM references
 * per 8 bytes moved in virtual time (kernel_counts.copied_bytes). */
#ifndef OS_CMEM_H
#define OS_CMEM_H

#include <stdio.h>

#include "os/contig_part.h"
#include "os/elf.h"
#include "os/kernel.h"

#define CMEM_SEG_STACK (128u << 10) /* segmentation: bytes of the stack segment */
#define CMEM_SEL_CODE 0
#define CMEM_SEL_HEAP 1

/* A code segment in memory, shared by the processes running the same code. */
struct cmem_code {
	struct cmem_code *next;
	uint64_t id;            /* its block's owner */
	uint64_t hash;          /* of image */
	uint8_t *image;         /* the segment's bytes, as the program file gives them */
	uint64_t size;          /* bytes (whole pages) */
	unsigned users;         /* processes holding it */
	unsigned users_in;      /* ... of them in memory; the block exists while any is */
	bool from_file;         /* a program's (read from its file, at a cost); else a trace's zeros */
	paddr_t base;
};

/* A process's part: its registers and its blocks. */
struct cmem_proc {
	struct mmu_context ctx;   /* loaded into the MMU on every switch to it */
	struct cmem_code *code;   /* segmentation: its code segment */
	uint64_t id;              /* its blocks' owner: contig_owner(id, selector); 0: it holds none */
	uint64_t last;            /* the switch that last ran it: the oldest goes out first */
	uint64_t *out_slots;      /* swapped out: its image's swap slots, page by page */
	uint64_t nout;            /* how many (0 while it is in memory) */
	bool program;             /* it runs a program (a trace process has no heap or stack) */
};

/* What the summary reports. */
struct cmem_stats {
	bool partitioned;
	struct contig_stats contig;      /* base-bounds, segmentation: now ... */
	struct contig_stats worst;       /* ... and when external fragmentation was worst */
	struct contig_part_stats part;   /* partition */
	uint64_t code_segments, code_shared; /* segmentation: in memory, and those with 2+ users */
	uint64_t code_bytes_saved;       /* bytes sharing saves: size x (users - 1) */
	uint64_t peak_code_shared, peak_code_saved; /* the same when sharing saved the most */
	/* partition, base-bounds: the internal fragmentation, the bytes unused
	 * inside the address spaces in memory, between each heap's break and the
	 * room its stack has (cmem_stack_room): now, and when they were most */
	uint64_t spaces, space_bytes, unused_bytes;
	uint64_t peak_spaces, peak_space_bytes, peak_unused_bytes;
};

/* Builds the memory of a contiguous mechanism over the RAM for processes
 * (nothing under paging or bare: k->cm stays NULL). */
WARN_UNUSED bool cmem_new(struct kernel *k, char *err, size_t errlen);
void cmem_free(struct kernel *k);

/* partition: the bytes of each partition (what the MMU is told). */
uint64_t cmem_partition_size(const struct kernel *k);

/* Whether the program image fits the mechanism's layout; false with "path:
 * what layout it needs" in err. */
WARN_UNUSED bool cmem_layout_ok(const struct kernel *k, const struct elf_image *img, int pid, const char *path,
				char *err, size_t errlen);
/* The va limit the ELF parser checks the image against: segmentation's va
 * space; under partition and base-bounds the top of the 64-bit space, so
 * that cmem_layout_ok is the one to refuse a program too big for the
 * address space (its message names the partition or the --as-size). */
vaddr_t cmem_va_limit(const struct kernel *k);
/* partition, base-bounds: the size of process pid's address space (a
 * partition, or --as-size: the pid's own, or the last). */
uint64_t cmem_space_size(const struct kernel *k, int pid);

/* exec's part: places p's blocks (p new, outside the table), copies the
 * image's bytes in, zeroes the rest, and sets p's context, p->stack_top and
 * its heap's start and break. 0, or -GUEST_ENOMEM when no room can be made
 * (nothing is left allocated). */
int cmem_load(struct kernel *k, struct proc *p, const struct elf_file *ef);

/* A trace process's memory (p new): zeroed blocks, an address space of
 * --as-size or a partition (a quarter of it code, a half heap and a quarter
 * stack under segmentation). False when no room can be made. */
WARN_UNUSED bool cmem_spawn(struct kernel *k, struct proc *p);

/* partition, base-bounds: the room at the top of an address space of size
 * bytes for the stack (a quarter of it, at most the stack limit, whole
 * pages); the heap stops below it. */
uint64_t cmem_stack_room(const struct kernel *k, uint64_t size);

/* The highest program break p may set. */
vaddr_t cmem_brk_limit(const struct kernel *k, const struct proc *p);
/* brk: p's program break moves to want (between its heap's start and
 * cmem_brk_limit); the bytes the heap gains are zero. False when it cannot:
 * out of range, or no room can be made (nothing changed). */
bool cmem_brk(struct kernel *k, struct proc *p, vaddr_t want);

/* fork: child gets copies of parent's blocks (the code segment shared);
 * false when no room can be made (the child holds nothing), or on a host
 * error (the kernel's error is set). With --swap-processes the parent itself
 * may go out to make room: the child's copy is then read from its swap
 * image. */
WARN_UNUSED bool cmem_fork(struct kernel *k, struct proc *parent, struct proc *child);

/* Frees everything p holds (in memory or in swap). */
void cmem_release(struct kernel *k, struct proc *p);
/* Frees p's part on the host (p's memory is released, or the machine goes
 * whole). */
void cmem_forget(struct proc *p);

/* Loads p's registers into the MMU (p is in memory). */
void cmem_switch(struct kernel *k, struct proc *p);

/* Whether p is swapped out. */
static inline bool cmem_is_out(const struct proc *p) { return p->cm && p->cm->nout != 0; }
/* Brings p back into memory (swapping others out, as --swap-processes
 * allows); false when there is no room for it now (or a host error: the
 * kernel's error is set). */
WARN_UNUSED bool cmem_bring_in(struct kernel *k, struct proc *p);

/* Bytes p holds in memory, and in swap. */
uint64_t cmem_resident_bytes(const struct kernel *k, const struct proc *p);
uint64_t cmem_swapped_bytes(const struct kernel *k, const struct proc *p);

void cmem_stats(const struct kernel *k, struct cmem_stats *st);
/* Blocks freed so far (memory came free since the count was last read). */
uint64_t cmem_frees(const struct kernel *k);

/* Writes p's registers, one line each ("base 0x40000 bounds 0x100000";
 * a segment table for segmentation), each line starting with indent. */
void cmem_describe_regs(const struct kernel *k, const struct proc *p, const char *indent, FILE *out);

/* How p's registers translate va (the mechanism's explain line: "va ... +
 * base ... = pa ..."), or why they do not, into buf; true when it translates.
 * Counts nothing and leaves the MMU's registers as they were. */
bool cmem_explain_va(struct kernel *k, const struct proc *p, vaddr_t va, char *buf, size_t len);

/* Panics unless the blocks, the processes' registers and the swap slots
 * agree (kernel_check's part). */
void cmem_check(const struct kernel *k);

#endif
