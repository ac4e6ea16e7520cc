/* Benchmark: what each memory mechanism costs the same program, and whether
 * paging kept its speed when the mechanisms became plug-ins. Four copies of
 * the guest sort run under paging, partition, base-bounds and segmentation
 * (the program linked for each: BUILD/guest/sort, low/sort, low/sort,
 * seg/sort), in turn, ROUNDS times; the medians of vmlab's CPU time are
 * printed with their ratio to paging's. No target: a mechanism without a
 * TLB relocates every access on the slow path, which is what this shows.
 *
 * With VMLAB_REF set to another vmlab binary (one built from an earlier
 * commit, say), paging under it runs in the same rotation as the in-run
 * reference, and the ratio of this build's paging to it is printed (no
 * regression beyond noise: about 1.0). Unset, the benchmark says so. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/bench.h"

#define ROUNDS 7
#define COPIES 4

struct config {
	const char *name;
	const char *mech;   /* --mmu */
	const char *layout; /* where the program linked for it is, under BUILD/guest */
	const char *vmlab;  /* NULL: this build's */
	double t[ROUNDS];
};

/* Runs vmlab --mmu MECH on COPIES copies of prog (paging, the default, with
 * no --mmu: a reference built before it may not know the option); its CPU
 * seconds, or -1. */
static double run(const char *vmlab, const char *mech, const char *prog)
{
	char *argv[8 + COPIES];
	int n = 0;
	argv[n++] = (char *)vmlab;
	argv[n++] = "run";
	if (strcmp(mech, "paging")) {
		argv[n++] = "--mmu";
		argv[n++] = (char *)mech;
	}
	for (int i = 0; i < COPIES; i++)
		argv[n++] = (char *)prog;
	argv[n] = NULL;
	struct bench_cost c;
	return bench_command(argv, NULL, 0, true, 0, &c) ? c.cpu_s : -1;
}

int main(int argc, char **argv)
{
	(void)argc;
	static struct config cfg[] = {
		{"paging", "paging", "", NULL, {0}},
		{"partition", "partition", "low/", NULL, {0}},
		{"base-bounds", "base-bounds", "low/", NULL, {0}},
		{"segmentation", "segmentation", "seg/", NULL, {0}},
		{"paging, VMLAB_REF", "paging", "", NULL, {0}},
	};
	char vmlab[PATH_MAX + 16], prog[4][PATH_MAX + 32], name[64];
	bench_build_path(argv[0], "vmlab", vmlab, sizeof vmlab);
	const char *ref = getenv("VMLAB_REF");
	int nconf = ref && *ref ? 5 : 4;
	cfg[4].vmlab = ref;
	for (int c = 0; c < nconf; c++) {
		snprintf(name, sizeof name, "guest/%ssort", cfg[c].layout);
		bench_build_path(argv[0], name, prog[c < 4 ? c : 0], sizeof prog[0]);
	}
	for (int r = 0; r < ROUNDS; r++)
		for (int c = 0; c < nconf; c++)
			if ((cfg[c].t[r] = run(cfg[c].vmlab ? cfg[c].vmlab : vmlab, cfg[c].mech, prog[c < 4 ? c : 0])) < 0) {
				fprintf(stderr, "bench_mechs: %s --mmu %s %s failed\n", cfg[c].vmlab ? cfg[c].vmlab : vmlab,
					cfg[c].mech, prog[c < 4 ? c : 0]);
				return 1;
			}
	double paging = bench_median(cfg[0].t, ROUNDS);
	printf("bench_mechs: %d copies of sort, medians of %d rounds, CPU seconds\n", COPIES, ROUNDS);
	for (int c = 1; c < 4; c++)
		printf("  %-13s %.3f s, %.2f x paging's %.3f s\n", cfg[c].name, bench_median(cfg[c].t, ROUNDS),
		       bench_median(cfg[c].t, ROUNDS) / paging, paging);
	if (nconf == 5)
		printf("  paging against VMLAB_REF (%s): %.3f s vs %.3f s, ratio %.3f\n", ref, paging,
		       bench_median(cfg[4].t, ROUNDS), paging / bench_median(cfg[4].t, ROUNDS));
	else
		printf("  VMLAB_REF is unset: set it to another vmlab binary to compare paging's speed with it\n");
	return 0;
}
