/* What the benchmarks share: their clocks, medians and the running of a
 * command (header only: each benchmark is a program of its own). */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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

/* What a command run by bench_command cost. */
struct bench_cost {
	double wall_s, cpu_s; /* its CPU: user and system time */
	double maxrss_kib;    /* its peak resident set */
	int status;           /* as wait gives it */
};

/* Reads fd to its end into out (NUL-terminated, the rest read and dropped,
 * so the writer never blocks on a full pipe). */
static inline void bench_read_all(int fd, char *out, size_t outlen)
{
	size_t len = 0;
	ssize_t n;
	char sink[4096];
	while ((n = read(fd, len + 1 < outlen ? out + len : sink, len + 1 < outlen ? outlen - 1 - len : sizeof sink)) > 0 ||
	       (n < 0 && errno == EINTR))
		if (n > 0 && len + 1 < outlen)
			len += (size_t)n;
	out[len] = 0;
}

/* Runs argv (argv[0] looked up on PATH unless it has a slash) with its
 * standard output in out (outlen > 0), or to /dev/null when out is NULL,
 * and its standard error to /dev/null when quiet; fills *cost. Returns true
 * when it exited with status want. */
static inline bool bench_command(char *const argv[], char *out, size_t outlen, bool quiet, int want,
				 struct bench_cost *cost)
{
	int fds[2];
	*cost = (struct bench_cost){.status = -1};
	if (out && pipe(fds) != 0)
		return false;
	double t0 = bench_wall_s();
	pid_t pid = fork();
	if (pid == 0) {
		if (out) {
			dup2(fds[1], 1);
			close(fds[0]);
			close(fds[1]);
		} else if (!freopen("/dev/null", "w", stdout)) {
			_exit(127);
		}
		if (quiet && !freopen("/dev/null", "w", stderr))
			_exit(127);
		execvp(argv[0], argv);
		fprintf(stderr, "cannot run %s\n", argv[0]);
		_exit(127);
	}
	if (out) {
		close(fds[1]);
		if (pid > 0)
			bench_read_all(fds[0], out, outlen);
		close(fds[0]);
	}
	if (pid < 0)
		return false;
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR)
			return false;
	cost->wall_s = bench_wall_s() - t0;
	cost->cpu_s = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1e-6;
	cost->maxrss_kib = (double)ru.ru_maxrss;
	cost->status = status;
	return WIFEXITED(status) && WEXITSTATUS(status) == want;
}

/* Writes into buf the path of name in this benchmark's build directory
 * (BUILD for argv0 BUILD/bench/NAME): "vmlab", "guest/bench/chase", ... */
static inline void bench_build_path(const char *argv0, const char *name, char *buf, size_t len)
{
	char self[PATH_MAX];
	snprintf(self, sizeof self, "%s", argv0);
	snprintf(buf, len, "%s/%s", dirname(dirname(self)), name);
}

#endif
