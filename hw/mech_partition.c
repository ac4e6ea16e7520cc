/* Fixed partitions: physical memory (from cfg.part.first) cut at boot into
 * cfg.part.count partitions of one size. A process's context is its partition
 * (base, size); a user access at va < size goes to base + va, any other
 * faults (FAULT_BOUNDS, the limit the partition size). No TLB: every
 * translation is direct. The supervisor's accesses are unrelocated. */
#include "hw/mech.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

struct part_state {
	paddr_t first;   /* the partition table, fixed at init */
	uint64_t size;
	unsigned count;
	paddr_t base;    /* the current partition: base ... */
	uint64_t limit;  /* ... and its size (0 before the first load: every user access faults) */
};

/* Checks the geometry and fills in a size of 0 (ram above first / count, whole pages). */
static bool part_geometry(struct mmu *m, struct part_state *s, char *err, size_t errlen)
{
	const struct mmu_part_config *pc = &m->cfg.part;
	if (pc->count == 0 || pc->first > m->pm->size) {
		snprintf(err, errlen, "partition: %s", pc->count ? "the first partition lies beyond physical memory" :
								   "needs a partition count");
		return false;
	}
	s->first = pc->first;
	s->count = pc->count;
	s->size = pc->size ? pc->size : ((m->pm->size - pc->first) / pc->count) & ~mask_bits(m->pm->page_shift);
	if (s->size == 0 || s->size > (m->pm->size - pc->first) / pc->count) {
		snprintf(err, errlen, "partition: %u partitions of 0x%" PRIx64 " bytes from 0x%" PRIx64
			 " do not fit in physical memory (0x%" PRIx64 " bytes)", pc->count, s->size, pc->first,
			 m->pm->size);
		return false;
	}
	return true;
}

static bool part_init(struct mmu *m, char *err, size_t errlen)
{
	struct part_state *s = xcalloc(1, sizeof *s);
	m->state = s;
	return part_geometry(m, s, err, errlen);
}

static void part_fini(struct mmu *m)
{
	free(m->state);
	m->state = NULL;
}

unsigned mmu_partition_count(const struct mmu *m)
{
	if (m->mech != &mmu_partition)
		panic("the %s MMU has no partitions", m->mech->name);
	return ((const struct part_state *)m->state)->count;
}

void mmu_partition_context(const struct mmu *m, unsigned i, struct mmu_context *ctx)
{
	const struct part_state *s = m->state;
	if (i >= mmu_partition_count(m))
		panic("partition %u of %u", i, s->count);
	*ctx = (struct mmu_context){.kind = MMU_MECH_PARTITION, .part = {s->first + i * s->size, s->size}};
}

static bool part_translate(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa,
			   struct fault *f)
{
	const struct part_state *s = m->state;
	m->c.direct++;
	if (priv == PRIV_SUPERVISOR)
		return mech_physical(m, va, acc, priv, pa, f);
	return mech_relocate(s->base, s->limit, va, acc, pa, f);
}

/* A partition's context must name one of the fixed partitions, whole, or be
 * none (base and size 0, what an MMU starts with: every user access faults). */
static enum mmu_status part_load(struct mmu *m, const struct mmu_context *ctx, char *err, size_t errlen)
{
	struct part_state *s = m->state;
	paddr_t base = ctx->part.base;
	if (base == 0 && ctx->part.size == 0) {
		s->base = s->limit = 0;
		return MMU_OK;
	}
	if (ctx->part.size != s->size || base < s->first || (base - s->first) % s->size ||
	    (base - s->first) / s->size >= s->count) {
		snprintf(err, errlen, "base 0x%" PRIx64 " size 0x%" PRIx64 " is not one of the %u partitions of 0x%" PRIx64
			 " bytes from 0x%" PRIx64, base, ctx->part.size, s->count, s->size, s->first);
		return MMU_ERANGE;
	}
	s->base = base;
	s->limit = s->size;
	return MMU_OK;
}

static void part_save(const struct mmu *m, struct mmu_context *ctx)
{
	const struct part_state *s = m->state;
	ctx->part.base = s->base;
	ctx->part.size = s->limit;
}

static void part_describe(const struct mmu *m, vaddr_t va, paddr_t pa, char *buf, size_t len)
{
	const struct part_state *s = m->state;
	if (va >= s->limit || pa != s->base + va) {
		snprintf(buf, len, "va 0x%" PRIx64 " = pa 0x%" PRIx64 " (supervisor: not relocated)", va, pa);
		return;
	}
	snprintf(buf, len, "va 0x%" PRIx64 " + base 0x%" PRIx64 " = pa 0x%" PRIx64 " (partition %" PRIu64
		 ", size 0x%" PRIx64 ")", va, s->base, pa, (s->base - s->first) / s->size, s->size);
}

const struct mmu_mech mmu_partition = {
	.name = "partition",
	.kind = MMU_MECH_PARTITION,
	.init = part_init,
	.fini = part_fini,
	.load = part_load,
	.save = part_save,
	.translate = part_translate,
	.describe = part_describe,
};
