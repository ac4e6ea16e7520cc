/* Benchmark: the host memory processes cost under `vmlab run`, as the peak
 * RSS of the vmlab process (wait4's ru_maxrss). tests/programs/forkloop.c
 * forks and reaps children one after another: the RSS of 20,000 cycles less
 * that of 1,000, over the 19,000 more, is what a reaped process keeps (target:
 * 0; the issue measured 19.5 KB; what shows is the TLBs' per-ASID counters,
 * 16 bytes for each ASID handed out, which stop growing at 65,535: a bound,
 * not a leak). tests/programs/forkbomb.c forks for ever
 * under --time 2s: its peak RSS (target <= 400 MB) and host time (<= 60 s),
 * bounded by --max-procs (default 4096). Runs alternate (1,000, 20,000, bomb,
 * ...), medians of ROUNDS, after one run that compiles the programs.
 *
 * vmlab is found next to this benchmark (BUILD/vmlab for BUILD/bench/bench_reap);
 * the programs are read from tests/programs, relative to the repository root
 * `make bench` runs it from. */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/bench.h"

#define ROUNDS 5
#define FEW 1000
#define MANY 20000
#define LOOP "tests/programs/forkloop.c"
#define BOMB "tests/programs/forkbomb.c"

struct outcome {
	double rss_kib; /* peak RSS */
	double wall_s;
};

/* Runs argv with its output to /dev/null; false when it could not run or
 * did not exit with status want. */
static bool run(char *const argv[], int want, struct outcome *o)
{
	struct bench_cost c;
	if (!bench_command(argv, NULL, 0, true, want, &c))
		return false;
	*o = (struct outcome){.rss_kib = c.maxrss_kib, .wall_s = c.wall_s};
	return true;
}

int main(int argc, char **argv)
{
	(void)argc;
	char vmlab[PATH_MAX + 16];
	bench_build_path(argv[0], "vmlab", vmlab, sizeof vmlab);
	if (access(vmlab, X_OK) != 0 || access(LOOP, R_OK) != 0 || access(BOMB, R_OK) != 0) {
		fprintf(stderr, "bench_reap: %s, " LOOP " or " BOMB " is missing (run it from the repository root: "
				"make bench)\n", vmlab);
		return 1;
	}
	char few_prog[64], many_prog[64];
	snprintf(few_prog, sizeof few_prog, LOOP " %d", FEW);
	snprintf(many_prog, sizeof many_prog, LOOP " %d", MANY);
	char *few[] = {vmlab, "run", few_prog, NULL}, *many[] = {vmlab, "run", many_prog, NULL};
	char *bomb[] = {vmlab, "run", "--time", "2s", BOMB, NULL};
	double a[ROUNDS], b[ROUNDS], c[ROUNDS], t[ROUNDS], tb[ROUNDS];
	struct outcome x, y, z;
	if (!run(few, 0, &x) || !run(bomb, 124, &z)) { /* compiles both */
		fprintf(stderr, "bench_reap: vmlab run of " LOOP " or " BOMB " failed\n");
		return 1;
	}
	for (int i = 0; i < ROUNDS; i++) {
		if (!run(few, 0, &x) || !run(many, 0, &y) || !run(bomb, 124, &z)) {
			fprintf(stderr, "bench_reap: vmlab run of " LOOP " or " BOMB " failed\n");
			return 1;
		}
		a[i] = x.rss_kib, b[i] = y.rss_kib, t[i] = y.wall_s, c[i] = z.rss_kib, tb[i] = z.wall_s;
	}
	double rss_few = bench_median(a, ROUNDS), rss_many = bench_median(b, ROUNDS);
	printf("bench_reap: a reaped process keeps %.0f bytes of host RSS (target 0; was 19.5 KB): %d fork/wait "
	       "cycles peak at %.1f MB, %d at %.1f MB (%.2f s) (medians of %d)\n",
	       (rss_many - rss_few) * 1024 / (MANY - FEW), MANY, rss_many / 1024, FEW, rss_few / 1024,
	       bench_median(t, ROUNDS), ROUNDS);
	printf("bench_reap: a fork bomb under --time 2s peaks at %.1f MB of host RSS (target <= 400) and takes %.2f s "
	       "(target <= 60) with the default --max-procs 4096 (medians of %d)\n",
	       bench_median(c, ROUNDS) / 1024, bench_median(tb, ROUNDS), ROUNDS);
	return 0;
}
