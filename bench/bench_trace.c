/* Benchmark: replays generated traces of 50 million references (sv39, a
 * 64-entry 4-way TLB, lru replacement, a working set of 4096 pages, far larger
 * than the TLB) through `vmlab trace`'s own path (binary reader, kernel, MMU)
 * and prints references per second, then the same for opt. Target: >= 30 M/s.
 *
 * Two workloads: "program", shaped like a program (a sweep through a 16 MiB
 * array, stack traffic, pointer chasing over the heap), and "random", an
 * adversarial one (90% of references at random in a drifting hot set of 48
 * pages, 10% anywhere), whose TLB outcome and victim choices no branch
 * predictor can guess. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench/bench.h"
#include "lib/rng.h"
#include "trace/replay.h"

#define REFS 50000000ull
#define PAGES 4096
#define HOT 48

/* One reference of the program-shaped workload. */
static struct trace_ref program_ref(struct rng *r, uint64_t i)
{
	uint64_t x = rng_next(r), pick = x & 0xff;
	vaddr_t va;
	enum access acc = ACCESS_READ;
	if (pick < 150) { /* array sweep, every fourth element written */
		uint64_t elem = (i * 150 / 256) % (PAGES * 512);
		va = 0x10000000 + elem * 8;
		acc = elem % 4 == 0 ? ACCESS_WRITE : ACCESS_READ;
	} else if (pick < 215) { /* the stack's top pages */
		va = 0x7fff0000 - ((x >> 8) & 0x3ff8);
		acc = (x >> 30) & 1 ? ACCESS_WRITE : ACCESS_READ;
	} else { /* pointer chasing over the heap */
		va = 0x10000000 + ((x >> 8) % (PAGES * 512)) * 8;
	}
	return (struct trace_ref){.pid = 1, .acc = acc, .va = va, .size = 8};
}

/* One reference of the random workload: 90% in a hot set of HOT pages that
 * drifts, the rest anywhere in the working set; a third are writes. */
static struct trace_ref random_ref(struct rng *r, uint64_t *hot_base, uint64_t i)
{
	if (i % 100000 == 0)
		*hot_base = rng_below(r, PAGES - HOT);
	uint64_t x = rng_next(r);
	uint64_t page = (x & 0xff) < 230 ? *hot_base + (x >> 8) % HOT : (x >> 8) % PAGES;
	return (struct trace_ref){.pid = 1, .acc = (x >> 40) % 3 == 0 ? ACCESS_WRITE : ACCESS_READ,
				  .va = 0x10000000 + page * 4096 + ((x >> 20) & 0xff8), .size = 8};
}

static bool generate(const char *path, bool program)
{
	char err[300];
	struct trace_writer *w = trace_writer_open(path, err, sizeof err);
	if (!w) {
		fprintf(stderr, "bench_trace: %s\n", err);
		return false;
	}
	struct rng r;
	rng_seed(&r, 42);
	uint64_t hot_base = 0;
	for (uint64_t i = 0; i < REFS; i++) {
		struct trace_ref ref = program ? program_ref(&r, i) : random_ref(&r, &hot_base, i);
		if (!trace_write(w, &ref))
			break;
	}
	if (!trace_writer_close(w, err, sizeof err)) {
		fprintf(stderr, "bench_trace: %s\n", err);
		return false;
	}
	return true;
}

static bool replay(const char *path, const char *workload, const char *policy)
{
	char err[300];
	struct kernel_config cfg;
	kernel_config_defaults(&cfg);
	cfg.user_frames = 2 * PAGES;
	cfg.swap_slots = 0;
	cfg.policy = policy_find(policy);
	cfg.mmu.tlb.entries = 64;
	cfg.mmu.tlb.ways = 4;
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	struct trace_reader_opts o = TRACE_READER_OPTS_INIT;
	o.format = TRACE_BINARY;
	struct trace_reader *r = trace_open(path, &o, err, sizeof err);
	if (!k || !r) {
		fprintf(stderr, "bench_trace: %s\n", err);
		return false;
	}
	struct replay_opts ro = {.name = path};
	struct replay_stats st;
	double t0 = bench_wall_s();
	int status = replay_run(k, r, &ro, &st, err, sizeof err);
	double t = bench_wall_s() - t0;
	if (status) {
		fprintf(stderr, "bench_trace: %s\n", err);
		return false;
	}
	printf("bench_trace: %-7s %-4s %llu references in %.2f s: %.1f M references/s (TLB hit rate %.1f%%, %llu faults)%s\n",
	       workload, policy, (unsigned long long)st.refs, t, (double)st.refs / t / 1e6, 100.0 * (double)st.tlb_hits / (double)st.refs,
	       (unsigned long long)(k->c.minor_faults + k->c.major_faults),
	       !strcmp(policy, "lru") ? " (target >= 30)" : "");
	trace_close(r);
	kernel_free(k);
	return true;
}

/* Runs lru and opt on both workloads, or the policies named on the command line. */
int main(int argc, char **argv)
{
	const char *dir = getenv("TMPDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/vmlab-bench-trace-%d.bin", dir && *dir ? dir : "/tmp", (int)getpid());
	static const char *const defaults[] = {"lru", "opt"};
	bool ok = true;
	for (int program = 1; program >= 0 && ok; program--) {
		const char *workload = program ? "program" : "random";
		ok = generate(path, program);
		for (int i = 0; ok && i < (argc > 1 ? argc - 1 : 2); i++)
			ok = replay(path, workload, argc > 1 ? argv[i + 1] : defaults[i]);
	}
	unlink(path);
	return ok ? 0 : 1;
}
