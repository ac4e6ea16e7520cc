/* Benchmark: guest MIPS of the CPU running real compiled code through the MMU
 * (sv39, a 64-entry LRU TLB): a compute mix (sieve, CRC-32, matrix product,
 * quicksort, a list walk), and a pointer chase with every node on its own
 * page, far more pages than the TLB holds (MIPS and the TLB miss rate).
 * Targets: >= 150 MIPS on the mix (aim: 300). Then what the frames' reference
 * stamps (exact LRU) cost the mix and the chase: runs with them off and on in
 * turn, medians. The guest code and the results it must give are in
 * bench_cpu_code.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench/bench.h"
#include "bench/bench_cpu_code.h"
#include "cpu/cpu.h"
#include "hw/pt.h"

#define RAM_BYTES (64ull << 20)
#define HEAP 0x1000000ull     /* the guest's heap (a0) */
#define STACK_TOP 0x7fff0000ull
#define STACK_BYTES (64ull << 10)
#define MIX_TARGET_MIPS 150
#define CHASE_HEAP (BENCH_CPU_CHASE_PAGES * 4160ull + 8 * BENCH_CPU_CHASE_PAGES + 8192)
#define STAMP_ROUNDS 5

/* Frames for page tables and pages: handed out in order, never freed. */
struct bump {
	pfn_t next, end;
};

static bool bump_alloc(void *ctx, uint64_t n, pfn_t *first)
{
	struct bump *b = ctx;
	if (b->end - b->next < n)
		return false;
	*first = b->next;
	b->next += n;
	return true;
}

static void bump_free(void *ctx, pfn_t first, uint64_t n) { (void)ctx, (void)first, (void)n; }

struct machine {
	struct physmem pm;
	struct pt_format fmt;
	struct bump frames;
	struct pt pt;
	struct mmu *m;
	struct cpu c;
};

/* Maps [va, va + bytes) to fresh zeroed frames with flags; false when out of frames. */
static bool map_range(struct machine *mc, vaddr_t va, uint64_t bytes, unsigned flags)
{
	for (uint64_t off = 0; off < bytes; off += 4096) {
		pfn_t pfn;
		if (!bump_alloc(&mc->frames, 1, &pfn) || pt_map(&mc->pt, va + off, pfn, 0, flags) != PT_OK)
			return false;
	}
	return true;
}

/* Copies the image into its mapped pages through the page table. */
static bool load_image(struct machine *mc)
{
	for (size_t i = 0; i < sizeof bench_cpu_image; i++) {
		struct pt_leaf leaf;
		vaddr_t va = BENCH_CPU_BASE + i;
		if (pt_lookup(&mc->pt, va, &leaf) != PT_OK)
			return false;
		mc->pm.base[(leaf.pfn << 12) + (va - leaf.va)] = bench_cpu_image[i];
	}
	return true;
}

/* Builds the machine for one workload with heap_bytes of heap (reference
 * stamps on when stamps is set). */
static bool machine_init(struct machine *mc, uint64_t heap_bytes, uint64_t which, uint64_t arg, bool stamps)
{
	char err[200];
	struct mmu_config cfg;
	memset(mc, 0, sizeof *mc);
	if (ptfmt_preset(&mc->fmt, "sv39", 0, 0, err, sizeof err) != PTFMT_OK ||
	    physmem_init(&mc->pm, RAM_BYTES, 12) != PHYSMEM_OK)
		return false;
	mc->frames = (struct bump){1, RAM_BYTES >> 12};
	struct frame_source fs = {bump_alloc, bump_free, &mc->frames};
	if (pt_init(&mc->pt, &mc->fmt, &mc->pm, &fs) != PT_OK)
		return false;
	if (!map_range(mc, BENCH_CPU_BASE, sizeof bench_cpu_image + 4096, PTE_R | PTE_X | PTE_U) ||
	    !map_range(mc, HEAP, heap_bytes, PTE_R | PTE_W | PTE_U) ||
	    !map_range(mc, STACK_TOP - STACK_BYTES, STACK_BYTES, PTE_R | PTE_W | PTE_U) || !load_image(mc))
		return false;
	mmu_config_defaults(&cfg);
	if (!(mc->m = mmu_new(&cfg, &mc->pm, &mc->fmt, err, sizeof err)))
		return false;
	mmu_set_context(mc->m, mc->pt.root, 1);
	if (stamps)
		mmu_stamps_on(mc->m, mc->pm.nframes);
	cpu_init(&mc->c, mc->m, &mc->pm, BENCH_CPU_ENTRY);
	mc->c.x[2] = STACK_TOP;
	mc->c.x[10] = HEAP;
	mc->c.x[11] = which;
	mc->c.x[12] = arg;
	return true;
}

static void machine_fini(struct machine *mc)
{
	mmu_free(mc->m);
	pt_fini(&mc->pt);
	physmem_fini(&mc->pm);
}

/* Runs to the ecall; returns the seconds it took, or -1 after printing why
 * it stopped anywhere else. */
static double run(struct machine *mc, const char *name)
{
	struct cpu_exit ex;
	enum cpu_stop st;
	double t0 = bench_cpu_s();
	while ((st = cpu_run(&mc->c, 100000000, &ex)) == CPU_BUDGET)
		;
	double t = bench_cpu_s() - t0;
	if (st != CPU_ECALL) {
		char dis[64], why[80] = "";
		cpu_disasm(ex.insn, mc->c.pc, dis, sizeof dis);
		if (st == CPU_FAULT)
			fault_describe(&ex.fault, why, sizeof why);
		fprintf(stderr, "bench_cpu: %s: stopped (%d) at %#llx (%s) %s\n", name, (int)st,
			(unsigned long long)mc->c.pc, dis, why);
		return -1;
	}
	return t;
}

static int bench_mix(void)
{
	struct machine mc;
	if (!machine_init(&mc, 1 << 20, 0, BENCH_CPU_MIX_REPS, false)) {
		fprintf(stderr, "bench_cpu: cannot build the machine\n");
		return 1;
	}
	double t = run(&mc, "compute mix");
	int bad = t < 0 || mc.c.x[10] != BENCH_CPU_MIX_SUM;
	if (t >= 0 && bad)
		fprintf(stderr, "bench_cpu: compute mix returned %#llx, expected %#llx\n",
			(unsigned long long)mc.c.x[10], BENCH_CPU_MIX_SUM);
	if (!bad) {
		double mips = (double)mc.c.instret / t / 1e6;
		printf("bench_cpu: compute mix: %.0f MIPS (target >= %d): %llu instructions in %.2f s of CPU\n", mips,
		       MIX_TARGET_MIPS, (unsigned long long)mc.c.instret, t);
	}
	machine_fini(&mc);
	return bad;
}

static int bench_chase(void)
{
	struct machine mc;
	if (!machine_init(&mc, CHASE_HEAP, 1, BENCH_CPU_CHASE_STEPS, false)) {
		fprintf(stderr, "bench_cpu: cannot build the machine\n");
		return 1;
	}
	double t = run(&mc, "TLB-miss chase");
	int bad = t < 0 || mc.c.x[10] != BENCH_CPU_CHASE_SUM;
	if (t >= 0 && bad)
		fprintf(stderr, "bench_cpu: chase returned %#llx, expected %#llx\n", (unsigned long long)mc.c.x[10],
			BENCH_CPU_CHASE_SUM);
	if (!bad) {
		uint64_t hits, misses;
		mmu_tlb_totals(mc.m, &hits, &misses);
		printf("bench_cpu: TLB-miss chase (%d pages, 64-entry TLB): %.0f MIPS, TLB miss rate %.1f%% "
		       "of %llu lookups (%.2f misses per load)\n",
		       BENCH_CPU_CHASE_PAGES, (double)mc.c.instret / t / 1e6, 100.0 * (double)misses / (double)(hits + misses),
		       (unsigned long long)(hits + misses), (double)misses / (double)mc.c.loads);
	}
	machine_fini(&mc);
	return bad;
}

/* CPU seconds of one run of workload which (0: mix, 1: chase); -1 on failure. */
static double timed(uint64_t which, bool stamps)
{
	struct machine mc;
	bool ok = which == 0 ? machine_init(&mc, 1 << 20, 0, BENCH_CPU_MIX_REPS, stamps)
			     : machine_init(&mc, CHASE_HEAP, 1, BENCH_CPU_CHASE_STEPS, stamps);
	if (!ok)
		return -1;
	double t = run(&mc, which == 0 ? "compute mix" : "TLB-miss chase");
	uint64_t want = which == 0 ? BENCH_CPU_MIX_SUM : BENCH_CPU_CHASE_SUM;
	if (mc.c.x[10] != want)
		t = -1;
	machine_fini(&mc);
	return t;
}

/* The cost of the reference stamps: the workload with them off and on, in
 * turn, STAMP_ROUNDS times each; the medians. */
static int bench_stamps(uint64_t which, const char *name)
{
	double off[STAMP_ROUNDS], on[STAMP_ROUNDS];
	for (int i = 0; i < STAMP_ROUNDS; i++) {
		off[i] = timed(which, false);
		on[i] = timed(which, true);
		if (off[i] < 0 || on[i] < 0) {
			fprintf(stderr, "bench_cpu: %s failed\n", name);
			return 1;
		}
	}
	double a = bench_median(off, STAMP_ROUNDS), b = bench_median(on, STAMP_ROUNDS);
	printf("bench_cpu: reference stamps (exact LRU) on the %s: %+.1f%% time (median of %d, off %.3f s, on %.3f s)\n",
	       name, 100 * (b - a) / a, STAMP_ROUNDS, a, b);
	return 0;
}

int main(void)
{
	return bench_mix() | bench_chase() | bench_stamps(0, "compute mix") | bench_stamps(1, "TLB-miss chase");
}
