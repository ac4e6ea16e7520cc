/* Trace readers and the binary writer: every format, auto-detection, every
 * error message, skip_bad, buffer boundaries, pipes, stdin and rewind. Inputs
 * are written to temp files under /tmp, removed at the end of each case. */
#include "trace/reader.h"
#include "lib/rng.h"
#include "tests/harness.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define ERRLEN 512

/* ---- helpers ---- */

static char tmp_paths[16][32];
static int ntmp;

/* Removes the temp files made so far (also run at exit, for failed cases). */
static void tmp_cleanup(void)
{
	for (int i = 0; i < ntmp; i++)
		unlink(tmp_paths[i]);
	ntmp = 0;
}

/* A new temp file holding len bytes of data; returns its path. */
static const char *tmp_bytes(const void *data, size_t len)
{
	static bool registered;
	if (!registered)
		atexit(tmp_cleanup);
	registered = true;
	CHECK(ntmp < (int)ARRAY_LEN(tmp_paths));
	char *path = tmp_paths[ntmp++];
	strcpy(path, "/tmp/vmlab-trace-XXXXXX");
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	for (size_t done = 0; done < len;) {
		ssize_t n = write(fd, (const char *)data + done, len - done);
		CHECK(n > 0);
		done += (size_t)n;
	}
	close(fd);
	return path;
}

static const char *tmp_text(const char *s) { return tmp_bytes(s, strlen(s)); }

/* Opens path as format f with the default options otherwise. */
static struct trace_reader *open_as(const char *path, enum trace_format f)
{
	struct trace_reader_opts o = TRACE_READER_OPTS_INIT;
	char err[ERRLEN] = "";
	o.format = f;
	struct trace_reader *r = trace_open(path, &o, err, sizeof err);
	if (!r)
		FAIL("trace_open(%s): %s", path, err);
	return r;
}

/* The error trace_open gives for path with options o. */
static const char *open_error(const char *path, const struct trace_reader_opts *o)
{
	static char err[ERRLEN];
	struct trace_reader *r = trace_open(path, o, err, sizeof err);
	if (r)
		FAIL("trace_open(%s) succeeded", path);
	return err;
}

/* The next reference must be exactly this one. */
#define EXPECT_REF(r, pid_, acc_, va_, size_, line_)                                        \
	do {                                                                                \
		struct trace_ref ref_;                                                      \
		char e_[ERRLEN] = "";                                                       \
		int rc_ = trace_next((r), &ref_, e_, sizeof e_);                            \
		if (rc_ != 1)                                                               \
			FAIL("trace_next returned %d: %s", rc_, e_);                        \
		CHECK_EQ(ref_.pid, (pid_));                                                 \
		CHECK_EQ(ref_.acc, (acc_));                                                 \
		CHECK_EQ(ref_.va, (va_));                                                   \
		CHECK_EQ(ref_.size, (size_));                                               \
		CHECK_EQ(ref_.line, (line_));                                               \
	} while (0)

#define EXPECT_END(r)                                                                       \
	do {                                                                                \
		struct trace_ref ref_;                                                      \
		char e_[ERRLEN] = "";                                                       \
		int rc_ = trace_next((r), &ref_, e_, sizeof e_);                            \
		if (rc_ != 0)                                                               \
			FAIL("trace_next returned %d, not the end: %s", rc_, e_);           \
	} while (0)

/* The next call must fail with "<path><suffix>". */
#define EXPECT_ERR(r, path, suffix)                                                         \
	do {                                                                                \
		struct trace_ref ref_;                                                      \
		char e_[ERRLEN] = "", want_[ERRLEN];                                        \
		int rc_ = trace_next((r), &ref_, e_, sizeof e_);                            \
		snprintf(want_, sizeof want_, "%s%s", (path), (suffix));                    \
		CHECK_EQ(rc_, -1);                                                          \
		CHECK_STR(e_, want_);                                                       \
	} while (0)

/* Reads the whole trace, returning how many references it has. */
static uint64_t count_refs(struct trace_reader *r)
{
	struct trace_ref ref;
	char err[ERRLEN] = "";
	uint64_t n = 0;
	int rc;
	while ((rc = trace_next(r, &ref, err, sizeof err)) == 1)
		n++;
	if (rc != 0)
		FAIL("trace_next: %s", err);
	return n;
}

/* Sends stderr into a new temp file; returns a dup of the old stderr. */
static int stderr_to(const char *path)
{
	fflush(stderr);
	int saved = dup(2), fd = open(path, O_WRONLY | O_TRUNC);
	CHECK(saved >= 0 && fd >= 0);
	CHECK(dup2(fd, 2) == 2);
	close(fd);
	return saved;
}

static void stderr_back(int saved)
{
	fflush(stderr);
	CHECK(dup2(saved, 2) == 2);
	close(saved);
}

/* The contents of a (small) file, NUL-terminated, in a static buffer. */
static const char *slurp(const char *path)
{
	static char buf[8192];
	int fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	ssize_t n = read(fd, buf, sizeof buf - 1);
	CHECK(n >= 0);
	buf[n] = '\0';
	close(fd);
	return buf;
}

/* Forks a child that writes data into a pipe chunk bytes at a time, and puts
 * the pipe's read end on standard input. Returns the child's pid. */
static pid_t feed_stdin(const void *data, size_t len, size_t chunk)
{
	int fds[2];
	CHECK(pipe(fds) == 0);
	fflush(NULL);
	pid_t pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		for (size_t done = 0; done < len;) {
			size_t n = len - done < chunk ? len - done : chunk;
			if (write(fds[1], (const char *)data + done, n) != (ssize_t)n)
				_exit(1);
			done += n;
		}
		_exit(0);
	}
	close(fds[1]);
	CHECK(dup2(fds[0], 0) == 0);
	close(fds[0]);
	return pid;
}

static void reap(pid_t pid)
{
	int status;
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* ---- plain ---- */

TEST(plain_reads_pids_accesses_hex_and_decimal_addresses_and_sizes)
{
	const char *path = tmp_text("R 0x1000\n"
				    "W 4096 8\n"
				    "X 0xFFffFFff 4\n"
				    "7 R 0x10 2\n"
				    "4294967295 W 18446744073709551615 4096\n"
				    "0 X 0x0 1\n");
	struct trace_reader *r = open_as(path, TRACE_PLAIN);
	EXPECT_REF(r, 0, ACCESS_READ, 0x1000, 1, 1);
	EXPECT_REF(r, 0, ACCESS_WRITE, 4096, 8, 2);
	EXPECT_REF(r, 0, ACCESS_EXEC, 0xffffffff, 4, 3);
	EXPECT_REF(r, 7, ACCESS_READ, 0x10, 2, 4);
	EXPECT_REF(r, 4294967295u, ACCESS_WRITE, UINT64_MAX, 4096, 5);
	EXPECT_REF(r, 0, ACCESS_EXEC, 0, 1, 6);
	EXPECT_END(r);
	EXPECT_END(r);
	CHECK_EQ(trace_format_of(r), TRACE_PLAIN);
	trace_close(r);
	tmp_cleanup();
}

TEST(plain_skips_comments_blank_lines_and_accepts_crlf_tabs_and_lowercase)
{
	const char *path = tmp_text("# a trace\n"
				    "\n"
				    "   \t \n"
				    "r 0x10   # trailing comment\n"
				    "\t3\tw\t0X20\t4\t\n"
				    "x 0x30#tight comment\r\n"
				    "  # indented comment\n"
				    "R 64 8\r\n"
				    "W 0x40");
	struct trace_reader *r = open_as(path, TRACE_PLAIN);
	EXPECT_REF(r, 0, ACCESS_READ, 0x10, 1, 4);
	EXPECT_REF(r, 3, ACCESS_WRITE, 0x20, 4, 5);
	EXPECT_REF(r, 0, ACCESS_EXEC, 0x30, 1, 6);
	EXPECT_REF(r, 0, ACCESS_READ, 64, 8, 8);
	EXPECT_REF(r, 0, ACCESS_WRITE, 0x40, 1, 9); /* last line without '\n' */
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

TEST(plain_leading_zeros_do_not_overflow)
{
	const char *path = tmp_text("R 0x00000000000000000000000000001234\n"
				    "R 000000000000000000000000000000000042 0004\n");
	struct trace_reader *r = open_as(path, TRACE_PLAIN);
	EXPECT_REF(r, 0, ACCESS_READ, 0x1234, 1, 1);
	EXPECT_REF(r, 0, ACCESS_READ, 42, 4, 2);
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

/* ---- plain errors: one bad line each, with its exact message ---- */

static void expect_plain_error(const char *line, const char *message)
{
	char text[256], suffix[ERRLEN];
	snprintf(text, sizeof text, "R 0x1\n%s\nW 0x2\n", line);
	const char *path = tmp_text(text);
	struct trace_reader *r = open_as(path, TRACE_PLAIN);
	EXPECT_REF(r, 0, ACCESS_READ, 1, 1, 1);
	snprintf(suffix, sizeof suffix, ":2: %s: '%s'", message, line);
	EXPECT_ERR(r, path, suffix);
	EXPECT_REF(r, 0, ACCESS_WRITE, 2, 1, 3); /* goes on after a bad line */
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

TEST(plain_garbage_line_is_an_error_naming_file_line_and_text)
{
	expect_plain_error("hello world", "expected [pid] R|W|X address [size]");
	expect_plain_error("READ 0x10", "expected [pid] R|W|X address [size]");
	expect_plain_error("12abc R 0x10", "expected [pid] R|W|X address [size]");
}

TEST(plain_bad_access_letter_is_an_error)
{
	expect_plain_error("Q 0x10", "bad access letter (expected R, W or X)");
	expect_plain_error("3 L 0x10 4", "bad access letter (expected R, W or X)");
	expect_plain_error("5", "missing access (R, W or X)");
	expect_plain_error("5 # just a pid", "missing access (R, W or X)");
}

TEST(plain_address_that_does_not_fit_64_bits_is_an_error)
{
	expect_plain_error("R 0x10000000000000000", "address does not fit in 64 bits");
	expect_plain_error("R 18446744073709551616", "address does not fit in 64 bits");
	expect_plain_error("R 99999999999999999999999", "address does not fit in 64 bits");
}

TEST(plain_bad_or_missing_address_is_an_error)
{
	expect_plain_error("R", "missing address");
	expect_plain_error("W # no address", "missing address");
	expect_plain_error("R 0x", "bad address");
	expect_plain_error("R 0x12g4", "bad address");
	expect_plain_error("R abc", "bad address");
	expect_plain_error("R -5", "bad address");
}

TEST(plain_size_zero_too_big_or_not_a_number_is_an_error)
{
	expect_plain_error("R 0x10 0", "bad size (expected 1 to 4096)");
	expect_plain_error("R 0x10 4097", "bad size (expected 1 to 4096)");
	expect_plain_error("R 0x10 99999999999999999999999", "bad size (expected 1 to 4096)");
	expect_plain_error("R 0x10 abc", "bad size (expected 1 to 4096)");
	expect_plain_error("R 0x10 8k", "bad size (expected 1 to 4096)");
	expect_plain_error("R 0x10 -1", "bad size (expected 1 to 4096)");
	expect_plain_error("R 0x10 4 5", "unexpected text after the size");
}

TEST(plain_pid_that_does_not_fit_32_bits_is_an_error)
{
	expect_plain_error("4294967296 R 0x10", "pid does not fit in 32 bits");
}

TEST(offending_text_is_truncated_to_40_bytes_and_escaped)
{
	static const char text[] = "Z 0123456789012345678901234567890123456789\n"
				   "Z \x01\xff\n";
	const char *path = tmp_bytes(text, sizeof text - 1);
	struct trace_reader *r = open_as(path, TRACE_PLAIN);
	EXPECT_ERR(r, path, ":1: bad access letter (expected R, W or X): "
			    "'Z 01234567890123456789012345678901234567...'");
	EXPECT_ERR(r, path, ":2: bad access letter (expected R, W or X): 'Z \\x01\\xff'");
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

TEST(line_longer_than_4096_bytes_is_an_error_and_reading_goes_on)
{
	size_t n = 5000;
	char *text = xmalloc(2 * n + 64);
	size_t k = 0;
	k += (size_t)sprintf(text + k, "R 0x1\n");
	memset(text + k, 'a', n);
	k += n;
	text[k++] = '\n';
	/* exactly TRACE_MAX_LINE bytes is fine: an address padded with blanks */
	k += (size_t)sprintf(text + k, "W 0x2");
	memset(text + k, ' ', TRACE_MAX_LINE - 5);
	k += TRACE_MAX_LINE - 5;
	k += (size_t)sprintf(text + k, "\nX 0x3\n");
	const char *path = tmp_bytes(text, k);
	struct trace_reader *r = open_as(path, TRACE_PLAIN);
	EXPECT_REF(r, 0, ACCESS_READ, 1, 1, 1);
	EXPECT_ERR(r, path, ":2: line longer than 4096 bytes: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...'");
	EXPECT_REF(r, 0, ACCESS_WRITE, 2, 1, 3);
	EXPECT_REF(r, 0, ACCESS_EXEC, 3, 1, 4);
	EXPECT_END(r);
	trace_close(r);
	free(text);
	tmp_cleanup();
}

TEST(long_last_line_without_newline_is_an_error)
{
	char text[6000];
	memset(text, '7', sizeof text);
	const char *path = tmp_bytes(text, sizeof text);
	struct trace_reader *r = open_as(path, TRACE_PAGES);
	EXPECT_ERR(r, path, ":1: line longer than 4096 bytes: '7777777777777777777777777777777777777777...'");
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

TEST(nul_byte_is_an_error_even_in_a_comment)
{
	static const char text[] = "R 0x1\nR 0x10\0 4\nW 0x2 # com\0ment\nX 0x3\n";
	const char *path = tmp_bytes(text, sizeof text - 1);
	struct trace_reader *r = open_as(path, TRACE_PLAIN);
	EXPECT_REF(r, 0, ACCESS_READ, 1, 1, 1);
	EXPECT_ERR(r, path, ":2: NUL byte in a text trace: 'R 0x10\\x00 4'");
	EXPECT_ERR(r, path, ":3: NUL byte in a text trace: 'W 0x2 # com\\x00ment'");
	EXPECT_REF(r, 0, ACCESS_EXEC, 3, 1, 4);
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

TEST(missing_file_and_directory_are_open_errors_naming_the_file)
{
	struct trace_reader_opts o = TRACE_READER_OPTS_INIT;
	CHECK_STR(open_error("/nonexistent/trace.txt", &o), "/nonexistent/trace.txt: No such file or directory");
	CHECK_STR(open_error("/tmp", &o), "/tmp: Is a directory");
	o.format = TRACE_PLAIN;
	CHECK_STR(open_error("/nonexistent/trace.txt", &o), "/nonexistent/trace.txt: No such file or directory");
}

TEST(bad_options_are_refused)
{
	const char *path = tmp_text("1 2 3\n");
	struct trace_reader_opts o = TRACE_READER_OPTS_INIT;
	o.page_shift = 64;
	CHECK(strstr(open_error(path, &o), "bad reader options") != NULL);
	o.page_shift = 12;
	o.format = (enum trace_format)99;
	CHECK(strstr(open_error(path, &o), "bad reader options") != NULL);
	tmp_cleanup();
}

/* ---- skip_bad ---- */

TEST(skip_bad_prints_bad_lines_on_stderr_counts_them_and_carries_on)
{
	const char *path = tmp_text("R 0x1\nbogus\nW 0x2 0\nX 0x3\nR 0xzz\n");
	const char *log = tmp_text("");
	struct trace_reader_opts o = TRACE_READER_OPTS_INIT;
	o.skip_bad = true;
	struct trace_reader *r = trace_open(path, &o, NULL, 0);
	CHECK(r != NULL);
	int saved = stderr_to(log);
	struct trace_ref refs[4];
	char err[ERRLEN] = "";
	int n = 0, rc = 0;
	while (n < 4 && (rc = trace_next(r, &refs[n], err, sizeof err)) == 1)
		n++;
	stderr_back(saved);
	CHECK_EQ(rc, 0);
	CHECK_EQ(n, 2);
	CHECK_EQ(refs[0].va, 1);
	CHECK_EQ(refs[1].va, 3);
	CHECK_EQ(refs[1].line, 4);
	CHECK_EQ(trace_bad_lines(r), 3);
	char want[3 * ERRLEN];
	snprintf(want, sizeof want,
		 "vmlab: %s:2: expected [pid] R|W|X address [size]: 'bogus'\n"
		 "vmlab: %s:3: bad size (expected 1 to 4096): 'W 0x2 0'\n"
		 "vmlab: %s:5: bad address: 'R 0xzz'\n",
		 path, path, path);
	CHECK_STR(slurp(log), want);
	trace_close(r);
	tmp_cleanup();
}

TEST(skip_bad_stops_after_max_errors)
{
	const char *path = tmp_text("bad1\nR 0x1\nbad2\nbad3\nR 0x2\n");
	const char *log = tmp_text("");
	struct trace_reader_opts o = TRACE_READER_OPTS_INIT;
	o.format = TRACE_PLAIN;
	o.skip_bad = true;
	o.max_errors = 2;
	struct trace_reader *r = trace_open(path, &o, NULL, 0);
	CHECK(r != NULL);
	struct trace_ref ref1, ref2;
	char err[ERRLEN] = "", want[ERRLEN];
	int saved = stderr_to(log);
	int rc1 = trace_next(r, &ref1, NULL, 0), rc2 = trace_next(r, &ref2, err, sizeof err);
	stderr_back(saved);
	CHECK_EQ(rc1, 1);
	CHECK_EQ(ref1.va, 1);
	CHECK_EQ(ref1.line, 2);
	CHECK_EQ(rc2, -1);
	snprintf(want, sizeof want, "%s: stopped after 2 bad lines", path);
	CHECK_STR(err, want);
	CHECK_EQ(trace_bad_lines(r), 2);
	EXPECT_END(r);
	snprintf(want, sizeof want,
		 "vmlab: %s:1: expected [pid] R|W|X address [size]: 'bad1'\n"
		 "vmlab: %s:3: expected [pid] R|W|X address [size]: 'bad2'\n",
		 path, path);
	CHECK_STR(slurp(log), want);
	trace_close(r);
	tmp_cleanup();
}

/* ---- pages ---- */

TEST(pages_reads_numbers_separated_by_spaces_commas_and_newlines)
{
	const char *path = tmp_text("# reference string\n"
				    "7 0 1 2\n"
				    "\n"
				    "0,3 , 0,,4 # comment 9\n"
				    "\t2\r\n"
				    "1048575");
	struct trace_reader *r = open_as(path, TRACE_PAGES);
	uint64_t want[][2] = { { 7, 2 }, { 0, 2 }, { 1, 2 }, { 2, 2 }, { 0, 4 }, { 3, 4 }, { 0, 4 },
			       { 4, 4 }, { 2, 5 }, { 1048575, 6 } };
	for (size_t i = 0; i < ARRAY_LEN(want); i++)
		EXPECT_REF(r, 0, ACCESS_READ, want[i][0] << 12, 1, want[i][1]);
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

TEST(pages_page_shift_scales_page_numbers_into_addresses)
{
	const char *path = tmp_text("7,0,1\n");
	struct trace_reader_opts o = TRACE_READER_OPTS_INIT;
	o.format = TRACE_PAGES;
	o.page_shift = 0;
	struct trace_reader *r = trace_open(path, &o, NULL, 0);
	CHECK(r != NULL);
	EXPECT_REF(r, 0, ACCESS_READ, 7, 1, 1);
	EXPECT_REF(r, 0, ACCESS_READ, 0, 1, 1);
	EXPECT_REF(r, 0, ACCESS_READ, 1, 1, 1);
	EXPECT_END(r);
	trace_close(r);
	o.page_shift = 63;
	r = trace_open(path, &o, NULL, 0);
	CHECK(r != NULL);
	EXPECT_ERR(r, path, ":1: page number too large for 64-bit addresses: '7,0,1'");
	trace_close(r);
	tmp_cleanup();
}

TEST(pages_bad_numbers_are_errors_and_end_their_line)
{
	const char *path = tmp_text("1 2 x 3\n4 5a 6\n4503599627370496\n7\n");
	struct trace_reader *r = open_as(path, TRACE_PAGES);
	EXPECT_REF(r, 0, ACCESS_READ, 1 << 12, 1, 1);
	EXPECT_REF(r, 0, ACCESS_READ, 2 << 12, 1, 1);
	EXPECT_ERR(r, path, ":1: bad page number: '1 2 x 3'");
	EXPECT_REF(r, 0, ACCESS_READ, 4 << 12, 1, 2);
	EXPECT_ERR(r, path, ":2: bad page number: '4 5a 6'");
	EXPECT_ERR(r, path, ":3: page number too large for 64-bit addresses: '4503599627370496'");
	EXPECT_REF(r, 0, ACCESS_READ, 7 << 12, 1, 4);
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

/* ---- lackey ---- */

TEST(lackey_maps_instruction_load_and_store_to_exec_read_and_write)
{
	const char *path = tmp_text("I  04016c3,3\n"
				    " L 1ffefffd28,8\n"
				    " S 1ffefffd20,8\n"
				    "I  ffffffffffffffff,15\n");
	struct trace_reader *r = open_as(path, TRACE_LACKEY);
	EXPECT_REF(r, 0, ACCESS_EXEC, 0x04016c3, 3, 1);
	EXPECT_REF(r, 0, ACCESS_READ, 0x1ffefffd28, 8, 2);
	EXPECT_REF(r, 0, ACCESS_WRITE, 0x1ffefffd20, 8, 3);
	EXPECT_REF(r, 0, ACCESS_EXEC, UINT64_MAX, 15, 4);
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

TEST(lackey_modify_is_a_read_then_a_write_of_the_same_bytes)
{
	const char *path = tmp_text(" M 0421a60,4\nI  0401000,2\n M 0421a68,8\n");
	struct trace_reader *r = open_as(path, TRACE_LACKEY);
	EXPECT_REF(r, 0, ACCESS_READ, 0x421a60, 4, 1);
	EXPECT_REF(r, 0, ACCESS_WRITE, 0x421a60, 4, 1);
	EXPECT_REF(r, 0, ACCESS_EXEC, 0x401000, 2, 2);
	EXPECT_REF(r, 0, ACCESS_READ, 0x421a68, 8, 3);
	EXPECT_REF(r, 0, ACCESS_WRITE, 0x421a68, 8, 3);
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

TEST(lackey_ignores_valgrind_messages_and_program_output)
{
	const char *path = tmp_text("==1234== Lackey, an example Valgrind tool\n"
				    "==1234== \n"
				    "hello, world\n"
				    "I am the program\n"
				    "I  no address here\n"
				    " L\n"
				    " X 0400000,4\n"
				    "\n"
				    "I  0400000,4\n"
				    "==1234== Counted 1 call to main()\n");
	struct trace_reader *r = open_as(path, TRACE_LACKEY);
	EXPECT_REF(r, 0, ACCESS_EXEC, 0x400000, 4, 9);
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

TEST(lackey_access_lines_with_bad_sizes_or_addresses_are_errors)
{
	const char *path = tmp_text("I  0401000,0\n"
				    " L 0401000,\n"
				    " S 0401000,9999\n"
				    "I  11112222333344445,4\n"
				    " L 0401000,8 junk\n"
				    " S 0401000,8\n");
	struct trace_reader *r = open_as(path, TRACE_LACKEY);
	EXPECT_ERR(r, path, ":1: bad size (expected 1 to 4096): 'I  0401000,0'");
	EXPECT_ERR(r, path, ":2: bad size (expected 1 to 4096): ' L 0401000,'");
	EXPECT_ERR(r, path, ":3: bad size (expected 1 to 4096): ' S 0401000,9999'");
	EXPECT_ERR(r, path, ":4: address does not fit in 64 bits: 'I  11112222333344445,4'");
	EXPECT_ERR(r, path, ":5: unexpected text after the size: ' L 0401000,8 junk'");
	EXPECT_REF(r, 0, ACCESS_WRITE, 0x401000, 8, 6);
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

TEST(lackey_reads_a_real_valgrind_excerpt)
{
	const char *path = "tests/data/trace/lackey_hello.txt";
	struct trace_reader *r = open_as(path, TRACE_AUTO);
	CHECK_EQ(trace_format_of(r), TRACE_LACKEY);
	EXPECT_REF(r, 0, ACCESS_EXEC, 0x0401ab70, 3, 6);
	EXPECT_REF(r, 0, ACCESS_EXEC, 0x0401ab73, 5, 7);
	EXPECT_REF(r, 0, ACCESS_WRITE, 0x1fff000708, 8, 8);
	CHECK(trace_rewind(r));
	struct trace_ref ref;
	char err[ERRLEN] = "";
	uint64_t n = 0, reads = 0, writes = 0, execs = 0;
	int rc;
	while ((rc = trace_next(r, &ref, err, sizeof err)) == 1) {
		n++;
		reads += ref.acc == ACCESS_READ;
		writes += ref.acc == ACCESS_WRITE;
		execs += ref.acc == ACCESS_EXEC;
		if (ref.line == 34) /* " M 04033e06,1" */
			CHECK(ref.va == 0x04033e06 && ref.size == 1);
		if (ref.line == 48) /* the line after the program's "hello" */
			CHECK(ref.va == 0x0493f350 && ref.size == 6 && ref.acc == ACCESS_EXEC);
		CHECK(ref.line != 47);
	}
	CHECK_EQ(rc, 0);
	CHECK_EQ(n, 50);
	CHECK_EQ(reads, 3);   /* two loads and the M's read */
	CHECK_EQ(writes, 12); /* eleven stores and the M's write */
	CHECK_EQ(execs, 35);
	trace_close(r);
}

/* ---- textbook ---- */

TEST(textbook_keeps_the_low_16_bits_of_32_bit_decimal_addresses)
{
	const char *path = tmp_text("16916\n62493\n65536\n4294967295\n  70000 \r\n\n0\n");
	struct trace_reader *r = open_as(path, TRACE_TEXTBOOK);
	EXPECT_REF(r, 0, ACCESS_READ, 16916, 1, 1);
	EXPECT_REF(r, 0, ACCESS_READ, 62493, 1, 2);
	EXPECT_REF(r, 0, ACCESS_READ, 0, 1, 3);
	EXPECT_REF(r, 0, ACCESS_READ, 0xffff, 1, 4);
	EXPECT_REF(r, 0, ACCESS_READ, 70000 & 0xffff, 1, 5);
	EXPECT_REF(r, 0, ACCESS_READ, 0, 1, 7);
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

TEST(textbook_lines_that_are_not_one_32_bit_unsigned_number_are_errors)
{
	const char *path = tmp_text("-5\n4294967296\n12 34\n0x10\n# no comments\n99999999999999999999999\n7\n");
	struct trace_reader *r = open_as(path, TRACE_TEXTBOOK);
	EXPECT_ERR(r, path, ":1: expected one unsigned decimal address: '-5'");
	EXPECT_ERR(r, path, ":2: address does not fit in 32 bits: '4294967296'");
	EXPECT_ERR(r, path, ":3: expected one unsigned decimal address: '12 34'");
	EXPECT_ERR(r, path, ":4: expected one unsigned decimal address: '0x10'");
	EXPECT_ERR(r, path, ":5: expected one unsigned decimal address: '# no comments'");
	EXPECT_ERR(r, path, ":6: address does not fit in 32 bits: '99999999999999999999999'");
	EXPECT_REF(r, 0, ACCESS_READ, 7, 1, 7);
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

/* The real data set: its addresses are the virtual addresses of correct.txt. */
TEST(textbook_reads_the_textbook_data_set_in_order)
{
	const char *dir = "../shared/data/vmm-textbook";
	char path[256];
	snprintf(path, sizeof path, "%s/correct.txt", dir);
	FILE *correct = fopen(path, "r");
	if (!correct)
		FAIL("%s not found (run from the repository root)", path);
	snprintf(path, sizeof path, "%s/addresses.txt", dir);
	struct trace_reader *r = open_as(path, TRACE_TEXTBOOK);
	unsigned long va, pa;
	int value;
	uint64_t n = 0;
	while (fscanf(correct, "Virtual address: %lu Physical address: %lu Value: %d\n", &va, &pa, &value) == 3) {
		n++;
		EXPECT_REF(r, 0, ACCESS_READ, va, 1, n);
	}
	EXPECT_END(r);
	CHECK_EQ(n, 1000);
	fclose(correct);
	trace_close(r);
}

/* ---- auto-detection ---- */

static enum trace_format detected(const char *text)
{
	const char *path = tmp_text(text);
	struct trace_reader *r = open_as(path, TRACE_AUTO);
	enum trace_format f = trace_format_of(r);
	trace_close(r);
	return f;
}

TEST(auto_detects_plain_by_an_access_letter)
{
	CHECK_EQ(detected("# comment\n\nR 0x10\n"), TRACE_PLAIN);
	CHECK_EQ(detected("12 w 4096 8\n"), TRACE_PLAIN);
	CHECK_EQ(detected("\tX\t0x400000\n"), TRACE_PLAIN);
	tmp_cleanup();
}

TEST(auto_detects_pages_from_bare_numbers)
{
	CHECK_EQ(detected("7 0 1 2 0 3 0 4\n"), TRACE_PAGES);
	CHECK_EQ(detected("# belady\n7,0,1\n2,0\n"), TRACE_PAGES);
	/* a textbook addresses file is bare numbers too: TRACE_TEXTBOOK is never detected */
	CHECK_EQ(detected("16916\n62493\n30198\n"), TRACE_PAGES);
	tmp_cleanup();
}

TEST(auto_detects_lackey_by_its_messages_or_its_access_lines)
{
	CHECK_EQ(detected("==42== Lackey, an example Valgrind tool\n"), TRACE_LACKEY);
	CHECK_EQ(detected("I  0401ab70,3\n"), TRACE_LACKEY);
	CHECK_EQ(detected(" L 1ffefffd28,8\n"), TRACE_LACKEY);
	CHECK_EQ(detected(" M 0421a60,4\n"), TRACE_LACKEY);
	CHECK_EQ(detected("program output first\n S 0421a60,4\n"), TRACE_LACKEY);
	tmp_cleanup();
}

TEST(auto_detects_binary_by_its_magic)
{
	const char *path = tmp_text("");
	struct trace_writer *w = trace_writer_open(path, NULL, 0);
	CHECK(w != NULL);
	CHECK(trace_writer_close(w, NULL, 0));
	struct trace_reader *r = open_as(path, TRACE_AUTO);
	CHECK_EQ(trace_format_of(r), TRACE_BINARY);
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

TEST(auto_reads_an_empty_or_comment_only_trace_as_empty_plain)
{
	const char *path = tmp_text("");
	struct trace_reader *r = open_as(path, TRACE_AUTO);
	CHECK_EQ(trace_format_of(r), TRACE_PLAIN);
	EXPECT_END(r);
	trace_close(r);
	CHECK_EQ(detected("# nothing\n\n   \n"), TRACE_PLAIN);
	tmp_cleanup();
}

TEST(auto_detection_looks_past_unrecognised_lines_which_are_then_errors)
{
	const char *path = tmp_text("hello\nR 0x10\n");
	struct trace_reader *r = open_as(path, TRACE_AUTO);
	CHECK_EQ(trace_format_of(r), TRACE_PLAIN);
	EXPECT_ERR(r, path, ":1: expected [pid] R|W|X address [size]: 'hello'");
	EXPECT_REF(r, 0, ACCESS_READ, 0x10, 1, 2);
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

TEST(auto_detection_of_garbage_is_an_error_naming_the_first_odd_line)
{
	const char *path = tmp_text("# header\nhello\nworld\n");
	char want[ERRLEN];
	snprintf(want, sizeof want, "%s:2: cannot tell the trace format (name it explicitly): 'hello'", path);
	CHECK_STR(open_error(path, NULL), want);
	tmp_cleanup();
}

/* ---- buffer boundaries and pipes ---- */

/* A plain trace whose line number `target` (W 0xdeadbeefcafe 8) starts
 * `before` bytes before the end of the first buffer load. */
static char *boundary_trace(size_t before, size_t *len, uint64_t *target)
{
	const char *filler = "R 0x1000 4\n", *line = "W 0xdeadbeefcafe 8\n", *tail = "X 0x2000 2\n";
	size_t flen = strlen(filler), start = TRACE_BUF_BYTES - before;
	size_t nfill = (start - 64) / flen, pad = start - nfill * flen; /* pad: one comment line */
	char *t = xmalloc(start + 64), *p = t;
	for (size_t i = 0; i < nfill; i++, p += flen)
		memcpy(p, filler, flen);
	*p++ = '#';
	memset(p, '-', pad - 2);
	p += pad - 2;
	*p++ = '\n';
	CHECK_EQ(p - t, start);
	p += sprintf(p, "%s%s", line, tail);
	*len = (size_t)(p - t);
	*target = nfill + 2;
	return t;
}

TEST(line_spanning_the_1_mib_buffer_boundary_is_read_whole)
{
	size_t splits[] = { 1, 2, 3, 6, 10, 17, 18, 19, 20 };
	for (size_t i = 0; i < ARRAY_LEN(splits); i++) {
		size_t len;
		uint64_t target;
		char *text = boundary_trace(splits[i], &len, &target);
		const char *path = tmp_bytes(text, len);
		struct trace_reader *r = open_as(path, TRACE_AUTO);
		for (uint64_t l = 1; l < target - 1; l++)
			EXPECT_REF(r, 0, ACCESS_READ, 0x1000, 4, l);
		EXPECT_REF(r, 0, ACCESS_WRITE, 0xdeadbeefcafe, 8, target);
		EXPECT_REF(r, 0, ACCESS_EXEC, 0x2000, 2, target + 1);
		EXPECT_END(r);
		trace_close(r);
		free(text);
		tmp_cleanup();
	}
}

TEST(too_long_line_spanning_the_buffer_boundary_is_skipped_whole)
{
	size_t start = TRACE_BUF_BYTES - 100, len = start + 6000 + 16;
	char *text = xmalloc(len);
	memset(text, '\n', start); /* blank lines */
	memset(text + start, 'z', 6000);
	memcpy(text + start + 6000, "\nR 0x10\n", 8);
	const char *path = tmp_bytes(text, start + 6008);
	struct trace_reader *r = open_as(path, TRACE_PLAIN);
	EXPECT_ERR(r, path, ":1048477: line longer than 4096 bytes: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz...'");
	EXPECT_REF(r, 0, ACCESS_READ, 0x10, 1, start + 2);
	EXPECT_END(r);
	trace_close(r);
	free(text);
	tmp_cleanup();
}

TEST(stdin_dash_reads_standard_input_from_a_pipe_in_short_writes)
{
	const char *text = "# via a pipe\n1 R 0x10 4\n2 W 0x20 8\n7 8 9\n3 X 0x30\n";
	pid_t pid = feed_stdin(text, strlen(text), 3);
	char err[ERRLEN] = "";
	struct trace_reader *r = trace_open("-", NULL, err, sizeof err);
	if (!r)
		FAIL("%s", err);
	CHECK_EQ(trace_format_of(r), TRACE_PLAIN);
	EXPECT_REF(r, 1, ACCESS_READ, 0x10, 4, 2);
	EXPECT_REF(r, 2, ACCESS_WRITE, 0x20, 8, 3);
	EXPECT_ERR(r, "<stdin>", ":4: bad access letter (expected R, W or X): '7 8 9'");
	CHECK(!trace_rewind(r)); /* a pipe cannot go back */
	EXPECT_REF(r, 3, ACCESS_EXEC, 0x30, 1, 5);
	EXPECT_END(r);
	trace_close(r);
	reap(pid);
}

TEST(stdin_dash_reads_a_file_put_on_standard_input_and_can_rewind_it)
{
	const char *path = tmp_text("R 0x10\nW 0x20\n");
	int fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	CHECK(dup2(fd, 0) == 0);
	close(fd);
	struct trace_reader *r = open_as("-", TRACE_PLAIN);
	EXPECT_REF(r, 0, ACCESS_READ, 0x10, 1, 1);
	EXPECT_REF(r, 0, ACCESS_WRITE, 0x20, 1, 2);
	EXPECT_END(r);
	CHECK(trace_rewind(r));
	EXPECT_REF(r, 0, ACCESS_READ, 0x10, 1, 1);
	trace_close(r);
	CHECK(fcntl(0, F_GETFD) >= 0); /* standard input stays open */
	tmp_cleanup();
}

/* ---- rewind ---- */

TEST(rewind_on_a_file_starts_over_and_forgets_bad_lines)
{
	const char *path = tmp_text("R 0x10\nbad\n M 1,1\nW 0x20\n");
	struct trace_reader_opts o = TRACE_READER_OPTS_INIT;
	o.skip_bad = true;
	struct trace_reader *r = trace_open(path, &o, NULL, 0);
	CHECK(r != NULL);
	int saved = stderr_to(tmp_text(""));
	uint64_t n = count_refs(r);
	stderr_back(saved);
	CHECK_EQ(n, 2);
	CHECK_EQ(trace_bad_lines(r), 2);
	CHECK(trace_rewind(r));
	CHECK_EQ(trace_bad_lines(r), 0);
	EXPECT_REF(r, 0, ACCESS_READ, 0x10, 1, 1);
	trace_close(r);
	tmp_cleanup();
}

TEST(rewind_in_the_middle_of_a_lackey_modify_or_a_pages_line_starts_clean)
{
	const char *path = tmp_text(" M 10,4\nI  20,2\n");
	struct trace_reader *r = open_as(path, TRACE_LACKEY);
	EXPECT_REF(r, 0, ACCESS_READ, 0x10, 4, 1);
	CHECK(trace_rewind(r));
	EXPECT_REF(r, 0, ACCESS_READ, 0x10, 4, 1);
	EXPECT_REF(r, 0, ACCESS_WRITE, 0x10, 4, 1);
	EXPECT_REF(r, 0, ACCESS_EXEC, 0x20, 2, 2);
	trace_close(r);
	path = tmp_text("1 2 3\n4\n");
	r = open_as(path, TRACE_PAGES);
	EXPECT_REF(r, 0, ACCESS_READ, 1 << 12, 1, 1);
	CHECK(trace_rewind(r));
	EXPECT_REF(r, 0, ACCESS_READ, 1 << 12, 1, 1);
	EXPECT_REF(r, 0, ACCESS_READ, 2 << 12, 1, 1);
	trace_close(r);
	tmp_cleanup();
}

/* ---- binary ---- */

/* Writes refs[0..n) to a new temp binary trace; returns its path. */
static const char *write_binary(const struct trace_ref *refs, size_t n)
{
	const char *path = tmp_text("");
	char err[ERRLEN] = "";
	struct trace_writer *w = trace_writer_open(path, err, sizeof err);
	if (!w)
		FAIL("%s", err);
	for (size_t i = 0; i < n; i++)
		CHECK(trace_write(w, &refs[i]));
	if (!trace_writer_close(w, err, sizeof err))
		FAIL("%s", err);
	return path;
}

static struct trace_ref random_ref(struct rng *g)
{
	struct trace_ref ref = { 0 };
	ref.pid = (uint32_t)rng_next(g);
	ref.acc = (enum access)rng_below(g, 3);
	ref.va = rng_next(g) >> rng_below(g, 64);
	ref.size = 1 + (uint32_t)rng_below(g, TRACE_MAX_SIZE);
	return ref;
}

TEST(binary_round_trips_through_the_writer_across_many_buffers)
{
	struct rng g;
	size_t n = 3 * TRACE_BUF_BYTES / TRACE_BIN_RECORD_BYTES + 7;
	struct trace_ref *refs = xmalloc(n * sizeof *refs);
	rng_seed(&g, 1);
	for (size_t i = 0; i < n; i++)
		refs[i] = random_ref(&g);
	const char *path = write_binary(refs, n);
	struct trace_reader *r = open_as(path, TRACE_AUTO);
	CHECK_EQ(trace_format_of(r), TRACE_BINARY);
	for (size_t i = 0; i < n; i++)
		EXPECT_REF(r, refs[i].pid, refs[i].acc, refs[i].va, refs[i].size, i + 1);
	EXPECT_END(r);
	CHECK(trace_rewind(r));
	EXPECT_REF(r, refs[0].pid, refs[0].acc, refs[0].va, refs[0].size, 1);
	trace_close(r);
	free(refs);
	tmp_cleanup();
}

TEST(binary_layout_is_the_documented_one)
{
	struct trace_ref ref = { .pid = 0x01020304, .acc = ACCESS_WRITE, .va = 0x1122334455667788ull, .size = 4096 };
	const char *path = write_binary(&ref, 1);
	unsigned char want[32] = { 'V', 'M', 'L', 'A', 'B', 'T', 'R', '1', 1, 0, 0, 0, 16, 0, 0, 0,
				   0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 4, 3, 2, 1, 0x00, 0x10, 1, 0 };
	unsigned char got[64];
	int fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	CHECK_EQ(read(fd, got, sizeof got), 32);
	close(fd);
	CHECK(memcmp(got, want, 32) == 0);
	tmp_cleanup();
}

TEST(binary_faulted_flag_is_bit_0_of_the_last_byte_and_reads_back)
{
	struct trace_ref refs[2] = { { .pid = 7, .acc = ACCESS_READ, .va = 0x1000, .size = 8, .faulted = true },
				     { .pid = 7, .acc = ACCESS_READ, .va = 0x1000, .size = 8 } };
	const char *path = write_binary(refs, 2);
	unsigned char got[48];
	int fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	CHECK_EQ(read(fd, got, sizeof got), 48);
	close(fd);
	CHECK_EQ(got[16 + 15], TRACE_BIN_FAULTED);
	CHECK_EQ(got[32 + 15], 0);
	struct trace_reader *r = open_as(path, TRACE_AUTO);
	struct trace_ref ref;
	char err[200];
	CHECK_EQ(trace_next(r, &ref, err, sizeof err), 1);
	CHECK(ref.faulted);
	CHECK_EQ(trace_next(r, &ref, err, sizeof err), 1);
	CHECK(!ref.faulted);
	trace_close(r);
	tmp_cleanup();
}

TEST(binary_pin_and_unpin_events_are_access_6_and_7_and_read_back)
{
	struct trace_ref refs[2] = { { .pid = 2, .va = 0x11000, .size = 1, .event = TRACE_PIN },
				     { .pid = 2, .size = 1, .event = TRACE_UNPIN } };
	const char *path = write_binary(refs, 2);
	unsigned char got[48];
	int fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	CHECK_EQ(read(fd, got, sizeof got), 48);
	close(fd);
	CHECK_EQ(got[16 + 14], 6);
	CHECK_EQ(got[32 + 14], 7);
	struct trace_reader *r = open_as(path, TRACE_AUTO);
	struct trace_ref back;
	char err[200];
	CHECK_EQ(trace_next(r, &back, err, sizeof err), 1);
	CHECK(back.event == TRACE_PIN && back.va == 0x11000 && back.pid == 2);
	CHECK_EQ(trace_next(r, &back, err, sizeof err), 1);
	CHECK(back.event == TRACE_UNPIN);
	CHECK_EQ(trace_next(r, &back, err, sizeof err), 0);
	trace_close(r);
	tmp_cleanup();
}

TEST(binary_events_are_access_3_unmap_and_4_empty_and_read_back)
{
	struct trace_ref refs[2] = { { .pid = 3, .va = 0x5000, .size = 1, .event = TRACE_UNMAP },
				     { .pid = 3, .size = 1, .event = TRACE_EMPTY } };
	const char *path = write_binary(refs, 2);
	unsigned char got[48];
	int fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	CHECK_EQ(read(fd, got, sizeof got), 48);
	close(fd);
	CHECK_EQ(got[16 + 14], 3);
	CHECK_EQ(got[32 + 14], 4);
	struct trace_reader *r = open_as(path, TRACE_AUTO);
	struct trace_ref back;
	char err[200];
	CHECK_EQ(trace_next(r, &back, err, sizeof err), 1);
	CHECK(back.event == TRACE_UNMAP && !back.faulted && back.acc == ACCESS_READ);
	CHECK_EQ(back.va, 0x5000);
	CHECK_EQ(back.pid, 3);
	CHECK_EQ(trace_next(r, &back, err, sizeof err), 1);
	CHECK(back.event == TRACE_EMPTY);
	CHECK_EQ(trace_next(r, &back, err, sizeof err), 0);
	trace_close(r);
	tmp_cleanup();
}

TEST(binary_truncated_record_is_an_error_naming_the_record)
{
	struct trace_ref refs[3] = { { .pid = 1, .acc = ACCESS_READ, .va = 0x10, .size = 4 },
				     { .pid = 2, .acc = ACCESS_WRITE, .va = 0x20, .size = 8 },
				     { .pid = 3, .acc = ACCESS_EXEC, .va = 0x30, .size = 2 } };
	const char *path = write_binary(refs, 3);
	CHECK(truncate(path, 16 + 16 * 3 - 5) == 0);
	struct trace_reader *r = open_as(path, TRACE_BINARY);
	EXPECT_REF(r, 1, ACCESS_READ, 0x10, 4, 1);
	EXPECT_REF(r, 2, ACCESS_WRITE, 0x20, 8, 2);
	EXPECT_ERR(r, path, ": record 3: truncated (11 of 16 bytes)");
	EXPECT_END(r);
	trace_close(r);
	tmp_cleanup();
}

TEST(binary_bad_magic_version_or_short_header_are_open_errors)
{
	struct trace_reader_opts o = TRACE_READER_OPTS_INIT;
	char want[ERRLEN];
	o.format = TRACE_BINARY;
	const char *path = tmp_bytes("VMLABTR2\1\0\0\0\20\0\0\0", 16);
	snprintf(want, sizeof want, "%s: not a vmlab binary trace (bad magic)", path);
	CHECK_STR(open_error(path, &o), want);
	path = tmp_text("R 0x10\n");
	snprintf(want, sizeof want, "%s: not a vmlab binary trace (bad magic)", path);
	CHECK_STR(open_error(path, &o), want);
	path = tmp_text("");
	snprintf(want, sizeof want, "%s: not a vmlab binary trace (bad magic)", path);
	CHECK_STR(open_error(path, &o), want);
	path = tmp_bytes("VMLABTR1\2\0\0\0\20\0\0\0", 16);
	snprintf(want, sizeof want, "%s: unsupported binary trace version 2 (this reader reads 1)", path);
	CHECK_STR(open_error(path, &o), want);
	path = tmp_bytes("VMLABTR1\1\0\0\0\30\0\0\0", 16);
	snprintf(want, sizeof want, "%s: unsupported record size 24 (this reader reads 16)", path);
	CHECK_STR(open_error(path, &o), want);
	path = tmp_bytes("VMLABTR1\1\0", 10);
	snprintf(want, sizeof want, "%s: truncated header (10 of 16 bytes)", path);
	CHECK_STR(open_error(path, &o), want);
	o.format = TRACE_AUTO; /* auto-detection sees the magic, then the short header */
	CHECK_STR(open_error(path, &o), want);
	tmp_cleanup();
}

TEST(binary_records_with_bad_fields_are_errors_or_skipped)
{
	unsigned char file[16 + 5 * 16] = { 'V', 'M', 'L', 'A', 'B', 'T', 'R', '1', 1, 0, 0, 0, 16, 0, 0, 0 };
	unsigned char recs[5][16] = {
		{ 0x10, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0 },    /* good */
		{ 0x20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 4, 0, 8, 0 },    /* access 8 */
		{ 0x30, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0 },    /* size 0 */
		{ 0x40, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0x10, 1, 0 }, /* size 4097 */
		{ 0x50, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 8, 0, 1, 9 },    /* flags 9: bit 3 undefined */
	};
	memcpy(file + 16, recs, sizeof recs);
	const char *path = tmp_bytes(file, sizeof file);
	struct trace_reader *r = open_as(path, TRACE_AUTO);
	EXPECT_REF(r, 1, ACCESS_READ, 0x10, 4, 1);
	EXPECT_ERR(r, path, ": record 2: bad access 8 (expected 0 to 7)");
	EXPECT_ERR(r, path, ": record 3: bad size 0 (expected 1 to 4096)");
	EXPECT_ERR(r, path, ": record 4: bad size 4097 (expected 1 to 4096)");
	EXPECT_ERR(r, path, ": record 5: flags byte is 9 (only bit 0 is defined)");
	EXPECT_END(r);
	trace_close(r);

	struct trace_reader_opts o = TRACE_READER_OPTS_INIT;
	o.skip_bad = true;
	const char *log = tmp_text("");
	r = trace_open(path, &o, NULL, 0);
	CHECK(r != NULL);
	int saved = stderr_to(log);
	uint64_t n = count_refs(r);
	stderr_back(saved);
	CHECK_EQ(n, 1);
	CHECK_EQ(trace_bad_lines(r), 4);
	char want[ERRLEN];
	snprintf(want, sizeof want, "vmlab: %s: record 2: bad access 8 (expected 0 to 7)\n", path);
	CHECK(strncmp(slurp(log), want, strlen(want)) == 0);
	trace_close(r);
	tmp_cleanup();
}

TEST(binary_from_a_pipe_in_odd_sized_writes_is_reassembled)
{
	struct rng g;
	struct trace_ref refs[500];
	rng_seed(&g, 7);
	for (size_t i = 0; i < ARRAY_LEN(refs); i++)
		refs[i] = random_ref(&g);
	const char *path = write_binary(refs, ARRAY_LEN(refs));
	static unsigned char bytes[16 + 16 * 500];
	int fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	CHECK_EQ(read(fd, bytes, sizeof bytes), sizeof bytes);
	close(fd);
	pid_t pid = feed_stdin(bytes, sizeof bytes, 7);
	struct trace_reader *r = open_as("-", TRACE_AUTO);
	CHECK_EQ(trace_format_of(r), TRACE_BINARY);
	for (size_t i = 0; i < ARRAY_LEN(refs); i++)
		EXPECT_REF(r, refs[i].pid, refs[i].acc, refs[i].va, refs[i].size, i + 1);
	EXPECT_END(r);
	trace_close(r);
	reap(pid);
	tmp_cleanup();
}

TEST(writer_refuses_records_it_cannot_represent_and_close_says_so)
{
	const char *path = tmp_text("");
	struct trace_writer *w = trace_writer_open(path, NULL, 0);
	CHECK(w != NULL);
	struct trace_ref ok = { .pid = 0, .acc = ACCESS_READ, .va = 0x10, .size = 4 };
	struct trace_ref zero = { .pid = 0, .acc = ACCESS_READ, .va = 0x10, .size = 0 };
	CHECK(trace_write(w, &ok));
	CHECK(!trace_write(w, &zero));
	CHECK(!trace_write(w, &ok));
	char err[ERRLEN] = "", want[ERRLEN];
	CHECK(!trace_writer_close(w, err, sizeof err));
	snprintf(want, sizeof want, "%s: record 2: cannot write access 0 of size 0", path);
	CHECK_STR(err, want);
	tmp_cleanup();
}

TEST(writer_reports_io_errors_and_unopenable_files)
{
	char err[ERRLEN] = "";
	CHECK(trace_writer_open("/nonexistent/t.bin", err, sizeof err) == NULL);
	CHECK_STR(err, "/nonexistent/t.bin: No such file or directory");
	struct trace_writer *w = trace_writer_open("/dev/full", err, sizeof err);
	if (!w)
		FAIL("%s", err);
	struct trace_ref ref = { .pid = 0, .acc = ACCESS_READ, .va = 0x10, .size = 4 };
	CHECK(trace_write(w, &ref));
	CHECK(!trace_writer_close(w, err, sizeof err));
	CHECK_STR(err, "/dev/full: write error: No space left on device");
}

/* ---- a seeded differential test: random plain text vs what was meant ---- */

/* Appends one random plain line for ref (or a blank/comment line when ref is
 * NULL) with random spelling: pid or not, case, hex or decimal, default size. */
static size_t random_plain_line(struct rng *g, const struct trace_ref *ref, char *p)
{
	static const char *const blanks[] = { " ", "  ", "\t", " \t " };
	const char *sp = blanks[rng_below(g, 4)];
	size_t k = 0;
	if (!ref)
		return (size_t)sprintf(p, rng_below(g, 2) ? "%s# comment R 0x10\n" : "%s\n", sp);
	if (ref->pid || rng_below(g, 2))
		k += (size_t)sprintf(p + k, "%" PRIu32 "%s", ref->pid, sp);
	k += (size_t)sprintf(p + k, "%c%s", (rng_below(g, 2) ? "RWX" : "rwx")[ref->acc], sp);
	if (rng_below(g, 2))
		k += (size_t)sprintf(p + k, rng_below(g, 2) ? "0x%" PRIx64 : "0X%" PRIX64, ref->va);
	else
		k += (size_t)sprintf(p + k, "%" PRIu64, ref->va);
	if (ref->size != 1 || rng_below(g, 2))
		k += (size_t)sprintf(p + k, "%s%" PRIu32, sp, ref->size);
	k += (size_t)sprintf(p + k, "%s%s", rng_below(g, 4) ? "" : " # note", rng_below(g, 8) ? "\n" : "\r\n");
	return k;
}

TEST(random_plain_traces_read_back_as_written)
{
	for (uint64_t seed = 1; seed <= 20; seed++) {
		struct rng g;
		size_t n = 3000, k = 0;
		struct trace_ref *refs = xmalloc(n * sizeof *refs);
		uint64_t *lines = xmalloc(n * sizeof *lines), line = 0;
		char *text = xmalloc(n * 2 * 96);
		rng_seed(&g, seed);
		for (size_t i = 0; i < n; i++) {
			while (rng_below(&g, 4) == 0) {
				k += random_plain_line(&g, NULL, text + k);
				line++;
			}
			refs[i] = random_ref(&g);
			if (rng_below(&g, 3) == 0)
				refs[i].pid = 0;
			k += random_plain_line(&g, &refs[i], text + k);
			lines[i] = ++line;
		}
		const char *path = tmp_bytes(text, k);
		struct trace_reader *r = open_as(path, TRACE_AUTO);
		for (size_t i = 0; i < n; i++) {
			struct trace_ref got;
			char err[ERRLEN] = "";
			if (trace_next(r, &got, err, sizeof err) != 1 || got.pid != refs[i].pid ||
			    got.acc != refs[i].acc || got.va != refs[i].va || got.size != refs[i].size ||
			    got.line != lines[i])
				FAIL("seed %" PRIu64 " step %zu (line %" PRIu64 "): %s", seed, i, lines[i], err);
		}
		EXPECT_END(r);
		trace_close(r);
		free(refs);
		free(lines);
		free(text);
		tmp_cleanup();
	}
}

/* ---- names ---- */

TEST(format_names_parse_back_to_their_formats)
{
	for (int f = TRACE_AUTO; f <= TRACE_BINARY; f++) {
		enum trace_format got;
		CHECK(trace_format_parse(trace_format_name((enum trace_format)f), &got));
		CHECK_EQ(got, f);
	}
	enum trace_format got = TRACE_PLAIN;
	CHECK(!trace_format_parse("Plain", &got));
	CHECK(!trace_format_parse("", &got));
	CHECK_EQ(got, TRACE_PLAIN);
	CHECK_STR(trace_format_name(TRACE_LACKEY), "lackey");
	CHECK_STR(trace_format_name((enum trace_format)42), "?");
}
