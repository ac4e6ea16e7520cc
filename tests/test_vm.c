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
