/* Benchmark: what a TLB miss costs a program running under `vmlab run`.
 * bench/guest/chase follows a random cycle of nodes, one per page: over 2048
 * pages every load misses the 64-entry TLB, over 8 pages none does, and the
 * instructions are the same. The extra CPU time of the first, divided by its
 * extra TLB misses (from the run's own summary), is the cost of one miss in a
 * running program, everything included: the walk, the refill, the CPU's kept
 * pages. Runs alternate (8, 2048, 8, 2048, ...), medians of ROUNDS. Target:
 * <= 60 ns. qemu-riscv64 runs the same ELF as the reference (its own
 * software TLB misses too; printed, not a target).
 *
 * The programs are found next to this benchmark: BUILD/vmlab and
 * BUILD/guest/bench/chase for BUILD/bench/bench_run. */
#include <stdbool.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench/bench.h"

#define ROUNDS 9
#define STEPS "10000000"
#define FEW "8"
#define MANY "2048"
#define TARGET_NS 60.0

struct outcome {
	double cpu_s;        /* the child's user + system time */
	uint64_t misses;     /* "tlb_misses" of vmlab's summary (0 for qemu) */
};

/* Runs argv with stdout into buf (NUL-terminated, truncated); returns false
 * when it could not run or did not exit 0. */
static bool run(char *const argv[], char *buf, size_t len, struct outcome *o)
{
	struct bench_cost c;
	if (!bench_command(argv, buf, len, true, 0, &c))
		return false;
	o->cpu_s = c.cpu_s;
	const char *m = strstr(buf, "\"tlb_misses\": ");
	o->misses = m ? strtoull(m + strlen("\"tlb_misses\": "), NULL, 10) : 0;
	return true;
}

/* The chase over FEW and over MANY pages, in turn; medians of the CPU times
 * and the misses of the last runs. */
static bool measure(char *few[], char *many[], double *t_few, double *t_many, uint64_t *m_few, uint64_t *m_many)
{
	static char out[1 << 16];
	double a[ROUNDS], b[ROUNDS];
	for (int i = 0; i < ROUNDS; i++) {
		struct outcome x, y;
		if (!run(few, out, sizeof out, &x) || !run(many, out, sizeof out, &y))
			return false;
		a[i] = x.cpu_s, b[i] = y.cpu_s;
		*m_few = x.misses, *m_many = y.misses;
	}
	*t_few = bench_median(a, ROUNDS);
	*t_many = bench_median(b, ROUNDS);
	return true;
}

int main(int argc, char **argv)
{
	(void)argc;
	char vmlab[PATH_MAX + 16], chase[PATH_MAX + 32];
	bench_build_path(argv[0], "vmlab", vmlab, sizeof vmlab);
	bench_build_path(argv[0], "guest/bench/chase", chase, sizeof chase);
	if (access(vmlab, X_OK) != 0 || access(chase, R_OK) != 0) {
		fprintf(stderr, "bench_run: %s or %s is missing (make bench builds them)\n", vmlab, chase);
		return 1;
	}
	char few_prog[PATH_MAX + 64], many_prog[PATH_MAX + 64];
	snprintf(few_prog, sizeof few_prog, "%s " FEW " " STEPS, chase);
	snprintf(many_prog, sizeof many_prog, "%s " MANY " " STEPS, chase);
	char *vm_few[] = {vmlab, "run", "--json", few_prog, NULL}, *vm_many[] = {vmlab, "run", "--json", many_prog, NULL};
	double t_few, t_many;
	uint64_t m_few, m_many;
	if (!measure(vm_few, vm_many, &t_few, &t_many, &m_few, &m_many) || m_many <= m_few) {
		fprintf(stderr, "bench_run: vmlab run of the chase failed\n");
		return 1;
	}
	double ns = (t_many - t_few) * 1e9 / (double)(m_many - m_few);
	printf("bench_run: a TLB miss in a running program costs %.1f ns (target <= %.0f): chase over " MANY
	       " pages %.3f s, over " FEW " pages %.3f s of CPU, %llu more misses (medians of %d)\n",
	       ns, TARGET_NS, t_many, t_few, (unsigned long long)(m_many - m_few), ROUNDS);
	char *q_few[] = {"qemu-riscv64", chase, FEW, STEPS, NULL}, *q_many[] = {"qemu-riscv64", chase, MANY, STEPS, NULL};
	if (!measure(q_few, q_many, &t_few, &t_many, &m_few, &m_many)) {
		printf("bench_run: qemu-riscv64 reference: could not run qemu-riscv64 (make deps installs it)\n");
		return 0;
	}
	printf("bench_run: qemu-riscv64 reference: %.1f ns more per chase step over " MANY " pages than over " FEW
	       " (%.3f s and %.3f s)\n",
	       (t_many - t_few) * 1e9 / 1e7, t_many, t_few);
	return 0;
}
