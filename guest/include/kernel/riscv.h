/* The part of xv6's kernel/riscv.h that user programs use: page size and
 * rounding, Sv39 PTE bits and the top of the virtual address space. (xv6's
 * CSR accessors are kernel-only and left out.) */
#ifndef VMLAB_XV6_RISCV_H
#define VMLAB_XV6_RISCV_H

#define PGSIZE   4096	/* bytes per page */
#define PGSHIFT  12	/* bits of offset within a page */

#define PGROUNDUP(sz)   (((sz) + PGSIZE - 1) & ~(PGSIZE - 1))
#define PGROUNDDOWN(a)  (((a)) & ~(PGSIZE - 1))

#define PTE_V  (1L << 0)	/* valid */
#define PTE_R  (1L << 1)
#define PTE_W  (1L << 2)
#define PTE_X  (1L << 3)
#define PTE_U  (1L << 4)	/* user can access */

/* one beyond the highest possible virtual address (Sv39, as xv6 uses it) */
#define MAXVA  (1L << (9 + 9 + 9 + 12 - 1))

#endif
