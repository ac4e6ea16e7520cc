/* Base and bounds (dynamic relocation, OSTEP ch. 15): two registers per
 * process; a user access at va < bounds goes to base + va, any other faults
 * (FAULT_BOUNDS). No TLB: every translation is direct. The supervisor's
 * accesses are unrelocated (physical). */
#include "hw/mech.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

struct bb_regs {
	paddr_t base;
	uint64_t bounds;
};

static bool bb_init(struct mmu *m, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	m->state = xcalloc(1, sizeof(struct bb_regs)); /* bounds 0: every user access faults */
	return true;
}

static void bb_fini(struct mmu *m)
{
	free(m->state);
	m->state = NULL;
}

static bool bb_translate(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa,
			 struct fault *f)
{
	m->c.direct++;
	if (priv == PRIV_SUPERVISOR)
		return mech_physical(m, va, acc, priv, pa, f);
	const struct bb_regs *r = m->state;
	return mech_relocate(r->base, r->bounds, va, acc, pa, f);
}

static enum mmu_status bb_load(struct mmu *m, const struct mmu_context *ctx, char *err, size_t errlen)
{
	if (!mech_in_ram(m, ctx->bb.base, ctx->bb.bounds)) {
		snprintf(err, errlen, "base 0x%" PRIx64 " and bounds 0x%" PRIx64 " reach beyond physical memory (0x%" PRIx64
			 " bytes)", ctx->bb.base, ctx->bb.bounds, m->pm->size);
		return MMU_ERANGE;
	}
	struct bb_regs *r = m->state;
	r->base = ctx->bb.base;
	r->bounds = ctx->bb.bounds;
	return MMU_OK;
}

static void bb_save(const struct mmu *m, struct mmu_context *ctx)
{
	const struct bb_regs *r = m->state;
	ctx->bb.base = r->base;
	ctx->bb.bounds = r->bounds;
}

static void bb_describe(const struct mmu *m, vaddr_t va, paddr_t pa, char *buf, size_t len)
{
	const struct bb_regs *r = m->state;
	if (va >= r->bounds || pa != r->base + va) { /* not relocated: a supervisor access */
		snprintf(buf, len, "va 0x%" PRIx64 " = pa 0x%" PRIx64 " (supervisor: not relocated)", va, pa);
		return;
	}
	snprintf(buf, len, "va 0x%" PRIx64 " + base 0x%" PRIx64 " = pa 0x%" PRIx64 " (bounds 0x%" PRIx64 ")", va,
		 r->base, pa, r->bounds);
}

const struct mmu_mech mmu_base_bounds = {
	.name = "base-bounds",
	.kind = MMU_MECH_BASE_BOUNDS,
	.init = bb_init,
	.fini = bb_fini,
	.load = bb_load,
	.save = bb_save,
	.translate = bb_translate,
	.describe = bb_describe,
};
