/* Segmentation (OSTEP ch. 16): the top sel_bits of a va_bits-wide virtual
 * address choose a segment register (base, limit, direction, protection), the
 * rest is the offset into it:
 *
 *    va_bits-1     off_bits  off_bits-1              0
 *   +-------------------------+-------------------------+
 *   |  selector (sel_bits)    |  offset                 |
 *   +-------------------------+-------------------------+
 *
 * A segment that grows down takes offset - max (max = 2^off_bits, the largest
 * segment) as its negative offset, as the textbook and its segmentation.py
 * do. No TLB: every translation is direct. The supervisor's accesses are
 * unrelocated. */
#include "hw/mech.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct seg_state {
	unsigned va_bits, off_bits, nsegs;
	const char *names[MMU_SEGMENTS_MAX];
	struct mmu_segment seg[MMU_SEGMENTS_MAX]; /* the registers; limit 0 at first: no segment */
};

static bool seg_init(struct mmu *m, char *err, size_t errlen)
{
	static const char *const numbered[MMU_SEGMENTS_MAX] = {"seg0", "seg1", "seg2", "seg3",
							       "seg4", "seg5", "seg6", "seg7"};
	const struct mmu_seg_config *sc = &m->cfg.seg;
	if (sc->sel_bits < 1 || sc->sel_bits > 3 || sc->va_bits <= sc->sel_bits || sc->va_bits > 63) {
		snprintf(err, errlen, "segmentation: %u selector bits of a %u-bit address (1 to 3 bits, below 64)",
			 sc->sel_bits, sc->va_bits);
		return false;
	}
	struct seg_state *s = xcalloc(1, sizeof *s);
	m->state = s;
	s->va_bits = sc->va_bits;
	s->off_bits = sc->va_bits - sc->sel_bits;
	s->nsegs = 1u << sc->sel_bits;
	for (unsigned i = 0; i < s->nsegs; i++)
		s->names[i] = sc->names[i] ? sc->names[i] : numbered[i];
	return true;
}

static void seg_fini(struct mmu *m)
{
	free(m->state);
	m->state = NULL;
}

static struct fault seg_fault(const struct seg_state *s, enum fault_kind kind, vaddr_t va, enum access acc,
			      unsigned i, int64_t off)
{
	return (struct fault){.kind = kind, .access = acc, .va = va, .level = -1, .priv = PRIV_USER,
			      .violated = kind == FAULT_SEG_PROT ? mech_access_bit(acc) : 0,
			      .segment = s->names[i], .offset = off, .limit = s->seg[i].limit};
}

/* Where va lies: its segment *i, its offset *off (negative for a segment
 * that grows down) and, when the offset is within the segment's limit (the
 * return value), its *pa. */
static bool seg_locate(const struct seg_state *s, vaddr_t va, unsigned *i, int64_t *off, paddr_t *pa)
{
	*i = (unsigned)(va >> s->off_bits);
	const struct mmu_segment *g = &s->seg[*i];
	uint64_t up = va & mask_bits(s->off_bits);
	uint64_t down = ((uint64_t)1 << s->off_bits) - up; /* -(offset - max) */
	*off = g->grows_down ? -(int64_t)down : (int64_t)up;
	if (g->grows_down ? down > g->limit : up >= g->limit)
		return false;
	*pa = g->grows_down ? g->base - down : g->base + up;
	return true;
}

/* The translation of a user access, with no side effects: the address
 * width, the segment's limit, then its protection. */
static bool seg_resolve(const struct seg_state *s, vaddr_t va, enum access acc, paddr_t *pa, struct fault *f)
{
	if (va >> s->va_bits) {
		*f = (struct fault){.kind = FAULT_VA_RANGE, .access = acc, .va = va, .level = -1, .priv = PRIV_USER};
		return false;
	}
	unsigned i;
	int64_t off;
	paddr_t at;
	if (!seg_locate(s, va, &i, &off, &at)) {
		*f = seg_fault(s, FAULT_SEGMENT, va, acc, i, off);
		return false;
	}
	if (!(s->seg[i].prot & mech_access_bit(acc))) {
		*f = seg_fault(s, FAULT_SEG_PROT, va, acc, i, off);
		return false;
	}
	*pa = at;
	return true;
}

static bool seg_translate(struct mmu *m, vaddr_t va, enum access acc, enum priv priv, paddr_t *pa,
			  struct fault *f)
{
	m->c.direct++;
	if (priv == PRIV_SUPERVISOR)
		return mech_physical(m, va, acc, priv, pa, f);
	return seg_resolve(m->state, va, acc, pa, f);
}

/* Whether segment g fits the geometry and physical memory. */
static bool seg_possible(const struct mmu *m, const struct seg_state *s, const struct mmu_segment *g)
{
	if (g->limit == 0)
		return true;
	if (g->limit > (uint64_t)1 << s->off_bits || (g->prot & ~(PTE_R | PTE_W | PTE_X)))
		return false;
	if (g->grows_down)
		return g->base >= g->limit && mech_in_ram(m, g->base - g->limit, g->limit);
	return mech_in_ram(m, g->base, g->limit);
}

static enum mmu_status seg_load(struct mmu *m, const struct mmu_context *ctx, char *err, size_t errlen)
{
	struct seg_state *s = m->state;
	for (unsigned i = 0; i < MMU_SEGMENTS_MAX; i++) {
		const struct mmu_segment *g = &ctx->seg[i];
		if (i >= s->nsegs ? g->limit != 0 : !seg_possible(m, s, g)) {
			snprintf(err, errlen, "segment %u: base 0x%" PRIx64 " limit 0x%" PRIx64 " prot 0x%x %s", i,
				 g->base, g->limit, (unsigned)g->prot,
				 i >= s->nsegs ? "beyond the segments the selector chooses"
					       : "beyond physical memory, the largest segment, or r/w/x");
			return MMU_ERANGE;
		}
	}
	memcpy(s->seg, ctx->seg, s->nsegs * sizeof s->seg[0]);
	return MMU_OK;
}

static void seg_save(const struct mmu *m, struct mmu_context *ctx)
{
	const struct seg_state *s = m->state;
	memcpy(ctx->seg, s->seg, s->nsegs * sizeof s->seg[0]);
}

/* "r-x" */
static void prot_text(unsigned prot, char out[4])
{
	out[0] = prot & PTE_R ? 'r' : '-';
	out[1] = prot & PTE_W ? 'w' : '-';
	out[2] = prot & PTE_X ? 'x' : '-';
	out[3] = '\0';
}

static void seg_describe(const struct mmu *m, vaddr_t va, paddr_t pa, char *buf, size_t len)
{
	const struct seg_state *s = m->state;
	unsigned i;
	int64_t off;
	paddr_t user_pa;
	if ((va >> s->va_bits) || !seg_locate(s, va, &i, &off, &user_pa) || user_pa != pa) {
		snprintf(buf, len, "va 0x%" PRIx64 " = pa 0x%" PRIx64 " (supervisor: not relocated)", va, pa);
		return;
	}
	const struct mmu_segment *g = &s->seg[i];
	uint64_t max = (uint64_t)1 << s->off_bits, up = va & (max - 1);
	char prot[4];
	prot_text(g->prot, prot);
	if (g->grows_down)
		snprintf(buf, len, "va 0x%" PRIx64 ": segment %u (%s, grows down), offset 0x%" PRIx64 " - 0x%" PRIx64
			 " = -0x%" PRIx64 ", base 0x%" PRIx64 " - 0x%" PRIx64 " = pa 0x%" PRIx64 " (limit 0x%" PRIx64 ", %s)",
			 va, i, s->names[i], up, max, max - up, g->base, max - up, pa, g->limit, prot);
	else
		snprintf(buf, len, "va 0x%" PRIx64 ": segment %u (%s), offset 0x%" PRIx64 " + base 0x%" PRIx64
			 " = pa 0x%" PRIx64 " (limit 0x%" PRIx64 ", %s)", va, i, s->names[i], up, g->base, pa, g->limit, prot);
}

const struct mmu_mech mmu_segmentation = {
	.name = "segmentation",
	.kind = MMU_MECH_SEGMENTATION,
	.init = seg_init,
	.fini = seg_fini,
	.load = seg_load,
	.save = seg_save,
	.translate = seg_translate,
	.describe = seg_describe,
};
