/* The minimum working set: what one instruction can need (kernel_minimum),
 * the kernel's pool holding a process's tables, pinned pages left alone by
 * eviction, the local-scope floor, and the scheduler's side: a process that
 * makes no progress is killed, and limits and Ctrl-C stop a run stuck in
 * faults. */
#include <stdio.h>
#include <string.h>

#include "guest/include/vmlab/syscall.h"
#include "os/sched.h"
#include "os/vm.h"
#include "tests/harness.h"

#define PAGE 4096ull
#define BASE 0x100000ull
#define HELLO "tests/data/elf/hello.elf"

static void preset(struct pt_format *f, const char *name, unsigned page_shift, unsigned va_bits)
{
	char err[200];
	if (ptfmt_preset(f, name, page_shift, va_bits, err, sizeof err) != PTFMT_OK)
		FAIL("%s: %s", name, err);
}

TEST(sv39_with_4k_pages_needs_4_user_frames_9_table_frames_and_6_for_the_kernel)
{
	struct pt_format f;
	struct kernel_minimum m;
	preset(&f, "sv39", 0, 0);
	kernel_minimum(&f, &m);
	CHECK_EQ(m.fetch_pages, 2);
	CHECK_EQ(m.data_pages, 2);
	CHECK_EQ(m.user_frames, 4);
	CHECK_EQ(m.table_frames, 1 + 4 * 2); /* the root, and two lower tables per page */
	CHECK_EQ(m.kernel_frames, KERNEL_REGION_PAGES + 2);
	preset(&f, "sv48", 0, 0);
	kernel_minimum(&f, &m);
	CHECK_EQ(m.table_frames, 1 + 4 * 3);
	CHECK_EQ(m.kernel_frames, KERNEL_REGION_PAGES + 3);
}

TEST(a_one_level_table_costs_its_whole_size_and_has_no_lower_path)
{
	struct pt_format f;
	struct kernel_minimum m;
	preset(&f, "linear", 12, 32); /* 2^20 entries of 4 bytes: 4 MiB, 1024 frames */
	kernel_minimum(&f, &m);
	CHECK_EQ(m.user_frames, 4);
	CHECK_EQ(m.table_frames, 1024);
	CHECK_EQ(m.kernel_frames, KERNEL_REGION_PAGES);
	preset(&f, "linear", 12, 24); /* no room for the kernel region below 32 bits */
	kernel_minimum(&f, &m);
	CHECK_EQ(m.table_frames, 4);
	CHECK_EQ(m.kernel_frames, 0);
}

TEST(pages_smaller_than_an_access_need_more_of_them_and_the_pins_hold_them)
{
	struct pt_format f;
	struct kernel_minimum m;
	preset(&f, "linear", 3, 16); /* 8-byte pages: an 8-byte load at offset 7 touches 2 */
	kernel_minimum(&f, &m);
	CHECK_EQ(m.fetch_pages, 2);
	CHECK_EQ(m.data_pages, 2);
	preset(&f, "linear", PTFMT_MIN_PAGE_SHIFT, 16); /* 4-byte pages: 3 for it */
	kernel_minimum(&f, &m);
	CHECK_EQ(m.fetch_pages, 2);
	CHECK_EQ(m.data_pages, 3);
	CHECK_EQ(m.user_frames, 5);
	CHECK(m.user_frames <= KERNEL_PINS);
}

static struct kernel *make_kernel(uint64_t frames, const char *policy, bool local)
{
	struct kernel_config cfg;
	char err[300];
	kernel_config_defaults(&cfg);
	cfg.user_frames = frames;
	cfg.swap_slots = 64;
	cfg.strict = true;
	cfg.local_scope = local;
	cfg.policy = policy_find(policy);
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	if (!k)
		FAIL("kernel_new: %s", err);
	return k;
}

TEST(the_kernel_pool_holds_a_linear_root_table_beside_four_frames_of_ram)
{
	struct kernel_config cfg;
	char err[300];
	kernel_config_defaults(&cfg);
	preset(&cfg.fmt, "linear", 12, 32);
	cfg.user_frames = 4;
	cfg.swap_slots = 0;
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	CHECK(k != NULL);
	CHECK(kernel_spawn(k, 1) != NULL); /* its root table is 1024 frames */
	kernel_check(k);
	kernel_free(k);
}

static struct proc *spawn_with_data(struct kernel *k, int pid, uint64_t pages)
{
	struct proc *p = kernel_spawn(k, pid);
	struct region r = {.start = BASE, .end = BASE + pages * PAGE, .prot = PTE_R | PTE_W, .kind = REGION_DATA};
	CHECK(kernel_add_region(k, p, &r));
	return p;
}

/* Writes the page at va of p (faulting it in); returns the fault's outcome
 * of the last fault, or one with no eviction when none was needed. */
static struct fault_outcome touch(struct kernel *k, struct proc *p, vaddr_t va)
{
	struct fault_outcome out = {.victim_pid = -1};
	kernel_switch(k, p);
	for (;;) {
		paddr_t pa;
		struct fault f;
		if (mmu_translate(k->mmu, va, ACCESS_WRITE, PRIV_USER, &pa, &f))
			return out;
		if (kernel_fault(k, p, &f, PRIV_USER, 0, &out) != FAULT_RESOLVED)
			FAIL("the fault at 0x%llx was not resolved", (unsigned long long)va);
	}
}

static bool resident(struct proc *p, vaddr_t va)
{
	struct pt_leaf leaf;
	return pt_lookup(&p->as.pt, va, &leaf) == PT_OK;
}

TEST(a_pinned_page_is_not_evicted_while_another_can_go)
{
	for (int local = 0; local < 2; local++) {
		struct kernel *k = make_kernel(4, "fifo", local);
		struct proc *p = spawn_with_data(k, 1, 8);
		for (uint64_t i = 0; i < 4; i++)
			touch(k, p, BASE + i * PAGE);
		kernel_pin(k, p, BASE + 5); /* the oldest: fifo's victim */
		kernel_pin(k, p, BASE + PAGE);
		struct fault_outcome out = touch(k, p, BASE + 4 * PAGE);
		CHECK(out.evicted);
		CHECK_EQ(out.victim_va, BASE + 2 * PAGE);
		CHECK(resident(p, BASE) && resident(p, BASE + PAGE));
		kernel_unpin(k, p);
		/* the pages passed over went back in as the newest: after the
		 * one older than them, they go like any other */
		CHECK_EQ(touch(k, p, BASE + 5 * PAGE).victim_va, BASE + 3 * PAGE);
		CHECK_EQ(touch(k, p, BASE + 6 * PAGE).victim_va, BASE);
		kernel_check(k);
		kernel_free(k);
	}
}

TEST(when_every_resident_page_is_pinned_one_goes_all_the_same)
{
	struct kernel *k = make_kernel(4, "lru", false);
	struct proc *p = spawn_with_data(k, 1, 8);
	for (uint64_t i = 0; i < 4; i++) {
		touch(k, p, BASE + i * PAGE);
		kernel_pin(k, p, BASE + i * PAGE);
	}
	CHECK_EQ(p->npins, 4);
	struct fault_outcome out = touch(k, p, BASE + 4 * PAGE);
	CHECK(out.evicted);
	CHECK_EQ(k->c.oom_kills, 0);
	CHECK(p->state == PROC_LIVE);
	kernel_check(k);
	kernel_free(k);
}

TEST(pins_are_pages_each_pinned_once_and_at_most_kernel_pins)
{
	struct kernel *k = make_kernel(16, "clock", false);
	struct proc *p = spawn_with_data(k, 1, 16);
	kernel_pin(k, p, BASE + 8);
	kernel_pin(k, p, BASE + 100);
	CHECK_EQ(p->npins, 1);
	CHECK_EQ(p->pins[0], BASE);
	for (uint64_t i = 0; i < 16; i++)
		kernel_pin(k, p, BASE + i * PAGE);
	CHECK_EQ(p->npins, KERNEL_PINS);
	p->insn_faults = 7;
	kernel_unpin(k, p);
	CHECK_EQ(p->npins, 0);
	CHECK_EQ(p->insn_faults, 0);
	kernel_free(k);
}

TEST(local_scope_a_forked_child_holding_no_frames_takes_them_from_the_biggest_holder)
{
	struct kernel *k = make_kernel(8, "lru", true);
	struct proc *parent = spawn_with_data(k, 1, 16);
	for (uint64_t i = 0; i < 8; i++)
		touch(k, parent, BASE + i * PAGE);
	struct proc *child = kernel_spawn(k, 2);
	CHECK(vm_fork(k, parent, child));
	CHECK_EQ(child->as.policy.held, 0); /* it maps 8 pages, all held by the parent's policy */
	CHECK_EQ(child->as.resident, 8);
	for (uint64_t i = 8; i < 16; i++)
		touch(k, child, BASE + i * PAGE);
	CHECK_EQ(k->c.oom_kills, 0);
	CHECK(child->state == PROC_LIVE && parent->state == PROC_LIVE);
	CHECK(child->as.policy.held >= k->min.user_frames);
	kernel_check(k);
	kernel_free(k);
}

TEST(local_scope_a_process_below_the_floor_takes_a_frame_from_another)
{
	struct kernel *k = make_kernel(8, "fifo", true);
	struct proc *a = spawn_with_data(k, 1, 16), *b = spawn_with_data(k, 2, 16);
	for (uint64_t i = 0; i < 6; i++)
		touch(k, a, BASE + i * PAGE);
	for (uint64_t i = 0; i < 2; i++)
		touch(k, b, BASE + i * PAGE);
	for (uint64_t i = 2; i < 6; i++)
		touch(k, b, BASE + i * PAGE); /* b grows to the floor at a's expense ... */
	CHECK_EQ(b->as.policy.held, k->min.user_frames);
	CHECK_EQ(a->as.policy.held, 8 - k->min.user_frames);
	for (uint64_t i = 6; i < 10; i++)
		touch(k, b, BASE + i * PAGE); /* ... and then replaces its own */
	CHECK_EQ(b->as.policy.held, k->min.user_frames);
	kernel_check(k);
	kernel_free(k);
}

/* ---- the scheduler ---- */

struct machine {
	struct kernel *k;
	struct sched s;
	FILE *sink;
	volatile sig_atomic_t interrupted;
	uint64_t faulted_refs, interrupt_after;
};

static void count_faulted(void *ctx, vaddr_t va, enum access acc, unsigned size, bool faulted)
{
	struct machine *m = ctx;
	(void)va, (void)acc, (void)size;
	if (faulted && ++m->faulted_refs == m->interrupt_after)
		m->interrupted = 1; /* what Ctrl-C's handler does */
}

/* A machine of frames frames running hello.elf, with the limits given. */
static struct proc *start(struct machine *m, uint64_t frames, const char *policy, bool local, uint64_t max_ns)
{
	char err[300];
	memset(m, 0, sizeof *m);
	m->k = make_kernel(frames, policy, local);
	m->sink = fopen("/dev/null", "w");
	struct sched_config sc = {.quantum_insns = 1000, .max_ns = max_ns, .insn_ns = 1, .out = m->sink,
				  .err = m->sink, .in = stdin, .interrupted = &m->interrupted};
	sched_init(&m->s, m->k, &sc);
	char *argv[] = {"hello"};
	struct proc *p = kernel_proc(m->k, sched_start(&m->s, HELLO, argv, 1, err, sizeof err));
	if (!p)
		FAIL("%s", err);
	return p;
}

static void stop(struct machine *m)
{
	kernel_check(m->k);
	kernel_free(m->k);
	fclose(m->sink);
}

TEST(hello_runs_to_its_end_in_the_minimum_ram_under_every_policy_and_scope)
{
	static const char *const policies[] = {"fifo", "lru", "clock", "eclock", "random", "twolist"};
	for (size_t i = 0; i < sizeof policies / sizeof *policies; i++) {
		for (int local = 0; local < 2; local++) {
			struct machine m;
			struct proc_record r;
			int pid = start(&m, 4, policies[i], local, 0)->pid;
			CHECK(sched_run(&m.s) == SCHED_DONE);
			kernel_listed_record(m.k, 0, &r);
			CHECK_EQ(r.pid, pid);
			CHECK_EQ(r.wait_status, 7 << 8);
			CHECK(!r.killed);
			stop(&m);
		}
	}
}

/* What the kernel told of a kill (a dead process is freed between slices). */
struct kill_seen {
	int pid, wait_status;
	char death[320];
};

static void note_kill(void *ctx, const struct proc *p)
{
	struct kill_seen *ks = ctx;
	ks->pid = p->pid;
	ks->wait_status = p->wait_status;
	snprintf(ks->death, sizeof ks->death, "%s", p->death);
}

TEST(an_instruction_that_can_never_fit_gets_its_process_killed_for_no_progress)
{
	struct machine m;
	struct kill_seen ks = {0};
	int pid = start(&m, 1, "clock", false, 0)->pid;
	m.k->on_kill = note_kill;
	m.k->on_kill_ctx = &ks;
	CHECK(sched_run(&m.s) == SCHED_DONE);
	CHECK_EQ(ks.pid, pid);
	CHECK_EQ(ks.wait_status, GUEST_SIGKILL);
	CHECK(strstr(ks.death, "no progress: 1000 page faults in a row without completing the instruction") != NULL);
	CHECK(strstr(ks.death, "RAM holds 1 frame; one instruction can need 4") != NULL);
	struct proc_record r;
	kernel_listed_record(m.k, 0, &r);
	CHECK_EQ(r.pid, pid);
	CHECK_EQ(r.state, PROC_DEAD);
	CHECK(r.killed);
	stop(&m);
}

TEST(a_run_stuck_in_faults_stops_at_its_time_limit)
{
	struct machine m;
	struct proc *p = start(&m, 1, "fifo", false, 5000000); /* 5 ms: a few dozen faults from swap */
	CHECK(sched_run(&m.s) == SCHED_LIMIT);
	CHECK(p->state == PROC_LIVE);
	CHECK(p->insn_faults > 1 && p->insn_faults < SCHED_STALL_FAULTS);
	CHECK(sched_now_ns(&m.s) < 6000000);
	stop(&m);
}

TEST(a_run_stuck_in_faults_stops_on_ctrl_c)
{
	struct machine m;
	struct proc *p = start(&m, 1, "lru", true, 0);
	m.interrupt_after = 50;
	m.k->mmu->on_ref = count_faulted;
	m.k->mmu->on_ref_ctx = &m;
	CHECK(sched_run(&m.s) == SCHED_INTERRUPTED);
	CHECK(p->state == PROC_LIVE);
	CHECK(m.faulted_refs >= 50 && m.faulted_refs < 60);
	stop(&m);
}
