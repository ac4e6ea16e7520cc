/* Fork's copy-on-write, unmapping and protecting ranges, user copies. */
#include <errno.h>
#include <string.h>

#include "os/kernel.h"
#include "os/vm.h"
#include "tests/harness.h"

#define PAGE 4096ull
#define BASE 0x100000ull

static struct kernel *make_kernel(uint64_t frames, uint64_t slots, bool local)
{
	struct kernel_config cfg;
	char err[300];
	kernel_config_defaults(&cfg);
	cfg.user_frames = frames;
	cfg.swap_slots = slots;
	cfg.strict = true;
	cfg.local_scope = local;
	cfg.policy = policy_find("lru");
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	if (!k)
		FAIL("kernel_new: %s", err);
	return k;
}

static struct proc *spawn_with_data(struct kernel *k, int pid, uint64_t pages)
{
	struct proc *p = kernel_spawn(k, pid);
	struct region r = {.start = BASE, .end = BASE + pages * PAGE, .prot = PTE_R | PTE_W, .kind = REGION_DATA};
	CHECK(kernel_add_region(k, p, &r));
	return p;
}

static void put(struct kernel *k, struct proc *p, vaddr_t va, uint64_t v)
{
	CHECK_EQ(vm_copy(k, p, va, &v, sizeof v, true), 0);
}

static uint64_t get(struct kernel *k, struct proc *p, vaddr_t va)
{
	uint64_t v = 0;
	CHECK_EQ(vm_copy(k, p, va, &v, sizeof v, false), 0);
	return v;
}

TEST(parent_and_child_write_the_same_address_and_each_reads_its_own)
{
	struct kernel *k = make_kernel(64, 64, false);
	struct proc *parent = spawn_with_data(k, 1, 4);
	for (uint64_t i = 0; i < 4; i++)
		put(k, parent, BASE + i * PAGE, 100 + i);
	uint64_t frames = k->fr.in_use[FRAME_USER];
	struct proc *child = kernel_spawn(k, 2);
	CHECK(vm_fork(k, parent, child));
	CHECK_EQ(k->fr.in_use[FRAME_USER], frames); /* shared, not copied */
	CHECK_EQ(child->as.resident, 4);
	CHECK_EQ(get(k, child, BASE + PAGE), 101);
	CHECK_EQ(k->c.cow_copies, 0);
	put(k, child, BASE, 7);
	CHECK_EQ(k->c.cow_copies, 1);
	CHECK_EQ(k->fr.in_use[FRAME_USER], frames + 1);
	put(k, parent, BASE, 9);
	CHECK_EQ(k->c.cow_copies, 1); /* the parent is now the page's only holder */
	CHECK_EQ(get(k, child, BASE), 7);
	CHECK_EQ(get(k, parent, BASE), 9);
	CHECK_EQ(get(k, parent, BASE + 3 * PAGE), 103);
	kernel_check(k);
	kernel_exit(k, child);
	kernel_exit(k, parent);
	CHECK_EQ(k->fr.in_use[FRAME_USER], 0);
	CHECK_EQ(k->fr.in_use[FRAME_PT], 0);
	kernel_free(k);
}

TEST(forked_pages_survive_swapping_while_shared)
{
	struct kernel *k = make_kernel(6, 256, false);
	struct proc *parent = spawn_with_data(k, 1, 20);
	for (uint64_t i = 0; i < 20; i++)
		put(k, parent, BASE + i * PAGE, 1000 + i);
	struct proc *child = kernel_spawn(k, 2);
	CHECK(vm_fork(k, parent, child));
	for (uint64_t i = 0; i < 20; i += 2)
		put(k, child, BASE + i * PAGE, 2000 + i);
	for (uint64_t i = 0; i < 20; i++) {
		CHECK_EQ(get(k, parent, BASE + i * PAGE), 1000 + i);
		CHECK_EQ(get(k, child, BASE + i * PAGE), i % 2 ? 1000 + i : 2000 + i);
	}
	kernel_check(k);
	kernel_exit(k, parent);
	for (uint64_t i = 1; i < 20; i += 2)
		CHECK_EQ(get(k, child, BASE + i * PAGE), 1000 + i);
	kernel_exit(k, child);
	CHECK_EQ(k->swap.used, 0);
	CHECK_EQ(k->fr.in_use[FRAME_USER], 0);
	kernel_check(k);
	kernel_free(k);
}

TEST(local_scope_fork_keeps_every_shared_page_in_some_policy)
{
	struct kernel *k = make_kernel(8, 64, true);
	struct proc *parent = spawn_with_data(k, 1, 6);
	for (uint64_t i = 0; i < 6; i++)
		put(k, parent, BASE + i * PAGE, i);
	struct proc *child = kernel_spawn(k, 2);
	CHECK(vm_fork(k, parent, child));
	kernel_exit(k, parent); /* the shared pages move to the child's policy */
	struct proc *other = spawn_with_data(k, 3, 16);
	for (uint64_t i = 0; i < 16; i++)
		put(k, other, BASE + i * PAGE, 50 + i);
	for (uint64_t i = 0; i < 6; i++)
		CHECK_EQ(get(k, child, BASE + i * PAGE), i);
	kernel_check(k);
	kernel_free(k);
}

TEST(unmapping_a_range_frees_its_pages_and_splits_regions)
{
	struct kernel *k = make_kernel(4, 64, false);
	struct proc *p = spawn_with_data(k, 1, 10);
	for (uint64_t i = 0; i < 10; i++)
		put(k, p, BASE + i * PAGE, i + 1); /* some go to swap */
	vm_unmap_range(k, p, BASE + 2 * PAGE, BASE + 8 * PAGE);
	CHECK(as_find_region(&p->as, BASE + PAGE) != NULL);
	CHECK(as_find_region(&p->as, BASE + 5 * PAGE) == NULL);
	CHECK(as_find_region(&p->as, BASE + 9 * PAGE) != NULL);
	uint64_t v;
	CHECK_EQ(vm_copy(k, p, BASE + 5 * PAGE, &v, 8, false), -EFAULT);
	CHECK_EQ(get(k, p, BASE + PAGE), 2);
	CHECK_EQ(get(k, p, BASE + 9 * PAGE), 10);
	kernel_check(k);
	kernel_exit(k, p);
	CHECK_EQ(k->swap.used, 0);
	kernel_free(k);
}

struct unmaps {
	vaddr_t va[512];
	int n;
};

static void count_unmap(void *ctx, const struct proc *p, enum as_event ev, uint64_t arg)
{
	(void)p;
	struct unmaps *u = ctx;
	if (ev == AS_UNMAP && u->n < 512)
		u->va[u->n++] = arg;
}

TEST(unmapping_one_small_region_among_many_drops_only_its_own_swapped_and_resident_pages)
{
	enum { N = 300 };
	struct kernel *k = make_kernel(8, 512, false);
	struct proc *p = kernel_spawn(k, 1);
	for (uint64_t i = 0; i < N; i++) {
		struct region r = {.start = BASE + 2 * i * PAGE, .end = BASE + (2 * i + 1) * PAGE, .prot = PTE_R | PTE_W,
				   .kind = REGION_MMAP};
		CHECK(kernel_add_region(k, p, &r));
		put(k, p, r.start, 7 * i);
	}
	struct proc *child = kernel_spawn(k, 2);
	CHECK(vm_fork(k, p, child)); /* the child shares every swap slot */
	CHECK_EQ(kernel_swapped_pages(p) + p->as.resident, N);
	struct unmaps u = {.n = 0};
	k->on_as_event = count_unmap;
	k->on_as_event_ctx = &u;
	uint64_t held = kernel_swapped_pages(p) + p->as.resident;
	for (uint64_t i = 1; i < N; i += 2) {
		u.n = 0;
		vm_unmap_range(k, p, BASE + 2 * i * PAGE, BASE + (2 * i + 2) * PAGE);
		CHECK_EQ(u.n, 1); /* its one page, resident or swapped */
		CHECK_EQ(u.va[0], BASE + 2 * i * PAGE);
		CHECK_EQ(kernel_swapped_pages(p) + p->as.resident, --held);
	}
	CHECK_EQ(p->as.nregions, N / 2 + 1); /* with the kernel region */
	k->on_as_event = NULL;
	for (uint64_t i = 0; i < N; i += 2)
		CHECK_EQ(get(k, p, BASE + 2 * i * PAGE), 7 * i);
	for (uint64_t i = 1; i < N; i += 2)
		CHECK_EQ(get(k, child, BASE + 2 * i * PAGE), 7 * i);
	kernel_check(k);
	kernel_exit(k, child);
	kernel_exit(k, p);
	CHECK_EQ(k->swap.used, 0);
	CHECK_EQ(k->fr.in_use[FRAME_USER], 0);
	kernel_free(k);
}

TEST(unmapping_a_range_tells_of_its_swapped_pages_in_address_order)
{
	struct kernel *k = make_kernel(4, 64, false);
	struct proc *p = spawn_with_data(k, 1, 40);
	for (uint64_t i = 0; i < 40; i++)
		put(k, p, BASE + ((i * 17) % 40) * PAGE, i);
	struct unmaps u = {.n = 0};
	k->on_as_event = count_unmap;
	k->on_as_event_ctx = &u;
	uint64_t swapped = kernel_swapped_pages(p), resident = p->as.resident;
	vm_unmap_range(k, p, BASE, BASE + 40 * PAGE);
	CHECK_EQ(u.n, swapped + resident);
	for (int i = (int)resident + 1; i < u.n; i++)
		CHECK(u.va[i - 1] < u.va[i]); /* the swapped ones, after the resident ones */
	CHECK_EQ(kernel_swapped_pages(p), 0);
	CHECK_EQ(k->swap.used, 0);
	kernel_check(k);
	kernel_free(k);
}

TEST(protecting_a_range_makes_writes_fault_and_copies_fail)
{
	struct kernel *k = make_kernel(16, 16, false);
	struct proc *p = spawn_with_data(k, 1, 4);
	put(k, p, BASE, 5);
	CHECK(vm_protect_range(k, p, BASE, BASE + 2 * PAGE, PTE_R));
	uint64_t v = 1;
	CHECK_EQ(vm_copy(k, p, BASE, &v, 8, true), -EFAULT);
	CHECK_EQ(get(k, p, BASE), 5);
	put(k, p, BASE + 2 * PAGE, 6);
	CHECK(vm_protect_range(k, p, BASE, BASE + 2 * PAGE, PTE_R | PTE_W));
	put(k, p, BASE, 8);
	CHECK_EQ(get(k, p, BASE), 8);
	CHECK(!vm_protect_range(k, p, BASE, BASE + 8 * PAGE, PTE_R)); /* not all mapped */
	kernel_check(k);
	kernel_free(k);
}

TEST(a_bad_user_pointer_is_efault_and_never_touches_host_memory)
{
	struct kernel *k = make_kernel(16, 16, false);
	struct proc *p = spawn_with_data(k, 1, 1);
	char buf[64];
	CHECK_EQ(vm_copy(k, p, 0, buf, 8, false), -EFAULT);
	CHECK_EQ(vm_copy(k, p, ~0ull - 3, buf, 8, false), -EFAULT);
	CHECK_EQ(vm_copy(k, p, k->kregion_va, buf, 8, false), -EFAULT);
	CHECK_EQ(vm_copy(k, p, BASE + PAGE - 4, buf, 8, false), -EFAULT); /* runs off the region */
	CHECK_EQ(p->state, PROC_LIVE);
	put(k, p, BASE, 0x006f6c6c6568); /* "hello" */
	CHECK_EQ(vm_copy_string(k, p, BASE, buf, sizeof buf), 0);
	CHECK_STR(buf, "hello");
	CHECK_EQ(vm_copy_string(k, p, BASE, buf, 3), -ENAMETOOLONG);
	kernel_free(k);
}

/* A should_stop hook that says "go on" to its first *ctx polls, then "stop". */
static bool stop_after(void *ctx)
{
	int *polls_left = ctx;
	return (*polls_left)-- <= 0;
}

/* A kernel whose long loops are told to stop at their polls' polls_left-th. */
static void stop_at_poll(struct kernel *k, int *polls_left)
{
	k->should_stop = stop_after;
	k->should_stop_ctx = polls_left;
	k->stopping = false;
}

static void touch_pages(struct kernel *k, struct proc *p, uint64_t pages)
{
	for (uint64_t i = 0; i < pages; i++)
		put(k, p, BASE + i * PAGE, i + 1);
}

TEST(munmap_of_many_pages_polls_the_limits_and_a_stop_leaves_the_regions)
{
	struct kernel *k = make_kernel(2048, 0, false);
	struct proc *p = spawn_with_data(k, 1, 2048);
	touch_pages(k, p, 2048);
	int polls_left = 2; /* two polls say go on: about 512 leaves */
	stop_at_poll(k, &polls_left);
	vm_unmap_range(k, p, BASE, BASE + 2048 * PAGE);
	CHECK(k->stopping);
	CHECK(p->as.resident > 0 && p->as.resident < 2048);
	CHECK_EQ(k->fr.in_use[FRAME_USER], p->as.resident);
	CHECK(as_find_region(&p->as, BASE) != NULL); /* the region stays */
	kernel_check(k);
	polls_left = 1000; /* no stop: the unmap finishes, having polled on its way */
	stop_at_poll(k, &polls_left);
	vm_unmap_range(k, p, BASE, BASE + 2048 * PAGE);
	CHECK(!k->stopping);
	CHECK(polls_left < 1000);
	CHECK_EQ(p->as.resident, 0);
	CHECK(as_find_region(&p->as, BASE) == NULL);
	kernel_check(k);
	kernel_free(k);
}

TEST(munmap_of_many_swapped_pages_stops_in_the_swap_map)
{
	struct kernel *k = make_kernel(4, 4096, false);
	struct proc *p = spawn_with_data(k, 1, 2048);
	touch_pages(k, p, 2048); /* nearly all of them in swap */
	uint64_t swapped = k->swap.used;
	CHECK(swapped > 2000);
	int polls_left = 2;
	stop_at_poll(k, &polls_left);
	vm_unmap_range(k, p, BASE, BASE + 2048 * PAGE);
	CHECK(k->stopping);
	CHECK(k->swap.used > 0 && k->swap.used < swapped);
	CHECK(as_find_region(&p->as, BASE) != NULL);
	kernel_check(k);
	kernel_exit(k, p);
	CHECK_EQ(k->swap.used, 0);
	CHECK_EQ(k->fr.in_use[FRAME_USER], 0);
	kernel_free(k);
}

TEST(mprotect_stopped_midway_lowered_only_the_pages_it_reached)
{
	struct kernel *k = make_kernel(2048, 0, false);
	struct proc *p = spawn_with_data(k, 1, 2048);
	touch_pages(k, p, 2048);
	int polls_left = 2;
	stop_at_poll(k, &polls_left);
	CHECK(vm_protect_range(k, p, BASE, BASE + 2048 * PAGE, PTE_R));
	CHECK(k->stopping);
	struct pt_leaf first, last;
	CHECK_EQ(pt_lookup(&p->as.pt, BASE, &first), PT_OK);
	CHECK_EQ(pt_lookup(&p->as.pt, BASE + 2047 * PAGE, &last), PT_OK);
	CHECK(!(first.flags & PTE_W));
	CHECK(last.flags & PTE_W);
	kernel_check(k);
	kernel_free(k);
}

TEST(fork_stopped_midway_fails_and_the_child_gives_everything_back)
{
	struct kernel *k = make_kernel(2048, 64, false);
	struct proc *parent = spawn_with_data(k, 1, 1024);
	touch_pages(k, parent, 1024);
	uint64_t user = k->fr.in_use[FRAME_USER], pt = k->fr.in_use[FRAME_PT];
	int polls_left = 1;
	stop_at_poll(k, &polls_left);
	struct proc *child = kernel_new_proc(k);
	CHECK(!vm_fork(k, parent, child));
	CHECK(child->as.resident > 0 && child->as.resident < 1024);
	kernel_discard(k, child);
	CHECK_EQ(k->fr.in_use[FRAME_USER], user);
	CHECK_EQ(k->fr.in_use[FRAME_PT], pt);
	CHECK_EQ(get(k, parent, BASE + 1023 * PAGE), 1024);
	kernel_check(k);
	kernel_free(k);
}

TEST(a_user_copy_stops_with_eintr_only_where_a_page_must_fault_in)
{
	struct kernel *k = make_kernel(64, 0, false);
	struct proc *p = spawn_with_data(k, 1, 4);
	put(k, p, BASE, 5);
	k->stopping = true; /* as if a poll had said stop */
	CHECK_EQ(get(k, p, BASE), 5); /* resident: copied */
	uint64_t v = 0;
	CHECK_EQ(vm_copy(k, p, BASE + PAGE, &v, sizeof v, false), -EINTR);
	CHECK_EQ(vm_copy(k, p, BASE + 4 * PAGE, &v, sizeof v, false), -EFAULT); /* bad pointers stay EFAULT */
	kernel_check(k);
	kernel_free(k);
}

TEST(an_exit_stopped_midway_leaves_a_smaller_address_space_still_whole)
{
	struct kernel *k = make_kernel(2048, 64, false);
	struct proc *p = spawn_with_data(k, 1, 2048);
	touch_pages(k, p, 2048);
	int polls_left = 2; /* about 512 pages go */
	stop_at_poll(k, &polls_left);
	kernel_exit(k, p);
	CHECK(k->stopping);
	CHECK_EQ(p->state, PROC_DEAD);
	CHECK(p->as.resident > 0 && p->as.resident < 2048);
	CHECK_EQ(k->fr.in_use[FRAME_USER], p->as.resident);
	struct pt_leaf leaf;
	CHECK_EQ(pt_lookup(&p->as.pt, BASE, &leaf), PT_ENOENT); /* released, PTE and all */
	CHECK_EQ(pt_lookup(&p->as.pt, BASE + 2047 * PAGE, &leaf), PT_OK);
	kernel_check(k);
	kernel_free(k); /* gives back the rest */
}

TEST(an_out_of_memory_kill_frees_its_victim_whole_even_when_the_run_stops)
{
	struct kernel *k = make_kernel(600, 0, false);
	struct proc *victim = spawn_with_data(k, 1, 595);
	touch_pages(k, victim, 595);
	struct proc *p = spawn_with_data(k, 2, 8);
	touch_pages(k, p, 5); /* memory is full, and there is no swap */
	k->stopping = true;
	uint64_t v = 1;
	CHECK_EQ(vm_copy(k, p, BASE + 5 * PAGE, &v, sizeof v, true), -EINTR); /* the fault got its frame */
	CHECK_EQ(victim->state, PROC_DEAD);
	CHECK_EQ(victim->as.resident, 0); /* its every frame was wanted */
	CHECK_EQ(k->c.oom_kills, 1);
	CHECK_EQ(p->state, PROC_LIVE);
	kernel_check(k);
	kernel_free(k);
}
