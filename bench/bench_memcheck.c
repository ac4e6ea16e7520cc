/* Benchmark: what `vmlab run --memcheck` costs. Each program runs plain and
 * under --memcheck in turn (plain, checked, plain, checked, ...), and the
 * ratio of the medians of their CPU times is the checker's overhead, every
 * part included: the checked CPU loop with its V bits, the shadow call stack,
 * the checked malloc's redzones and requests, the leak scan at exit.
 * Target: <= 3x (valgrind's memcheck costs 10-50x native). The programs are
 * tests/guest sources (compiled once, before the timing, into vmlab's
 * cache): sort (compute over a malloc'd array) and malloc_stress (a malloc
 * and free on every few instructions, the checker's worst case). Runs from
 * the source tree, as make bench does; BUILD/vmlab for BUILD/bench/. */
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bench/bench.h"

#define ROUNDS 7
#define TARGET 3.0

static const char *const programs[] = {"tests/guest/sort.c", "tests/guest/malloc_stress.c"};

static bool cpu_time(char *const argv[], double *s)
{
	static char out[1 << 16];
	struct bench_cost c;
	if (!bench_command(argv, out, sizeof out, true, 0, &c))
		return false;
	*s = c.cpu_s;
	return true;
}

int main(int argc, char **argv)
{
	(void)argc;
	char vmlab[PATH_MAX + 16];
	bench_build_path(argv[0], "vmlab", vmlab, sizeof vmlab);
	if (access(vmlab, X_OK) != 0) {
		fprintf(stderr, "bench_memcheck: %s is missing (make bench builds it)\n", vmlab);
		return 1;
	}
	bool met = true;
	for (size_t i = 0; i < sizeof programs / sizeof programs[0]; i++) {
		char *plain[] = {vmlab, "run", (char *)programs[i], NULL};
		char *checked[] = {vmlab, "run", "--memcheck", (char *)programs[i], NULL};
		double a[ROUNDS], b[ROUNDS], warm;
		if (!cpu_time(plain, &warm) || !cpu_time(checked, &warm)) {
			fprintf(stderr, "bench_memcheck: vmlab run of %s failed\n", programs[i]);
			return 1;
		}
		for (int r = 0; r < ROUNDS; r++)
			if (!cpu_time(plain, &a[r]) || !cpu_time(checked, &b[r])) {
				fprintf(stderr, "bench_memcheck: vmlab run of %s failed\n", programs[i]);
				return 1;
			}
		double ta = bench_median(a, ROUNDS), tb = bench_median(b, ROUNDS), ratio = tb / ta;
		met = met && ratio <= TARGET;
		printf("bench_memcheck: %s under --memcheck takes %.2fx the CPU time of a plain run (target <= %.1fx): "
		       "%.3f s vs %.3f s (medians of %d)\n",
		       programs[i], ratio, TARGET, tb, ta, ROUNDS);
	}
	if (!met)
		printf("bench_memcheck: the target is not met\n");
	return 0;
}
