/* Benchmark: host time per page fault in trace replay (trace/replay.c's
 * replay_run, the path of `vmlab trace`), on streams where every reference is
 * the fault measured, and a fault-heavy stream replayed by `vmlab trace` against
 * OSTEP's homework simulator paging-policy.py (not in the tree: its path comes
 * from OSTEP_PAGING_POLICY). Targets: a minor fault <= 0.5 us, a major fault
 * <= 2 us, vmlab >= 10x faster than paging-policy.py with the same faults.
 *
 * Fault streams: sv39, 64-entry TLB, lru, FRAMES frames, loops over
 * 2 x FRAMES pages (one reference per page, in order), so that every reference
 * misses in the TLB and in memory. A warm-up replay on the same kernel first
 * brings memory and swap to the steady state; the timed replay follows, and
 * its counters are checked to show that every reference was the fault named.
 * A minor fault that must clear its frame cannot be had alone in a loop (a
 * frame a never-written page leaves is known to hold zeros), so it is timed
 * in alternation with clean swap-ins and the swap-in's own time subtracted. */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench/bench.h"
#include "lib/rng.h"
#include "trace/replay.h"

#define FRAMES 256
#define LOOP_PAGES (2 * FRAMES)
#define ROUNDS 1000 /* rounds of a timed replay: 512,000 faults */
#define REPEATS 7   /* timed replays of each stream; the median is printed */
#define BASE_VA 0x10000000ull

/* The comparison stream: uniform over CMP_PAGES pages with CMP_FRAMES frames
 * (about 80% misses under LRU). */
#define CMP_REFS 200000
#define CMP_PAGES 1000
#define CMP_FRAMES 200
#define CMP_RUNS 7 /* runs of each tool, alternating */

static void temp_path(char *path, size_t len, const char *what)
{
	const char *dir = getenv("TMPDIR");
	snprintf(path, len, "%s/vmlab-bench-faults-%d-%s", dir && *dir ? dir : "/tmp", (int)getpid(), what);
}

/* ---- host time per fault, through replay_run ---- */

/* The reference patterns: one round is one reference to each page of a set,
 * in order. */
enum pattern {
	READ_ALL,   /* reads of pages 0 .. LOOP_PAGES - 1 */
	WRITE_ALL,  /* writes of the same pages */
	WRITE_LOW,  /* writes of the low half, pages 0 .. LOOP_PAGES / 2 - 1 */
	READ_PAIRS, /* reads alternating between the halves: i, LOOP_PAGES / 2 + i, for each low i */
	NPATTERNS
};

static struct trace_ref pattern_ref(enum pattern p, uint64_t i)
{
	uint64_t half = LOOP_PAGES / 2, page = p == READ_PAIRS ? (i % 2) * half + i / 2 : i;
	return (struct trace_ref){.pid = 1, .acc = p == WRITE_ALL || p == WRITE_LOW ? ACCESS_WRITE : ACCESS_READ,
				  .va = BASE_VA + page * 4096, .size = 8};
}

/* Writes rounds rounds of pattern p to path as a binary trace. */
static bool write_pattern(const char *path, enum pattern p, uint64_t rounds)
{
	char err[300];
	struct trace_writer *w = trace_writer_open(path, err, sizeof err);
	if (!w) {
		fprintf(stderr, "bench_faults: %s\n", err);
		return false;
	}
	uint64_t n = p == WRITE_LOW ? LOOP_PAGES / 2 : LOOP_PAGES;
	for (uint64_t r = 0; r < rounds; r++)
		for (uint64_t i = 0; i < n; i++) {
			struct trace_ref ref = pattern_ref(p, i);
			if (!trace_write(w, &ref))
				break;
		}
	if (!trace_writer_close(w, err, sizeof err)) {
		fprintf(stderr, "bench_faults: %s\n", err);
		return false;
	}
	return true;
}

/* Trace files: one round of each pattern, and ROUNDS rounds of each. */
struct traces {
	char one[NPATTERNS][512], many[NPATTERNS][512];
};

static bool write_traces(struct traces *t)
{
	for (int p = 0; p < NPATTERNS; p++) {
		char what[32];
		snprintf(what, sizeof what, "%d-1.bin", p);
		temp_path(t->one[p], sizeof t->one[p], what);
		snprintf(what, sizeof what, "%d-n.bin", p);
		temp_path(t->many[p], sizeof t->many[p], what);
		if (!write_pattern(t->one[p], (enum pattern)p, 1) || !write_pattern(t->many[p], (enum pattern)p, ROUNDS))
			return false;
	}
	return true;
}

static void remove_traces(const struct traces *t)
{
	for (int p = 0; p < NPATTERNS; p++)
		unlink(t->one[p]), unlink(t->many[p]);
}

static bool replay_file(struct kernel *k, const char *path, struct replay_stats *st)
{
	char err[300];
	struct trace_reader_opts o = TRACE_READER_OPTS_INIT;
	o.format = TRACE_BINARY;
	struct trace_reader *r = trace_open(path, &o, err, sizeof err);
	if (!r) {
		fprintf(stderr, "bench_faults: %s\n", err);
		return false;
	}
	struct replay_opts ro = {.name = path};
	int status = replay_run(k, r, &ro, st, err, sizeof err);
	trace_close(r);
	if (status)
		fprintf(stderr, "bench_faults: %s\n", err);
	return status == 0;
}

/* A fault stream: warm-up rounds (one each, in order, up to NPATTERNS), then
 * ROUNDS timed rounds of one pattern, with what every timed reference must
 * be: the share of minor and of major faults (in halves) and of victims
 * written back. Every timed reference must also miss in the TLB and evict. */
struct stream {
	uint64_t frames;
	int nwarm;
	enum pattern warm[3], timed;
	unsigned minor_halves, major_halves, written_halves;
};

/* Replays the stream once; stores host CPU and wall seconds per timed
 * reference and returns true, or false when it failed or the timed
 * references were not the faults expected. */
static bool stream_cost(const struct stream *s, const struct traces *t, double *cpu, double *wall)
{
	char err[300];
	struct kernel_config cfg;
	kernel_config_defaults(&cfg);
	cfg.user_frames = s->frames;
	cfg.policy = policy_find("lru");
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	if (!k) {
		fprintf(stderr, "bench_faults: %s\n", err);
		return false;
	}
	struct replay_stats st;
	bool ok = false;
	for (int i = 0; i < s->nwarm; i++)
		if (!replay_file(k, t->one[s->warm[i]], &st))
			goto out;
	struct kernel_counts c0 = k->c;
	double t0 = bench_wall_s(), c = bench_cpu_s();
	if (!replay_file(k, t->many[s->timed], &st))
		goto out;
	double wall_s = bench_wall_s() - t0;
	c = bench_cpu_s() - c;
	uint64_t minor = k->c.minor_faults - c0.minor_faults, major = k->c.major_faults - c0.major_faults;
	uint64_t evict = k->c.evictions - c0.evictions, written = k->c.writebacks - c0.writebacks;
	uint64_t half = st.refs / 2;
	ok = minor == s->minor_halves * half && major == s->major_halves * half &&
	     written == s->written_halves * half && evict == st.refs && st.tlb_misses == st.refs && st.refs % 2 == 0;
	if (!ok)
		fprintf(stderr, "bench_faults: %llu references gave %llu minor and %llu major faults, %llu evictions, "
			"%llu write-backs, %llu TLB misses: not the stream meant\n", (unsigned long long)st.refs,
			(unsigned long long)minor, (unsigned long long)major, (unsigned long long)evict,
			(unsigned long long)written, (unsigned long long)st.tlb_misses);
	*cpu = c / (double)st.refs;
	*wall = wall_s / (double)st.refs;
out:
	kernel_free(k);
	return ok;
}

/* Host CPU and wall microseconds per reference of each of n streams: the
 * median over REPEATS rounds, each replaying every stream once (so that the
 * machine's noise falls on all alike); derived[i] gets the median over the
 * rounds of 2 x stream pair_of - stream clean_of (CPU and wall). */
struct timing {
	double cpu[REPEATS], wall[REPEATS];
};

static bool measure_all(const struct stream *s, int n, const struct traces *t, struct timing *tm)
{
	for (int r = 0; r < REPEATS; r++)
		for (int i = 0; i < n; i++)
			if (!stream_cost(&s[i], t, &tm[i].cpu[r], &tm[i].wall[r]))
				return false;
	return true;
}

static double median_us(const double *v)
{
	double copy[REPEATS];
	memcpy(copy, v, sizeof copy);
	return bench_median(copy, REPEATS) * 1e6;
}

/* The median over rounds of 2 x a - b. */
static double derived_us(const double *a, const double *b)
{
	double d[REPEATS];
	for (int r = 0; r < REPEATS; r++)
		d[r] = 2 * a[r] - b[r];
	return bench_median(d, REPEATS) * 1e6;
}

static void report(const char *name, double us, double wall_us, double target, const char *what)
{
	printf("bench_faults: %-32s %.3f us per fault (target <= %.1f%s; wall %.3f us)\n", name, us, target,
	       us <= target ? "" : ", MISSED", wall_us);
	printf("bench_faults:   %s\n", what);
}

enum { MINOR, PAIRS, MAJOR_DIRTY, MAJOR_CLEAN, NSTREAMS };

static bool fault_streams(void)
{
	const struct stream streams[NSTREAMS] = {
		/* every reference a minor fault whose frame a never-written page left (known zero: no clearing) */
		[MINOR] = {FRAMES, 1, {READ_ALL}, READ_ALL, 2, 0, 0},
		/* halves: minor faults that must clear their frame (its last page came from swap, clean) and
		 * clean swap-ins whose victims are never-written pages; an odd number of frames makes each
		 * fault's LRU victim a page of the other half */
		[PAIRS] = {FRAMES - 1, 2, {WRITE_LOW, READ_PAIRS}, READ_PAIRS, 1, 1, 0},
		[MAJOR_DIRTY] = {FRAMES, 2, {WRITE_ALL, WRITE_ALL}, WRITE_ALL, 0, 2, 2},
		[MAJOR_CLEAN] = {FRAMES, 3, {WRITE_ALL, WRITE_ALL, READ_ALL}, READ_ALL, 0, 2, 0},
	};
	struct traces t;
	struct timing tm[NSTREAMS];
	bool ok = write_traces(&t) && measure_all(streams, NSTREAMS, &t, tm);
	remove_traces(&t);
	if (!ok)
		return false;
	printf("bench_faults: host CPU time (user + system) of a timed replay_run over its references, each a "
	       "page fault of the kind named (lru, %d frames, loops over %d pages, %d rounds after a warm-up, "
	       "binary trace, the default temporary swap file; median of %d, the streams taking turns); every "
	       "fault includes the TLB miss and walk that found it, the retry's walk and TLB refill, and the "
	       "eviction of a victim (unmap, TLB shootdown)\n", FRAMES, LOOP_PAGES, ROUNDS, REPEATS);
	report("minor (demand-zero, zero frame)", median_us(tm[MINOR].cpu), median_us(tm[MINOR].wall), 0.5,
	       "a read of a page never written, into the frame of another never-written page: "
	       "known to hold zeros, nothing to clear; the victim dropped without I/O");
	report("minor (demand-zero, clearing)", derived_us(tm[PAIRS].cpu, tm[MAJOR_CLEAN].cpu),
	       derived_us(tm[PAIRS].wall, tm[MAJOR_CLEAN].wall), 0.5,
	       "the same, but the frame held a page read from swap, so 4 KiB are cleared: 2 x the time per "
	       "reference of a stream alternating these faults with clean swap-ins, minus a clean swap-in");
	report("major (swap-in, dirty victim)", median_us(tm[MAJOR_DIRTY].cpu), median_us(tm[MAJOR_DIRTY].wall), 2.0,
	       "a write of a page in swap: the read of its slot into the frame of a dirty victim, which is "
	       "written back to its slot first");
	report("major (swap-in, clean victim)", median_us(tm[MAJOR_CLEAN].cpu), median_us(tm[MAJOR_CLEAN].wall), 2.0,
	       "a read of a page in swap: the read of its slot into the frame of a clean victim with a valid "
	       "swap copy, dropped without I/O");
	return true;
}

/* ---- the comparison with paging-policy.py ---- */

static bool write_pages_stream(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "bench_faults: %s: %s\n", path, strerror(errno));
		return false;
	}
	struct rng r;
	rng_seed(&r, 8);
	for (int i = 0; i < CMP_REFS; i++)
		fprintf(f, "%llu\n", (unsigned long long)rng_below(&r, CMP_PAGES));
	if (fclose(f) != 0) {
		fprintf(stderr, "bench_faults: %s: %s\n", path, strerror(errno));
		return false;
	}
	return true;
}

/* What one run of a command cost: wall time of the whole command, and the
 * CPU time (user + system) the host gave it. */
/* Runs argv with its standard output in out; false when it could not run or
 * failed (with a message). */
static bool run_command(char *const argv[], char *out, size_t outlen, struct bench_cost *cost)
{
	if (bench_command(argv, out, outlen, false, 0, cost))
		return true;
	fprintf(stderr, "bench_faults: %s failed (status 0x%x)\n", argv[0], cost->status);
	return false;
}

/* The number after key in text, or -1. */
static long long number_after(const char *text, const char *key)
{
	const char *p = strstr(text, key);
	return p ? strtoll(p + strlen(key), NULL, 10) : -1;
}

/* build/vmlab, next to this benchmark's own directory (build/bench). */
static bool vmlab_path(char *path, size_t len)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n <= 0)
		return false;
	self[n] = 0;
	snprintf(path, len, "%s/../vmlab", dirname(self));
	return access(path, X_OK) == 0;
}

/* The Python that runs paging-policy.py: $PYTHON, else Debian's python3. */
static const char *python(void)
{
	const char *p = getenv("PYTHON");
	if (p && *p)
		return p;
	return access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
}

/* Runs vmlab, or paging-policy.py when script is set, on the stream; stores
 * what it cost and its fault count. */
static bool run_tool(const char *vmlab, const char *script, const char *stream, struct bench_cost *cost,
		     long long *faults)
{
	char frames[16], out[65536];
	snprintf(frames, sizeof frames, "%d", CMP_FRAMES);
	char *const vm_argv[] = {(char *)vmlab, "trace", "--format", "pages", "--policy", "lru", "--frames", frames,
				 (char *)stream, NULL};
	char *const py_argv[] = {(char *)python(), (char *)script, "-f", (char *)stream, "-C", frames, "-p", "LRU",
				 "-N", "-c", NULL};
	if (!run_command(script ? py_argv : vm_argv, out, sizeof out, cost))
		return false;
	*faults = script ? number_after(out, "misses ") : number_after(out, "page faults");
	if (*faults < 0) {
		fprintf(stderr, "bench_faults: no fault count in the output of %s:\n%s", script ? script : vmlab, out);
		return false;
	}
	return true;
}

/* Whether a run's fault count f is the one the tool gave before (*seen, -1
 * for none yet), saying so when not. */
static bool same_count(const char *tool, long long *seen, long long f)
{
	if (*seen >= 0 && f != *seen) {
		fprintf(stderr, "bench_faults: FAILED: %s counted %lld faults, and %lld before\n", tool, f, *seen);
		return false;
	}
	*seen = f;
	return true;
}

/* The median wall or CPU seconds of n runs. */
static double median_of(const struct bench_cost *c, int n, bool cpu)
{
	double v[CMP_RUNS];
	for (int i = 0; i < n; i++)
		v[i] = cpu ? c[i].cpu_s : c[i].wall_s;
	return bench_median(v, n);
}

static bool compare(void)
{
	char vmlab[PATH_MAX + 16], stream[512];
	if (!vmlab_path(vmlab, sizeof vmlab)) {
		fprintf(stderr, "bench_faults: no vmlab binary next to the benchmark (build it with make)\n");
		return false;
	}
	const char *script = getenv("OSTEP_PAGING_POLICY");
	if (script && !*script)
		script = NULL;
	temp_path(stream, sizeof stream, "pages.txt");
	if (!write_pages_stream(stream))
		return false;
	struct bench_cost cv[CMP_RUNS], cp[CMP_RUNS];
	long long fv = -1, fp = -1, f;
	bool ok = true;
	for (int i = 0; ok && i < CMP_RUNS; i++) { /* A B A B ... */
		ok = run_tool(vmlab, NULL, stream, &cv[i], &f) && same_count("vmlab", &fv, f);
		if (ok && script)
			ok = run_tool(vmlab, script, stream, &cp[i], &f) && same_count("paging-policy.py", &fp, f);
	}
	unlink(stream);
	if (!ok)
		return false;
	double vw = median_of(cv, CMP_RUNS, false), vc = median_of(cv, CMP_RUNS, true);
	printf("bench_faults: fault-heavy stream: %d references over %d pages (seeded, uniform), %d frames, lru; "
	       "wall time of whole commands (and the CPU time they took), median of %d, the tools taking turns\n",
	       CMP_REFS, CMP_PAGES, CMP_FRAMES, CMP_RUNS);
	printf("bench_faults:   vmlab trace --format pages --policy lru --frames %d FILE: %.1f ms (CPU %.1f ms), "
	       "%lld page faults\n", CMP_FRAMES, vw * 1e3, vc * 1e3, fv);
	if (!script) {
		printf("bench_faults:   paging-policy.py comparison skipped: set "
		       "OSTEP_PAGING_POLICY=/path/to/paging-policy.py (OSTEP's homework, vm-beyondphys-policy)\n");
		return true;
	}
	double pw = median_of(cp, CMP_RUNS, false), pc = median_of(cp, CMP_RUNS, true);
	printf("bench_faults:   %s paging-policy.py -f FILE -C %d -p LRU -N -c: %.1f ms (CPU %.1f ms), "
	       "%lld misses\n", python(), CMP_FRAMES, pw * 1e3, pc * 1e3, fp);
	if (fv != fp) {
		fprintf(stderr, "bench_faults: FAILED: vmlab counted %lld page faults, paging-policy.py %lld misses\n", fv,
			fp);
		return false;
	}
	printf("bench_faults:   vmlab is %.1fx faster with the same %lld faults (target >= 10%s; %.1fx in CPU time)\n",
	       pw / vw, fv, pw / vw >= 10 ? "" : ", MISSED", pc / vc);
	return true;
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0); /* in order with the messages on stderr */
	return fault_streams() && compare() ? 0 : 1;
}
