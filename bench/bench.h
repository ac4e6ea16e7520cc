/* What the benchmarks share: their clocks and medians (header only: each
 * benchmark is a program of its own). */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

#include <stdlib.h>
#include <time.h>

static inline double bench_clock(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Wall-clock seconds. */
static inline double bench_wall_s(void) { return bench_clock(CLOCK_MONOTONIC); }

/* CPU seconds (user and system) of this process: on a shared machine they
 * measure the program, not the waits for a core. */
static inline double bench_cpu_s(void) { return bench_clock(CLOCK_PROCESS_CPUTIME_ID); }

static inline int bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The median of v[0..n-1] (n > 0), which it sorts. */
static inline double bench_median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, bench_cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

#endif
