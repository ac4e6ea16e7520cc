/* Benchmark: the contiguous allocator under churn. For each fit policy, 4096
 * slots of blocks of 16 B to 64 KiB (a random slot is freed when it holds a
 * block, else given one: half hold one at a time, 64 MiB on average) in
 * 256 MiB, about a thousand holes; 1,000,000 operations (frees and
 * allocations) per round, the median CPU ns per operation of ROUNDS rounds,
 * with the holes and the external fragmentation the policy leaves. Then, in
 * that steady state, the indexed search (contig_find, O(log holes)) against
 * the plain walk it is tested against (contig_find_linear, O(extents)),
 * alternating rounds, medians of ns per search. Last, the same churn in
 * 72 MiB, which the blocks nearly fill: each fit's failed allocations and
 * fragmentation. `bench_contig OPS` runs OPS operations per round. */
#include <stdio.h>
#include <stdlib.h>

#include "bench/bench.h"
#include "lib/rng.h"
#include "os/contig.h"

#define ROUNDS 3
#define LIVE 4096
#define RANGE (256ull << 20)
#define MAX_BLOCK (64ull << 10)
#define PRESSED (72ull << 20)

struct churn {
	struct contig c;
	struct rng r;
	bool live[LIVE];
	uint64_t failures;
};

static uint64_t size_of(struct rng *r) { return 16 + rng_below(r, MAX_BLOCK - 15); }

/* Frees slot i when it is live, else gives it a new block. */
static void churn_op(struct churn *ch, uint64_t i)
{
	uint64_t base;
	if (ch->live[i]) {
		if (contig_free(&ch->c, i) != CONTIG_OK)
			abort();
		ch->live[i] = false;
	} else if (contig_alloc(&ch->c, i, size_of(&ch->r), &base) == CONTIG_OK) {
		ch->live[i] = true;
	} else {
		ch->failures++;
	}
}

static void churn_init(struct churn *ch, enum contig_fit fit, uint64_t range)
{
	struct contig_config cfg = {.base = 0, .size = range, .granule = 16, .fit = fit};
	*ch = (struct churn){0};
	if (contig_init(&ch->c, &cfg) != CONTIG_OK)
		abort();
	rng_seed(&ch->r, 42);
	for (uint64_t i = 0; i < LIVE; i++)
		churn_op(ch, i);
	for (int k = 0; k < 200000; k++) /* to a steady state */
		churn_op(ch, rng_below(&ch->r, LIVE));
}

/* CPU ns per operation of ops churn operations. */
static double churn_ns(struct churn *ch, long ops)
{
	double t0 = bench_cpu_s();
	for (long k = 0; k < ops; k++)
		churn_op(ch, rng_below(&ch->r, LIVE));
	return (bench_cpu_s() - t0) * 1e9 / (double)ops;
}

/* CPU ns per search of n searches, indexed or by the plain walk. */
static double find_ns(struct churn *ch, long n, bool linear)
{
	uint64_t base, sink = 0;
	double t0 = bench_cpu_s();
	for (long k = 0; k < n; k++) {
		uint64_t bytes = size_of(&ch->r);
		bool ok = linear ? contig_find_linear(&ch->c, bytes, &base) : contig_find(&ch->c, bytes, &base);
		sink += ok ? base : 1;
	}
	double ns = (bench_cpu_s() - t0) * 1e9 / (double)n;
	if (sink == 7) /* keeps the searches */
		printf(" ");
	return ns;
}

/* The same churn in a range the blocks nearly fill: how often each fit
 * fails, and the fragmentation it leaves. */
static void pressure(long ops)
{
	printf("contig under pressure: the same churn in %llu MiB, %ld operations\n",
	       (unsigned long long)(PRESSED >> 20), ops);
	for (int f = 0; f < CONTIG_FITS; f++) {
		struct churn *ch = malloc(sizeof *ch);
		if (!ch)
			abort();
		churn_init(ch, (enum contig_fit)f, PRESSED);
		ch->failures = 0;
		double ns = churn_ns(ch, ops);
		struct contig_stats st;
		contig_stats(&ch->c, &st);
		printf("  %-5s fit: %6.1f ns/op  %5.1f%% used  %5llu holes  largest %6llu KiB  ext frag %.3f  "
		       "failed allocations %5.2f%%\n",
		       contig_fit_name((enum contig_fit)f), ns, 100.0 * (double)(PRESSED - st.free_bytes) / (double)PRESSED,
		       (unsigned long long)st.holes, (unsigned long long)(st.largest_hole >> 10), contig_ext_frag(&st),
		       100.0 * (double)ch->failures / (double)ops);
		contig_check(&ch->c);
		contig_fini(&ch->c);
		free(ch);
	}
}

int main(int argc, char **argv)
{
	long ops = argc > 1 ? atol(argv[1]) : 1000000;
	if (ops <= 0) {
		fprintf(stderr, "bench_contig: OPS must be a positive number\n");
		return 2;
	}
	printf("contig: %d slots of blocks of 16 B..64 KiB in 256 MiB, %ld operations per round, medians of %d\n", LIVE, ops,
	       ROUNDS);
	for (int f = 0; f < CONTIG_FITS; f++) {
		struct churn *ch = malloc(sizeof *ch);
		if (!ch)
			abort();
		churn_init(ch, (enum contig_fit)f, RANGE);
		double churn[ROUNDS], fast[ROUNDS], plain[ROUNDS];
		for (int r = 0; r < ROUNDS; r++)
			churn[r] = churn_ns(ch, ops);
		for (int r = 0; r < ROUNDS; r++) {
			fast[r] = find_ns(ch, 100000, false);
			plain[r] = find_ns(ch, 2000, true);
		}
		struct contig_stats st;
		contig_stats(&ch->c, &st);
		double fm = bench_median(fast, ROUNDS), pm = bench_median(plain, ROUNDS);
		printf("  %-5s fit: %6.1f ns/op  %5llu holes  ext frag %.3f  failures %llu  search %6.1f ns indexed, "
		       "%8.1f ns plain walk (x%.0f)\n",
		       contig_fit_name((enum contig_fit)f), bench_median(churn, ROUNDS), (unsigned long long)st.holes,
		       contig_ext_frag(&st), (unsigned long long)ch->failures, fm, pm, pm / fm);
		contig_check(&ch->c);
		contig_fini(&ch->c);
		free(ch);
	}
	pressure(ops);
	return 0;
}
