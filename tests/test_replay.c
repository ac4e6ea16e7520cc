/* Trace replay: memory does not grow with the trace's length (also for opt),
 * pages spanned by one access are each translated, opt learns the future and
 * faults as a naive opt does, reports bad lines as before and an unusable
 * temporary directory clearly, processes are created per pid; a replay that
 * reads ahead for thousands of processes counts as one that does not, and
 * reports a bad line only after replaying every record before it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/harness.h"
#include "tests/support_trace.h"
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

/* Peak resident memory of a child that replays a trace of n references with
 * the policy and frames given. */
static long peak_kib_replaying(uint64_t n, const char *policy, uint64_t frames)
{
	char path[] = "/tmp/vmlab-replay-XXXXXX";
	int fd = mkstemp(path);
	close(fd);
	write_trace(path, n);
	pid_t pid = fork();
	if (pid == 0) {
		char err[300];
		struct trace_reader *r = trace_open(path, NULL, err, sizeof err);
		struct kernel *k = kernel_with(policy, frames);
		struct replay_opts o = {.name = path};
		struct replay_stats st;
		_exit(r ? replay_run(k, r, &o, &st, err, sizeof err) : 1);
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
	long small = peak_kib_replaying(100000, "clock", 64), large = peak_kib_replaying(2000000, "clock", 64);
	if (large - small > 1024)
		FAIL("peak memory grew from %ld KiB to %ld KiB for a 20 times longer trace", small, large);
}

/* (with every page resident: the point is the future, not swap traffic) */
TEST(opt_memory_does_not_grow_with_the_length_of_the_trace)
{
	long small = peak_kib_replaying(100000, "opt", 1024), large = peak_kib_replaying(2000000, "opt", 1024);
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
	CHECK(kernel_proc(k, 1)->as.pt.root != kernel_proc(k, 2)->as.pt.root);
	kernel_check(k);
	kernel_free(k);
}

/* Faults of a naive OPT with nframes frames over the page accesses of t: a
 * miss evicts the resident page whose next use, as known at its last access,
 * comes last. Records beyond the VA space make no access but their pages'
 * uses count (as the pages their VPNs name, cut to the VA bits). */
static uint64_t naive_opt_faults(const struct rtrace *t, uint64_t nframes)
{
	uint64_t *next = xmalloc((t->nuses + 1) * sizeof *next), *stamp = xmalloc(nframes * sizeof *stamp);
	struct rtrace_use *resident = xmalloc(nframes * sizeof *resident);
	uint64_t n = 0, faults = 0;
	rtrace_next_uses(t, next);
	for (uint64_t i = 0; i < t->nuses; i++) {
		const struct rtrace_use *u = &t->uses[i];
		if (!u->in_va)
			continue;
		uint64_t k = 0;
		while (k < n && (resident[k].pid != u->pid || resident[k].vpn != u->vpn))
			k++;
		if (k == n) {
			faults++;
			if (n < nframes)
				n++;
			else
				for (uint64_t j = k = 0; j < n; j++)
					k = stamp[j] > stamp[k] ? j : k;
			resident[k] = *u;
		}
		stamp[k] = next[i];
	}
	free(next);
	free(stamp);
	free(resident);
	return faults;
}

static struct kernel *opt_kernel(uint64_t frames)
{
	struct kernel_config cfg;
	char err[200];
	kernel_config_defaults(&cfg);
	cfg.user_frames = frames;
	cfg.swap_slots = 1024; /* more than the pages of a random trace: nobody runs out */
	cfg.policy = policy_find("opt");
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	if (!k)
		FAIL("%s", err);
	return k;
}

TEST(opt_faults_as_a_naive_opt_on_random_multi_page_multi_process_traces)
{
	char path[] = "/tmp/vmlab-replay-XXXXXX", err[300];
	close(mkstemp(path));
	for (uint64_t seed = 1; seed <= 8; seed++) {
		for (int binary = 0; binary < 2; binary++) {
			uint64_t frames = seed % 2 ? 5 : 13;
			struct kernel *k = opt_kernel(frames);
			struct rtrace t;
			rtrace_new(&t, path, binary, seed, 3000, &k->fmt);
			struct trace_reader *r = rtrace_open(path);
			struct replay_opts o = {.name = path, .skip_bad = true};
			struct replay_stats st;
			int q = quiet_begin();
			int status = replay_run(k, r, &o, &st, err, sizeof err);
			quiet_end(q);
			if (status)
				FAIL("seed %" PRIu64 " %s: %s", seed, binary ? "binary" : "text", err);
			uint64_t want = naive_opt_faults(&t, frames), got = k->c.minor_faults + k->c.major_faults;
			if (got != want)
				FAIL("seed %" PRIu64 " %s, %" PRIu64 " frames: %" PRIu64 " faults, a naive opt has %" PRIu64,
				     seed, binary ? "binary" : "text", frames, got, want);
			uint64_t in_va = 0;
			for (uint64_t i = 0; i < t.nuses; i++)
				in_va += t.uses[i].in_va;
			CHECK_EQ(st.refs, in_va);
			CHECK_EQ(st.bad, t.bad_va);
			CHECK_EQ(st.records, t.nrecs - t.bad_va);
			CHECK_EQ(k->nprocs, 3);
			kernel_check(k);
			trace_close(r);
			kernel_free(k);
			rtrace_free(&t);
		}
	}
	unlink(path);
}

/* Replays text (written to a file) under opt with 4 frames, with or without
 * skip_bad; what goes to stderr lands in errout (NULL: stays). */
static int replay_opt_text(const char *text, bool binary_bytes, size_t len, bool skip_bad, struct replay_stats *st,
			   uint64_t *faults, char *err, size_t errlen, char *errout, size_t errout_len, char *path)
{
	strcpy(path, "/tmp/vmlab-replay-XXXXXX");
	int fd = mkstemp(path);
	CHECK(write(fd, text, binary_bytes ? len : strlen(text)) >= 0);
	close(fd);
	struct trace_reader_opts ro = TRACE_READER_OPTS_INIT;
	ro.skip_bad = skip_bad;
	struct trace_reader *r = trace_open(path, &ro, err, errlen);
	if (!r)
		FAIL("%s", err);
	struct kernel *k = opt_kernel(4);
	struct replay_opts o = {.name = path, .skip_bad = skip_bad};
	char errpath[] = "/tmp/vmlab-replay-err-XXXXXX";
	int efd = mkstemp(errpath), saved = dup(2);
	fflush(stderr);
	dup2(efd, 2);
	int status = replay_run(k, r, &o, st, err, errlen);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	ssize_t got = pread(efd, errout, errout_len - 1, 0);
	errout[got > 0 ? got : 0] = 0;
	close(efd);
	unlink(errpath);
	*faults = k->c.minor_faults + k->c.major_faults;
	trace_close(r);
	kernel_free(k);
	unlink(path);
	return status;
}

TEST(opt_reports_a_bad_line_before_replaying_anything)
{
	char path[32], err[300], errout[1000], want[300];
	struct replay_stats st;
	uint64_t faults;
	CHECK_EQ(replay_opt_text("R 0x1000\nW 0x2000\nhello\nR 0x3000\n", false, 0, false, &st, &faults, err, sizeof err,
				 errout, sizeof errout, path), 1);
	snprintf(want, sizeof want, "%s:3: expected [pid] R|W|X address [size]: 'hello'", path);
	CHECK_STR(err, want);
	CHECK_EQ(st.records, 0);
	CHECK_EQ(faults, 0);
}

TEST(opt_stops_at_an_address_beyond_the_va_space_naming_its_line)
{
	char path[32], err[300], errout[1000], want[300];
	struct replay_stats st;
	uint64_t faults;
	CHECK_EQ(replay_opt_text("# two before\nR 0x1000\n\nW 0x2000\nR 0x8000000000 8\nR 0x3000\n", false, 0, false, &st,
				 &faults, err, sizeof err, errout, sizeof errout, path), 1);
	snprintf(want, sizeof want,
		 "%s:5: address 0x8000000000 (size 8) is beyond the 39-bit virtual address space of sv39", path);
	CHECK_STR(err, want);
	CHECK_EQ(st.records, 2);
	CHECK_EQ(faults, 2);
}

TEST(opt_with_skip_bad_names_the_lines_of_a_text_trace_and_the_records_of_a_binary_one)
{
	char path[32], err[300], errout[1000], want[1000];
	struct replay_stats st;
	uint64_t faults;
	CHECK_EQ(replay_opt_text("R 0x1000\nhello\n# x\nW 0x8000000000 8\nR 0x2000\n", false, 0, true, &st, &faults, err,
				 sizeof err, errout, sizeof errout, path), 0);
	snprintf(want, sizeof want,
		 "vmlab: %s:2: expected [pid] R|W|X address [size]: 'hello'\n"
		 "vmlab: %s:4: address 0x8000000000 (size 8) is beyond the 39-bit virtual address space of sv39\n",
		 path, path);
	CHECK_STR(errout, want);
	CHECK_EQ(st.records, 2);
	CHECK_EQ(st.bad, 1);
	static const unsigned char bin[] = "VMLABTR1\1\0\0\0\20\0\0\0"
					   "\0\20\0\0\0\0\0\0" "\1\0\0\0" "\10\0" "\0\0"  /* R 0x1000 */
					   "\0\20\0\0\0\0\0\0" "\1\0\0\0" "\10\0" "\0\2"  /* undefined flag 2 */
					   "\0\0\0\0\200\0\0\0" "\1\0\0\0" "\10\0" "\1\0" /* W 0x8000000000 */
					   "\0\40\0\0\0\0\0\0" "\1\0\0\0" "\10\0" "\0\0"; /* R 0x2000 */
	CHECK_EQ(replay_opt_text((const char *)bin, true, sizeof bin - 1, true, &st, &faults, err, sizeof err, errout,
				 sizeof errout, path), 0);
	snprintf(want, sizeof want,
		 "vmlab: %s: record 2: flags byte is 2 (only bit 0 is defined)\n"
		 "vmlab: %s:3: address 0x8000000000 (size 8) is beyond the 39-bit virtual address space of sv39\n",
		 path, path);
	CHECK_STR(errout, want);
	CHECK_EQ(st.records, 2);
	CHECK_EQ(st.bad, 1);
	CHECK_EQ(faults, 2);
}

TEST(opt_with_an_unusable_tmpdir_fails_with_a_clear_message)
{
	char path[] = "/tmp/vmlab-replay-XXXXXX", err[300];
	int fd = mkstemp(path);
	dprintf(fd, "R 0x1000\n");
	close(fd);
	struct trace_reader *r = trace_open(path, NULL, err, sizeof err);
	struct kernel *k = opt_kernel(4);
	struct replay_opts o = {.name = path, .tmpdir = "/nonexistent-vmlab-dir"};
	struct replay_stats st;
	CHECK_EQ(replay_run(k, r, &o, &st, err, sizeof err), 1);
	CHECK_STR(err, "opt: cannot create a temporary file in /nonexistent-vmlab-dir: No such file or directory");
	CHECK_EQ(st.records, 0);
	trace_close(r);
	kernel_free(k);
	unlink(path);
}

/* Found by the replay fuzz target: a region writable but not readable made
 * the fault handler panic (RISC-V has no write-only PTE, so the kernel could
 * not map the page). replay_run now refuses such a region, like one that is
 * not page-aligned or lies beyond the VA space, before replaying anything;
 * a good region still works. */
TEST(regions_the_kernel_cannot_map_are_refused_before_replaying)
{
	static const struct region bad[] = {
		{.start = 0x1000, .end = 0x2000, .prot = PTE_W, .kind = REGION_ANON},
		{.start = 0x1000, .end = 0x2000, .prot = PTE_W | PTE_X, .kind = REGION_STACK},
		{.start = 0x1000, .end = 0x2000, .prot = PTE_R | PTE_U, .kind = REGION_ANON},
		{.start = 0x1001, .end = 0x2000, .prot = PTE_R, .kind = REGION_ANON},
		{.start = 0x1000, .end = 0x1800, .prot = PTE_R, .kind = REGION_ANON},
		{.start = 0x2000, .end = 0x2000, .prot = PTE_R, .kind = REGION_ANON},
		{.start = 0x1000, .end = 1ull << 39, .prot = PTE_R, .kind = REGION_ANON},
		{.start = 0x3ffffff000, .end = 0xffffffc000001000, .prot = PTE_R, .kind = REGION_ANON},
	};
	static const struct region good = {.start = 0x1000, .end = 0x2000, .prot = PTE_R | PTE_W, .kind = REGION_ANON};
	static const int every_pid = -1;
	char path[] = "/tmp/vmlab-replay-XXXXXX", err[300];
	int fd = mkstemp(path);
	dprintf(fd, "W 0x1000\n");
	close(fd);
	for (size_t i = 0; i <= ARRAY_LEN(bad); i++) {
		struct trace_reader *r = trace_open(path, NULL, err, sizeof err);
		struct kernel *k = kernel_with("clock", 4);
		const struct region *reg = i < ARRAY_LEN(bad) ? &bad[i] : &good;
		struct replay_opts o = {.name = path, .regions = reg, .region_pids = &every_pid, .nregions = 1};
		struct replay_stats st;
		err[0] = '\0';
		int status = replay_run(k, r, &o, &st, err, sizeof err);
		if (i < ARRAY_LEN(bad)) {
			if (status != 1 || !strstr(err, "region 0x"))
				FAIL("bad region %zu: status %d, '%s'", i, status, err);
			CHECK_EQ(st.records, 0);
		} else {
			CHECK_EQ(status, 0);
			CHECK_EQ(k->c.minor_faults, 1);
		}
		kernel_check(k);
		trace_close(r);
		kernel_free(k);
	}
	unlink(path);
}

/* Writes n records of nprocs processes picked at random (2 pages each, some
 * records across both), then, with bad_last, a bad line. */
static void write_many_procs_trace(const char *path, unsigned nprocs, unsigned n, bool bad_last)
{
	FILE *f = fopen(path, "w");
	uint64_t x = 12345;
	for (unsigned i = 0; i < n; i++) {
		x = x * 6364136223846793005ull + 1442695040888963407ull;
		unsigned pid = 1 + (unsigned)((x >> 33) % nprocs), size = (x >> 20) % 7 == 0 ? 16 : 8;
		uint64_t va = 0x10000000 + ((x >> 40) & 1) * 4096 + (size == 16 ? 4088 : (x >> 12) & 0xff8);
		fprintf(f, "%u %c 0x%llx %u\n", pid, (x >> 50) % 3 ? 'R' : 'W', (unsigned long long)va, size);
	}
	if (bad_last)
		fprintf(f, "1 R nonsense\n");
	fclose(f);
}

static int replay_with(const char *path, bool one_at_a_time, struct replay_stats *st, struct kernel **k, char *err,
		       size_t errlen)
{
	struct trace_reader *r = trace_open(path, NULL, err, errlen);
	if (!r)
		FAIL("%s", err);
	*k = kernel_with("clock", 2048);
	struct replay_opts o = {.name = path, .skip_bad = one_at_a_time}; /* no address is bad: only the pace changes */
	int status = replay_run(*k, r, &o, st, err, errlen);
	trace_close(r);
	return status;
}

/* More processes than make the replay read ahead (their hot data, about 256
 * bytes each, outgrows the host's level-2 cache). */
static unsigned many_procs(void)
{
	long l2 = sysconf(_SC_LEVEL2_CACHE_SIZE);
	return (unsigned)(l2 > 0 ? l2 : 1 << 20) / 256 + 2000;
}

TEST(reading_ahead_for_thousands_of_processes_changes_no_count)
{
	char path[] = "/tmp/vmlab-replay-XXXXXX";
	close(mkstemp(path));
	unsigned nprocs = many_procs();
	write_many_procs_trace(path, nprocs, 10 * nprocs, false);
	struct replay_stats st[2];
	struct kernel *k[2];
	char err[300];
	for (int i = 0; i < 2; i++)
		CHECK_EQ(replay_with(path, i == 1, &st[i], &k[i], err, sizeof err), 0);
	unlink(path);
	CHECK_EQ(k[0]->nprocs, nprocs);
	CHECK(k[0]->c.evictions > 1000);
	CHECK(memcmp(&st[0], &st[1], sizeof st[0]) == 0);
	CHECK(memcmp(&k[0]->c, &k[1]->c, sizeof k[0]->c) == 0);
	CHECK_EQ(k[0]->mmu->c.walk_refs, k[1]->mmu->c.walk_refs);
	for (int i = 0; i < 2; i++) {
		kernel_check(k[i]);
		kernel_free(k[i]);
	}
}

TEST(reading_ahead_reports_a_bad_line_after_replaying_every_record_before_it)
{
	char path[] = "/tmp/vmlab-replay-XXXXXX";
	close(mkstemp(path));
	write_many_procs_trace(path, many_procs(), 20000, true);
	struct replay_stats st;
	struct kernel *k;
	char err[300];
	CHECK_EQ(replay_with(path, false, &st, &k, err, sizeof err), 1);
	unlink(path);
	CHECK_EQ(st.records, 20000);
	CHECK(strstr(err, ":20001:") != NULL);
	kernel_free(k);
}
