/* Benchmark: OPT over a generated trace of 100 million references (four
 * processes, 32768 distinct pages, 8192 frames, a drifting hot set) through
 * `vmlab trace`'s own path (reader, replay, kernel, MMU), once read in place as
 * a binary trace and once spooled from the same trace in plain text. Prints
 * references per second and the peak host memory of the replaying child (its
 * ru_maxrss) per reference. Target: <= 8 bytes per reference, <= 1 GiB.
 * BENCH_OPT_REFS=N replays N references instead. */
#include <errno.h>
#include <inttypes.h>
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

#define DEFAULT_REFS 100000000ull
#define PROCS 4
#define PAGES 32768   /* over all processes */
#define FRAMES 8192
#define HOT 256       /* pages of the hot set ... */
#define DRIFT 1000000 /* ... which moves every DRIFT references */

/* Reference i: 99% in the hot set (a third of them writes), the rest reads
 * anywhere; page p is page p / PROCS of process p % PROCS + 1. */
static struct trace_ref bench_ref(struct rng *r, uint64_t *hot_base, uint64_t i)
{
	if (i % DRIFT == 0)
		*hot_base = rng_below(r, PAGES - HOT);
	uint64_t x = rng_next(r);
	bool hot = x % 100 != 0;
	uint64_t page = hot ? *hot_base + (x >> 8) % HOT : (x >> 8) % PAGES;
	return (struct trace_ref){
		.pid = (uint32_t)(page % PROCS + 1),
		.acc = hot && (x >> 40) % 3 == 0 ? ACCESS_WRITE : ACCESS_READ,
		.va = 0x10000000 + page / PROCS * 4096 + ((x >> 20) & 0xff8),
		.size = 8,
	};
}

/* Writes the trace to path, binary or plain text. */
static bool generate(const char *path, uint64_t refs, bool binary)
{
	char err[300];
	struct trace_writer *w = binary ? trace_writer_open(path, err, sizeof err) : NULL;
	FILE *f = binary ? NULL : fopen(path, "w");
	if (binary ? !w : !f) {
		fprintf(stderr, "bench_opt: %s: %s\n", path, binary ? err : strerror(errno));
		return false;
	}
	struct rng r;
	rng_seed(&r, 42);
	uint64_t hot_base = 0;
	bool ok = true;
	for (uint64_t i = 0; i < refs && ok; i++) {
		struct trace_ref ref = bench_ref(&r, &hot_base, i);
		if (binary)
			ok = trace_write(w, &ref);
		else
			ok = fprintf(f, "%" PRIu32 " %c 0x%" PRIx64 " 8\n", ref.pid, "RWX"[ref.acc], ref.va) > 0;
	}
	if (binary ? !trace_writer_close(w, err, sizeof err) : fclose(f) != 0 || !ok) {
		fprintf(stderr, "bench_opt: %s: %s\n", path, binary ? err : "write error");
		return false;
	}
	return true;
}

/* In the child: replays path under opt and prints the rate. */
static int replay(const char *path, const char *how)
{
	char err[300];
	struct kernel_config cfg;
	kernel_config_defaults(&cfg);
	cfg.user_frames = FRAMES;
	cfg.swap_slots = PAGES;
	cfg.policy = policy_find("opt");
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	struct trace_reader *r = k ? trace_open(path, NULL, err, sizeof err) : NULL;
	if (!r) {
		fprintf(stderr, "bench_opt: %s\n", err);
		return 1;
	}
	struct replay_opts ro = {.name = path};
	struct replay_stats st;
	double t0 = bench_wall_s();
	int status = replay_run(k, r, &ro, &st, err, sizeof err);
	double t = bench_wall_s() - t0;
	if (status) {
		fprintf(stderr, "bench_opt: %s\n", err);
		return 1;
	}
	printf("bench_opt: opt %-24s %" PRIu64 " references in %.2f s: %.2f M references/s (%" PRIu64
	       " faults, %" PRIu64 " evictions)\n",
	       how, st.refs, t, (double)st.refs / t / 1e6, k->c.minor_faults + k->c.major_faults, k->c.evictions);
	fflush(stdout);
	trace_close(r);
	kernel_free(k);
	return 0;
}

/* Replays path in a child and prints the child's peak memory per reference. */
static bool measure(const char *path, const char *how, uint64_t refs)
{
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0)
		_exit(replay(path, how));
	int status;
	struct rusage ru;
	if (pid < 0 || wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return false;
	double bytes = (double)ru.ru_maxrss * 1024;
	printf("bench_opt: opt %-24s peak host memory %.1f MiB: %.2f bytes per reference (target <= 8, <= 1024 MiB)\n",
	       how, bytes / (1 << 20), bytes / (double)refs);
	return true;
}

int main(void)
{
	const char *dir = getenv("TMPDIR"), *n = getenv("BENCH_OPT_REFS");
	uint64_t refs = n && *n ? strtoull(n, NULL, 10) : DEFAULT_REFS;
	char path[512];
	snprintf(path, sizeof path, "%s/vmlab-bench-opt-%d", dir && *dir ? dir : "/tmp", (int)getpid());
	if (!refs) {
		fprintf(stderr, "bench_opt: BENCH_OPT_REFS=%s is not a count\n", n);
		return 1;
	}
	bool ok = generate(path, refs, true) && measure(path, "(binary, read in place)", refs);
	ok = ok && generate(path, refs, false) && measure(path, "(plain text, spooled)", refs);
	unlink(path);
	return ok ? 0 : 1;
}
