/* Benchmark: host time per page fault in trace replay (trace/replay.c's
 * replay_run, the path of `vmlab trace`), on streams where every reference is
 * the fault measured, and a fault-heavy stream replayed by `vmlab trace` against
 * OSTEP's homework simulator paging-policy.py (not in the tree: its path comes
 * from OSTEP_PAGING_POLICY). Targets: a minor fault <= 0.5 us, a major fault
 * <= 2 us, vmlab >= 10x faster than paging-policy.py with the same faults.
 *
 * Fault streams: sv39, 64-entry TLB, lru, FRAMES frames, a loop over
 * 2 x FRAMES pages (one reference per page, in order), so that every reference
 * misses in the TLB and in memory. A warm-up replay on the same kernel first
 * brings memory and swap to the steady state; the timed replay follows, and
 * its counters are checked to show that every reference was the fault named. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/rng.h"
#include "trace/replay.h"

#define FRAMES 256
#define LOOP_PAGES (2 * FRAMES)
#define ROUNDS 1000 /* loops over LOOP_PAGES in a timed replay: 512,000 faults */
#define REPEATS 7   /* timed replays of each stream; the median is printed */
#define BASE_VA 0x10000000ull

/* The comparison stream: uniform over CMP_PAGES pages with CMP_FRAMES frames
 * (about 80% misses under LRU). */
#define CMP_REFS 200000
#define CMP_PAGES 1000
#define CMP_FRAMES 200
#define CMP_RUNS 5 /* runs of each tool, alternating */

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* CPU time (user + system) of this process so far. */
static double cpu_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void temp_path(char *path, size_t len, const char *what)
{
	const char *dir = getenv("TMPDIR");
	snprintf(path, len, "%s/vmlab-bench-faults-%d-%s", dir && *dir ? dir : "/tmp", (int)getpid(), what);
}

/* ---- host time per fault, through replay_run ---- */

/* Writes rounds loops over LOOP_PAGES pages, all reads or all writes. */
static bool write_loop(const char *path, uint64_t rounds, enum access acc)
{
	char err[300];
	struct trace_writer *w = trace_writer_open(path, err, sizeof err);
	if (!w) {
		fprintf(stderr, "bench_faults: %s\n", err);
		return false;
	}
	for (uint64_t r = 0; r < rounds; r++)
		for (uint64_t i = 0; i < LOOP_PAGES; i++) {
			struct trace_ref ref = {1, acc, BASE_VA + i * 4096, 8, 0};
			if (!trace_write(w, &ref))
				break;
		}
	if (!trace_writer_close(w, err, sizeof err)) {
		fprintf(stderr, "bench_faults: %s\n", err);
		return false;
	}
	return true;
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

/* One fault stream: warm-up traces (in order), then the timed one. */
struct stream {
	const char *name;
	const char *what;        /* what one fault of it includes */
	const char *warmup[4];   /* NULL-terminated */
	const char *timed;
	bool major;              /* every timed reference must be a major fault ... */
	bool dirty_victims;      /* ... and evict a victim written back */
	double target_us;
};

/* Replays the stream once; stores host CPU and wall seconds per timed fault
 * and returns true, or false when it failed or a timed reference was not that fault. */
static bool fault_cost(const struct stream *s, double *cpu, double *wall)
{
	char err[300];
	struct kernel_config cfg;
	kernel_config_defaults(&cfg);
	cfg.user_frames = FRAMES;
	cfg.policy = policy_find("lru");
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	if (!k) {
		fprintf(stderr, "bench_faults: %s\n", err);
		return -1;
	}
	struct replay_stats st;
	bool ok = false;
	for (int i = 0; s->warmup[i]; i++)
		if (!replay_file(k, s->warmup[i], &st))
			goto out;
	struct kernel_counts c0 = k->c;
	double t0 = now_s(), c = cpu_s();
	if (!replay_file(k, s->timed, &st))
		goto out;
	double t = now_s() - t0;
	c = cpu_s() - c;
	uint64_t minor = k->c.minor_faults - c0.minor_faults, major = k->c.major_faults - c0.major_faults;
	uint64_t evict = k->c.evictions - c0.evictions, written = k->c.writebacks - c0.writebacks;
	uint64_t ins = k->c.swap_ins - c0.swap_ins;
	ok = (s->major ? major == st.refs && ins == st.refs && minor == 0 : minor == st.refs && major == 0) &&
		  evict == st.refs && written == (s->dirty_victims ? st.refs : 0) && st.tlb_misses == st.refs;
	if (!ok)
		fprintf(stderr, "bench_faults: %s: %llu references gave %llu minor and %llu major faults, %llu evictions, "
			"%llu write-backs, %llu TLB misses\n", s->name, (unsigned long long)st.refs,
			(unsigned long long)minor, (unsigned long long)major, (unsigned long long)evict,
			(unsigned long long)written, (unsigned long long)st.tlb_misses);
	*cpu = c / (double)st.refs;
	*wall = t / (double)st.refs;
out:
	kernel_free(k);
	return ok;
}

static bool measure_stream(const struct stream *s)
{
	double cpu[REPEATS], wall[REPEATS];
	for (int i = 0; i < REPEATS; i++)
		if (!fault_cost(s, &cpu[i], &wall[i]))
			return false;
	double us = median(cpu, REPEATS) * 1e6;
	printf("bench_faults: %-29s %.3f us per fault (target <= %.1f%s; wall %.3f us): %s\n", s->name, us,
	       s->target_us, us <= s->target_us ? "" : ", MISSED", median(wall, REPEATS) * 1e6, s->what);
	return true;
}

static bool fault_streams(void)
{
	char rd1[512], wr1[512], wr2[512], rdn[512], wrn[512];
	temp_path(rd1, sizeof rd1, "read1.bin");
	temp_path(wr1, sizeof wr1, "write1.bin");
	temp_path(wr2, sizeof wr2, "write2.bin");
	temp_path(rdn, sizeof rdn, "readn.bin");
	temp_path(wrn, sizeof wrn, "writen.bin");
	const struct stream streams[] = {
		{"minor (demand-zero)", "a read of a page never written: TLB miss, walk, demand-zero fault, "
		 "a zeroed frame, eviction of a clean victim (unmapped, TLB shootdown, no I/O), retry",
		 {rd1, NULL}, rdn, false, false, 0.5},
		{"major (swap-in, dirty victim)", "a write of a page in swap: TLB miss, walk, fault, read of "
		 "its slot, eviction of a dirty victim (write-back of its slot, unmapped, TLB shootdown), retry",
		 {wr1, wr2, NULL}, wrn, true, true, 2.0},
		{"major (swap-in, clean victim)", "a read of a page in swap: as above, but the victim has a "
		 "valid swap copy and is dropped without I/O",
		 {wr1, wr2, rd1}, rdn, true, false, 2.0},
	};
	bool ok = write_loop(rd1, 1, ACCESS_READ) && write_loop(wr1, 1, ACCESS_WRITE) &&
		  write_loop(wr2, 1, ACCESS_WRITE) && write_loop(rdn, ROUNDS, ACCESS_READ) &&
		  write_loop(wrn, ROUNDS, ACCESS_WRITE);
	if (ok)
		printf("bench_faults: host CPU time (user + system) of a timed replay_run / its references, every "
		       "one the fault named (%d frames, a loop over %d pages, %d x %d references after a warm-up, "
		       "lru, binary trace, default temporary swap file; median of %d)\n", FRAMES, LOOP_PAGES, ROUNDS,
		       LOOP_PAGES, REPEATS);
	for (size_t i = 0; ok && i < ARRAY_LEN(streams); i++)
		ok = measure_stream(&streams[i]);
	unlink(rd1), unlink(wr1), unlink(wr2), unlink(rdn), unlink(wrn);
	return ok;
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

/* Runs argv with its standard output in out (NUL-terminated); returns the wall
 * time of the whole command in seconds, or a negative number when it could
 * not run or failed. */
static double run_command(char *const argv[], char *out, size_t outlen)
{
	int fds[2];
	if (pipe(fds) != 0)
		return -1;
	double t0 = now_s();
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execvp(argv[0], argv);
		fprintf(stderr, "bench_faults: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	size_t len = 0;
	ssize_t n;
	char sink[4096];
	while ((n = read(fds[0], len + 1 < outlen ? out + len : sink,
			 len + 1 < outlen ? outlen - 1 - len : sizeof sink)) > 0 || (n < 0 && errno == EINTR))
		if (n > 0 && len + 1 < outlen)
			len += (size_t)n;
	out[len] = 0;
	close(fds[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	double t = now_s() - t0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench_faults: %s failed (status 0x%x)\n", argv[0], status);
		return -1;
	}
	return t;
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
 * its wall time and fault count. */
static bool run_tool(const char *vmlab, const char *script, const char *stream, double *t, long long *faults)
{
	char frames[16], out[65536];
	snprintf(frames, sizeof frames, "%d", CMP_FRAMES);
	char *const vm_argv[] = {(char *)vmlab, "trace", "--format", "pages", "--policy", "lru", "--frames", frames,
				 (char *)stream, NULL};
	char *const py_argv[] = {(char *)python(), (char *)script, "-f", (char *)stream, "-C", frames, "-p", "LRU",
				 "-N", "-c", NULL};
	if ((*t = run_command(script ? py_argv : vm_argv, out, sizeof out)) < 0)
		return false;
	*faults = script ? number_after(out, "misses ") : number_after(out, "page faults");
	if (*faults < 0) {
		fprintf(stderr, "bench_faults: no fault count in the output of %s:\n%s", script ? script : vmlab, out);
		return false;
	}
	return true;
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
	double tv[CMP_RUNS], tp[CMP_RUNS];
	long long fv = -1, fp = -1, f;
	bool ok = true;
	for (int i = 0; ok && i < CMP_RUNS; i++) { /* A B A B ... */
		ok = run_tool(vmlab, NULL, stream, &tv[i], &f) && (fv < 0 || f == fv);
		fv = f;
		if (ok && script)
			ok = run_tool(vmlab, script, stream, &tp[i], &f) && (fp < 0 || f == fp);
		fp = script ? f : fp;
	}
	unlink(stream);
	if (!ok)
		return false;
	printf("bench_faults: fault-heavy stream: %d references over %d pages (seeded, uniform), %d frames, lru; "
	       "wall time of whole commands, median of %d\n", CMP_REFS, CMP_PAGES, CMP_FRAMES, CMP_RUNS);
	printf("bench_faults:   vmlab trace --format pages --policy lru --frames %d: %.1f ms, %lld page faults\n",
	       CMP_FRAMES, median(tv, CMP_RUNS) * 1e3, fv);
	if (!script) {
		printf("bench_faults:   paging-policy.py comparison skipped: set "
		       "OSTEP_PAGING_POLICY=/path/to/paging-policy.py (OSTEP's homework, vm-beyondphys-policy)\n");
		return true;
	}
	printf("bench_faults:   %s paging-policy.py -f FILE -C %d -p LRU -N -c: %.1f ms, %lld misses\n", python(),
	       CMP_FRAMES, median(tp, CMP_RUNS) * 1e3, fp);
	if (fv != fp) {
		fprintf(stderr, "bench_faults: FAILED: vmlab counted %lld page faults, paging-policy.py %lld misses\n", fv,
			fp);
		return false;
	}
	double ratio = median(tp, CMP_RUNS) / median(tv, CMP_RUNS);
	printf("bench_faults:   vmlab is %.1fx faster with the same %lld faults (target >= 10%s)\n", ratio, fv,
	       ratio >= 10 ? "" : ", MISSED");
	return true;
}

int main(void)
{
	return fault_streams() && compare() ? 0 : 1;
}
