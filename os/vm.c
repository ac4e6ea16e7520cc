/* Address-space operations behind system calls: fork's copy-on-write sharing
 * and the copy on the first write, unmapping and protecting ranges, and
 * copies between the kernel and user memory that fault pages in as the user
 * would and turn bad pointers into -EFAULT. */
#include "os/vm.h"
#include "os/kernel_int.h"

#include <errno.h>
#include <inttypes.h>
#include <string.h>

struct fork_ctx {
	struct kernel *k;
	struct proc *parent, *child;
	bool failed;
	struct kernel_walk walk;
};

/* Shares one user page of the parent with the child, both read-only. */
static bool share_leaf(void *ctx, const struct pt_leaf *leaf)
{
	struct fork_ctx *fc = ctx;
	struct kernel *k = fc->k;
	if (!kernel_walk_on(k, &fc->walk)) {
		fc->failed = true;
		return false;
	}
	if (frames_get(&k->fr, leaf->pfn)->kind != FRAME_USER)
		return true;
	if ((leaf->flags & PTE_W) && pt_update(&fc->parent->as.pt, leaf->va, 0, PTE_W) != PT_OK)
		panic("parent page vanished during fork");
	if (pt_map(&fc->child->as.pt, leaf->va, leaf->pfn, 0, leaf->flags & ~(unsigned)PTE_W) != PT_OK) {
		fc->failed = true;
		return false;
	}
	frames_rmap_add(&k->fr, leaf->pfn, &fc->child->as, leaf->va);
	fc->child->as.resident++;
	return true;
}

/* Shares one swapped-out page of the parent with the child (none once the
 * run must stop: the fork fails). */
static void share_swapped(void *ctx, uint64_t vpn, uint64_t slot)
{
	struct fork_ctx *fc = ctx;
	if (!kernel_walk_on(fc->k, &fc->walk)) {
		fc->failed = true;
		return;
	}
	u64tree_put(&fc->child->as.swapped, vpn, slot);
	swap_dup(&fc->k->swap, slot);
}

bool vm_fork(struct kernel *k, struct proc *parent, struct proc *child)
{
	for (const struct region *pr = as_region_from(&parent->as, 0); pr; pr = as_region_from(&parent->as, pr->end)) {
		struct region r = *pr;
		if (r.kind == REGION_KERNEL)
			continue;
		if (r.file)
			vfile_get(r.file);
		if (!as_add_region(&child->as, &r))
			panic("fork: regions overlap in the child");
	}
	struct fork_ctx fc = {.k = k, .parent = parent, .child = child};
	pt_for_each_leaf(&parent->as.pt, share_leaf, &fc);
	mmu_flush_asid(k->mmu, parent->as.asid); /* the parent's pages lost W */
	if (fc.failed)
		return false;
	u64tree_for_each(&parent->as.swapped, share_swapped, &fc);
	return !fc.failed;
}

/* Gives p its own copy of the shared page in leaf, mapped with prot. */
static enum fault_result copy_page(struct kernel *k, struct proc *p, const struct pt_leaf *leaf, unsigned prot,
				   uint64_t next_use, struct fault_outcome *out)
{
	pfn_t copy;
	enum fault_result res = kernel_frame_for(k, p, &copy, out);
	if (res != FAULT_RESOLVED)
		return res;
	struct pt_leaf now;
	if (pt_lookup(&p->as.pt, leaf->va, &now) != PT_OK || now.pfn != leaf->pfn) {
		frames_free_user(&k->fr, copy); /* evicted meanwhile: the retry pages it in */
		return FAULT_RESOLVED;
	}
	uint64_t page = 1ull << k->fmt.page_shift;
	memcpy(physmem_ptr(&k->pm, pfn_to_pa(&k->pm, copy), page), physmem_ptr(&k->pm, pfn_to_pa(&k->pm, leaf->pfn), page),
	       page);
	if (pt_unmap(&p->as.pt, leaf->va, NULL) != PT_OK)
		panic("copy-on-write page vanished");
	kernel_drop_page(k, &p->as, leaf);
	if (pt_map(&p->as.pt, leaf->va, copy, 0, prot | PTE_U | PTE_A | PTE_D) != PT_OK)
		panic("remapping a copied page failed");
	frames_rmap_add(&k->fr, copy, &p->as, leaf->va);
	kernel_page_arrived(k, p, copy, next_use);
	p->as.resident++;
	mmu_flush_va(k->mmu, p->as.asid, leaf->va);
	k->c.cow_copies++;
	p->cow_copies++;
	k->c.minor_faults++; /* a copy-on-write fault is a minor fault */
	p->minor_faults++;
	out->action = ACT_COW_COPY;
	out->frame = copy;
	return FAULT_RESOLVED;
}

enum fault_result vm_cow(struct kernel *k, struct proc *p, vaddr_t va, uint64_t next_use, struct fault_outcome *out)
{
	struct region *r = as_find_region(&p->as, va);
	struct pt_leaf leaf;
	if (pt_lookup(&p->as.pt, va, &leaf) != PT_OK)
		return FAULT_RESOLVED; /* no longer present: the retry pages it in */
	if (frames_get(&k->fr, leaf.pfn)->refs > 1)
		return copy_page(k, p, &leaf, r->prot, next_use, out);
	/* the last sharer keeps the page: it only needs W back */
	if (pt_update(&p->as.pt, va, PTE_W | PTE_A | PTE_D, 0) != PT_OK)
		panic("copy-on-write page vanished");
	mmu_flush_va(k->mmu, p->as.asid, va);
	k->c.minor_faults++;
	p->minor_faults++;
	out->action = ACT_COW_REUSE;
	out->frame = leaf.pfn;
	return FAULT_RESOLVED;
}

struct range_ctx {
	struct kernel *k;
	struct proc *p;
	vaddr_t start, end;
	unsigned prot;  /* for protect */
	bool flush;     /* for unmap: shoot down each page's TLB entry */
	struct kernel_walk walk;
};

static bool in_range(const struct range_ctx *rc, vaddr_t va) { return va >= rc->start && va < rc->end; }

/* Unmaps one user page inside the range. */
static bool unmap_leaf(void *ctx, const struct pt_leaf *leaf)
{
	struct range_ctx *rc = ctx;
	if (!kernel_walk_on(rc->k, &rc->walk))
		return false;
	if (!in_range(rc, leaf->va) || frames_get(&rc->k->fr, leaf->pfn)->kind != FRAME_USER)
		return true;
	if (pt_unmap(&rc->p->as.pt, leaf->va, NULL) != PT_OK)
		panic("unmapping a page that vanished");
	kernel_as_event(rc->k, rc->p, AS_UNMAP, leaf->va);
	kernel_drop_page(rc->k, &rc->p->as, leaf);
	if (rc->flush)
		mmu_flush_va(rc->k->mmu, rc->p->as.asid, leaf->va);
	return true;
}

/* Forgets the swapped-out pages of the range, in address order (only
 * those: the map is ordered), unless w stops first. */
static void drop_swapped(struct kernel *k, struct proc *p, vpn_t first, vpn_t end, struct kernel_walk *w)
{
	uint64_t vpn, slot;
	while (kernel_walk_on(k, w) && u64tree_ceil(&p->as.swapped, first, &vpn, &slot) && vpn < end) {
		kernel_as_event(k, p, AS_UNMAP, vpn << k->fmt.page_shift);
		swap_free(&k->swap, slot);
		if (!u64tree_remove(&p->as.swapped, vpn))
			panic("swapped page 0x%" PRIx64 " vanished", vpn);
		first = vpn + 1;
	}
}

/* Unmaps [start, end): each page's TLB entry shot down (flush), or none.
 * When the run must stop midway, the regions stay (see vm_unmap_range). */
static void unmap_range(struct kernel *k, struct proc *p, vaddr_t start, vaddr_t end, bool flush)
{
	struct range_ctx rc = {.k = k, .p = p, .start = start, .end = end, .flush = flush};
	pt_for_each_leaf_in(&p->as.pt, start, end, unmap_leaf, &rc);
	if (!rc.walk.stopped)
		drop_swapped(k, p, start >> k->fmt.page_shift, end >> k->fmt.page_shift, &rc.walk);
	if (!rc.walk.stopped)
		as_remove_range(&p->as, start, end);
}

void vm_unmap_range(struct kernel *k, struct proc *p, vaddr_t start, vaddr_t end)
{
	unmap_range(k, p, start, end, true);
}

void vm_empty(struct kernel *k, struct proc *p)
{
	vaddr_t end = k->kregion_va ? k->kregion_va : k->fmt.va_bits >= 64 ? ~0ull : 1ull << k->fmt.va_bits;
	unmap_range(k, p, 0, end, false);
	mmu_flush_asid(k->mmu, p->as.asid);
}

/* Lowers one resident page's PTE to the new permissions (raising W waits for
 * the first write, which goes through copy-on-write). */
static bool protect_leaf(void *ctx, const struct pt_leaf *leaf)
{
	struct range_ctx *rc = ctx;
	if (!kernel_walk_on(rc->k, &rc->walk))
		return false;
	if (!in_range(rc, leaf->va) || frames_get(&rc->k->fr, leaf->pfn)->kind != FRAME_USER)
		return true;
	unsigned keep = rc->prot & (leaf->flags & PTE_W ? PTE_RWX : PTE_R | PTE_X);
	if (pt_update(&rc->p->as.pt, leaf->va, keep, PTE_RWX & ~keep) != PT_OK)
		panic("protecting a page that vanished");
	mmu_flush_va(rc->k->mmu, rc->p->as.asid, leaf->va);
	return true;
}

bool vm_protect_range(struct kernel *k, struct proc *p, vaddr_t start, vaddr_t end, unsigned prot)
{
	if (!as_protect_range(&p->as, start, end, prot))
		return false;
	struct range_ctx rc = {.k = k, .p = p, .start = start, .end = end, .prot = prot};
	pt_for_each_leaf_in(&p->as.pt, start, end, protect_leaf, &rc);
	return true;
}

/* Whether a user access of kind acc at va could succeed after a page fault
 * (the page lies in a region that allows it, or the stack may grow there). */
static bool user_may(struct kernel *k, struct proc *p, vaddr_t va, enum access acc)
{
	static const unsigned need[3] = {PTE_R, PTE_W, PTE_X};
	const struct region *r = as_find_region(&p->as, va);
	if (!r)
		return kernel_stack_may_grow(k, p, va);
	return r->kind != REGION_KERNEL && (r->prot & need[acc]);
}

/* The physical address of va for a user access of size bytes, faulting the
 * page in; 0 on success, -EFAULT for a bad pointer, -EIO (the kernel's
 * error is set), -ESRCH (p was killed for lack of memory), or -EINTR when the
 * run must stop before the access succeeds (polled after each fault). Each
 * attempt is a reference the MMU's observer is told of, unless the kernel
 * refuses it. */
static int user_pa(struct kernel *k, struct proc *p, vaddr_t va, enum access acc, unsigned size, paddr_t *pa)
{
	for (;;) {
		struct fault f;
		bool ok = mmu_translate(k->mmu, va, acc, PRIV_USER, pa, &f);
		if (!ok && f.kind != FAULT_TLB_MISS && (f.kind == FAULT_VA_RANGE || !user_may(k, p, va, acc)))
			return -EFAULT;
		mmu_observe(k->mmu, va, acc, size, !ok);
		if (ok) {
			if (k->on_user_access)
				k->on_user_access(k->on_user_access_ctx, p, va, acc, size);
			return 0;
		}
		struct fault_outcome out;
		enum fault_result res = kernel_fault(k, p, &f, PRIV_USER, 0, &out);
		if (res == FAULT_HOST_ERROR)
			return -EIO;
		if (res == FAULT_KILLED)
			return -ESRCH;
		if (kernel_should_stop(k))
			return -EINTR;
	}
}

int vm_copy(struct kernel *k, struct proc *p, vaddr_t va, void *buf, size_t len, bool to_user)
{
	uint8_t *b = buf;
	uint64_t page = 1ull << k->fmt.page_shift;
	kernel_switch(k, p);
	while (len) {
		size_t n = page - (va & (page - 1));
		n = n < len ? n : len;
		paddr_t pa;
		int st = user_pa(k, p, va, to_user ? ACCESS_WRITE : ACCESS_READ, (unsigned)n, &pa);
		if (st)
			return st;
		uint8_t *host = physmem_ptr(&k->pm, pa, n);
		to_user ? memcpy(host, b, n) : memcpy(b, host, n);
		mmu_stamp(k->mmu, pa);
		mmu_data_ref(k->mmu, pa);
		va += n, b += n, len -= n;
	}
	return 0;
}

int vm_copy_string(struct kernel *k, struct proc *p, vaddr_t va, char *buf, size_t size)
{
	for (size_t i = 0; i < size; i++) {
		int st = vm_copy(k, p, va + i, &buf[i], 1, false);
		if (st)
			return st;
		if (!buf[i])
			return 0;
	}
	return -ENAMETOOLONG;
}
