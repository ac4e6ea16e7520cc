/* Radix page tables in simulated physical memory, for every pt_format. The
 * kernel-side operations walk the tables in software without side effects; the
 * hardware walk (pt_walk) also checks permissions and sets A/D bits. */
#include "hw/pt.h"

#include <inttypes.h>

const char *pt_strerror(enum pt_status st)
{
	switch (st) {
	case PT_OK: return "ok";
	case PT_ENOMEM: return "no free frame for a page table";
	case PT_EXISTS: return "already mapped";
	case PT_ENOENT: return "not mapped";
	case PT_EINVAL: return "invalid address, alignment or page size";
	case PT_ECORRUPT: return "page table points outside physical memory";
	}
	return "?";
}

static paddr_t table_pa(const struct pt *pt, pfn_t pfn) { return pfn << pt->fmt->page_shift; }

/* Reads the PTE at pa; false when it lies outside RAM. */
static inline bool read_pte(const struct physmem *pm, const struct pt_format *fmt, paddr_t pa, pte_t *raw)
{
	if (!physmem_contains(pm, pa, fmt->pte_size))
		return false;
	*raw = physmem_load(pm, pa, fmt->pte_size);
	return true;
}

static paddr_t pte_addr(const struct pt_format *fmt, paddr_t table, vaddr_t va, unsigned level)
{
	return table + ptfmt_index(fmt, va, level) * fmt->pte_size;
}

/* Allocates and zeroes one table for the given level. The zeroes are
 * written in place: a table is written at once, and a host page given back
 * (physmem_zero) would cost two host faults to come back, a read and a write. */
static bool table_alloc(struct pt *pt, unsigned level, pfn_t *pfn)
{
	uint64_t n = ptfmt_table_frames(pt->fmt, level), bytes = n << pt->fmt->page_shift;
	if (!pt->fs.alloc(pt->fs.ctx, n, pfn))
		return false;
	uint8_t *host = physmem_ptr(pt->pm, table_pa(pt, *pfn), bytes);
	if (!host)
		panic("frame source returned frame 0x%" PRIx64 " outside RAM", *pfn);
	memset(host, 0, bytes);
	pt->frames += n;
	return true;
}

enum pt_status pt_init(struct pt *pt, const struct pt_format *fmt, struct physmem *pm, const struct frame_source *fs)
{
	pt->fmt = fmt;
	pt->pm = pm;
	pt->fs = *fs;
	pt->frames = 0;
	pt->shared = NULL;
	if (fmt->page_shift != pm->page_shift)
		return PT_EINVAL;
	return table_alloc(pt, fmt->levels - 1, &pt->root) ? PT_OK : PT_ENOMEM;
}

/* Gives one table of the given level back to the frame source. */
static void table_free(struct pt *pt, pfn_t pfn, unsigned level)
{
	uint64_t n = ptfmt_table_frames(pt->fmt, level);
	pt->fs.free(pt->fs.ctx, pfn, n);
	pt->frames -= n;
}

/* Whether entry i of a table of the given level is pt's link to its shared subtree. */
static bool is_link(const struct pt *pt, unsigned level, uint64_t i)
{
	return pt->shared && level == pt->fmt->levels - 1 && i == pt->shared->index;
}

/* Reads entry i of the table at pfn of the given level; false when it is not
 * a valid pointer to a lower table (or lies outside RAM), else its table's
 * frame in *child. */
static bool child_table(const struct pt *pt, pfn_t pfn, unsigned level, uint64_t i, pfn_t *child)
{
	const struct pt_format *f = pt->fmt;
	pte_t raw;
	struct pte_info info;
	if (level == 0 || !read_pte(pt->pm, f, table_pa(pt, pfn) + i * f->pte_size, &raw) || raw == 0)
		return false;
	ptfmt_decode(f, raw, level, &info);
	*child = info.pfn;
	return (info.flags & PTE_V) && !info.leaf && !info.reserved;
}

static void free_table(struct pt *pt, pfn_t pfn, unsigned level)
{
	pfn_t child;
	for (uint64_t i = 0; level > 0 && i < (1ull << pt->fmt->level_bits[level]); i++)
		if (!is_link(pt, level, i) && child_table(pt, pfn, level, i, &child))
			free_table(pt, child, level - 1);
	table_free(pt, pfn, level);
}

/* pt, the only user of its shared subtree, makes it its own again. */
static void take_over(struct pt *pt)
{
	pt->frames += pt->shared->frames;
	pt->shared->users = 0;
	pt->shared = NULL;
}

void pt_fini(struct pt *pt)
{
	if (pt->shared && pt->shared->users == 1)
		take_over(pt); /* freed below, in place, as if it had never been shared */
	if (pt->frames)
		free_table(pt, pt->root, pt->fmt->levels - 1);
	if (pt->shared)
		pt->shared->users--;
	pt->shared = NULL;
}

/* Frames of the tables of the subtree at pfn (a table of the given level). */
static uint64_t subtree_frames(const struct pt *pt, pfn_t pfn, unsigned level)
{
	uint64_t n = ptfmt_table_frames(pt->fmt, level);
	pfn_t child;
	for (uint64_t i = 0; level > 0 && i < (1ull << pt->fmt->level_bits[level]); i++)
		if (child_table(pt, pfn, level, i, &child))
			n += subtree_frames(pt, child, level - 1);
	return n;
}

/* The root entry covering va, and where it lives. */
static uint64_t root_index(const struct pt *pt, vaddr_t va) { return ptfmt_index(pt->fmt, va, pt->fmt->levels - 1); }

static paddr_t root_pte_pa(const struct pt *pt, uint64_t i) { return table_pa(pt, pt->root) + i * pt->fmt->pte_size; }

enum pt_status pt_share(struct pt *pt, vaddr_t va, struct pt_shared *sh)
{
	const struct pt_format *f = pt->fmt;
	pfn_t top;
	if (pt->shared)
		return PT_EXISTS;
	if (!ptfmt_va_ok(f, va))
		return PT_EINVAL;
	uint64_t i = root_index(pt, va);
	if (!child_table(pt, pt->root, f->levels - 1, i, &top))
		return PT_ENOENT;
	*sh = (struct pt_shared){.index = i, .entry = physmem_load(pt->pm, root_pte_pa(pt, i), f->pte_size),
				 .table = top, .frames = subtree_frames(pt, top, f->levels - 2), .users = 1};
	pt->frames -= sh->frames;
	pt->shared = sh;
	return PT_OK;
}

enum pt_status pt_link(struct pt *pt, struct pt_shared *sh)
{
	const struct pt_format *f = pt->fmt;
	paddr_t pa = root_pte_pa(pt, sh->index);
	if (pt->shared || sh->users == 0 || physmem_load(pt->pm, pa, f->pte_size) != 0)
		return PT_EXISTS;
	physmem_store(pt->pm, pa, f->pte_size, sh->entry);
	sh->users++;
	pt->shared = sh;
	return PT_OK;
}

/* Frees a partial copy dst of the table src (of the given level): the tables
 * already copied below it (entries that no longer point where src's do), then dst. */
static void free_copy(struct pt *pt, pfn_t dst, pfn_t src, unsigned level)
{
	pfn_t d, s;
	for (uint64_t i = 0; level > 0 && i < (1ull << pt->fmt->level_bits[level]); i++)
		if (child_table(pt, dst, level, i, &d) && child_table(pt, src, level, i, &s) && d != s)
			free_copy(pt, d, s, level - 1);
	table_free(pt, dst, level);
}

/* Copies the subtree at src (a table of the given level) into new tables of
 * pt; false when frames run out (nothing is left allocated then). */
static bool copy_table(struct pt *pt, pfn_t src, unsigned level, pfn_t *dst)
{
	const struct pt_format *f = pt->fmt;
	uint64_t bytes = ptfmt_table_frames(f, level) << f->page_shift;
	const uint8_t *from = physmem_ptr(pt->pm, table_pa(pt, src), bytes);
	if (!from)
		panic("shared table 0x%" PRIx64 " lies outside RAM", src);
	if (!table_alloc(pt, level, dst))
		return false;
	memcpy(physmem_ptr(pt->pm, table_pa(pt, *dst), bytes), from, bytes);
	pfn_t child, copy;
	for (uint64_t i = 0; level > 0 && i < (1ull << f->level_bits[level]); i++) {
		if (!child_table(pt, src, level, i, &child))
			continue;
		if (!copy_table(pt, child, level - 1, &copy)) {
			free_copy(pt, *dst, src, level);
			return false;
		}
		physmem_store(pt->pm, table_pa(pt, *dst) + i * f->pte_size, f->pte_size,
			      ptfmt_encode(f, copy, PTE_V, level, false));
	}
	return true;
}

/* Before a change at va: when va lies below pt's shared subtree, makes the
 * subtree pt's own (taken over, or copied when others use it too). */
static enum pt_status own_path(struct pt *pt, vaddr_t va)
{
	struct pt_shared *sh = pt->shared;
	const struct pt_format *f = pt->fmt;
	pfn_t copy;
	if (!sh || root_index(pt, va) != sh->index)
		return PT_OK;
	if (sh->users == 1) {
		take_over(pt);
		return PT_OK;
	}
	if (!copy_table(pt, sh->table, f->levels - 2, &copy))
		return PT_ENOMEM;
	physmem_store(pt->pm, root_pte_pa(pt, sh->index), f->pte_size, ptfmt_encode(f, copy, PTE_V, f->levels - 1, false));
	sh->users--;
	pt->shared = NULL;
	return PT_OK;
}

/* Software walk to the leaf covering va: fills *leaf, or returns PT_ENOENT. */
static enum pt_status find_leaf(const struct pt *pt, vaddr_t va, struct pt_leaf *leaf)
{
	const struct pt_format *f = pt->fmt;
	if (!ptfmt_va_ok(f, va))
		return PT_EINVAL;
	paddr_t table = table_pa(pt, pt->root);
	for (int l = (int)f->levels - 1; l >= 0; l--) {
		paddr_t pa = pte_addr(f, table, va, (unsigned)l);
		pte_t raw;
		struct pte_info info;
		if (!read_pte(pt->pm, f, pa, &raw))
			return PT_ECORRUPT;
		ptfmt_decode(f, raw, (unsigned)l, &info);
		if (!(info.flags & PTE_V) || info.reserved)
			return PT_ENOENT;
		if (info.leaf) {
			leaf->va = va & ~(ptfmt_level_bytes(f, (unsigned)l) - 1);
			leaf->pfn = info.pfn;
			leaf->level = (unsigned)l;
			leaf->flags = info.flags;
			leaf->pte_pa = pa;
			return PT_OK;
		}
		table = table_pa(pt, info.pfn);
	}
	return PT_ENOENT;
}

void pt_ahead_start(const struct pt *pt, vaddr_t va, struct pt_ahead *a)
{
	const struct pt_format *f = pt->fmt;
	a->level = ptfmt_va_ok(f, va) ? (int)f->levels - 1 : -1;
	a->pte_pa = pte_addr(f, table_pa(pt, pt->root), va, (unsigned)(f->levels - 1));
	if (a->level >= 0 && physmem_contains(pt->pm, a->pte_pa, f->pte_size))
		__builtin_prefetch(pt->pm->base + a->pte_pa);
}

void pt_ahead_next(const struct pt_format *f, const struct physmem *pm, vaddr_t va, struct pt_ahead *a)
{
	pte_t raw;
	struct pte_info info;
	if (a->level <= 0 || !read_pte(pm, f, a->pte_pa, &raw)) {
		a->level = -1;
		return;
	}
	ptfmt_decode(f, raw, (unsigned)a->level, &info);
	if (!(info.flags & PTE_V) || info.reserved || info.leaf) {
		a->level = -1;
		return;
	}
	a->level--;
	a->pte_pa = pte_addr(f, info.pfn << f->page_shift, va, (unsigned)a->level);
	if (physmem_contains(pm, a->pte_pa, f->pte_size))
		__builtin_prefetch(pm->base + a->pte_pa);
}

static bool level_allowed(const struct pt_format *f, unsigned level)
{
	return level == 0 || (level < f->levels && (f->superpage_levels & (1u << level)));
}

/* Checks a request to map a page of the given level at va -> pfn. */
static bool map_args_ok(const struct pt_format *f, vaddr_t va, pfn_t pfn, unsigned level, unsigned flags)
{
	if (!level_allowed(f, level) || !ptfmt_va_ok(f, va))
		return false;
	if ((va & (ptfmt_level_bytes(f, level) - 1)) || (pfn & mask_bits(f->level_shift[level])))
		return false;
	if (pfn > mask_bits(f->pfn_bits))
		return false;
	if (f->style == PTE_STYLE_RISCV && (!(flags & (PTE_R | PTE_X)) || ((flags & PTE_W) && !(flags & PTE_R))))
		return false;
	return true;
}

enum pt_status pt_map(struct pt *pt, vaddr_t va, pfn_t pfn, unsigned level, unsigned flags)
{
	struct pt_leaf leaf;
	return pt_map_leaf(pt, va, pfn, level, flags, &leaf);
}

enum pt_status pt_map_leaf(struct pt *pt, vaddr_t va, pfn_t pfn, unsigned level, unsigned flags,
			   struct pt_leaf *leaf)
{
	const struct pt_format *f = pt->fmt;
	if (!map_args_ok(f, va, pfn, level, flags))
		return PT_EINVAL;
	enum pt_status st = own_path(pt, va);
	if (st != PT_OK)
		return st;
	paddr_t table = table_pa(pt, pt->root);
	for (unsigned l = f->levels - 1;; l--) {
		paddr_t pa = pte_addr(f, table, va, l);
		pte_t raw;
		struct pte_info info;
		if (!read_pte(pt->pm, f, pa, &raw))
			return PT_ECORRUPT;
		ptfmt_decode(f, raw, l, &info);
		bool valid = info.flags & PTE_V;
		if (l == level) {
			if (valid)
				return PT_EXISTS;
			raw = ptfmt_encode(f, pfn, flags | PTE_V, l, true);
			physmem_store(pt->pm, pa, f->pte_size, raw);
			ptfmt_decode(f, raw, l, &info);
			*leaf = (struct pt_leaf){.va = va, .pfn = pfn, .level = l, .flags = info.flags, .pte_pa = pa};
			return PT_OK;
		}
		if (valid && (info.leaf || info.reserved))
			return PT_EXISTS;
		if (!valid) {
			if (!table_alloc(pt, l - 1, &info.pfn))
				return PT_ENOMEM;
			physmem_store(pt->pm, pa, f->pte_size, ptfmt_encode(f, info.pfn, PTE_V, l, false));
		}
		table = table_pa(pt, info.pfn);
	}
}

/* find_leaf for a change of the leaf: its path becomes pt's own first. */
static enum pt_status find_own_leaf(struct pt *pt, vaddr_t va, struct pt_leaf *leaf)
{
	enum pt_status st = find_leaf(pt, va, leaf);
	if (st != PT_OK || !pt->shared || root_index(pt, va) != pt->shared->index)
		return st;
	st = own_path(pt, va);
	return st != PT_OK ? st : find_leaf(pt, va, leaf);
}

enum pt_status pt_unmap(struct pt *pt, vaddr_t va, struct pt_leaf *old)
{
	struct pt_leaf leaf;
	enum pt_status st = find_own_leaf(pt, va, &leaf);
	if (st != PT_OK)
		return st;
	physmem_store(pt->pm, leaf.pte_pa, pt->fmt->pte_size, 0);
	if (old)
		*old = leaf;
	return PT_OK;
}

void pt_update_leaf(struct pt *pt, const struct pt_leaf *leaf, unsigned set, unsigned clear)
{
	unsigned flags = ((leaf->flags & ~clear) | set | PTE_V) & PTE_FLAG_MASK;
	pte_t raw = ptfmt_encode(pt->fmt, leaf->pfn, flags, leaf->level, true);
	physmem_store(pt->pm, leaf->pte_pa, pt->fmt->pte_size, raw);
}

enum pt_status pt_update(struct pt *pt, vaddr_t va, unsigned set, unsigned clear)
{
	struct pt_leaf leaf;
	enum pt_status st = find_own_leaf(pt, va, &leaf);
	if (st == PT_OK)
		pt_update_leaf(pt, &leaf, set, clear);
	return st;
}

enum pt_status pt_lookup(const struct pt *pt, vaddr_t va, struct pt_leaf *out)
{
	return find_leaf(pt, va, out);
}

enum pt_status pt_reread(const struct pt *pt, struct pt_leaf *leaf)
{
	pte_t raw;
	struct pte_info info;
	if (leaf->level >= pt->fmt->levels || !read_pte(pt->pm, pt->fmt, leaf->pte_pa, &raw))
		return PT_ECORRUPT;
	ptfmt_decode(pt->fmt, raw, leaf->level, &info);
	if (!(info.flags & PTE_V) || info.reserved || !info.leaf)
		return PT_ENOENT;
	leaf->pfn = info.pfn;
	leaf->flags = info.flags;
	return PT_OK;
}

enum pt_status pt_unmap_leaf(struct pt *pt, const struct pt_leaf *leaf)
{
	struct pt_leaf now = *leaf;
	enum pt_status st = pt_reread(pt, &now);
	if (st == PT_OK)
		physmem_store(pt->pm, leaf->pte_pa, pt->fmt->pte_size, 0);
	return st;
}

/* The VA whose index at each level above is in prefix, with idx at level. */
static vaddr_t child_va(const struct pt_format *f, vaddr_t prefix, uint64_t idx, unsigned level)
{
	vaddr_t va = prefix | (idx << (f->page_shift + f->level_shift[level]));
	if (f->canonical && f->va_bits < 64 && ((va >> (f->va_bits - 1)) & 1))
		va |= ~mask_bits(f->va_bits);
	return va;
}

struct visit {
	const struct pt *pt;
	bool (*leaf_fn)(void *ctx, const struct pt_leaf *leaf);
	pt_entry_fn *node_fn;
	void *ctx;
	vaddr_t first, last; /* the addresses visited: entries that overlap [first, last] */
};

/* The first entry of a table at level (with prefix) whose span ends at or
 * above the first address visited: a binary search, as entries' addresses
 * grow with their index (the canonical upper half comes after the lower). */
static uint64_t first_entry(const struct visit *v, unsigned level, vaddr_t prefix)
{
	const struct pt_format *f = v->pt->fmt;
	uint64_t lo = 0, hi = 1ull << f->level_bits[level], span_1 = mask_bits(f->page_shift + f->level_shift[level]);
	while (lo < hi) {
		uint64_t mid = lo + (hi - lo) / 2;
		if (child_va(f, prefix, mid, level) + span_1 < v->first)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Visits every valid entry of one table in order that overlaps the visited
 * addresses; returns false to stop. */
static bool visit_table(const struct visit *v, pfn_t pfn, unsigned level, vaddr_t prefix)
{
	const struct pt_format *f = v->pt->fmt;
	for (uint64_t i = first_entry(v, level, prefix); i < (1ull << f->level_bits[level]); i++) {
		vaddr_t va = child_va(f, prefix, i, level);
		if (va > v->last)
			break;
		paddr_t pa = table_pa(v->pt, pfn) + i * f->pte_size;
		pte_t raw;
		struct pte_info info;
		if (!read_pte(v->pt->pm, f, pa, &raw))
			return false;
		if (raw == 0)
			continue; /* invalid in every style: most entries, skipped without a decode */
		ptfmt_decode(f, raw, level, &info);
		if (!(info.flags & PTE_V))
			continue;
		if (v->node_fn)
			v->node_fn(v->ctx, level, i, raw, &info, va);
		if (info.leaf && !info.reserved && v->leaf_fn) {
			struct pt_leaf leaf = {va, info.pfn, level, info.flags, pa};
			if (!v->leaf_fn(v->ctx, &leaf))
				return false;
		} else if (!info.leaf && !info.reserved && level > 0) {
			if (!visit_table(v, info.pfn, level - 1, va & mask_bits(f->va_bits)))
				return false;
		}
	}
	return true;
}

void pt_for_each_leaf(const struct pt *pt, bool (*fn)(void *ctx, const struct pt_leaf *leaf), void *ctx)
{
	struct visit v = {pt, fn, NULL, ctx, 0, ~0ull};
	visit_table(&v, pt->root, pt->fmt->levels - 1, 0);
}

void pt_for_each_leaf_in(const struct pt *pt, vaddr_t start, vaddr_t end,
			 bool (*fn)(void *ctx, const struct pt_leaf *leaf), void *ctx)
{
	struct visit v = {pt, fn, NULL, ctx, start, end - 1};
	if (end && start >= end)
		return; /* an empty range */
	visit_table(&v, pt->root, pt->fmt->levels - 1, 0);
}

void pt_for_each_entry(const struct pt *pt, pt_entry_fn *fn, void *ctx)
{
	struct visit v = {pt, NULL, fn, ctx, 0, ~0ull};
	visit_table(&v, pt->root, pt->fmt->levels - 1, 0);
}

struct print_ctx {
	const struct pt *pt;
	FILE *out;
};

static void print_entry(void *ctx, unsigned level, uint64_t idx, pte_t raw, const struct pte_info *info, vaddr_t va)
{
	const struct print_ctx *pc = ctx;
	const struct pt_format *f = pc->pt->fmt;
	for (unsigned d = level; d < f->levels; d++)
		fputs(" ..", pc->out);
	fprintf(pc->out, "%" PRIu64 ": pte 0x%0*" PRIx64 " pa 0x%" PRIx64, idx, (int)f->pte_size * 2, raw,
		info->pfn << f->page_shift);
	if (info->leaf) {
		char flags[16];
		ptfmt_flag_string(info->flags, flags);
		fprintf(pc->out, " %s va 0x%" PRIx64, flags, va);
		if (level > 0)
			fprintf(pc->out, " (%" PRIu64 " KiB page)", ptfmt_level_bytes(f, level) >> 10);
		if (info->reserved)
			fputs(" RESERVED", pc->out);
	}
	fputc('\n', pc->out);
}

void pt_print(const struct pt *pt, FILE *out)
{
	struct print_ctx pc = {pt, out};
	fprintf(out, "page table 0x%" PRIx64 " (%s)\n", table_pa(pt, pt->root), pt->fmt->name);
	pt_for_each_entry(pt, print_entry, &pc);
}

/* pt_perm_violation for PTEs of the given style. */
static inline unsigned perm_violation(enum pte_style style, unsigned flags, enum access acc, enum priv priv,
				      unsigned opts)
{
	static const unsigned need[3] = {PTE_R, PTE_W, PTE_X};
	unsigned v = 0, have = flags;
	if (style == PTE_STYLE_OSTEP)
		return 0;
	if (acc == ACCESS_READ && (opts & WALK_MXR) && (flags & PTE_X))
		have |= PTE_R;
	if (!(have & need[acc]))
		v |= need[acc];
	if (priv == PRIV_USER && !(flags & PTE_U))
		v |= PTE_U;
	if (style == PTE_STYLE_RISCV && priv == PRIV_SUPERVISOR && (flags & PTE_U) &&
	    (acc == ACCESS_EXEC || !(opts & WALK_SUM)))
		v |= PTE_U;
	return v;
}

unsigned pt_perm_violation(const struct pt_format *fmt, unsigned flags, enum access acc, enum priv priv,
			   unsigned opts)
{
	return perm_violation(fmt->style, flags, acc, priv, opts);
}

unsigned pt_allow_mask(const struct pt_format *fmt, unsigned flags, unsigned opts)
{
	unsigned allow = 0;
	for (unsigned priv = PRIV_USER; priv <= PRIV_SUPERVISOR; priv++)
		for (unsigned acc = ACCESS_READ; acc <= ACCESS_EXEC; acc++)
			if (!pt_perm_violation(fmt, flags, (enum access)acc, (enum priv)priv, opts))
				allow |= 1u << (priv * 3 + acc);
	return allow;
}

static bool walk_fault(struct fault *f, enum fault_kind kind, int level, unsigned violated)
{
	f->kind = kind;
	f->level = level;
	f->violated = violated;
	return false;
}

/* Sets A (and D for a write) in the leaf, or reports a software-managed A/D fault. */
static inline bool update_ad(const struct pt_format *fmt, enum pte_style style, struct physmem *pm, paddr_t pte_pa,
		      pte_t raw, unsigned *flags, enum access acc, unsigned opts, struct fault *f, int level)
{
	unsigned need = PTE_A | (acc == ACCESS_WRITE ? PTE_D : 0);
	if (style == PTE_STYLE_OSTEP || (*flags & need) == need)
		return true;
	if (!(opts & WALK_HW_AD))
		return walk_fault(f, FAULT_AD, level, 0);
	physmem_store(pm, pte_pa, fmt->pte_size, ptfmt_set_ad(fmt, raw, need));
	*flags |= need;
	return true;
}

/* pt_walk, and pt_walk_logged when pte_pa is not NULL, for PTEs of the given
 * style and size (fmt's own: constants where pt_walk specialises the common
 * RISC-V case). Inlined into both, so that pt_walk carries no trace of the log. */
__attribute__((always_inline)) static inline bool walk(const struct pt_format *fmt, enum pte_style style,
							unsigned pte_size, struct physmem *pm, pfn_t root,
							vaddr_t va, enum access acc, enum priv priv, unsigned opts,
							struct walk_result *res, struct fault *f, uint64_t *refs,
							paddr_t *pte_pa)
{
	f->kind = FAULT_NONE;
	f->access = acc;
	f->priv = priv;
	f->va = va;
	if (!ptfmt_va_ok(fmt, va))
		return walk_fault(f, FAULT_VA_RANGE, -1, 0);
	unsigned inherited = PTE_W | PTE_U | PTE_X; /* x86: ANDed down the walk */
	paddr_t table = root << fmt->page_shift;
	for (int l = (int)fmt->levels - 1; l >= 0; l--) {
		paddr_t pa = table + ptfmt_index(fmt, va, (unsigned)l) * pte_size;
		pte_t raw;
		struct pte_info info;
		if (!physmem_contains(pm, pa, pte_size))
			return walk_fault(f, FAULT_BUS, l, 0);
		raw = physmem_load(pm, pa, pte_size);
		(*refs)++;
		if (pte_pa)
			*pte_pa++ = pa;
		ptfmt_decode_as(fmt, style, pte_size, raw, (unsigned)l, &info);
		if (!(info.flags & PTE_V))
			return walk_fault(f, FAULT_NOT_PRESENT, l, 0);
		if (info.reserved || (!info.leaf && l == 0))
			return walk_fault(f, FAULT_RESERVED, l, 0);
		if (!info.leaf) {
			if (style == PTE_STYLE_X86) {
				inherited &= info.flags;
				if ((opts & WALK_HW_AD) && !(info.flags & PTE_A))
					physmem_store(pm, pa, fmt->pte_size, raw | X86_A);
			}
			table = info.pfn << fmt->page_shift;
			continue;
		}
		unsigned flags = info.flags;
		if (style == PTE_STYLE_X86)
			flags &= ~(PTE_W | PTE_U | PTE_X) | inherited;
		unsigned violated = perm_violation(style, flags, acc, priv, opts);
		if (violated)
			return walk_fault(f, FAULT_PROTECTION, l, violated);
		if (l > 0 && (info.pfn & mask_bits(fmt->level_shift[l])))
			return walk_fault(f, FAULT_MISALIGNED, l, 0);
		uint64_t page_bytes = ptfmt_level_bytes(fmt, (unsigned)l);
		paddr_t base = info.pfn << fmt->page_shift;
		if (!physmem_contains(pm, base, page_bytes))
			return walk_fault(f, FAULT_BUS, l, 0);
		if (!update_ad(fmt, style, pm, pa, raw, &flags, acc, opts, f, l))
			return false;
		res->pa = base + (va & (page_bytes - 1));
		res->pfn = info.pfn;
		res->level = (unsigned)l;
		res->flags = flags;
		return true;
	}
	panic("walk fell off the last level");
}

bool pt_walk(const struct pt_format *fmt, struct physmem *pm, pfn_t root, vaddr_t va, enum access acc,
	     enum priv priv, unsigned opts, struct walk_result *res, struct fault *f, uint64_t *refs)
{
	if (fmt->style == PTE_STYLE_RISCV && fmt->pte_size == 8) /* sv39, sv48: the common case */
		return walk(fmt, PTE_STYLE_RISCV, 8, pm, root, va, acc, priv, opts, res, f, refs, NULL);
	return walk(fmt, fmt->style, fmt->pte_size, pm, root, va, acc, priv, opts, res, f, refs, NULL);
}

bool pt_walk_logged(const struct pt_format *fmt, struct physmem *pm, pfn_t root, vaddr_t va, enum access acc,
		    enum priv priv, unsigned opts, struct walk_result *res, struct fault *f, uint64_t *refs,
		    paddr_t pte_pa[PT_MAX_LEVELS])
{
	return walk(fmt, fmt->style, fmt->pte_size, pm, root, va, acc, priv, opts, res, f, refs, pte_pa);
}
