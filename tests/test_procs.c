/* Many processes: what a process holding no pages costs (its root table and
 * a small struct), the kernel region's tables shared by every address space
 * and freed with the last, exited processes giving everything back, the
 * alive and children lists through exit, wait and exec, 70,000 processes
 * through ASID wrap-around without a stale TLB hit, reaped processes giving
 * back every byte of host memory while the summary keeps their records, and
 * the pid index through removals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/rng.h"
#include "os/kernel.h"
#include "os/vm.h"
#include "tests/harness.h"

#define PAGE 4096ull

static struct kernel *make_kernel(const struct kernel_config *cfg)
{
	char err[300];
	struct kernel *k = kernel_new(cfg, err, sizeof err);
	if (!k)
		FAIL("kernel_new: %s", err);
	return k;
}

static struct kernel *sv39_kernel(uint64_t frames, uint64_t slots)
{
	struct kernel_config cfg;
	kernel_config_defaults(&cfg);
	cfg.user_frames = frames;
	cfg.swap_slots = slots;
	cfg.junk = true; /* freed tables filled with junk: a walk through one fails */
	return make_kernel(&cfg);
}

/* One user access with fault handling, as trace replay makes it. */
static paddr_t access(struct kernel *k, struct proc *p, vaddr_t va, enum access acc)
{
	kernel_switch(k, p);
	for (;;) {
		struct fault f;
		struct fault_outcome out;
		paddr_t pa;
		if (mmu_translate(k->mmu, va, acc, PRIV_USER, &pa, &f))
			return pa;
		if (kernel_fault(k, p, &f, PRIV_USER, 0, &out) != FAULT_RESOLVED)
			FAIL("pid %d: access to 0x%llx failed", p->pid, (unsigned long long)va);
	}
}

static void store64(struct kernel *k, struct proc *p, vaddr_t va, uint64_t v)
{
	physmem_store(&k->pm, access(k, p, va, ACCESS_WRITE), 8, v);
}

static uint64_t load64(struct kernel *k, struct proc *p, vaddr_t va)
{
	return physmem_load(&k->pm, access(k, p, va, ACCESS_READ), 8);
}

/* Whether a supervisor read of the kernel region through p's page table
 * reaches the region's first frame. */
static bool sees_kernel_region(struct kernel *k, struct proc *p)
{
	paddr_t pa;
	struct fault f;
	kernel_switch(k, p);
	if (!mmu_translate(k->mmu, k->kregion_va + 8, ACCESS_READ, PRIV_SUPERVISOR, &pa, &f))
		return false;
	mmu_flush_all(k->mmu); /* the next look walks again */
	return pa == pfn_to_pa(&k->pm, k->kregion) + 8;
}

TEST(a_process_holding_no_pages_has_one_table_frame_and_no_cpu)
{
	struct kernel *k = sv39_kernel(64, 1024); /* page-table frames for 1,000 processes */
	struct proc *first = kernel_spawn(k, 1);
	CHECK_EQ(first->as.pt.frames, 1);
	CHECK_EQ(k->kshared.frames, 2); /* sv39: the kernel region's two lower tables */
	CHECK_EQ(k->fr.in_use[FRAME_PT], 3);
	for (int pid = 2; pid <= 1000; pid++) {
		struct proc *p = kernel_spawn(k, pid);
		CHECK(p != NULL);
		CHECK_EQ(p->as.pt.frames, 1);
		CHECK(p->cpu == NULL);
	}
	CHECK_EQ(k->fr.in_use[FRAME_PT], 1000 + 2);
	CHECK_EQ(k->kshared.users, 1000);
	/* its host memory: that frame, and a struct without CPU state */
	CHECK(sizeof(struct proc) <= 1024);
	CHECK(sees_kernel_region(k, kernel_proc(k, 1000)));
	kernel_check(k);
	kernel_free(k);
}

TEST(the_kernel_region_tables_outlive_their_builder_and_go_with_the_last_process)
{
	struct kernel *k = sv39_kernel(64, 64);
	struct proc *a = kernel_spawn(k, 1), *b = kernel_spawn(k, 2);
	store64(k, a, 0x10000, 1);
	store64(k, b, 0x10000, 2);
	kernel_exit(k, a); /* a built the shared tables */
	kernel_check(k);
	CHECK_EQ(k->kshared.users, 1);
	CHECK(sees_kernel_region(k, b));
	struct proc *c = kernel_spawn(k, 3);
	CHECK_EQ(k->kshared.users, 2);
	CHECK(sees_kernel_region(k, c));
	CHECK_EQ(load64(k, b, 0x10000), 2);
	kernel_check(k);
	kernel_exit(k, b);
	kernel_exit(k, c);
	CHECK_EQ(k->kshared.users, 0);
	CHECK_EQ(k->fr.in_use[FRAME_PT], 0);
	kernel_check(k);
	struct proc *d = kernel_spawn(k, 4); /* builds them again */
	CHECK_EQ(k->fr.in_use[FRAME_PT], 3);
	CHECK(sees_kernel_region(k, d));
	CHECK_EQ(load64(k, d, 0x10000), 0);
	kernel_check(k);
	kernel_free(k);
}

TEST(a_page_next_to_the_kernel_region_stays_in_its_own_address_space)
{
	struct kernel *k = sv39_kernel(64, 64);
	struct proc *a = kernel_spawn(k, 1), *b = kernel_spawn(k, 2);
	vaddr_t near = k->kregion_va - PAGE; /* in the kernel region's lowest table */
	store64(k, a, near, 0xaaaa);
	CHECK(a->as.pt.shared == NULL); /* a has its own copies now */
	CHECK_EQ(a->as.pt.frames, 3);
	struct pt_leaf leaf;
	CHECK(pt_lookup(&b->as.pt, near, &leaf) == PT_ENOENT);
	CHECK(sees_kernel_region(k, a));
	CHECK(sees_kernel_region(k, b));
	store64(k, b, near, 0xbbbb);
	CHECK_EQ(load64(k, a, near), 0xaaaa);
	CHECK_EQ(load64(k, b, near), 0xbbbb);
	kernel_check(k);
	kernel_exit(k, a);
	kernel_exit(k, b);
	CHECK_EQ(k->kshared.users, 0); /* b, the last user, took the shared ones over */
	CHECK_EQ(k->fr.in_use[FRAME_PT], 0);
	struct proc *c = kernel_spawn(k, 3);
	CHECK(sees_kernel_region(k, c));
	kernel_check(k);
	kernel_free(k);
}

TEST(exited_processes_give_back_every_frame_slot_and_their_cpu)
{
	struct kernel *k = sv39_kernel(32, 512);
	struct proc *p[40];
	for (int i = 0; i < 40; i++) {
		p[i] = kernel_spawn(k, i + 1);
		for (uint64_t j = 0; j < 8; j++)
			store64(k, p[i], 0x10000 + j * PAGE + (uint64_t)i * 0x40000000, (uint64_t)i << 8 | j);
	}
	CHECK(k->swap.used > 0);
	p[0]->cpu = xmalloc(sizeof *p[0]->cpu);
	cpu_init(p[0]->cpu, k->mmu, &k->pm, 0x10000);
	p[0]->cpu->instret = 12345;
	kernel_check(k);
	for (int i = 0; i < 40; i++) {
		CHECK_EQ(load64(k, p[i], 0x10000 + 7 * PAGE + (uint64_t)i * 0x40000000), (uint64_t)i << 8 | 7);
		kernel_exit(k, p[i]);
		kernel_check(k);
	}
	CHECK(p[0]->cpu == NULL);
	CHECK_EQ(kernel_proc_insns(p[0]), 12345);
	CHECK_EQ(k->fr.in_use[FRAME_USER], 0);
	CHECK_EQ(k->fr.in_use[FRAME_PT], 0);
	CHECK_EQ(k->swap.used, 0);
	for (int i = 0; i < 40; i++) {
		CHECK_EQ(p[i]->as.pt.frames, 0);
		CHECK_EQ(p[i]->as.nregions, 0);
		CHECK(p[i]->state == PROC_DEAD);
	}
	kernel_free(k);
}

/* A child of parent, entered under pid as fork does it. */
static struct proc *fork_child(struct kernel *k, struct proc *parent, int pid)
{
	struct proc *c = kernel_new_proc(k);
	c->parent = parent;
	kernel_adopt(k, c, pid);
	return c;
}

/* The pids of the alive list, as "1 2 3". */
static void alive_pids(const struct kernel *k, char *buf, size_t n)
{
	buf[0] = '\0';
	for (const struct proc *p = k->alive; p; p = p->next_alive)
		snprintf(buf + strlen(buf), n - strlen(buf), "%s%d", buf[0] ? " " : "", p->pid);
}

TEST(zombies_stay_listed_until_reaped_and_orphans_lose_their_parent)
{
	struct kernel *k = sv39_kernel(64, 64);
	char pids[64];
	struct proc *init = kernel_spawn(k, 1);
	struct proc *a = fork_child(k, init, 2), *b = fork_child(k, init, 3), *c = fork_child(k, a, 4);
	CHECK(init->first_child == a && a->next_sibling == b && init->last_child == b);
	kernel_exit(k, b);
	CHECK(b->state == PROC_ZOMBIE);
	kernel_check(k);
	kernel_reap(k, b);
	CHECK(b->state == PROC_DEAD && b->parent == NULL);
	CHECK(init->first_child == a && init->last_child == a);
	alive_pids(k, pids, sizeof pids);
	CHECK_STR(pids, "1 2 4");
	kernel_check(k);
	/* exec: a's new image takes its place, and its child */
	struct proc *a2 = kernel_new_proc(k);
	kernel_replace(k, a, a2);
	CHECK(init->first_child == a2 && c->parent == a2 && a2->first_child == c);
	kernel_check(k);
	kernel_exit(k, c); /* a zombie of a2 ... */
	kernel_exit(k, a2); /* ... gone when a2 ends; a2 waits for init */
	CHECK(c->state == PROC_DEAD && a2->state == PROC_ZOMBIE);
	alive_pids(k, pids, sizeof pids);
	CHECK_STR(pids, "1 2");
	kernel_check(k);
	kernel_exit(k, init);
	CHECK(init->state == PROC_DEAD && a2->state == PROC_DEAD);
	CHECK(k->alive == NULL && k->alive_tail == NULL);
	kernel_check(k);
	kernel_free(k);
}

/* A kernel for tens of thousands of processes: 256-byte pages, a 16-bit VA
 * split 4 + 4 (a root and one lower table of 64 bytes each), one frame per
 * process and no swap. */
static struct kernel *tiny_kernel(uint64_t frames)
{
	struct kernel_config cfg;
	char err[200];
	static const unsigned bits[2] = {4, 4};
	kernel_config_defaults(&cfg);
	if (ptfmt_custom(&cfg.fmt, 8, 16, 2, bits, 4, err, sizeof err) != PTFMT_OK)
		FAIL("%s", err);
	cfg.user_frames = frames;
	cfg.swap_slots = 0;
	cfg.junk = false;
	return make_kernel(&cfg);
}

#define MANY 70000

TEST(seventy_thousand_processes_wrap_the_asids_without_a_stale_tlb_hit)
{
	struct kernel *k = tiny_kernel(MANY + 16);
	struct proc **p = xcalloc(MANY + 1, sizeof *p);
	p[1] = kernel_spawn(k, 1);
	store64(k, p[1], 0x100, 1);
	for (int i = 2; i <= MANY; i++) {
		p[i] = kernel_spawn(k, i);
		if (!p[i])
			FAIL("no memory for process %d", i);
		/* process 1 runs on after the spawn (through a rollover, once) and
		 * its entry stays in the TLB, where a new process with its old ASID
		 * would hit it */
		CHECK_EQ(load64(k, p[1], 0x100), 1);
		store64(k, p[i], 0x100, (uint64_t)i);
		CHECK_EQ(load64(k, p[1], 0x100), 1);
	}
	CHECK(p[1]->tlb_hits > 0); /* its first ASID's hits were banked at the rollover */
	uint64_t hits = 0, misses = 0;
	for (int i = 1; i <= MANY; i++) {
		CHECK_EQ(load64(k, p[i], 0x100), (uint64_t)i);
		CHECK_EQ(p[i]->as.resident, 1);
		uint64_t h, m;
		kernel_tlb_counts(k, p[i], &h, &m);
		hits += h;
		misses += m;
	}
	uint64_t total_hits, total_misses;
	mmu_tlb_totals(k->mmu, &total_hits, &total_misses);
	CHECK_EQ(hits, total_hits);
	CHECK_EQ(misses, total_misses);
	kernel_check(k);
	free(p);
	kernel_free(k);
}

/* ---- reaped processes hold no host memory ---- */

/* The bytes of host heap in use (the sanitizer's count under ASan, whose
 * allocator glibc's mallinfo2 does not see). */
#if defined(__SANITIZE_ADDRESS__)
#define HEAP_FROM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEAP_FROM_ASAN 1
#endif
#endif
#ifdef HEAP_FROM_ASAN
size_t __sanitizer_get_current_allocated_bytes(void);
static size_t heap_bytes(void) { return __sanitizer_get_current_allocated_bytes(); }
#else
#include <malloc.h>
static size_t heap_bytes(void) { return mallinfo2().uordblks; }
#endif

#define DATA 0x10000ull

/* A process with a data region of pages pages, each written. */
static struct proc *spawn_with_pages(struct kernel *k, int pid, uint64_t pages)
{
	struct proc *p = kernel_spawn(k, pid);
	struct region r = {.start = DATA, .end = DATA + pages * PAGE, .prot = PTE_R | PTE_W, .kind = REGION_DATA};
	CHECK(kernel_add_region(k, p, &r));
	for (uint64_t i = 0; i < pages; i++)
		store64(k, p, DATA + i * PAGE, i);
	return p;
}

/* One fork-and-wait cycle as the system calls make it: the child shares the
 * parent's pages, has a CPU, writes one page (a copy-on-write copy, a page
 * table of its own), exits, is reaped and collected. Returns its pid. */
static int fork_wait_cycle(struct kernel *k, struct proc *parent, int pid)
{
	struct proc *c = kernel_new_proc(k);
	CHECK(c != NULL);
	CHECK(vm_fork(k, parent, c));
	c->cpu = xmalloc(sizeof *c->cpu);
	cpu_init(c->cpu, k->mmu, &k->pm, DATA);
	c->parent = parent;
	kernel_adopt(k, c, pid);
	store64(k, c, DATA + PAGE, (uint64_t)pid);
	kernel_exit(k, c);
	CHECK(c->state == PROC_ZOMBIE);
	kernel_reap(k, c);
	kernel_collect(k);
	CHECK(kernel_proc(k, pid) == NULL);
	return pid;
}

static void reaped_processes_give_back_all_host_memory(bool local)
{
	struct kernel_config cfg;
	kernel_config_defaults(&cfg);
	cfg.user_frames = 64;
	cfg.swap_slots = 256;
	cfg.local_scope = local; /* each process has a policy of its own */
	struct kernel *k = make_kernel(&cfg);
	struct proc *init = spawn_with_pages(k, 1, 8);
	int pid = 2;
	/* The TLBs' per-ASID counters grow with the highest ASID handed out (to
	 * 65,536 at most): from near the top, they are at their full size before
	 * the count starts. */
	k->next_asid = 65000;
	while (pid < KERNEL_LISTED_PROCS + 600) /* past the listed ones, and the ASIDs' rollover */
		fork_wait_cycle(k, init, pid++);
	size_t heap = heap_bytes();
	uint64_t user = k->fr.in_use[FRAME_USER], pt = k->fr.in_use[FRAME_PT], pid_slots = k->pids.cap;
	for (int i = 0; i < 3000; i++)
		fork_wait_cycle(k, init, pid++);
	CHECK_EQ(heap_bytes(), heap);
	CHECK_EQ(k->fr.in_use[FRAME_USER], user);
	CHECK_EQ(k->fr.in_use[FRAME_PT], pt);
	CHECK_EQ(k->pids.cap, pid_slots);
	CHECK_EQ(k->pids.len, 1);
	CHECK_EQ(k->nalive, 1);
	CHECK(k->dead == NULL && init->first_child == NULL);
	CHECK_EQ(k->nprocs, (uint64_t)pid - 1);
	CHECK_EQ(k->swap.used, 0);
	kernel_check(k);
	kernel_free(k);
}

TEST(reaped_processes_give_back_every_byte_of_host_memory)
{
	reaped_processes_give_back_all_host_memory(false);
}

TEST(reaped_processes_give_back_every_byte_of_host_memory_in_local_scope)
{
	reaped_processes_give_back_all_host_memory(true);
}

TEST(freed_processes_keep_their_records_listed_or_summed)
{
	struct kernel *k = sv39_kernel(64, 256);
	struct proc *init = spawn_with_pages(k, 1, 4);
	uint64_t init_faults = init->minor_faults;
	int n = KERNEL_LISTED_PROCS + 44; /* 300 children */
	for (int i = 0; i < n; i++)
		fork_wait_cycle(k, init, 100 + i);
	struct proc *live = fork_child(k, init, 1000); /* one beyond the listed, not ended */
	store64(k, live, 0x40000000, 1);
	CHECK_EQ(k->nprocs, (uint64_t)n + 2);
	struct proc_record r;
	kernel_listed_record(k, 0, &r);
	CHECK(r.pid == 1 && r.state == PROC_LIVE && r.faults == init_faults && r.resident == 4);
	kernel_listed_record(k, 5, &r); /* freed: its record */
	CHECK(r.pid == 104 && r.state == PROC_DEAD && r.wait_status == 0 && !r.killed);
	CHECK(r.faults == 1 && r.resident == 0 && r.cow_copies == 1 && r.tlb_misses > 0); /* its copy's fault */
	uint64_t more = kernel_unlisted_records(k, &r);
	CHECK_EQ(more, (uint64_t)n + 2 - KERNEL_LISTED_PROCS);
	CHECK(r.state == PROC_LIVE); /* one of them runs */
	CHECK_EQ(r.cow_copies, (uint64_t)n + 1 - KERNEL_LISTED_PROCS);
	CHECK_EQ(r.faults, (uint64_t)n + 2 - KERNEL_LISTED_PROCS); /* a copy each, the live one's demand-zero fault */
	CHECK_EQ(r.resident, 1);
	uint64_t copies = 0;
	for (size_t i = 0; i < KERNEL_LISTED_PROCS; i++) {
		kernel_listed_record(k, i, &r);
		copies += r.cow_copies;
	}
	kernel_unlisted_records(k, &r);
	CHECK_EQ(copies + r.cow_copies, k->c.cow_copies); /* the records add up to the machine's counts */
	kernel_check(k);
	kernel_free(k);
}

TEST(dead_processes_stay_in_the_table_until_collected)
{
	struct kernel *k = sv39_kernel(64, 64);
	struct proc *p = kernel_spawn(k, 7);
	kernel_kill(k, p, 9, "killed for the test");
	CHECK(kernel_proc(k, 7) == p && p->state == PROC_DEAD && k->dead == p);
	kernel_check(k);
	kernel_collect(k);
	CHECK(kernel_proc(k, 7) == NULL && k->dead == NULL && k->alive == NULL);
	struct proc_record r;
	kernel_listed_record(k, 0, &r);
	CHECK(r.pid == 7 && r.killed && r.wait_status == 9);
	kernel_check(k);
	kernel_free(k);
}

TEST(the_pid_index_finds_every_pid_through_random_removals)
{
	enum { N = 3000 };
	struct proc *p = xcalloc(N, sizeof *p);
	bool in[N] = {false};
	struct pidmap m;
	struct rng r;
	pidmap_init(&m);
	rng_seed(&r, 42);
	for (int i = 0; i < N; i++)
		p[i].pid = (int)rng_below(&r, 1u << 18) * N + i; /* distinct, scattered over the hash */
	for (int step = 0; step < 40000; step++) {
		int i = (int)rng_below(&r, N);
		if (in[i])
			pidmap_remove(&m, &p[i]);
		else
			pidmap_put(&m, &p[i]);
		in[i] = !in[i];
		if (step % 997)
			continue;
		uint64_t len = 0;
		for (int j = 0; j < N; j++) {
			if (pidmap_get(&m, p[j].pid) != (in[j] ? &p[j] : NULL))
				FAIL("seed 42, step %d: pid %d is %s", step, p[j].pid, in[j] ? "lost" : "still found");
			len += in[j];
		}
		CHECK_EQ(m.len, len);
	}
	pidmap_fini(&m);
	free(p);
}
