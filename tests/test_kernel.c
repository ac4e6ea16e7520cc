/* The kernel's memory manager: demand paging, swap round trips, clean pages
 * dropped without I/O, OOM kills, segmentation faults, local scope, every
 * frame and swap slot returned, and each policy through the whole kernel
 * against a naive simulation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/rng.h"
#include "os/kernel.h"
#include "os/vfile.h"
#include "tests/harness.h"

#define PAGE 4096ull

static struct kernel *make_kernel(uint64_t frames, uint64_t slots, const char *policy, bool local)
{
	struct kernel_config cfg;
	char err[300];
	kernel_config_defaults(&cfg);
	cfg.user_frames = frames;
	cfg.swap_slots = slots;
	cfg.policy = policy_find(policy);
	cfg.local_scope = local;
	cfg.junk = true;
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	if (!k)
		FAIL("kernel_new: %s", err);
	return k;
}

/* One access with fault handling, as a workload does it. */
static enum fault_result access(struct kernel *k, struct proc *p, vaddr_t va, enum access acc, paddr_t *pa)
{
	kernel_switch(k, p);
	for (;;) {
		struct fault f;
		struct fault_outcome out;
		if (mmu_translate(k->mmu, va, acc, PRIV_USER, pa, &f))
			return FAULT_RESOLVED;
		enum fault_result r = kernel_fault(k, p, &f, PRIV_USER, 0, &out);
		if (r != FAULT_RESOLVED)
			return r;
	}
}

static void store64(struct kernel *k, struct proc *p, vaddr_t va, uint64_t v)
{
	paddr_t pa;
	if (access(k, p, va, ACCESS_WRITE, &pa) != FAULT_RESOLVED)
		FAIL("write to 0x%llx failed", (unsigned long long)va);
	physmem_store(&k->pm, pa, 8, v);
}

static uint64_t load64(struct kernel *k, struct proc *p, vaddr_t va)
{
	paddr_t pa;
	if (access(k, p, va, ACCESS_READ, &pa) != FAULT_RESOLVED)
		FAIL("read of 0x%llx failed", (unsigned long long)va);
	return physmem_load(&k->pm, pa, 8);
}

TEST(first_touch_is_a_minor_demand_zero_fault)
{
	struct kernel *k = make_kernel(16, 64, "clock", false);
	struct proc *p = kernel_spawn(k, 1);
	CHECK_EQ(load64(k, p, 0x10000), 0);
	CHECK_EQ(k->c.minor_faults, 1);
	CHECK_EQ(k->c.major_faults, 0);
	CHECK_EQ(p->as.resident, 1);
	CHECK_EQ(load64(k, p, 0x10008), 0);
	CHECK_EQ(k->c.minor_faults, 1);
	kernel_check(k);
	kernel_free(k);
}

TEST(ten_times_more_pages_than_ram_round_trip_through_swap_intact)
{
	struct kernel *k = make_kernel(16, 256, "clock", false);
	struct proc *p = kernel_spawn(k, 1);
	for (uint64_t i = 0; i < 160; i++) {
		store64(k, p, 0x100000 + i * PAGE, 0xabc00000 + i);
		store64(k, p, 0x100000 + i * PAGE + PAGE - 8, ~i);
	}
	CHECK(k->c.swap_outs >= 144);
	for (uint64_t i = 0; i < 160; i++) {
		CHECK_EQ(load64(k, p, 0x100000 + i * PAGE), 0xabc00000 + i);
		CHECK_EQ(load64(k, p, 0x100000 + i * PAGE + PAGE - 8), ~i);
	}
	CHECK(k->c.swap_ins >= 144);
	CHECK_EQ(p->as.resident, 16);
	CHECK_EQ(kernel_swapped_pages(p) + p->as.resident, 160);
	kernel_check(k);
	kernel_exit(k, p);
	CHECK_EQ(k->fr.in_use[FRAME_USER], 0);
	CHECK_EQ(k->fr.in_use[FRAME_PT], 0);
	CHECK_EQ(k->swap.used, 0);
	kernel_check(k);
	kernel_free(k);
}

TEST(clean_pages_with_a_swap_copy_are_dropped_without_io)
{
	struct kernel *k = make_kernel(4, 64, "fifo", false);
	struct proc *p = kernel_spawn(k, 1);
	for (uint64_t i = 0; i < 8; i++)
		store64(k, p, i * PAGE + 0x10000, i + 1);
	for (uint64_t i = 0; i < 8; i++)
		CHECK_EQ(load64(k, p, i * PAGE + 0x10000), i + 1);
	/* now every page has a swap copy; reading comes in clean and leaves clean */
	uint64_t writes = k->c.writebacks;
	CHECK_EQ(writes, 8);
	for (uint64_t i = 0; i < 8; i++)
		CHECK_EQ(load64(k, p, i * PAGE + 0x10000), i + 1);
	CHECK_EQ(k->c.writebacks, writes);
	CHECK(k->c.evictions > 8);
	kernel_check(k);
	kernel_free(k);
}

TEST(pages_never_written_are_dropped_and_come_back_as_zeros)
{
	struct kernel *k = make_kernel(2, 8, "fifo", false);
	struct proc *p = kernel_spawn(k, 1);
	for (int round = 0; round < 3; round++)
		for (uint64_t i = 0; i < 5; i++)
			CHECK_EQ(load64(k, p, i * PAGE + 0x10000), 0);
	CHECK_EQ(k->c.writebacks, 0);
	CHECK_EQ(k->swap.used, 0);
	CHECK_EQ(k->c.minor_faults, 15);
	kernel_free(k);
}

/* The host bytes of the page at va (resident, after an access). */
static uint8_t *page_bytes(struct kernel *k, struct proc *p, vaddr_t va, enum access acc)
{
	paddr_t pa;
	if (access(k, p, va, acc, &pa) != FAULT_RESOLVED)
		FAIL("access to 0x%llx failed", (unsigned long long)va);
	return physmem_ptr(&k->pm, pa & ~(PAGE - 1), PAGE);
}

static void fill_page(uint8_t *page, uint64_t seed)
{
	for (uint64_t i = 0; i < PAGE; i++)
		page[i] = (uint8_t)(seed * 37 + i * 11 + (i >> 8) + 1);
}

static bool page_is(const uint8_t *page, uint64_t seed)
{
	uint8_t want[PAGE];
	fill_page(want, seed);
	return memcmp(page, want, PAGE) == 0;
}

static bool page_is_zero(const uint8_t *page)
{
	for (uint64_t i = 0; i < PAGE; i++)
		if (page[i])
			return false;
	return true;
}

TEST(frames_taken_from_evicted_pages_hold_every_byte_of_the_new_page)
{
	struct kernel *k = make_kernel(2, 64, "fifo", false);
	struct proc *p = kernel_spawn(k, 1);
	for (uint64_t i = 0; i < 4; i++) /* each eviction hands a full frame to the next page */
		fill_page(page_bytes(k, p, 0x10000 + i * PAGE, ACCESS_WRITE), i);
	for (uint64_t i = 4; i < 8; i++)
		CHECK(page_is_zero(page_bytes(k, p, 0x10000 + i * PAGE, ACCESS_READ))); /* demand-zero */
	for (uint64_t i = 0; i < 4; i++)
		CHECK(page_is(page_bytes(k, p, 0x10000 + i * PAGE, ACCESS_READ), i)); /* swap-in */
	CHECK_EQ(k->c.minor_faults, 8);
	CHECK_EQ(k->c.major_faults, 4);
	CHECK_EQ(k->c.writebacks, 4);
	kernel_check(k);
	kernel_exit(k, p);
	CHECK_EQ(k->fr.in_use[FRAME_USER], 0);
	CHECK_EQ(k->swap.used, 0);
	kernel_free(k);
}

TEST(a_file_page_in_a_reused_frame_is_the_file_then_zeros)
{
	char path[] = "/tmp/vmlab-test-file-XXXXXX", err[300];
	int fd = mkstemp(path);
	FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
	CHECK(out != NULL);
	CHECK_EQ(fwrite("hello, file", 1, 11, out), 11);
	CHECK(fclose(out) == 0);
	struct vfile *f = vfile_open(path, err, sizeof err);
	remove(path);
	if (!f)
		FAIL("%s", err);
	struct kernel *k = make_kernel(1, 64, "fifo", false);
	struct proc *p = kernel_spawn(k, 1);
	struct region r = {.start = 0x40000, .end = 0x40000 + PAGE, .prot = PTE_R, .kind = REGION_FILE,
			   .file = f, .file_len = 11};
	CHECK(kernel_add_region(k, p, &r));
	vfile_put(f);
	memset(page_bytes(k, p, 0x10000, ACCESS_WRITE), 0xee, PAGE); /* the one frame, full of 0xee */
	uint8_t *page = page_bytes(k, p, 0x40000, ACCESS_READ);
	CHECK(memcmp(page, "hello, file", 11) == 0);
	for (uint64_t i = 11; i < PAGE; i++)
		if (page[i])
			FAIL("byte %llu of the file page is 0x%x", (unsigned long long)i, page[i]);
	CHECK_EQ(k->c.file_reads, 1);
	kernel_check(k);
	kernel_free(k);
}

/* Random reads and writes over more pages than RAM, each page checked whole
 * against a model on every read; writes go to a few pages so that most
 * faults are demand-zero or clean swap-ins into frames other pages left. */
static void random_pages_match_a_model(const char *policy, uint64_t seed)
{
	enum { PAGES = 24, OPS = 3000 };
	struct kernel *k = make_kernel(6, 64, policy, false);
	struct proc *p = kernel_spawn(k, 1);
	static uint8_t model[PAGES][PAGE];
	memset(model, 0, sizeof model);
	struct rng r;
	rng_seed(&r, seed);
	for (uint64_t op = 0; op < OPS; op++) {
		uint64_t x = rng_next(&r), i = (x >> 8) % PAGES;
		vaddr_t va = 0x200000 + i * PAGE;
		if ((x & 0xff) < 40 && i < 8) { /* a write to one of the first 8 pages */
			uint8_t *page = page_bytes(k, p, va, ACCESS_WRITE);
			uint64_t off = (x >> 20) % PAGE;
			page[off] = model[i][off] = (uint8_t)(x >> 40) | 1;
		} else if (memcmp(page_bytes(k, p, va, ACCESS_READ), model[i], PAGE) != 0) {
			FAIL("%s, seed %llu, step %llu: page %llu differs from the model", policy,
			     (unsigned long long)seed, (unsigned long long)op, (unsigned long long)i);
		}
		if (op % 500 == 0)
			kernel_check(k);
	}
	kernel_check(k);
	kernel_exit(k, p);
	CHECK_EQ(k->fr.in_use[FRAME_USER], 0);
	CHECK_EQ(k->swap.used, 0);
	kernel_free(k);
}

TEST(random_reads_and_writes_see_every_page_as_a_model_holds_it)
{
	static const char *const policies[] = {"fifo", "lru", "clock", "eclock", "random", "twolist"};
	for (size_t i = 0; i < ARRAY_LEN(policies); i++)
		for (uint64_t seed = 1; seed <= 3; seed++)
			random_pages_match_a_model(policies[i], seed);
}

static int kills;
static void count_kill(void *ctx, const struct proc *p)
{
	(void)ctx, (void)p;
	kills++;
}

TEST(out_of_memory_kills_the_largest_process_and_the_others_go_on)
{
	struct kernel *k = make_kernel(8, 8, "lru", false);
	k->on_kill = count_kill;
	struct proc *small = kernel_spawn(k, 1), *big = kernel_spawn(k, 2);
	store64(k, small, 0x10000, 111);
	store64(k, small, 0x20000, 222);
	paddr_t pa;
	enum fault_result r = FAULT_RESOLVED;
	for (uint64_t i = 0; i < 64 && r == FAULT_RESOLVED; i++) {
		r = access(k, big, 0x400000 + i * PAGE, ACCESS_WRITE, &pa);
		if (r == FAULT_RESOLVED)
			physmem_store(&k->pm, pa, 8, i);
	}
	CHECK_EQ(r, FAULT_KILLED);
	CHECK_EQ(big->state, PROC_DEAD);
	CHECK(strstr(big->death, "out of memory: killed process 2") != NULL);
	CHECK_EQ(kills, 1);
	CHECK_EQ(k->c.oom_kills, 1);
	CHECK_EQ(load64(k, small, 0x10000), 111);
	CHECK_EQ(load64(k, small, 0x20000), 222);
	kernel_check(k);
	kernel_exit(k, small);
	CHECK_EQ(k->swap.used, 0);
	CHECK_EQ(k->fr.in_use[FRAME_USER], 0);
	kernel_free(k);
}

TEST(strict_mode_kills_an_access_outside_every_region_with_a_report)
{
	struct kernel_config cfg;
	char err[200];
	kernel_config_defaults(&cfg);
	cfg.strict = true;
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	struct proc *p = kernel_spawn(k, 7);
	struct region r = {.start = 0x10000, .end = 0x20000, .prot = PTE_R, .kind = REGION_DATA};
	CHECK(kernel_add_region(k, p, &r));
	CHECK_EQ(load64(k, p, 0x10000), 0);
	paddr_t pa;
	CHECK_EQ(access(k, p, 0x10000, ACCESS_WRITE, &pa), FAULT_KILLED);
	CHECK(strstr(p->death, "write of 0x10000 (region data r--)") != NULL);
	struct proc *q = kernel_spawn(k, 8);
	CHECK_EQ(access(k, q, 0x30000, ACCESS_READ, &pa), FAULT_KILLED);
	CHECK(strstr(q->death, "no region") != NULL);
	CHECK_EQ(k->c.segfaults, 2);
	kernel_free(k);
}

TEST(user_access_to_the_kernel_region_is_a_segmentation_fault)
{
	struct kernel *k = make_kernel(16, 16, "clock", false);
	struct proc *p = kernel_spawn(k, 1);
	paddr_t pa;
	CHECK(k->kregion_va != 0);
	CHECK_EQ(access(k, p, k->kregion_va + 16, ACCESS_READ, &pa), FAULT_KILLED);
	CHECK(strstr(p->death, "region kernel") != NULL);
	CHECK(strstr(p->death, "protection") != NULL);
	kernel_free(k);
}

TEST(local_scope_evicts_only_the_faulting_process_pages)
{
	struct kernel *k = make_kernel(8, 64, "fifo", true);
	struct proc *a = kernel_spawn(k, 1), *b = kernel_spawn(k, 2);
	for (uint64_t i = 0; i < 4; i++)
		store64(k, a, 0x10000 + i * PAGE, i);
	for (uint64_t i = 0; i < 4; i++)
		store64(k, b, 0x10000 + i * PAGE, 10 + i);
	for (uint64_t i = 4; i < 12; i++)
		store64(k, a, 0x10000 + i * PAGE, i);
	CHECK_EQ(b->as.resident, 4);
	CHECK_EQ(a->as.resident, 4);
	for (uint64_t i = 0; i < 12; i++)
		CHECK_EQ(load64(k, a, 0x10000 + i * PAGE), i);
	kernel_check(k);
	kernel_free(k);
}

TEST(an_unwritable_swap_path_is_refused_with_its_name)
{
	struct kernel_config cfg;
	char err[300] = "";
	kernel_config_defaults(&cfg);
	cfg.swap_path = "/nonexistent-dir/swap";
	CHECK(kernel_new(&cfg, err, sizeof err) == NULL);
	CHECK(strstr(err, "/nonexistent-dir/swap") != NULL);
}

TEST(a_swap_write_error_is_reported_not_ignored)
{
	struct kernel_config cfg;
	char err[300];
	kernel_config_defaults(&cfg);
	cfg.user_frames = 2;
	cfg.swap_slots = 16;
	cfg.swap_path = "/dev/full";
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	if (!k)
		FAIL("%s", err);
	struct proc *p = kernel_spawn(k, 1);
	paddr_t pa;
	enum fault_result r = FAULT_RESOLVED;
	for (uint64_t i = 0; i < 4 && r == FAULT_RESOLVED; i++)
		r = access(k, p, 0x10000 + i * PAGE, ACCESS_WRITE, &pa);
	CHECK_EQ(r, FAULT_HOST_ERROR);
	CHECK(strstr(k->error, "/dev/full") != NULL);
	CHECK(strstr(k->error, "write of swap slot") != NULL);
	kernel_free(k);
}

/* Faults of a naive simulation: pages in a small array, the policy by scanning. */
static uint64_t naive_faults(const char *policy, const uint64_t *refs, uint64_t n, uint64_t frames)
{
	uint64_t page[64], stamp[64], loaded[64], used = 0, faults = 0;
	bool refbit[64];
	uint64_t hand = 0;
	for (uint64_t t = 0; t < n; t++) {
		uint64_t i;
		for (i = 0; i < used && page[i] != refs[t]; i++)
			;
		if (i < used) {
			stamp[i] = t;
			refbit[i] = true;
			continue;
		}
		faults++;
		if (used < frames) {
			i = used++;
		} else if (!strcmp(policy, "fifo") || !strcmp(policy, "lru")) {
			const uint64_t *key = !strcmp(policy, "fifo") ? loaded : stamp;
			i = 0;
			for (uint64_t j = 1; j < used; j++)
				if (key[j] < key[i])
					i = j;
		} else if (!strcmp(policy, "opt")) {
			uint64_t far = 0;
			i = 0;
			for (uint64_t j = 0; j < used; j++) {
				uint64_t next = n;
				for (uint64_t u = t + 1; u < n; u++)
					if (refs[u] == page[j]) {
						next = u;
						break;
					}
				if (next > far || (next == far && j < i))
					far = next, i = j;
			}
		} else { /* clock over frame order */
			while (refbit[hand]) {
				refbit[hand] = false;
				hand = (hand + 1) % used;
			}
			i = hand;
			hand = (hand + 1) % used;
		}
		page[i] = refs[t];
		stamp[i] = loaded[i] = t;
		refbit[i] = true;
	}
	return faults;
}

/* Replays the references (page numbers) through the kernel; returns its faults. */
static uint64_t kernel_faults(const char *policy, const uint64_t *refs, uint64_t n, uint64_t frames)
{
	struct kernel *k = make_kernel(frames, 256, policy, false);
	struct proc *p = kernel_spawn(k, 1);
	kernel_switch(k, p);
	for (uint64_t t = 0; t < n; t++) {
		uint64_t next = UINT64_MAX;
		for (uint64_t u = t + 1; u < n; u++)
			if (refs[u] == refs[t]) {
				next = u;
				break;
			}
		vaddr_t va = refs[t] * PAGE;
		paddr_t pa;
		struct fault f;
		struct fault_outcome out;
		while (!mmu_translate(k->mmu, va, ACCESS_READ, PRIV_USER, &pa, &f))
			if (kernel_fault(k, p, &f, PRIV_USER, next, &out) != FAULT_RESOLVED)
				FAIL("fault not resolved");
		mmu_stamp(k->mmu, pa);
		kernel_touch(k, pa, next);
	}
	uint64_t faults = k->c.minor_faults + k->c.major_faults;
	kernel_check(k);
	kernel_free(k);
	return faults;
}

TEST(fifo_lru_clock_and_opt_through_the_kernel_match_a_naive_simulation)
{
	static const char *const policies[] = {"fifo", "lru", "clock", "opt"};
	static uint64_t refs[3000];
	struct rng r;
	for (uint64_t seed = 1; seed <= 4; seed++) {
		rng_seed(&r, seed);
		uint64_t frames = 2 + rng_below(&r, 20), pages = frames + 1 + rng_below(&r, 20);
		for (int i = 0; i < 3000; i++)
			refs[i] = seed == 4 ? (uint64_t)i % (frames + 1) /* a loop that defeats LRU */
					    : (rng_below(&r, 4) ? rng_below(&r, frames) : rng_below(&r, pages));
		for (int pi = 0; pi < 4; pi++) {
			uint64_t want = naive_faults(policies[pi], refs, 3000, frames);
			uint64_t got = kernel_faults(policies[pi], refs, 3000, frames);
			if (want != got)
				FAIL("%s, seed %llu, %llu frames: kernel %llu faults, naive %llu", policies[pi],
				     (unsigned long long)seed, (unsigned long long)frames, (unsigned long long)got,
				     (unsigned long long)want);
		}
	}
}

TEST(the_stack_grows_down_to_its_limit_and_the_guard_page_below_faults)
{
	struct kernel *k = make_kernel(64, 64, "clock", false);
	k->cfg.strict = true;
	k->cfg.stack_limit = 8 * PAGE;
	struct proc *p = kernel_spawn(k, 1);
	vaddr_t top = 0x80000000;
	struct region stack = {.start = top - PAGE, .end = top, .prot = PTE_R | PTE_W, .kind = REGION_STACK};
	CHECK(kernel_add_region(k, p, &stack));
	store64(k, p, top - 8, 1);
	store64(k, p, top - 8 * PAGE, 8);     /* the lowest page the limit allows */
	CHECK_EQ(as_find_region(&p->as, top - 8)->start, top - 8 * PAGE);
	CHECK_EQ(load64(k, p, top - 8), 1);
	paddr_t pa;
	CHECK_EQ(access(k, p, top - 8 * PAGE - 8, ACCESS_WRITE, &pa), FAULT_KILLED);
	CHECK(strstr(p->death, "stack overflow") != NULL);
	kernel_free(k);
}

TEST(without_strict_an_access_far_below_the_stack_gets_its_own_region)
{
	struct kernel *k = make_kernel(64, 64, "clock", false);
	k->cfg.stack_limit = 8 * PAGE;
	struct proc *p = kernel_spawn(k, 1);
	struct region stack = {.start = 0x80000000 - PAGE, .end = 0x80000000, .prot = PTE_R | PTE_W, .kind = REGION_STACK};
	CHECK(kernel_add_region(k, p, &stack));
	store64(k, p, 0x10000, 5);
	CHECK_EQ(as_find_region(&p->as, 0x10000)->kind, REGION_ANON);
	CHECK_EQ(as_find_region(&p->as, 0x80000000 - 8)->start, 0x80000000 - PAGE);
	kernel_free(k);
}
