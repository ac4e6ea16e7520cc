/* The bare mechanism: no translation, no protection, no context. Every
 * address is physical; beyond physical memory is a bus error. */
#include "hw/mech.h"

#include <inttypes.h>
#include <stdio.h>

bool mech_physical(const struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa,
		   struct fault *f)
{
	if (!physmem_contains(m->pm, va, 1)) {
		*f = (struct fault){.kind = FAULT_BUS, .access = acc, .va = va, .level = -1, .priv = priv};
		return false;
	}
	*pa = va;
	return true;
}

bool mech_relocate(paddr_t base, uint64_t limit, vaddr_t va, enum access acc, paddr_t *pa, struct fault *f)
{
	if (va >= limit) {
		*f = (struct fault){.kind = FAULT_BOUNDS, .access = acc, .va = va, .level = -1, .priv = PRIV_USER,
				    .offset = (int64_t)va, .limit = limit};
		return false;
	}
	*pa = base + va;
	return true;
}

bool mech_in_ram(const struct mmu *m, paddr_t base, uint64_t size)
{
	uint64_t ram = m->pm->size;
	return base <= ram && size <= ram - base;
}

bool mech_init_none(struct mmu *m, char *err, size_t errlen)
{
	(void)m, (void)err, (void)errlen;
	return true;
}

void mech_fini_none(struct mmu *m) { (void)m; }

static bool bare_translate(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa,
			   struct fault *f)
{
	m->c.direct++;
	return mech_physical(m, va, acc, priv, pa, f);
}

static enum mmu_status bare_load(struct mmu *m, const struct mmu_context *ctx, char *err, size_t errlen)
{
	(void)m, (void)ctx, (void)err, (void)errlen;
	return MMU_OK;
}

static void bare_save(const struct mmu *m, struct mmu_context *ctx) { (void)m, (void)ctx; }

static void bare_describe(const struct mmu *m, vaddr_t va, paddr_t pa, char *buf, size_t len)
{
	(void)m, (void)pa;
	snprintf(buf, len, "va 0x%" PRIx64 " = pa 0x%" PRIx64 " (bare: no translation)", va, va);
}

const struct mmu_mech mmu_bare = {
	.name = "bare",
	.kind = MMU_MECH_BARE,
	.init = mech_init_none,
	.fini = mech_fini_none,
	.load = bare_load,
	.save = bare_save,
	.translate = bare_translate,
	.describe = bare_describe,
};
