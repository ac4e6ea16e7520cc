/* Two pools of frames with reference counts and reverse maps. */
#include "os/frames.h"

#include <stdlib.h>

struct frames_run {
	pfn_t first;
	uint64_t n;
	struct frames_run *next;
};

void frames_init(struct frames *fr, struct physmem *pm, uint64_t user_count, uint64_t kernel_count)
{
	if (user_count + kernel_count > pm->nframes)
		panic("pools of %llu + %llu frames do not fit in %llu", (unsigned long long)user_count,
		      (unsigned long long)kernel_count, (unsigned long long)pm->nframes);
	*fr = (struct frames){0};
	fr->pm = pm;
	fr->f = xcalloc(user_count + kernel_count, sizeof *fr->f);
	fr->user_count = user_count;
	fr->kernel_first = fr->kernel_next = user_count;
	fr->kernel_count = kernel_count;
	fr->user_free = xmalloc((user_count ? user_count : 1) * sizeof *fr->user_free);
	for (uint64_t i = 0; i < user_count + kernel_count; i++)
		fr->f[i].zero = true;
}

void frames_fini(struct frames *fr)
{
	for (struct frames_run *r = fr->kernel_runs, *next; r; r = next) {
		next = r->next;
		free(r);
	}
	for (struct rmap *m = fr->spare, *next; m; m = next) {
		next = m->next;
		free(m);
	}
	for (uint64_t i = 0; i < fr->user_count; i++) /* the mappings of a machine that goes as a whole */
		for (struct rmap *m = fr->f[i].rmap, *next; m; m = next) {
			next = m->next;
			free(m);
		}
	free(fr->user_free);
	free(fr->f);
}

/* Zeroes frames [first, first + n) unless every one is known to hold zeros. */
static void clear_frames(struct frames *fr, pfn_t first, uint64_t n)
{
	uint64_t i = first;
	while (i < first + n && fr->f[i].zero)
		i++;
	if (i == first + n)
		return;
	if (!physmem_zero(fr->pm, pfn_to_pa(fr->pm, first), n << fr->pm->page_shift))
		panic("frame 0x%llx outside RAM", (unsigned long long)first);
	for (i = first; i < first + n; i++)
		fr->f[i].zero = true;
}

/* Marks frames [first, first + n) in use as kind, zeroing them when zero is
 * set. Kernel frames are written untracked (page tables), so they stop being
 * known zero. */
static void take(struct frames *fr, pfn_t first, uint64_t n, enum frame_kind kind, bool zero)
{
	for (uint64_t i = first; i < first + n; i++) {
		if (fr->f[i].kind != FRAME_FREE)
			panic("frame 0x%llx handed out twice", (unsigned long long)i);
		fr->f[i].kind = (uint8_t)kind;
	}
	fr->in_use[kind] += n;
	if (fr->in_use[kind] > fr->peak[kind])
		fr->peak[kind] = fr->in_use[kind];
	if (zero)
		clear_frames(fr, first, n);
	for (uint64_t i = first; kind != FRAME_USER && i < first + n; i++)
		fr->f[i].zero = false;
}

static void give_back(struct frames *fr, pfn_t first, uint64_t n)
{
	for (uint64_t i = first; i < first + n; i++) {
		struct frame *f = &fr->f[i];
		if (f->kind == FRAME_FREE || f->rmap)
			panic("freeing frame 0x%llx that is free or still mapped", (unsigned long long)i);
		fr->in_use[f->kind]--;
		f->kind = FRAME_FREE;
		f->slot_plus1 = 0;
		f->zero = false;
	}
	if (fr->junk && !physmem_junk(fr->pm, pfn_to_pa(fr->pm, first), n << fr->pm->page_shift))
		panic("frame outside RAM");
}

static bool alloc_user(struct frames *fr, pfn_t *pfn, bool zero)
{
	if (fr->user_next < fr->user_count)
		*pfn = fr->user_next++;
	else if (fr->user_nfree)
		*pfn = fr->user_free[--fr->user_nfree];
	else
		return false;
	take(fr, *pfn, 1, FRAME_USER, zero);
	return true;
}

bool frames_alloc_user(struct frames *fr, pfn_t *pfn) { return alloc_user(fr, pfn, true); }

bool frames_alloc_user_unzeroed(struct frames *fr, pfn_t *pfn) { return alloc_user(fr, pfn, false); }

void frames_reuse_user(struct frames *fr, pfn_t pfn, bool clean)
{
	struct frame *f = &fr->f[pfn];
	if (pfn >= fr->user_count || f->kind != FRAME_USER || f->rmap)
		panic("reusing frame 0x%llx that is not an unmapped user frame", (unsigned long long)pfn);
	f->slot_plus1 = 0;
	f->zero = f->zero && clean;
}

static void check_user(const struct frames *fr, pfn_t pfn)
{
	if (pfn >= fr->user_count)
		panic("frame 0x%llx is not a user frame", (unsigned long long)pfn);
}

void frames_zero_user(struct frames *fr, pfn_t pfn)
{
	check_user(fr, pfn);
	clear_frames(fr, pfn, 1);
}

void frames_written(struct frames *fr, pfn_t pfn)
{
	check_user(fr, pfn);
	fr->f[pfn].zero = false;
}

void frames_free_user(struct frames *fr, pfn_t pfn)
{
	if (pfn >= fr->user_count)
		panic("frame 0x%llx is not a user frame", (unsigned long long)pfn);
	give_back(fr, pfn, 1);
	fr->user_free[fr->user_nfree++] = pfn;
}

/* frames_alloc_kernel, the frames cleared or not. */
static bool alloc_kernel(struct frames *fr, uint64_t n, enum frame_kind kind, bool clear, pfn_t *first)
{
	for (struct frames_run **p = &fr->kernel_runs; *p; p = &(*p)->next) {
		if ((*p)->n == n) {
			struct frames_run *r = *p;
			*first = r->first;
			*p = r->next;
			free(r);
			take(fr, *first, n, kind, clear);
			return true;
		}
	}
	if (fr->kernel_next + n > fr->kernel_first + fr->kernel_count)
		return false;
	*first = fr->kernel_next;
	fr->kernel_next += n;
	take(fr, *first, n, kind, clear);
	return true;
}

bool frames_alloc_kernel(struct frames *fr, uint64_t n, enum frame_kind kind, pfn_t *first)
{
	return alloc_kernel(fr, n, kind, true, first);
}

void frames_free_kernel(struct frames *fr, pfn_t first, uint64_t n)
{
	if (first < fr->kernel_first || first + n > fr->kernel_first + fr->kernel_count)
		panic("frames 0x%llx+%llu are not kernel frames", (unsigned long long)first, (unsigned long long)n);
	give_back(fr, first, n);
	struct frames_run *r = xmalloc(sizeof *r);
	*r = (struct frames_run){first, n, fr->kernel_runs};
	fr->kernel_runs = r;
}

/* Page tables are zeroed by hw/pt.c itself, in place (see struct frame_source). */
static bool pt_alloc(void *ctx, uint64_t n, pfn_t *first) { return alloc_kernel(ctx, n, FRAME_PT, false, first); }
static void pt_free(void *ctx, pfn_t first, uint64_t n) { frames_free_kernel(ctx, first, n); }

struct frame_source frames_pt_source(struct frames *fr) { return (struct frame_source){pt_alloc, pt_free, fr}; }

static void rmap_add(struct frames *fr, pfn_t pfn, const struct rmap *mapping)
{
	struct rmap *m = fr->spare;
	if (m)
		fr->spare = m->next;
	else
		m = xmalloc(sizeof *m);
	struct frame *f = &fr->f[pfn];
	*m = *mapping;
	m->next = f->rmap;
	f->rmap = m;
	f->refs++;
}

void frames_rmap_add(struct frames *fr, pfn_t pfn, struct aspace *as, vaddr_t va)
{
	rmap_add(fr, pfn, &(struct rmap){.as = as, .va = va, .pte_pa = RMAP_PTE_UNKNOWN});
}

void frames_rmap_add_leaf(struct frames *fr, pfn_t pfn, struct aspace *as, const struct pt_leaf *leaf)
{
	rmap_add(fr, pfn, &(struct rmap){.as = as, .va = leaf->va, .pte_pa = leaf->pte_pa, .level = leaf->level});
}

void frames_rmap_remove(struct frames *fr, pfn_t pfn, struct aspace *as, vaddr_t va)
{
	struct frame *f = &fr->f[pfn];
	for (struct rmap **p = &f->rmap; *p; p = &(*p)->next) {
		if ((*p)->as == as && (*p)->va == va) {
			struct rmap *m = *p;
			*p = m->next;
			m->next = fr->spare;
			fr->spare = m;
			f->refs--;
			return;
		}
	}
	panic("frame 0x%llx has no mapping at 0x%llx", (unsigned long long)pfn, (unsigned long long)va);
}

void frames_check(const struct frames *fr)
{
	uint64_t count[4] = {0};
	for (uint64_t i = 0; i < fr->kernel_first + fr->kernel_count; i++) {
		const struct frame *f = &fr->f[i];
		uint32_t n = 0;
		for (const struct rmap *m = f->rmap; m; m = m->next)
			n++;
		if (n != f->refs)
			panic("frame 0x%llx: %u mappings but refs %u", (unsigned long long)i, n, f->refs);
		count[f->kind]++;
	}
	for (int k = FRAME_USER; k <= FRAME_KERNEL; k++)
		if (count[k] != fr->in_use[k])
			panic("kind %d: %llu frames but in_use %llu", k, (unsigned long long)count[k],
			      (unsigned long long)fr->in_use[k]);
}
