/* The memory manager: process address spaces, the page-fault handler,
 * eviction and swap, and out-of-memory kills. Mechanism (translation, A/D
 * bits, TLB) is the MMU's; this file decides what goes where. */
#include "os/cmem.h"
#include "os/kernel.h"
#include "os/kernel_int.h"
#include "os/vm.h"
#include "guest/include/vmlab/syscall.h"

#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void kernel_config_defaults(struct kernel_config *cfg)
{
	char err[100];
	memset(cfg, 0, sizeof *cfg);
	if (ptfmt_preset(&cfg->fmt, "sv39", 0, 0, err, sizeof err) != PTFMT_OK)
		panic("%s", err);
	mmu_config_defaults(&cfg->mmu);
	cfg->user_frames = 4096;
	cfg->swap_slots = 8 * 4096;
	cfg->policy = &policy_clock_ops;
	cfg->stack_limit = 8 << 20;
	cfg->seed = 1;
	cfg->as_size = 1 << 20;
	cfg->fit = CONTIG_FIRST_FIT;
#ifndef NDEBUG
	cfg->junk = true;
#endif
	latency_defaults(&cfg->lat);
}

/* ---- policy callbacks: the hardware A and D bits of every mapping ----
 *
 * A format without A and D bits (ostep-2level) gets reference bits in
 * software from the frames' reference stamps: a page was referenced since
 * its bit was last cleared when its stamp is newer than the stamp it had
 * then (soft_cleared). Without a D bit the kernel cannot tell a clean page:
 * every page counts as dirty. */

static bool soft_bits(const struct kernel *k) { return !ptfmt_has_ad(&k->fmt); }

static bool soft_accessed(const struct kernel *k, pfn_t pfn)
{
	return mmu_stamp_of(k->mmu, pfn) > k->soft_cleared[pfn];
}

/* The leaf of mapping m, with its flags as they are now; false when the
 * mapping has no valid PTE. The first look walks the tables and remembers
 * where the PTE is; later ones read it there. */
static bool mapping_leaf(struct rmap *m, struct pt_leaf *leaf)
{
	if (m->pte_pa == RMAP_PTE_UNKNOWN) {
		if (pt_lookup(&m->as->pt, m->va, leaf) != PT_OK)
			return false;
		m->pte_pa = leaf->pte_pa;
		m->level = leaf->level;
		return true;
	}
	*leaf = (struct pt_leaf){.va = m->va, .level = m->level, .pte_pa = m->pte_pa};
	return pt_reread(&m->as->pt, leaf) == PT_OK;
}

/* Removes mapping m's PTE (at the remembered place when there is one); false
 * when it has no valid PTE. */
static bool unmap_mapping(struct rmap *m)
{
	if (m->pte_pa == RMAP_PTE_UNKNOWN)
		return pt_unmap(&m->as->pt, m->va, NULL) == PT_OK;
	struct pt_leaf leaf = {.va = m->va, .level = m->level, .pte_pa = m->pte_pa};
	return pt_unmap_leaf(&m->as->pt, &leaf) == PT_OK;
}

/* ORs the canonical flags of every mapping of frame pfn. */
static unsigned mapping_flags(struct kernel *k, pfn_t pfn)
{
	unsigned flags = 0;
	for (struct rmap *m = frames_get(&k->fr, pfn)->rmap; m; m = m->next) {
		struct pt_leaf leaf;
		if (mapping_leaf(m, &leaf))
			flags |= leaf.flags;
	}
	return flags;
}

static bool is_accessed(void *ctx, pfn_t pfn)
{
	struct kernel *k = ctx;
	return soft_bits(k) ? soft_accessed(k, pfn) : (mapping_flags(k, pfn) & PTE_A) != 0;
}

static bool is_dirty(void *ctx, pfn_t pfn)
{
	struct kernel *k = ctx;
	return soft_bits(k) || (mapping_flags(k, pfn) & PTE_D) != 0;
}

static bool test_and_clear_accessed(void *ctx, pfn_t pfn)
{
	struct kernel *k = ctx;
	bool was = false;
	if (soft_bits(k)) {
		was = soft_accessed(k, pfn);
		k->soft_cleared[pfn] = mmu_stamp_of(k->mmu, pfn);
		return was;
	}
	for (struct rmap *m = frames_get(&k->fr, pfn)->rmap; m; m = m->next) {
		struct pt_leaf leaf;
		if (!mapping_leaf(m, &leaf) || !(leaf.flags & PTE_A))
			continue;
		was = true;
		pt_update_leaf(&m->as->pt, &leaf, 0, PTE_A);
		mmu_flush_va(k->mmu, m->as->asid, m->va);
	}
	return was;
}

static void policy_for(struct kernel *k, struct policy *pol)
{
	struct policy_env env = {
		.nframes = k->cfg.user_frames,
		.seed = k->cfg.seed,
		.test_and_clear_accessed = test_and_clear_accessed,
		.is_accessed = is_accessed,
		.is_dirty = is_dirty,
		.ctx = k,
		.last_use = k->mmu->stamp,
		.shared = k->policy_frames,
	};
	policy_init(pol, k->cfg.policy, &env);
}

/* The MMU keeps reference stamps of the user frames when the policy needs
 * them or the kernel keeps reference bits in software. */
static void setup_stamps(struct kernel *k)
{
	if (!k->cfg.policy->needs_stamps && !soft_bits(k))
		return;
	mmu_stamps_on(k->mmu, k->cfg.user_frames);
	if (soft_bits(k))
		k->soft_cleared = xcalloc(k->cfg.user_frames, sizeof *k->soft_cleared);
}

struct policy *kernel_policy_of(struct kernel *k, struct proc *p)
{
	return k->cfg.local_scope ? &p->as.policy : &k->global;
}

/* A page became resident in frame pfn: the policy instance pol holds it. */
void kernel_hold_frame(struct kernel *k, pfn_t pfn, struct policy *pol, uint64_t next_use)
{
	frames_get(&k->fr, pfn)->pol = pol;
	policy_insert(pol, pfn, next_use);
}

/* A page of p became resident in frame pfn for a reference: the reference
 * is stamped (its reference bit, kept in software, is clear until the access
 * it faulted for is made, as a fresh PTE's A bit is) and p's policy holds it. */
void kernel_page_arrived(struct kernel *k, struct proc *p, pfn_t pfn, uint64_t next_use)
{
	mmu_stamp(k->mmu, pfn_to_pa(&k->pm, pfn));
	if (k->soft_cleared)
		k->soft_cleared[pfn] = mmu_stamp_of(k->mmu, pfn);
	kernel_hold_frame(k, pfn, kernel_policy_of(k, p), next_use);
}

/* The page left frame pfn: its policy instance lets go. */
void kernel_release_frame(struct kernel *k, pfn_t pfn)
{
	struct frame *f = frames_get(&k->fr, pfn);
	policy_remove(f->pol, pfn);
	f->pol = NULL;
}

/* ---- construction ---- */

/* Frames for page tables: enough for every user and swapped page to need its
 * own path, and at least what one process needs to execute an instruction
 * (its tables and the kernel region: kernel_minimum), limited by what the
 * PTE's frame number can address. */
static bool size_kernel_pool(const struct kernel_config *cfg, uint64_t *kernel_frames, char *err, size_t errlen)
{
	struct kernel_minimum min;
	kernel_minimum(&cfg->fmt, &min);
	uint64_t want = cfg->fmt.levels * (cfg->user_frames + cfg->swap_slots) + 64 + KERNEL_REGION_PAGES;
	uint64_t need = min.table_frames + min.kernel_frames, addressable = 1ull << cfg->fmt.pfn_bits;
	if (cfg->user_frames >= addressable) {
		snprintf(err, errlen, "%s page tables address %" PRIu64 " frames in all; ask for fewer than that (--frames)",
			 cfg->fmt.name, addressable);
		return false;
	}
	if (need > addressable - cfg->user_frames) {
		snprintf(err, errlen, "%s page tables address %" PRIu64 " frames in all, and the kernel needs %" PRIu64
			 " of them for page tables and its own region; ask for at most %" PRIu64 " (--frames)",
			 cfg->fmt.name, addressable, need, addressable > need ? addressable - need : 0);
		return false;
	}
	want = want > need ? want : need;
	*kernel_frames = want < addressable - cfg->user_frames ? want : addressable - cfg->user_frames;
	return true;
}

static bool setup_memory(struct kernel *k, char *err, size_t errlen)
{
	uint64_t kernel_frames;
	if (!size_kernel_pool(&k->cfg, &kernel_frames, err, errlen))
		return false;
	uint64_t total = k->cfg.user_frames + kernel_frames;
	if (total > (PHYSMEM_MAX_BYTES >> k->fmt.page_shift)) {
		snprintf(err, errlen, "too much memory: at most %llu GiB of RAM and swap together",
			 PHYSMEM_MAX_BYTES >> 30 >> 2);
		return false;
	}
	if (physmem_init(&k->pm, total << k->fmt.page_shift, k->fmt.page_shift) != PHYSMEM_OK) {
		snprintf(err, errlen, "cannot reserve simulated RAM");
		return false;
	}
	frames_init(&k->fr, &k->pm, k->cfg.user_frames, kernel_frames);
	k->fr.junk = k->cfg.junk;
	return true;
}

/* The kernel region: a few global supervisor pages at the top of every address
 * space, when the VA space is large enough to spare them. */
static bool setup_kernel_region(struct kernel *k)
{
	if (k->fmt.va_bits < 32)
		return true;
	if (!frames_alloc_kernel(&k->fr, KERNEL_REGION_PAGES, FRAME_KERNEL, &k->kregion))
		return false;
	uint64_t bytes = (uint64_t)KERNEL_REGION_PAGES << k->fmt.page_shift;
	k->kregion_va = (k->fmt.canonical ? ~0ull : mask_bits(k->fmt.va_bits)) - bytes + 1;
	return true;
}

struct kernel *kernel_new(const struct kernel_config *cfg, char *err, size_t errlen)
{
	struct kernel *k = xcalloc(1, sizeof *k);
	k->cfg = *cfg;
	k->fmt = cfg->fmt;
	k->cfg.fmt = k->fmt;
	k->next_asid = 1;
	kernel_minimum(&k->fmt, &k->min);
	rng_seed(&k->rng, cfg->seed);
	pidmap_init(&k->pids);
	if (cfg->user_frames == 0) {
		snprintf(err, errlen, "RAM must hold at least one frame");
		goto fail_early;
	}
	if (!setup_memory(k, err, errlen))
		goto fail_early;
	if (cfg->swap_slots && !swap_open(&k->swap, cfg->swap_path, cfg->swap_slots, 1ull << k->fmt.page_shift, err, errlen))
		goto fail_memory;
	k->has_swap = cfg->swap_slots != 0;
	if (!cmem_new(k, err, errlen))
		goto fail_swap;
	if (k->cm && cfg->mmu.mech->kind == MMU_MECH_PARTITION) /* the MMU's partitions are the allocator's */
		k->cfg.mmu.part = (struct mmu_part_config){.first = 0, .size = cmem_partition_size(k),
							   .count = cfg->mmu.part.count};
	if (!(k->mmu = mmu_new(&k->cfg.mmu, &k->pm, &k->fmt, err, errlen)))
		goto fail_cmem;
	if (!setup_kernel_region(k)) {
		snprintf(err, errlen, "no memory for the kernel region");
		goto fail_mmu;
	}
	setup_stamps(k);
	if (cfg->local_scope)
		k->policy_frames = policy_shared_new(cfg->user_frames);
	else
		policy_for(k, &k->global);
	return k;
fail_mmu:
	mmu_free(k->mmu);
fail_cmem:
	cmem_free(k);
fail_swap:
	if (k->has_swap)
		swap_close(&k->swap);
fail_memory:
	frames_fini(&k->fr);
	physmem_fini(&k->pm);
fail_early:
	pidmap_fini(&k->pids);
	free(k);
	return NULL;
}

static void release_as(struct kernel *k, struct proc *p, bool may_stop);
static void forget_as(struct kernel *k, struct proc *p);
static void free_proc(struct proc *p);

/* Frees the host memory of the processes of a list (alive or dead). */
static void free_list(struct kernel *k, struct proc *p)
{
	while (p) {
		struct proc *next = p->next_alive;
		forget_as(k, p);
		free_proc(p);
		p = next;
	}
}

/* The machine goes as a whole: the processes' frames, tables and swap slots
 * need not be given back one by one, only their host memory. */
void kernel_free(struct kernel *k)
{
	free_list(k, k->alive);
	free_list(k, k->dead);
	if (!k->cfg.local_scope)
		policy_fini(&k->global);
	policy_shared_free(k->policy_frames); /* after every instance that used it */
	cmem_free(k);
	mmu_free(k->mmu);
	if (k->has_swap)
		swap_close(&k->swap);
	frames_fini(&k->fr);
	physmem_fini(&k->pm);
	pidmap_fini(&k->pids);
	free(k->soft_cleared);
	free(k);
}

/* ---- ASIDs (os/asid.c hands them out) ---- */

void kernel_switch_slow(struct kernel *k, struct proc *p)
{
	if (k->cm) {
		cmem_switch(k, p); /* its processes have no ASID */
		return;
	}
	p->as.asid = asid_new(k);
	k->current = p;
	mmu_set_context(k->mmu, p->as.pt.root, p->as.asid);
}

void kernel_tlb_counts(const struct kernel *k, const struct proc *p, uint64_t *hits, uint64_t *misses)
{
	uint64_t h = 0, m = 0;
	if (p->as.asid)
		mmu_asid_totals(k->mmu, p->as.asid, &h, &m);
	*hits = p->tlb_hits + h;
	*misses = p->tlb_misses + m;
}

/* ---- processes ---- */

/* Maps the kernel region's pages into as's fresh page table. The first
 * address space builds their tables below the root and shares them; later
 * ones link those (a format whose root holds the leaves shares nothing). */
static bool map_kernel_tables(struct kernel *k, struct aspace *as)
{
	if (k->kshared.users)
		return pt_link(&as->pt, &k->kshared) == PT_OK;
	for (unsigned i = 0; i < KERNEL_REGION_PAGES; i++) {
		vaddr_t va = k->kregion_va + ((vaddr_t)i << k->fmt.page_shift);
		unsigned flags = PTE_R | PTE_W | PTE_X | PTE_G | PTE_A | PTE_D;
		if (pt_map(&as->pt, va, k->kregion + i, 0, flags) != PT_OK)
			return false;
	}
	enum pt_status st = pt_share(&as->pt, k->kregion_va, &k->kshared);
	return st == PT_OK || st == PT_ENOENT;
}

static bool map_kernel_region(struct kernel *k, struct aspace *as)
{
	if (!k->kregion_va)
		return true;
	if (!map_kernel_tables(k, as))
		return false;
	struct region r = {.start = k->kregion_va,
			   .end = k->kregion_va + ((vaddr_t)KERNEL_REGION_PAGES << k->fmt.page_shift),
			   .prot = PTE_R | PTE_W | PTE_X,
			   .kind = REGION_KERNEL};
	if (k->kregion_va + ((vaddr_t)KERNEL_REGION_PAGES << k->fmt.page_shift) == 0)
		r.end = ~0ull; /* the region ends at the very top of the address space */
	return as_add_region(as, &r);
}

/* A zeroed struct proc, aligned so that its first fields share one cache line. */
static struct proc *alloc_proc(void)
{
	size_t size = (sizeof(struct proc) + 63) & ~(size_t)63;
	struct proc *p = aligned_alloc(64, size);
	if (!p)
		panic("out of host memory for a process");
	memset(p, 0, size);
	return p;
}

struct proc *kernel_new_proc(struct kernel *k)
{
	struct proc *p = alloc_proc();
	struct frame_source fs = frames_pt_source(&k->fr);
	if (pt_init(&p->as.pt, &k->fmt, &k->pm, &fs) != PT_OK) {
		free(p);
		return NULL;
	}
	as_init(&p->as, &k->nregions);
	p->as.asid = k->cm ? 0 : asid_new(k);
	if (k->cfg.local_scope)
		policy_for(k, &p->as.policy);
	if (!map_kernel_region(k, &p->as)) {
		release_as(k, p, false);
		free_proc(p);
		return NULL;
	}
	return p;
}

void kernel_adopt(struct kernel *k, struct proc *p, int pid)
{
	p->pid = pid;
	p->slot = k->nprocs++;
	p->in_table = true;
	if (p->slot < KERNEL_LISTED_PROCS)
		k->listed[p->slot].p = p;
	pidmap_put(&k->pids, p);
	family_add(k, p);
}

struct proc *kernel_spawn(struct kernel *k, int pid)
{
	struct proc *p = kernel_new_proc(k);
	if (p)
		kernel_adopt(k, p, pid);
	return p;
}

void kernel_replace(struct kernel *k, struct proc *old, struct proc *p)
{
	if (!old->in_table || pidmap_get(&k->pids, old->pid) != old)
		panic("pid %d is not in the table", old->pid);
	p->pid = old->pid;
	p->parent = old->parent;
	p->slot = old->slot;
	p->in_table = true;
	if (p->slot < KERNEL_LISTED_PROCS)
		k->listed[p->slot].p = p;
	pidmap_put(&k->pids, p);
	family_replace(k, old, p);
	release_as(k, old, false);
	free_proc(old);
}

struct proc *kernel_proc(struct kernel *k, int pid) { return pidmap_get(&k->pids, pid); }

void kernel_prefetch(struct kernel *k, int pid, vaddr_t va, unsigned step, struct pt_ahead *a)
{
	if (step == 0) {
		pidmap_prefetch(&k->pids, pid);
		a->level = -1;
		return;
	}
	if (step > 2) {
		pt_ahead_next(&k->fmt, &k->pm, va, a);
		return;
	}
	struct proc *p = pidmap_get(&k->pids, pid);
	if (!p || k->cm)
		return;
	if (step == 1)
		__builtin_prefetch(&p->as.pt);
	else
		pt_ahead_start(&p->as.pt, va, a);
}

void kernel_drop_page(struct kernel *k, struct aspace *as, const struct pt_leaf *leaf)
{
	struct frame *f = frames_get(&k->fr, leaf->pfn);
	frames_rmap_remove(&k->fr, leaf->pfn, as, leaf->va);
	as->resident--;
	if (f->refs == 0) {
		kernel_release_frame(k, leaf->pfn);
		if (frame_slot(f) != NO_SLOT)
			swap_free(&k->swap, frame_slot(f));
		frames_free_user(&k->fr, leaf->pfn);
	} else if (f->pol == &as->policy) {
		/* local scope: a page still shared after fork moves to a holder's policy */
		kernel_release_frame(k, leaf->pfn);
		kernel_hold_frame(k, leaf->pfn, &f->rmap->as->policy, 0);
	}
}

struct release_ctx {
	struct kernel *k;
	struct aspace *as;
	bool may_stop;   /* poll the run's limits as it goes */
	struct kernel_walk walk;
};

/* Drops one user mapping of a dying address space, its PTE too, so that what
 * is left is a whole address space at every step. False when the teardown
 * must end first (may_stop, and the run must stop: kernel_walk_on). */
static bool release_leaf(void *ctx, const struct pt_leaf *leaf)
{
	struct release_ctx *rc = ctx;
	if (rc->may_stop && !kernel_walk_on(rc->k, &rc->walk))
		return false;
	if (frames_get(&rc->k->fr, leaf->pfn)->kind != FRAME_USER)
		return true;
	if (pt_unmap_leaf(&rc->as->pt, leaf) != PT_OK)
		panic("releasing a page that vanished");
	kernel_drop_page(rc->k, rc->as, leaf);
	return true;
}

static void free_slot(void *ctx, uint64_t vpn, uint64_t slot)
{
	(void)vpn;
	swap_free(ctx, slot);
}

static void release_swapped(struct kernel *k, struct aspace *as)
{
	u64tree_for_each(&as->swapped, free_slot, &k->swap);
	u64tree_fini(&as->swapped);
}

/* After exit: a zombie until its parent waits, or dead when it has none; its
 * children lose their parent (zombies among them are gone). A parent waiting
 * for it runs again (and repeats its wait4, which now finds it). */
static void bury(struct kernel *k, struct proc *p)
{
	struct proc *parent = p->parent;
	bool waited_for = parent && (parent->state != PROC_ZOMBIE && parent->state != PROC_DEAD);
	if (waited_for)
		p->state = PROC_ZOMBIE;
	else
		family_dead(k, p);
	if (waited_for && parent->state == PROC_WAITING && (parent->wait_pid == -1 || parent->wait_pid == p->pid))
		parent->state = PROC_LIVE;
	while (p->first_child) {
		struct proc *c = p->first_child;
		if (c->state == PROC_ZOMBIE)
			family_dead(k, c);
		else
			family_orphan(c);
	}
}

void kernel_reap(struct kernel *k, struct proc *z) { family_dead(k, z); }

void kernel_collect(struct kernel *k)
{
	while (k->dead) {
		struct proc *p = k->dead;
		k->dead = p->next_alive;
		record_keep(k, p);
		pidmap_remove(&k->pids, p);
		forget_as(k, p);
		free_proc(p);
	}
}

/* Frees everything p's address space holds (not the struct). With may_stop
 * (an exit) it polls the run's limits as the pages go, and when the run must
 * stop midway the rest stays: a smaller address space, still whole, that
 * only kernel_free gives back (the machine goes as a whole). */
static void release_as(struct kernel *k, struct proc *p, bool may_stop)
{
	struct release_ctx rc = {.k = k, .as = &p->as, .may_stop = may_stop};
	if (k->cm)
		cmem_release(k, p);
	if (p->as.pt.frames)
		pt_for_each_leaf(&p->as.pt, release_leaf, &rc);
	if (rc.walk.stopped) {
		mmu_flush_asid(k->mmu, p->as.asid);
		return;
	}
	release_swapped(k, &p->as);
	pt_fini(&p->as.pt);
	mmu_flush_asid(k->mmu, p->as.asid);
	forget_as(k, p);
}

/* Frees what p's address space holds on the host (its policy, regions and
 * swap map), not what it holds in the machine: release_as has given that
 * back, or the whole machine goes (kernel_free). */
static void forget_as(struct kernel *k, struct proc *p)
{
	if (k->cfg.local_scope)
		policy_fini(&p->as.policy);
	as_fini(&p->as);
	p->as.resident = 0;
	cmem_forget(p);
	if (k->current == p)
		k->current = NULL;
}

/* Frees p's CPU, keeping its count of instructions. */
static void free_cpu(struct proc *p)
{
	if (!p->cpu)
		return;
	p->instret = p->cpu->instret;
	cpu_fini(p->cpu);
	free(p->cpu);
	p->cpu = NULL;
}

/* Frees the struct of a process whose address space is released. */
static void free_proc(struct proc *p)
{
	free_cpu(p);
	free(p);
}

void kernel_discard(struct kernel *k, struct proc *p)
{
	release_as(k, p, false);
	free_proc(p);
}

/* kernel_exit; may_stop: the teardown may end early when the run must stop
 * (release_as). */
static void exit_proc(struct kernel *k, struct proc *p, bool may_stop)
{
	if (p->state == PROC_DEAD || p->state == PROC_ZOMBIE)
		return;
	if (k->on_exit)
		k->on_exit(k->on_exit_ctx, p);
	kernel_as_event(k, p, AS_EMPTY, 0);
	release_as(k, p, may_stop);
	free_cpu(p);
	bury(k, p);
}

void kernel_exit(struct kernel *k, struct proc *p) { exit_proc(k, p, true); }

bool kernel_add_region(struct kernel *k, struct proc *p, const struct region *r)
{
	(void)k;
	if (!as_add_region(&p->as, r))
		return false;
	if (r->file)
		vfile_get(r->file); /* the address space holds its own reference */
	return true;
}

uint64_t kernel_swapped_pages(const struct proc *p) { return p->as.swapped.len; }

/* ---- killing ---- */

/* kernel_kill; may_stop as for exit_proc. */
static void kill_proc(struct kernel *k, struct proc *p, int sig, const char *why, bool may_stop)
{
	snprintf(p->death, sizeof p->death, "%s", why);
	p->wait_status = sig;
	exit_proc(k, p, may_stop);
	if (k->on_kill)
		k->on_kill(k->on_kill_ctx, p);
}

void kernel_kill(struct kernel *k, struct proc *p, int sig, const char *why) { kill_proc(k, p, sig, why, true); }

/* Kills the live process holding the most memory (resident + swapped);
 * returns it, or NULL when nobody holds any. */
static struct proc *oom_kill(struct kernel *k)
{
	struct proc *fattest = NULL;
	uint64_t most = 0;
	for (struct proc *p = k->alive; p; p = p->next_alive) {
		uint64_t size = p->as.resident + p->as.swapped.len;
		if (p->state == PROC_LIVE && size > most)
			fattest = p, most = size;
	}
	if (!fattest)
		return NULL;
	char why[200];
	snprintf(why, sizeof why, "out of memory: killed process %d holding %" PRIu64 " pages (%" PRIu64
		 " resident, %" PRIu64 " in swap)", fattest->pid, most, fattest->as.resident, fattest->as.swapped.len);
	k->c.oom_kills++;
	kill_proc(k, fattest, GUEST_SIGKILL, why, false); /* its every frame is wanted now */
	return fattest;
}

/* ---- eviction ---- */

static bool host_error(struct kernel *k, const char *msg)
{
	snprintf(k->error, sizeof k->error, "%s", msg);
	return false;
}

/* Writes the frame's page to swap when it must be: dirty, or anonymous
 * content that exists nowhere else. Sets *written. Returns false when swap is
 * full (*full) or I/O failed (kernel error set). */
static bool write_back(struct kernel *k, pfn_t pfn, bool *written, bool *full)
{
	struct frame *f = frames_get(&k->fr, pfn);
	*written = *full = false;
	if (!is_dirty(k, pfn))
		return true; /* a clean page: its swap copy, its file, or zeros hold it */
	uint64_t slot = frame_slot(f);
	if (slot == NO_SLOT) {
		if (!k->has_swap || !swap_alloc(&k->swap, &slot)) {
			*full = true;
			return false;
		}
		frame_set_slot(f, slot);
	}
	char err[300];
	if (!swap_write(&k->swap, slot, physmem_ptr(&k->pm, pfn_to_pa(&k->pm, pfn), k->swap.page_size), err, sizeof err))
		return host_error(k, err);
	k->c.writebacks++;
	k->c.swap_outs++;
	kernel_proc_of(f->rmap->as)->swap_outs++;
	*written = true;
	return true;
}

/* Unmaps every mapping of the frame, remembering its swap slot (if any) in
 * each address space; the frame stays a user frame with no mappings. */
static void unmap_victim(struct kernel *k, pfn_t pfn, struct fault_outcome *out)
{
	struct frame *f = frames_get(&k->fr, pfn);
	uint64_t slot = frame_slot(f);
	bool first = true;
	while (f->rmap) {
		struct aspace *as = f->rmap->as;
		vaddr_t va = f->rmap->va;
		if (!unmap_mapping(f->rmap))
			panic("victim frame 0x%" PRIx64 " not mapped at 0x%" PRIx64, pfn, va);
		mmu_flush_va(k->mmu, as->asid, va);
		if (slot != NO_SLOT) {
			u64tree_put(&as->swapped, va >> k->fmt.page_shift, slot);
			if (!first)
				swap_dup(&k->swap, slot); /* one holder per address space */
			first = false;
		}
		as->resident--;
		kernel_proc_of(as)->evictions++;
		if (out) {
			out->evicted = true;
			out->victim_va = va;
		}
		frames_rmap_remove(&k->fr, pfn, as, va);
	}
	f->slot_plus1 = 0; /* the slot now belongs to the address spaces' swap maps */
	kernel_release_frame(k, pfn);
	k->c.evictions++;
}


/* The pid of the process of the frame's first mapping, or -1 when it has none. */
static int owner_pid(struct kernel *k, pfn_t pfn)
{
	const struct rmap *m = frames_get(&k->fr, pfn)->rmap;
	return m ? kernel_proc_of(m->as)->pid : -1;
}

/* A free user frame for p, evicting a victim when none is free; unzeroed
 * (the caller writes every byte of it). The victim's frame is the one handed
 * out, as freeing it would make it the only free one. */
static enum frame_get get_frame_unzeroed(struct kernel *k, struct proc *p, pfn_t *pfn, struct fault_outcome *out)
{
	if (frames_alloc_user_unzeroed(&k->fr, pfn))
		return GOT_FRAME;
	pfn_t victim;
	if (!workset_victim(k, p, &victim))
		return NO_MEMORY;
	bool written, full;
	if (!write_back(k, victim, &written, &full))
		return full ? NO_MEMORY : IO_ERROR;
	if (out) {
		out->victim_pid = owner_pid(k, victim);
		out->victim_written = written;
	}
	unmap_victim(k, victim, out);
	frames_reuse_user(&k->fr, victim, !written && ptfmt_has_ad(&k->fmt));
	*pfn = victim;
	return GOT_FRAME;
}

enum frame_get kernel_get_frame(struct kernel *k, struct proc *p, pfn_t *pfn, struct fault_outcome *out)
{
	enum frame_get got = get_frame_unzeroed(k, p, pfn, out);
	if (got == GOT_FRAME)
		frames_zero_user(&k->fr, *pfn);
	return got;
}

/* ---- the page-fault handler ---- */

/* Kills p with SIGSEGV for fault f: why is what, then the instruction's pc
 * (and the instruction, unless it was a fetch that faulted). */
static enum fault_result kill_for_fault(struct kernel *k, struct proc *p, const struct fault *f, const char *what,
					struct fault_outcome *out)
{
	char why[320], insn[64] = "";
	int n = snprintf(why, sizeof why, "%s", what);
	if (p->cpu && n > 0 && (size_t)n < sizeof why) {
		if (f->access != ACCESS_EXEC) /* a fetch that faulted has no instruction to show */
			cpu_disasm(p->fault_insn, p->cpu->pc, insn, sizeof insn);
		snprintf(why + n, sizeof why - (size_t)n, ", at pc 0x%" PRIx64 "%s%s%s", p->cpu->pc, *insn ? " (" : "",
			 insn, *insn ? ")" : "");
	}
	k->c.segfaults++;
	out->action = ACT_KILLED;
	kernel_kill(k, p, GUEST_SIGSEGV, why);
	return FAULT_KILLED;
}

static enum fault_result segfault(struct kernel *k, struct proc *p, const struct fault *f, const struct region *r,
				  const char *reason, struct fault_outcome *out)
{
	char what[300], prot[4] = "";
	if (r)
		region_prot_string(r->prot, prot);
	snprintf(what, sizeof what, "segmentation fault: %s of 0x%" PRIx64 " (%s%s%s%s): %s", access_name(f->access),
		 f->va, r ? "region " : "no region", r ? region_kind_name(r->kind) : "", r ? " " : "", prot, reason);
	return kill_for_fault(k, p, f, what, out);
}

static bool prot_allows(unsigned prot, enum access acc)
{
	static const unsigned need[3] = {PTE_R, PTE_W, PTE_X};
	return (prot & need[acc]) != 0;
}

/* Fills frame pfn with the region's file contents for the page at va, and
 * zeros beyond the end of the file. */
static bool read_file_page(struct kernel *k, const struct region *r, vaddr_t va, pfn_t pfn)
{
	uint64_t page = 1ull << k->fmt.page_shift, off = va - r->start;
	uint64_t n = r->file && off < r->file_len ? (r->file_len - off < page ? r->file_len - off : page) : 0;
	uint8_t *dst = physmem_ptr(&k->pm, pfn_to_pa(&k->pm, pfn), page);
	memset(dst + n, 0, page - n);
	if (n == 0)
		return true;
	ssize_t got = pread(r->file->fd, dst, n, (off_t)(r->file_off + off));
	if (got != (ssize_t)n) {
		char msg[300];
		snprintf(msg, sizeof msg, "%s: read of %" PRIu64 " bytes at offset %" PRIu64 " failed: %s",
			 r->file->name, n, r->file_off + off,
			 got < 0 ? strerror(errno) : "file too short");
		return host_error(k, msg);
	}
	return true;
}

/* Fills every byte of frame pfn with the page at va: from swap, from the
 * file, or zeros.
 * Sets the action and counts the fault. A page read from a swap slot other
 * address spaces still hold leaves the slot to them: *dirty tells the caller
 * to map it dirty, so that its next eviction writes it out again. */
static bool fill_page(struct kernel *k, struct proc *p, const struct region *r, vaddr_t va, pfn_t pfn,
		      struct fault_outcome *out, bool *dirty)
{
	uint64_t slot;
	vpn_t vpn = va >> k->fmt.page_shift;
	*dirty = false;
	if (u64tree_take(&p->as.swapped, vpn, &slot)) {
		char err[300];
		uint8_t *dst = physmem_ptr(&k->pm, pfn_to_pa(&k->pm, pfn), k->swap.page_size);
		frames_written(&k->fr, pfn);
		if (!swap_read(&k->swap, slot, dst, err, sizeof err)) {
			u64tree_put(&p->as.swapped, vpn, slot); /* it stays in swap */
			return host_error(k, err);
		}
		if (swap_holders(&k->swap, slot) == 1) {
			frame_set_slot(frames_get(&k->fr, pfn), slot);
		} else {
			swap_free(&k->swap, slot);
			*dirty = true;
		}
		k->c.swap_ins++, p->swap_ins++;
		p->major_faults++, k->c.major_faults++;
		out->action = ACT_SWAP_IN;
	} else if (r->file && va - r->start < r->file_len) {
		frames_written(&k->fr, pfn);
		if (!read_file_page(k, r, va, pfn))
			return false;
		k->c.file_reads++;
		p->major_faults++, k->c.major_faults++;
		out->action = ACT_FILE_READ;
	} else {
		frames_zero_user(&k->fr, pfn);
		p->minor_faults++, k->c.minor_faults++;
		out->action = ACT_DEMAND_ZERO;
	}
	return true;
}

/* Memory and swap are full: kills the biggest process. Returns true when p
 * survived (try again), false when p is dead. */
static bool oom_or_die(struct kernel *k, struct proc *p, struct fault_outcome *out)
{
	struct proc *killed = oom_kill(k);
	if (killed && killed != p)
		return true;
	if (!killed)
		kernel_kill(k, p, GUEST_SIGKILL, "out of memory: nothing left to evict");
	out->action = ACT_KILLED;
	return false;
}

/* kernel_frame_for without the zeroing (the caller writes every byte). */
static enum fault_result frame_for_unzeroed(struct kernel *k, struct proc *p, pfn_t *pfn, struct fault_outcome *out)
{
	for (;;) {
		enum frame_get got = get_frame_unzeroed(k, p, pfn, out);
		if (got == GOT_FRAME)
			return FAULT_RESOLVED;
		if (got == IO_ERROR)
			return FAULT_HOST_ERROR;
		if (!oom_or_die(k, p, out))
			return FAULT_KILLED;
	}
}

enum fault_result kernel_frame_for(struct kernel *k, struct proc *p, pfn_t *pfn, struct fault_outcome *out)
{
	enum fault_result res = frame_for_unzeroed(k, p, pfn, out);
	if (res == FAULT_RESOLVED)
		frames_zero_user(&k->fr, *pfn);
	return res;
}

/* Maps a frame holding the right contents at va in p's address space. */
static enum fault_result page_in(struct kernel *k, struct proc *p, const struct region *r, vaddr_t va,
				 uint64_t next_use, struct fault_outcome *out)
{
	pfn_t pfn;
	struct pt_leaf leaf;
	va &= ~mask_bits(k->fmt.page_shift);
	for (;;) {
		enum fault_result res = frame_for_unzeroed(k, p, &pfn, out);
		if (res != FAULT_RESOLVED)
			return res;
		enum pt_status st = pt_map_leaf(&p->as.pt, va, pfn, 0, r->prot | PTE_U, &leaf);
		if (st == PT_OK)
			break;
		if (st != PT_ENOMEM)
			panic("mapping a faulting page: %s", pt_strerror(st));
		frames_free_user(&k->fr, pfn); /* no room for a page table */
		if (!oom_or_die(k, p, out))
			return FAULT_KILLED;
	}
	bool dirty;
	if (!fill_page(k, p, r, va, pfn, out, &dirty)) {
		if (pt_unmap(&p->as.pt, va, NULL) != PT_OK)
			panic("a page just mapped vanished");
		frames_free_user(&k->fr, pfn);
		return FAULT_HOST_ERROR;
	}
	if (dirty)
		pt_update_leaf(&p->as.pt, &leaf, PTE_A | PTE_D, 0);
	frames_rmap_add_leaf(&k->fr, pfn, &p->as, &leaf);
	kernel_page_arrived(k, p, pfn, next_use);
	p->as.resident++;
	out->frame = pfn;
	return FAULT_RESOLVED;
}

/* Trace replay's regions on first touch: the aligned 2 MiB block around va
 * (clipped to the VA space and to the gap between existing regions). */
static struct region *auto_region(struct kernel *k, struct proc *p, vaddr_t va)
{
	uint64_t block = 1ull << 21, page_mask = mask_bits(k->fmt.page_shift);
	vaddr_t min = 0, max = k->fmt.va_bits >= 64 ? ~0ull : (1ull << k->fmt.va_bits);
	if (k->fmt.canonical && ((va >> (k->fmt.va_bits - 1)) & 1))
		min = ~mask_bits(k->fmt.va_bits - 1), max = k->kregion_va ? k->kregion_va : ~0ull;
	else if (k->fmt.canonical)
		max = 1ull << (k->fmt.va_bits - 1);
	vaddr_t lo, hi, start = va & ~(block - 1), end = start + block;
	as_gap(&p->as, va, min, max, &lo, &hi);
	start = start > lo ? start : lo;
	end = (end < hi && end > start) ? end : hi;
	struct region r = {.start = start & ~page_mask, .end = end, .prot = PTE_R | PTE_W | PTE_X, .kind = REGION_ANON};
	if (!as_add_region(&p->as, &r))
		return NULL;
	return as_find_region(&p->as, va);
}

/* The stack region just above va, when nothing lies between them. */
static struct region *stack_above(struct aspace *as, vaddr_t va)
{
	struct region *r = as_region_from(as, va);
	if (r && r->start <= va)
		r = as_region_from(as, r->end); /* va is inside it: the one above */
	return r && r->kind == REGION_STACK ? r : NULL;
}

bool kernel_stack_may_grow(struct kernel *k, struct proc *p, vaddr_t va)
{
	struct region *s = stack_above(&p->as, va);
	return s && s->end >= k->cfg.stack_limit && va >= s->end - k->cfg.stack_limit;
}

/* Grows the stack down to cover va when va is within the stack limit. Returns
 * the stack region, or NULL (with *guard set when va is in the guard gap
 * just below the limit). */
static struct region *grow_stack(struct kernel *k, struct proc *p, vaddr_t va, bool *guard)
{
	struct region *s = stack_above(&p->as, va);
	if (!s)
		return NULL;
	uint64_t page = 1ull << k->fmt.page_shift;
	vaddr_t lowest = s->end - k->cfg.stack_limit; /* the stack may grow down to here */
	if (s->end < k->cfg.stack_limit || va < lowest) {
		*guard = s->end >= k->cfg.stack_limit && va >= lowest - STACK_GUARD_PAGES * page;
		return NULL;
	}
	as_resize_region(&p->as, s, va & ~(page - 1), s->end);
	return s;
}

static enum fault_result not_present(struct kernel *k, struct proc *p, const struct fault *f, uint64_t next_use,
				     struct fault_outcome *out)
{
	bool guard = false;
	struct region *r = as_find_region(&p->as, f->va);
	if (!r && (r = grow_stack(k, p, f->va, &guard)) != NULL)
		out->stack_grew = true;
	if (!r && !guard && !k->cfg.strict && (r = auto_region(k, p, f->va)) != NULL)
		out->region_created = true;
	if (!r)
		return segfault(k, p, f, NULL,
				guard ? "stack overflow (beyond the stack limit)" : "no region contains the address",
				out);
	if (!prot_allows(r->prot, f->access))
		return segfault(k, p, f, r, "the region does not allow it", out);
	return page_in(k, p, r, f->va, next_use, out);
}

static enum fault_result set_ad(struct kernel *k, struct proc *p, const struct fault *f, struct fault_outcome *out)
{
	unsigned set = PTE_A | (f->access == ACCESS_WRITE ? PTE_D : 0);
	if (pt_update(&p->as.pt, f->va, set, 0) != PT_OK)
		panic("A/D fault on an unmapped page");
	mmu_flush_va(k->mmu, p->as.asid, f->va);
	k->c.ad_faults++;
	out->action = ACT_AD_UPDATE;
	return FAULT_RESOLVED;
}

/* A write refused only for want of W, in a region that allows writing: a
 * page shared copy-on-write since a fork. */
static bool is_cow(struct proc *p, const struct fault *f)
{
	const struct region *r = as_find_region(&p->as, f->va);
	return f->access == ACCESS_WRITE && f->violated == PTE_W && r && r->kind != REGION_KERNEL &&
	       (r->prot & PTE_W);
}

enum fault_result kernel_fault(struct kernel *k, struct proc *p, const struct fault *f, enum priv priv,
			       uint64_t next_use, struct fault_outcome *out)
{
	char reason[200];
	memset(out, 0, sizeof *out);
	out->fault = *f;
	out->victim_pid = -1;
	switch (f->kind) {
	case FAULT_TLB_MISS: {
		struct fault walk;
		out->action = ACT_TLB_REFILL;
		if (mmu_refill(k->mmu, f->va, f->access, priv, &walk))
			return FAULT_RESOLVED;
		return kernel_fault(k, p, &walk, priv, next_use, out);
	}
	case FAULT_NOT_PRESENT:
		return not_present(k, p, f, next_use, out);
	case FAULT_AD:
		return set_ad(k, p, f, out);
	case FAULT_PROTECTION:
		if (is_cow(p, f))
			return vm_cow(k, p, f->va, next_use, out);
		/* fall through */
	default:
		fault_describe(f, reason, sizeof reason);
		if (k->cm) /* a bounds or segment violation: the hardware's own words */
			return kill_for_fault(k, p, f, reason, out);
		return segfault(k, p, f, as_find_region(&p->as, f->va), reason, out);
	}
}

void kernel_touch(struct kernel *k, paddr_t pa, uint64_t next_use)
{
	pfn_t pfn = pa_to_pfn(&k->pm, pa);
	policy_touch(k->cfg.local_scope ? frames_get(&k->fr, pfn)->pol : &k->global, pfn, next_use);
}

/* Adds the kernel's own work for processes to hw: its faults, disk I/O and copies. */
static void add_kernel_counts(const struct kernel *k, struct hw_counts *hw)
{
	hw->faults = k->c.minor_faults + k->c.major_faults + k->c.ad_faults + k->c.segfaults;
	hw->disk_reads = k->c.swap_ins + k->c.file_reads;
	hw->disk_writes = k->c.swap_outs;
	hw->mem_refs[MEM_DRAM] += k->c.copied_bytes / 4; /* a load and a store per 8 bytes */
}

uint64_t kernel_sim_ns(const struct kernel *k)
{
	struct hw_counts hw = {0};
	mmu_add_hw_counts(k->mmu, &hw);
	add_kernel_counts(k, &hw);
	return latency_ns(&k->cfg.lat, &hw);
}

uint64_t kernel_system_ns(const struct kernel *k)
{
	struct hw_counts hw = {0};
	add_kernel_counts(k, &hw);
	return latency_ns(&k->cfg.lat, &hw);
}

/* Panics unless every mapping of user frame pfn whose PTE address the
 * kernel remembers is the leaf a walk finds, pointing at pfn. */
static void check_mappings(const struct kernel *k, pfn_t pfn)
{
	for (const struct rmap *m = k->fr.f[pfn].rmap; m; m = m->next) {
		struct pt_leaf leaf;
		if (m->pte_pa == RMAP_PTE_UNKNOWN)
			continue;
		if (pt_lookup(&m->as->pt, m->va, &leaf) != PT_OK || leaf.pte_pa != m->pte_pa || leaf.pfn != pfn ||
		    leaf.level != m->level)
			panic("frame 0x%" PRIx64 ": the mapping at 0x%" PRIx64 " is not where its PTE was", pfn, m->va);
	}
}

/* Panics when user frame pfn is known to hold zeros, no mapping of it is
 * dirty, and it does not. (Without D bits a mapped page's writes cannot be
 * told; then eviction never keeps the knowledge, and only unmapped frames
 * are checked.) */
static void check_zero(const struct kernel *k, pfn_t pfn)
{
	const struct frame *f = &k->fr.f[pfn];
	if (f->rmap && !ptfmt_has_ad(&k->fmt))
		return;
	unsigned flags = 0;
	for (const struct rmap *m = f->rmap; m; m = m->next) {
		struct pt_leaf leaf;
		if (pt_lookup(&m->as->pt, m->va, &leaf) == PT_OK)
			flags |= leaf.flags;
	}
	if (!f->zero || (flags & PTE_D))
		return;
	uint64_t page = 1ull << k->fmt.page_shift;
	const uint8_t *p = physmem_ptr(&k->pm, pfn_to_pa(&k->pm, pfn), page);
	for (uint64_t i = 0; i < page; i++)
		if (p[i])
			panic("frame 0x%" PRIx64 " is taken for zeros but byte %" PRIu64 " is 0x%x", pfn, i, p[i]);
}

void kernel_check(const struct kernel *k)
{
	frames_check(&k->fr);
	family_check(k);
	uint64_t mapped = 0, frame_refs = 0, holders = 0, holders_wanted = 0, pt_frames = 0, linked = 0;
	for (int dead = 0; dead < 2; dead++)
		for (const struct proc *p = dead ? k->dead : k->alive; p; p = p->next_alive) {
			mapped += p->as.resident;
			holders_wanted += p->as.swapped.len;
			as_check(&p->as);
			pt_frames += p->as.pt.frames;
			linked += p->as.pt.shared != NULL;
		}
	if (linked != k->kshared.users)
		panic("%" PRIu64 " page tables link the kernel region's tables but %" PRIu64 " users are counted", linked,
		      k->kshared.users);
	pt_frames += k->kshared.users ? k->kshared.frames : 0;
	if (pt_frames != k->fr.in_use[FRAME_PT])
		panic("%" PRIu64 " page-table frames in use but the page tables hold %" PRIu64, k->fr.in_use[FRAME_PT],
		      pt_frames);
	if (k->cm) { /* the RAM for processes is the contiguous allocator's, not the frames' */
		cmem_check(k);
		return;
	}
	for (uint64_t i = 0; i < k->fr.user_count; i++) {
		check_mappings(k, i);
		check_zero(k, i);
		frame_refs += k->fr.f[i].refs;
		holders_wanted += frame_slot(&k->fr.f[i]) != NO_SLOT;
	}
	if (mapped != frame_refs)
		panic("%" PRIu64 " resident pages but %" PRIu64 " mappings of user frames", mapped, frame_refs);
	for (uint64_t i = 0; k->has_swap && i < k->swap.nslots; i++)
		holders += swap_holders(&k->swap, i);
	if (holders != holders_wanted)
		panic("%" PRIu64 " swap-slot holders counted but %" PRIu64 " recorded", holders_wanted, holders);
}
