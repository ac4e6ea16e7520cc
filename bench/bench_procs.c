/* Benchmark: the cost of many processes. Replays 2 M generated references
 * spread over 1,000 and over 10,000 processes through `vmlab trace`'s own path
 * (binary reader, replay, kernel, MMU), alternating 1k, 10k, 1k, 10k, ..., and
 * prints the median CPU time per reference of each and their ratio (target:
 * 10k / 1k <= 1.3). Both traces do the same modelled work, fault for fault
 * and hit for hit: 20,000 pages in all (20 per process, or 2), sv39, the
 * default 64-entry TLB and clock. Two shapes: "bursts" (32 references at a
 * time on 2 pages of one process, like a scheduled program; 16,384 frames of
 * RAM, so pages are evicted; the random choice of bursts leaves a few of the
 * 10,000 processes out) and "interleaved" (every reference from a process
 * picked at random, so nearly every one misses in the TLB and walks; 24,576
 * frames, so each page faults once).
 *
 * First, the host memory of a process that holds no pages: the growth of the
 * resident set size (/proc/self/statm, which counts the simulated RAM the host
 * committed as well as malloc's heap) while 20,000 empty processes are
 * spawned, divided by 20,000. Target: <= 8 KiB.
 *
 * `bench_procs bursts|interleaved 1000|10000` replays one trace once (for
 * profiling). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench/bench.h"
#include "lib/rng.h"
#include "trace/replay.h"

#define REFS 2000000ull
#define PAIRS 10000 /* of pages: 20,000 pages in all */
#define BURST 32
#define ROUNDS 9
#define EMPTY_PROCS 20000

/* One reference to page pp (0 or 1) of pair g (0 .. PAIRS - 1), in the
 * numbering of nprocs processes: pair g is pair g % per of process g / per,
 * per = PAIRS / nprocs, its pages at 2 * (g % per) and the next. So the traces
 * of 1,000 and of 10,000 processes are the same references under a renaming
 * of (process, page), which keeps faults, evictions and TLB hits the same. */
static struct trace_ref ref_to(struct rng *r, unsigned nprocs, uint64_t g, uint64_t pp)
{
	uint64_t x = rng_next(r), per = PAIRS / nprocs, page = 2 * (g % per) + pp;
	return (struct trace_ref){.pid = (uint32_t)(1 + g / per), .acc = x % 3 == 0 ? ACCESS_WRITE : ACCESS_READ,
				  .va = 0x10000000 + page * 4096 + ((x >> 20) & 0xff8), .size = 8};
}

/* Writes the trace for nprocs processes in the given shape to path: each
 * burst (of one reference when interleaved) picks a pair at random. */
static bool generate(const char *path, unsigned nprocs, bool bursts)
{
	char err[300];
	struct trace_writer *w = trace_writer_open(path, err, sizeof err);
	if (!w) {
		fprintf(stderr, "bench_procs: %s\n", err);
		return false;
	}
	struct rng r;
	rng_seed(&r, 42);
	bool ok = true;
	for (uint64_t i = 0; ok && i < REFS;) {
		uint64_t g = rng_below(&r, PAIRS);
		for (unsigned j = 0; ok && j < (bursts ? BURST : 1) && i < REFS; j++, i++) {
			struct trace_ref ref = ref_to(&r, nprocs, g, rng_below(&r, 2));
			ok = trace_write(w, &ref);
		}
	}
	if (!trace_writer_close(w, err, sizeof err)) {
		fprintf(stderr, "bench_procs: %s\n", err);
		return false;
	}
	return true;
}

static struct kernel *new_kernel(uint64_t frames)
{
	char err[300];
	struct kernel_config cfg;
	kernel_config_defaults(&cfg);
	cfg.user_frames = frames;
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	if (!k)
		fprintf(stderr, "bench_procs: %s\n", err);
	return k;
}

struct outcome {
	double ns_per_ref;
	uint64_t faults, evictions, hits, refs;
	size_t procs;
};

/* Replays the trace at path in a fresh kernel. */
static bool replay(const char *path, uint64_t frames, struct outcome *out)
{
	char err[300];
	struct kernel *k = new_kernel(frames);
	struct trace_reader_opts o = TRACE_READER_OPTS_INIT;
	o.format = TRACE_BINARY;
	struct trace_reader *r = k ? trace_open(path, &o, err, sizeof err) : NULL;
	if (!r) {
		if (k)
			fprintf(stderr, "bench_procs: %s\n", err);
		kernel_free(k);
		return false;
	}
	struct replay_opts ro = {.name = path};
	struct replay_stats st;
	double t0 = bench_cpu_s();
	int status = replay_run(k, r, &ro, &st, err, sizeof err);
	double t = bench_cpu_s() - t0;
	if (status)
		fprintf(stderr, "bench_procs: %s\n", err);
	*out = (struct outcome){t * 1e9 / (double)st.refs, k->c.minor_faults + k->c.major_faults, k->c.evictions,
				st.tlb_hits, st.refs, k->nprocs};
	trace_close(r);
	kernel_free(k);
	return status == 0;
}

/* One shape: both traces generated, then replayed alternately. */
static bool run_shape(const char *dir, bool bursts)
{
	static const unsigned counts[2] = {1000, 10000};
	char path[2][512];
	double ns[2][ROUNDS];
	struct outcome oc[2];
	const char *shape = bursts ? "bursts" : "interleaved";
	bool ok = true;
	for (int c = 0; c < 2 && ok; c++) {
		snprintf(path[c], sizeof path[c], "%s/vmlab-bench-procs-%d-%u.bin", dir, (int)getpid(), counts[c]);
		ok = generate(path[c], counts[c], bursts);
	}
	for (int i = 0; i < ROUNDS && ok; i++)
		for (int c = 0; c < 2 && ok; c++)
			if ((ok = replay(path[c], bursts ? 16384 : 24576, &oc[c])))
				ns[c][i] = oc[c].ns_per_ref;
	for (int c = 0; c < 2; c++)
		unlink(path[c]);
	if (!ok)
		return false;
	double m[2] = {bench_median(ns[0], ROUNDS), bench_median(ns[1], ROUNDS)};
	for (int c = 0; c < 2; c++)
		printf("bench_procs: %-11s %5zu processes: %.1f ns/reference (median of %d; %llu refs, %llu faults, "
		       "%llu evictions, TLB hit rate %.1f%%)\n",
		       shape, oc[c].procs, m[c], ROUNDS, (unsigned long long)oc[c].refs,
		       (unsigned long long)oc[c].faults, (unsigned long long)oc[c].evictions,
		       100.0 * (double)oc[c].hits / (double)oc[c].refs);
	printf("bench_procs: %-11s 10k / 1k = %.2f (target <= 1.3)\n", shape, m[1] / m[0]);
	return true;
}

/* The resident set size in bytes. */
static long rss_bytes(void)
{
	long size = 0, resident = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (!f)
		return -1;
	if (fscanf(f, "%ld %ld", &size, &resident) != 2)
		resident = -1;
	fclose(f);
	return resident < 0 ? -1 : resident * sysconf(_SC_PAGESIZE);
}

/* Host memory per process holding no pages: RSS growth over EMPTY_PROCS spawns. */
static bool empty_processes(void)
{
	struct kernel *k = new_kernel(16384);
	if (!k)
		return false;
	long before = rss_bytes();
	for (int pid = 1; pid <= EMPTY_PROCS; pid++) {
		if (!kernel_spawn(k, pid)) {
			fprintf(stderr, "bench_procs: no memory for process %d\n", pid);
			kernel_free(k);
			return false;
		}
	}
	long after = rss_bytes();
	uint64_t pt = k->fr.in_use[FRAME_PT];
	kernel_free(k);
	if (before < 0 || after < 0) {
		printf("bench_procs: empty processes: /proc/self/statm is unreadable, no figure\n");
		return true;
	}
	printf("bench_procs: empty processes: %.0f bytes of host memory each (RSS growth over %d; "
	       "%.2f page-table frames each) (target <= 8192)\n",
	       (double)(after - before) / EMPTY_PROCS, EMPTY_PROCS, (double)pt / EMPTY_PROCS);
	return true;
}

/* For profiling: replays one trace once ("bursts" or "interleaved", and the
 * number of processes: 1000 or 10000). */
static bool run_one(const char *dir, const char *shape, const char *count)
{
	bool bursts = !strcmp(shape, "bursts");
	unsigned n = (unsigned)atoi(count);
	if ((!bursts && strcmp(shape, "interleaved")) || (n != 1000 && n != 10000)) {
		fprintf(stderr, "usage: bench_procs [bursts|interleaved 1000|10000]\n");
		return false;
	}
	char path[512];
	struct outcome oc;
	snprintf(path, sizeof path, "%s/vmlab-bench-procs-%d-%u.bin", dir, (int)getpid(), n);
	bool ok = generate(path, n, bursts) && replay(path, bursts ? 16384 : 24576, &oc);
	unlink(path);
	if (ok)
		printf("bench_procs: %s %u processes: %.1f ns/reference\n", shape, n, oc.ns_per_ref);
	return ok;
}

/* The empty processes and both shapes; or, with arguments, one replay. */
int main(int argc, char **argv)
{
	const char *dir = getenv("TMPDIR");
	dir = dir && *dir ? dir : "/tmp";
	if (argc == 3)
		return run_one(dir, argv[1], argv[2]) ? 0 : 1;
	/* the empty processes first: a heap the replays grew and freed would hide their growth */
	bool ok = empty_processes() && run_shape(dir, true) && run_shape(dir, false);
	return ok ? 0 : 1;
}
