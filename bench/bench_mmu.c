/* Benchmark: ns per MMU translation for a TLB hit, and for a TLB miss that does
 * a full sv39 walk and refill. Targets: hit <= 3 ns, miss + walk <= 50 ns. */
#include <stdio.h>
#include <time.h>

#include "bench/bench.h"
#include "hw/mmu.h"
#include "lib/rng.h"

#define PAGES 65536     /* 256 MiB of mapped pages */
#define MISS_PAGES 8192 /* the miss loop's pages: 128 times what the TLB holds */

static pfn_t next_frame;

static bool bump_alloc(void *ctx, uint64_t n, pfn_t *first)
{
	(void)ctx;
	*first = next_frame;
	next_frame += n;
	return true;
}

static void no_free(void *ctx, pfn_t first, uint64_t n) { (void)ctx, (void)first, (void)n; }

/* The same loop as run() without the translation: what the harness itself
 * costs per iteration (loading the address, summing the result). */
static double loop_only(const vaddr_t *vas, uint64_t nva, uint64_t n, uint64_t *sink)
{
	uint64_t sum = 0;
	double t0 = bench_wall_s();
	for (uint64_t i = 0; i < n; i++) {
		uint64_t pa = vas[i & (nva - 1)];
		__asm__ volatile("" : "+r"(pa)); /* keep one iteration per address, as in run() */
		sum += pa;
	}
	double t = bench_wall_s() - t0;
	*sink += sum;
	return t * 1e9 / (double)n;
}

/* Translates n addresses from vas (cycling); returns ns per translation. */
static double run(struct mmu *m, const vaddr_t *vas, uint64_t nva, uint64_t n, uint64_t *sink)
{
	paddr_t pa;
	struct fault f;
	uint64_t sum = 0, faults = 0;
	double t0 = bench_wall_s();
	for (uint64_t i = 0; i < n; i++) {
		faults += !mmu_translate(m, vas[i & (nva - 1)], ACCESS_READ, PRIV_USER, &pa, &f);
		sum += pa;
	}
	double t = bench_wall_s() - t0;
	*sink += sum;
	if (faults) {
		fprintf(stderr, "bench_mmu: %llu unexpected faults\n", (unsigned long long)faults);
		return -1;
	}
	return t * 1e9 / (double)n;
}

int main(void)
{
	struct pt_format fmt;
	struct physmem pm;
	struct pt pt;
	char err[200];
	if (ptfmt_preset(&fmt, "sv39", 0, 0, err, sizeof err) != PTFMT_OK ||
	    physmem_init(&pm, (uint64_t)(PAGES + 1024) << 12, 12) != PHYSMEM_OK)
		return 1;
	next_frame = PAGES;
	struct frame_source fs = {bump_alloc, no_free, NULL};
	if (pt_init(&pt, &fmt, &pm, &fs) != PT_OK)
		return 1;
	for (uint64_t i = 0; i < PAGES; i++)
		if (pt_map(&pt, 0x10000000 + (i << 12), i, 0, PTE_R | PTE_W | PTE_U | PTE_A | PTE_D) != PT_OK)
			return 1;
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.tlb.ways = 4; /* 64 entries, 4-way, LRU */
	struct mmu *m = mmu_new(&cfg, &pm, &fmt, err, sizeof err);
	mmu_set_context(m, pt.root, 1);

	static vaddr_t hit_vas[32], miss_vas[PAGES];
	struct rng rng;
	rng_seed(&rng, 1);
	for (int i = 0; i < 32; i++)
		hit_vas[i] = 0x10000000 + ((uint64_t)i << 12) + rng_below(&rng, 4096);
	for (uint64_t i = 0; i < PAGES; i++)
		miss_vas[i] = 0x10000000 + (rng_below(&rng, MISS_PAGES) << 12) + rng_below(&rng, 4096);

	uint64_t sink = 0;
	run(m, hit_vas, 32, 1000000, &sink); /* warm up */
	double hit_ns = run(m, hit_vas, 32, 200000000, &sink);
	double loop_ns = loop_only(hit_vas, 32, 200000000, &sink);
	uint64_t walks0 = m->c.walks;
	double miss_ns = run(m, miss_vas, PAGES, 20000000, &sink);
	double miss_rate = (double)(m->c.walks - walks0) / 20000000.0;
	printf("bench_mmu: TLB hit (64-entry 4-way LRU, sv39): %.2f ns per translation, %.2f ns without the "
	       "benchmark loop's own %.2f ns (target <= 3)\n", hit_ns, hit_ns - loop_ns, loop_ns);
	printf("bench_mmu: TLB miss + sv39 walk + refill: %.2f ns per translation (%.1f%% missed; target <= 50)\n",
	       miss_ns, miss_rate * 100);
	mmu_free(m);
	physmem_fini(&pm);
	return sink == 42 ? 2 : 0;
}
