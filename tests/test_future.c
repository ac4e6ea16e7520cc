/* OPT's future: the records and next uses handed back for a trace copied to a
 * temporary file (plain text, binary from a pipe) or read in place (a binary
 * file) are those of the trace and of a plain scan, across block boundaries;
 * temporary files have no name while in use and are gone after; an unusable
 * TMPDIR, a full disk, too many processes and an input that changes while
 * being read are clear errors, never a crash. */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/harness.h"
#include "tests/support_trace.h"
#include "trace/future.h"

static struct pt_format format(const char *preset, unsigned page_shift, unsigned va_bits)
{
	struct pt_format f;
	char err[200];
	if (ptfmt_preset(&f, preset, page_shift, va_bits, err, sizeof err) != PTFMT_OK)
		FAIL("%s", err);
	return f;
}

/* A new empty directory, its name in dir (at least 32 bytes). */
static void make_dir(char *dir)
{
	strcpy(dir, "/tmp/vmlab-future-XXXXXX");
	if (!mkdtemp(dir))
		FAIL("cannot create a directory in /tmp");
}

/* Names in dir, . and .. aside. */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	if (d)
		closedir(d);
	return n;
}

/* Open descriptors of this process on files of dir that have no name left. */
static int unlinked_fds_in(const char *dir)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;
	size_t len = strlen(dir);
	for (struct dirent *e; d && (e = readdir(d));) {
		char link[300], target[512];
		snprintf(link, sizeof link, "/proc/self/fd/%s", e->d_name);
		ssize_t got = readlink(link, target, sizeof target - 1);
		if (got <= 0)
			continue;
		target[got] = 0;
		n += !strncmp(target, dir, len) && target[len] == '/' && strstr(target, " (deleted)");
	}
	if (d)
		closedir(d);
	return n;
}

/* A trace file's name in path (at least 40 bytes), in its own directory. */
static void trace_path(char *path, const char *dir, const char *name)
{
	snprintf(path, 64, "%s/%s", dir, name);
}

static struct future *learn(const char *path, const struct pt_format *f, const char *tmpdir, char *err, size_t errlen,
			    struct trace_reader **r)
{
	*r = rtrace_open(path);
	int q = quiet_begin();
	struct future *fu = future_new(*r, &(struct future_opts){.fmt = f, .tmpdir = tmpdir, .name = path}, err, errlen);
	quiet_end(q);
	return fu;
}

/* Learns the future of the trace at path ("-": standard input) and checks
 * every record and next use against t. */
static void check_future(const struct rtrace *t, const char *path, const struct pt_format *f, const char *what,
			 uint64_t seed)
{
	uint64_t *want = xmalloc((t->nuses + 1) * sizeof *want), *nu;
	rtrace_next_uses(t, want);
	char err[300];
	struct trace_reader *r;
	struct future *fu = learn(path, f, NULL, err, sizeof err, &r);
	if (!fu)
		FAIL("%s seed %" PRIu64 ": %s", what, seed, err);
	struct trace_ref ref;
	for (uint64_t i = 0; i < t->nrecs; i++) {
		const struct trace_ref *w = &t->recs[i];
		if (future_next(fu, &ref, &nu, err, sizeof err) != 1)
			FAIL("%s seed %" PRIu64 ": record %" PRIu64 " missing: %s", what, seed, i, err);
		if (ref.pid != w->pid || ref.acc != w->acc || ref.va != w->va || ref.size != w->size || ref.line != w->line)
			FAIL("%s seed %" PRIu64 ": record %" PRIu64 " is %u %d 0x%" PRIx64 " %u line %" PRIu64
			     ", not %u %d 0x%" PRIx64 " %u line %" PRIu64,
			     what, seed, i, ref.pid, ref.acc, ref.va, ref.size, ref.line, w->pid, w->acc, w->va, w->size,
			     w->line);
		for (uint64_t u = t->first_use[i]; u < t->first_use[i + 1]; u++)
			if (nu[u - t->first_use[i]] != want[u])
				FAIL("%s seed %" PRIu64 ": access %" PRIu64 " (record %" PRIu64 ") next used at %" PRIu64
				     ", not %" PRIu64, what, seed, u, i, nu[u - t->first_use[i]], want[u]);
	}
	CHECK_EQ(future_next(fu, &ref, &nu, err, sizeof err), 0);
	future_free(fu);
	trace_close(r);
	free(want);
}

/* Writes a random trace and checks its future, read from the file or, with
 * pipe, from standard input fed by a child. */
static void check_random(const struct pt_format *f, bool binary, bool pipe_in, uint64_t seed, uint64_t n)
{
	char dir[32], path[64], what[64];
	make_dir(dir);
	trace_path(path, dir, binary ? "t.bin" : "t.txt");
	struct rtrace t;
	rtrace_new(&t, path, binary, seed, n, f);
	snprintf(what, sizeof what, "%s %s%s", f->name, binary ? "binary" : "text", pipe_in ? " from a pipe" : "");
	if (pipe_in) {
		int fds[2];
		CHECK(pipe(fds) == 0);
		pid_t pid = fork();
		if (pid == 0) {
			close(fds[0]);
			dup2(fds[1], 1);
			execlp("cat", "cat", path, (char *)NULL);
			_exit(127);
		}
		close(fds[1]);
		dup2(fds[0], 0);
		close(fds[0]);
		check_future(&t, "-", f, what, seed);
		waitpid(pid, NULL, 0);
	} else {
		check_future(&t, path, f, what, seed);
	}
	unlink(path);
	rmdir(dir);
	rtrace_free(&t);
}

TEST(next_uses_of_text_and_binary_traces_are_those_of_a_plain_scan)
{
	struct pt_format sv39 = format("sv39", 0, 0), small = format("linear", 8, 32);
	for (uint64_t seed = 1; seed <= 6; seed++) {
		check_random(&sv39, false, false, seed, 3000);
		check_random(&sv39, true, false, seed, 3000);
		check_random(&small, false, false, seed, 3000);
		check_random(&small, true, false, seed, 3000);
	}
}

TEST(a_binary_trace_from_a_pipe_is_copied_with_its_record_numbers)
{
	struct pt_format sv39 = format("sv39", 0, 0);
	check_random(&sv39, true, true, 7, 5000);
}

TEST(next_uses_cross_the_blocks_of_records_and_of_next_uses)
{
	struct pt_format sv39 = format("sv39", 0, 0), small = format("linear", 8, 32);
	check_random(&sv39, true, false, 11, 300000);
	check_random(&sv39, false, false, 12, 300000);
	check_random(&small, false, false, 13, 100000);
}

/* Counts the unlinked temporary files of the future of a trace while it is
 * in use, and checks that none is left, with or without a name, after. */
static int temporaries_in_use(bool binary)
{
	char dir[32], tmpdir[32], path[64], err[300];
	make_dir(dir);
	make_dir(tmpdir);
	trace_path(path, dir, "t");
	struct pt_format sv39 = format("sv39", 0, 0);
	struct rtrace t;
	rtrace_new(&t, path, binary, 3, 1000, &sv39);
	struct trace_reader *r;
	struct future *fu = learn(path, &sv39, tmpdir, err, sizeof err, &r);
	if (!fu)
		FAIL("%s", err);
	CHECK_EQ(entries(tmpdir), 0);
	int n = unlinked_fds_in(tmpdir);
	future_free(fu);
	CHECK_EQ(unlinked_fds_in(tmpdir), 0);
	CHECK_EQ(entries(tmpdir), 0);
	trace_close(r);
	rtrace_free(&t);
	unlink(path);
	rmdir(dir);
	rmdir(tmpdir);
	return n;
}

TEST(temporary_files_go_in_tmpdir_without_a_name_and_a_binary_file_is_not_copied)
{
	CHECK_EQ(temporaries_in_use(false), 3); /* the copy, its lines, the next uses */
	CHECK_EQ(temporaries_in_use(true), 1);  /* the next uses */
}

/* The error of learning the future of a small text trace with tmpdir. */
static void future_error(const char *tmpdir, bool binary, uint64_t n, char *err, size_t errlen)
{
	char dir[32], path[64];
	make_dir(dir);
	trace_path(path, dir, "t");
	struct pt_format sv39 = format("sv39", 0, 0);
	struct rtrace t;
	rtrace_new(&t, path, binary, 5, n, &sv39);
	struct trace_reader *r;
	struct future *fu = learn(path, &sv39, tmpdir, err, errlen, &r);
	CHECK(fu == NULL);
	trace_close(r);
	rtrace_free(&t);
	unlink(path);
	rmdir(dir);
}

TEST(an_unusable_tmpdir_is_a_clear_error)
{
	char err[300], dir[32], file[64];
	future_error("/nonexistent-vmlab-dir", false, 10, err, sizeof err);
	CHECK_STR(err, "opt: cannot create a temporary file in /nonexistent-vmlab-dir: No such file or directory");
	make_dir(dir);
	trace_path(file, dir, "plain-file");
	fclose(fopen(file, "w"));
	future_error(file, true, 10, err, sizeof err);
	char want[200];
	snprintf(want, sizeof want, "opt: cannot create a temporary file in %s: Not a directory", file);
	CHECK_STR(err, want);
	unlink(file);
	rmdir(dir);
	setenv("TMPDIR", "/nonexistent-vmlab-env", 1);
	future_error(NULL, false, 10, err, sizeof err);
	CHECK_STR(err, "opt: cannot create a temporary file in /nonexistent-vmlab-env: No such file or directory");
}

/* The error of learning the future of an n-record trace when files may grow
 * to limit bytes (a full disk, as far as the writes can tell). */
static void full_disk_error(bool binary, uint64_t n, rlim_t limit, char *err, size_t errlen, char *tmpdir)
{
	char dir[32], path[64];
	make_dir(dir);
	make_dir(tmpdir);
	trace_path(path, dir, "t");
	struct pt_format sv39 = format("sv39", 0, 0);
	struct rtrace t;
	rtrace_new(&t, path, binary, 9, n, &sv39);
	signal(SIGXFSZ, SIG_IGN);
	struct rlimit old, rl = {.rlim_cur = limit, .rlim_max = RLIM_INFINITY};
	getrlimit(RLIMIT_FSIZE, &old);
	rl.rlim_max = old.rlim_max;
	CHECK(setrlimit(RLIMIT_FSIZE, &rl) == 0);
	struct trace_reader *r;
	struct future *fu = learn(path, &sv39, tmpdir, err, errlen, &r);
	CHECK(setrlimit(RLIMIT_FSIZE, &old) == 0);
	CHECK(fu == NULL);
	CHECK_EQ(entries(tmpdir), 0);
	trace_close(r);
	rtrace_free(&t);
	unlink(path);
	rmdir(dir);
	rmdir(tmpdir);
}

TEST(a_full_disk_is_a_clear_error)
{
	char err[600], tmpdir[32], want[200];
	/* 20000 records: next uses 160000 bytes; the copy 320016, its lines 160000 */
	full_disk_error(true, 20000, 64 << 10, err, sizeof err, tmpdir);
	snprintf(want, sizeof want, "opt: cannot write a temporary file in %s: File too large", tmpdir);
	CHECK_STR(err, want);
	full_disk_error(false, 20000, 64 << 10, err, sizeof err, tmpdir);
	snprintf(want, sizeof want, "opt: cannot write a temporary file in %s: File too large", tmpdir);
	CHECK_STR(err, want);
	full_disk_error(false, 20000, 256 << 10, err, sizeof err, tmpdir);
	snprintf(want, sizeof want, "opt: cannot write the temporary copy of the trace: %s/vmlab-opt-", tmpdir);
	if (strncmp(err, want, strlen(want)) || !strstr(err, ": write error: File too large"))
		FAIL("unexpected message: %s", err);
}

/* Writes a plain trace of one read by each of npids processes. */
static void write_pids(const char *path, unsigned npids)
{
	FILE *out = fopen(path, "w");
	for (unsigned pid = 1; pid <= npids; pid++)
		fprintf(out, "%u R 0x1000\n", pid);
	fclose(out);
}

TEST(more_processes_than_the_key_can_number_are_an_error)
{
	static const unsigned bits[] = {13, 13, 13, 13};
	struct pt_format f;
	char dir[32], path[64], err[300];
	CHECK(ptfmt_custom(&f, 12, 64, 4, bits, 8, err, sizeof err) == PTFMT_OK); /* 12 bits above the VPN */
	make_dir(dir);
	trace_path(path, dir, "t");
	write_pids(path, 4096);
	struct trace_reader *r;
	struct future *fu = learn(path, &f, NULL, err, sizeof err, &r);
	CHECK(fu != NULL);
	struct trace_ref ref;
	uint64_t *nu, n = 0;
	for (; future_next(fu, &ref, &nu, err, sizeof err) == 1; n++)
		CHECK_EQ(nu[0], FUTURE_NEVER);
	CHECK_EQ(n, 4096);
	future_free(fu);
	trace_close(r);
	write_pids(path, 4097);
	CHECK(learn(path, &f, NULL, err, sizeof err, &r) == NULL);
	CHECK_STR(err, "opt cannot tell apart more than 4096 processes with custom addresses");
	trace_close(r);
	unlink(path);
	rmdir(dir);
}

/* Learns the future of a binary file of n one-page records, lets change()
 * alter the file, and returns the error of reading the records back. */
static void changed_error(void (*change)(const char *path, uint64_t n), uint64_t n, char *path, char *err,
			  size_t errlen)
{
	char dir[32];
	make_dir(dir);
	trace_path(path, dir, "t.bin");
	struct trace_writer *w = trace_writer_open(path, err, errlen);
	for (uint64_t i = 0; i < n; i++)
		CHECK(trace_write(w, &(struct trace_ref){.pid = 1, .va = 0x1000 + i % 64 * 4096, .size = 8}));
	CHECK(trace_writer_close(w, err, errlen));
	struct pt_format sv39 = format("sv39", 0, 0);
	struct trace_reader *r;
	struct future *fu = learn(path, &sv39, NULL, err, errlen, &r);
	if (!fu)
		FAIL("%s", err);
	change(path, n);
	struct trace_ref ref;
	uint64_t *nu;
	int got;
	while ((got = future_next(fu, &ref, &nu, err, errlen)) == 1)
		;
	CHECK_EQ(got, -1);
	future_free(fu);
	trace_close(r);
	unlink(path);
	rmdir(dir);
}

static void shrink(const char *path, uint64_t n)
{
	(void)n;
	CHECK(truncate(path, TRACE_BIN_HEADER_BYTES + 1000 * TRACE_BIN_RECORD_BYTES) == 0);
}

/* Rewrites every record to span two pages. */
static void widen(const char *path, uint64_t n)
{
	char err[300];
	struct trace_writer *w = trace_writer_open(path, err, sizeof err);
	for (uint64_t i = 0; i < n; i++)
		CHECK(trace_write(w, &(struct trace_ref){.pid = 1, .va = 0x1ff8, .size = 16}));
	CHECK(trace_writer_close(w, err, sizeof err));
}

TEST(a_binary_file_that_changes_while_read_is_an_error_not_a_crash)
{
	char path[64], err[300], want[120];
	changed_error(shrink, 100000, path, err, sizeof err);
	snprintf(want, sizeof want, "%s: changed while being read", path);
	CHECK_STR(err, want);
	changed_error(widen, 100000, path, err, sizeof err);
	snprintf(want, sizeof want, "%s: changed while being read", path);
	CHECK_STR(err, want);
}
