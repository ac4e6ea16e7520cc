/* Trace replay: memory does not grow with the trace's length, pages spanned by
 * one access are each translated, opt learns the future, processes are
 * created per pid. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/harness.h"
#include "trace/replay.h"

static struct kernel *kernel_with(const char *policy, uint64_t frames)
{
	struct kernel_config cfg;
	char err[200];
	kernel_config_defaults(&cfg);
	cfg.user_frames = frames;
	cfg.swap_slots = 4 * frames;
	cfg.policy = policy_find(policy);
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	if (!k)
		FAIL("%s", err);
	return k;
}

/* Writes a plain trace of n references over 256 pages of two processes. */
static void write_trace(const char *path, uint64_t n)
{
	FILE *f = fopen(path, "w");
	for (uint64_t i = 0; i < n; i++)
		fprintf(f, "%d %c 0x%llx 8\n", (int)(i % 2) + 1, i % 3 ? 'R' : 'W',
			(unsigned long long)(0x100000 + ((i * 7919) % 256) * 4096 + (i % 512) * 8));
	fclose(f);
}

static int replay_file(const char *path, const char *policy, struct replay_stats *st, struct kernel **out)
{
	char err[300];
	struct trace_reader *r = trace_open(path, NULL, err, sizeof err);
	if (!r)
		FAIL("%s", err);
	struct kernel *k = kernel_with(policy, 64);
	struct replay_opts o = {.name = path};
	int status = replay_run(k, r, &o, st, err, sizeof err);
	trace_close(r);
	if (out)
		*out = k;
	else
		kernel_free(k);
	return status;
}

/* Peak resident memory of a child that replays a trace of n references. */
static long peak_kib_replaying(uint64_t n)
{
	char path[] = "/tmp/vmlab-replay-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	write_trace(path, n);
	pid_t pid = fork();
	if (pid == 0) {
		struct replay_stats st;
		_exit(replay_file(path, "clock", &st, NULL));
	}
	int status;
	struct rusage ru;
	wait4(pid, &status, 0, &ru);
	unlink(path);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	return ru.ru_maxrss;
}

TEST(memory_does_not_grow_with_the_length_of_the_trace)
{
	long small = peak_kib_replaying(100000), large = peak_kib_replaying(2000000);
	if (large - small > 1024)
		FAIL("peak memory grew from %ld KiB to %ld KiB for a 20 times longer trace", small, large);
}

TEST(an_access_across_a_page_boundary_translates_both_pages)
{
	char path[] = "/tmp/vmlab-replay-XXXXXX";
	int fd = mkstemp(path);
	dprintf(fd, "R 0x1ffc 8\nW 0x3ff0 4096\n");
	close(fd);
	struct replay_stats st;
	struct kernel *k;
	CHECK_EQ(replay_file(path, "fifo", &st, &k), 0);
	unlink(path);
	CHECK_EQ(st.records, 2);
	CHECK_EQ(st.refs, 4);
	CHECK_EQ(k->c.minor_faults, 4);
	kernel_free(k);
}

TEST(opt_reads_the_future_and_faults_least)
{
	char path[] = "/tmp/vmlab-replay-XXXXXX";
	int fd = mkstemp(path);
	dprintf(fd, "7 0 1 2 0 3 0 4 2 3 0 3 2 1 2 0 1 7 0 1\n");
	close(fd);
	char err[300];
	struct trace_reader *r = trace_open(path, NULL, err, sizeof err);
	struct kernel *k = kernel_with("opt", 3);
	struct replay_opts o = {.name = path};
	struct replay_stats st;
	CHECK_EQ(replay_run(k, r, &o, &st, err, sizeof err), 0);
	CHECK_EQ(k->c.minor_faults + k->c.major_faults, 9);
	trace_close(r);
	kernel_free(k);
	unlink(path);
}

TEST(each_pid_gets_its_own_address_space)
{
	char path[] = "/tmp/vmlab-replay-XXXXXX";
	int fd = mkstemp(path);
	dprintf(fd, "1 W 0x1000\n2 W 0x1000\n3 R 0x1000\n1 R 0x1000\n");
	close(fd);
	struct replay_stats st;
	struct kernel *k;
	CHECK_EQ(replay_file(path, "clock", &st, &k), 0);
	unlink(path);
	CHECK_EQ(k->nprocs, 3);
	CHECK_EQ(k->c.minor_faults, 3);
	CHECK(k->procs[0]->as.pt.root != k->procs[1]->as.pt.root);
	kernel_check(k);
	kernel_free(k);
}
