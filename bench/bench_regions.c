/* Benchmark: region operations of a running program. bench/guest/regions
 * makes N one-page anonymous mappings without an address hint (each found by
 * the free-gap search, each a region of its own), writes each, makes every
 * other one read-only, reads them all back and unmaps them one by one,
 * under `vmlab run --swap-size 512m` (16 MiB of RAM: most pages are in swap
 * by the time they are read and unmapped). Prints the median CPU time (user
 * and system) of ROUNDS runs with N = 100,000 against the target of 2 s, and
 * of N = 10,000 beside it, alternating (10k, 100k, 10k, ...): with region
 * operations in O(log n) the time per mapping stays about the same.
 *
 * The programs are found next to this benchmark: BUILD/vmlab and
 * BUILD/guest/bench/regions for BUILD/bench/bench_regions.
 * `bench_regions N` runs N mappings once (for profiling). */
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/bench.h"

#define ROUNDS 5
#define TARGET_S 2.0

/* Runs argv with stdout and stderr to /dev/null; the child's CPU seconds in
 * *cpu_s and wall seconds in *wall_s, false unless it exited 0. */
static bool run(char *const argv[], double *cpu_s, double *wall_s)
{
	struct bench_cost c;
	if (!bench_command(argv, NULL, 0, true, 0, &c))
		return false;
	*cpu_s = c.cpu_s;
	*wall_s = c.wall_s;
	return true;
}

int main(int argc, char **argv)
{
	char vmlab[PATH_MAX + 16], prog[PATH_MAX + 32];
	bench_build_path(argv[0], "vmlab", vmlab, sizeof vmlab);
	bench_build_path(argv[0], "guest/bench/regions", prog, sizeof prog);
	if (access(vmlab, X_OK) != 0 || access(prog, R_OK) != 0) {
		fprintf(stderr, "bench_regions: %s or %s is missing (make bench builds them)\n", vmlab, prog);
		return 1;
	}
	char small[PATH_MAX + 64], big[PATH_MAX + 64];
	snprintf(small, sizeof small, "%s %s", prog, "10000");
	snprintf(big, sizeof big, "%s %s", prog, argc == 2 ? argv[1] : "100000");
	char *vm_small[] = {vmlab, "run", "--swap-size", "512m", small, NULL};
	char *vm_big[] = {vmlab, "run", "--swap-size", "512m", big, NULL};
	double cpu_small[ROUNDS], cpu_big[ROUNDS], wall_big[ROUNDS], wall;
	int rounds = argc == 2 ? 1 : ROUNDS;
	for (int i = 0; i < rounds; i++) {
		if ((argc != 2 && !run(vm_small, &cpu_small[i], &wall)) || !run(vm_big, &cpu_big[i], &wall_big[i])) {
			fprintf(stderr, "bench_regions: vmlab run of the regions program failed\n");
			return 1;
		}
	}
	if (argc == 2) {
		printf("bench_regions: %s mappings: %.3f s of CPU, %.3f s wall\n", argv[1], cpu_big[0], wall_big[0]);
		return 0;
	}
	double s = bench_median(cpu_small, ROUNDS), b = bench_median(cpu_big, ROUNDS);
	printf("bench_regions: 100,000 one-page mappings (mmap, write, mprotect, read, munmap) take %.3f s of CPU "
	       "(target <= %.1f s; %.3f s wall); 10,000 take %.3f s: %.2f us and %.2f us per mapping (medians of %d)\n",
	       b, TARGET_S, bench_median(wall_big, ROUNDS), s, b * 1e6 / 100000, s * 1e6 / 10000, ROUNDS);
	return 0;
}
