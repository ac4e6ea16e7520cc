/* Test machines for the hardware layer. */
#include "tests/support_rig.h"

void rig_init(struct rig *r, const char *preset, unsigned page_shift, unsigned va_bits, uint64_t nframes)
{
	char err[200];
	if (ptfmt_preset(&r->fmt, preset, page_shift, va_bits, err, sizeof err) != PTFMT_OK)
		panic("%s", err);
	if (physmem_init(&r->pm, nframes << r->fmt.page_shift, r->fmt.page_shift) != PHYSMEM_OK)
		panic("physmem_init");
	test_frames_init(&r->tf, 0, nframes);
	struct frame_source fs = test_frames_source(&r->tf);
	if (pt_init(&r->pt, &r->fmt, &r->pm, &fs) != PT_OK)
		panic("pt_init");
}

void rig_fini(struct rig *r)
{
	pt_fini(&r->pt);
	test_frames_fini(&r->tf);
	physmem_fini(&r->pm);
}

enum fault_kind rig_walk(struct rig *r, vaddr_t va, enum access acc, enum priv priv, unsigned opts,
			 struct walk_result *res, struct fault *f)
{
	uint64_t refs = 0;
	if (pt_walk(&r->fmt, &r->pm, r->pt.root, va, acc, priv, opts, res, f, &refs))
		return FAULT_NONE;
	return f->kind;
}

pfn_t rig_map_fresh(struct rig *r, vaddr_t va, unsigned level, unsigned flags)
{
	uint64_t n = 1ull << r->fmt.level_shift[level];
	pfn_t pfn;
	/* superpage frames must be aligned: over-allocate and align */
	struct frame_source fs = test_frames_source(&r->tf);
	if (!fs.alloc(fs.ctx, 2 * n, &pfn))
		panic("out of frames for a level-%u page", level);
	pfn = (pfn + n - 1) & ~(n - 1);
	enum pt_status st = pt_map(&r->pt, va, pfn, level, flags);
	if (st != PT_OK)
		panic("pt_map: %s", pt_strerror(st));
	return pfn;
}
