/* What the mechanisms (hw/mech_*.c) share with mmu.c and with each other;
 * not for the drivers or the kernel, which use hw/mmu.h. */
#ifndef HW_MECH_H
#define HW_MECH_H

#include "hw/mmu.h"

/* Invalidates every TLB of m (no shootdown counted: a context switch's flush). */
void mech_flush_tlbs(struct mmu *m);

/* An unrelocated access (the supervisor's under the contiguous mechanisms):
 * pa = va inside physical memory, FAULT_BUS outside it. */
WARN_UNUSED bool mech_physical(const struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa,
			       struct fault *f);

/* A user access through a base register and a limit (base and bounds, a
 * partition): va < limit goes to base + va, any other is FAULT_BOUNDS. No
 * side effects. */
WARN_UNUSED bool mech_relocate(paddr_t base, uint64_t limit, vaddr_t va, enum access acc, paddr_t *pa,
			       struct fault *f);

/* The canonical permission bit (PTE_R, PTE_W, PTE_X) an access needs. */
static inline unsigned mech_access_bit(enum access acc)
{
	return acc == ACCESS_WRITE ? PTE_W : acc == ACCESS_EXEC ? PTE_X : PTE_R;
}

/* Whether [base, base + size) lies in physical memory (size 0: base <= its end). */
bool mech_in_ram(const struct mmu *m, paddr_t base, uint64_t size);

/* The hooks a mechanism without state or registers shares (bare). */
bool mech_init_none(struct mmu *m, char *err, size_t errlen);
void mech_fini_none(struct mmu *m);

#endif
