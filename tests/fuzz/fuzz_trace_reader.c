/* libFuzzer target: the trace readers (trace/reader.c), every format.
 *
 * Input: byte 0 picks the format (auto, plain, pages, lackey, textbook,
 * binary: its value mod 6), skip_bad (bit 3) and how the trace arrives (bit 4:
 * as standard input in chunks of byte 2 + 1 bytes, else as a regular file);
 * byte 1 the page shift of `pages` (mod 64) and max_errors (its top 2 bits);
 * the rest is the trace.
 *
 * Besides the sanitizers' checks, every record must be well formed (a size
 * of 1..TRACE_MAX_SIZE, an access or an event, lines that never go back); a
 * failure must say why; a file read again after trace_rewind must give the
 * same records; and the records copied with trace_tee into a binary trace
 * must read back the same from it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/fuzz/fuzz_input.h"
#include "trace/reader.h"

#define MAX_KEPT 100000   /* records compared after a rewind and in the copy */

struct pass {
	struct trace_ref *recs;
	size_t n, cap;
	size_t errors;
};

static void fail(const char *what, uint64_t line)
{
	fprintf(stderr, "fuzz_trace_reader: %s (line %llu)\n", what, (unsigned long long)line);
	abort();
}

static void check_ref(const struct trace_ref *ref, uint64_t prev_line)
{
	if (ref->size < 1 || ref->size > TRACE_MAX_SIZE)
		fail("record size out of range", ref->line);
	if ((unsigned)ref->acc > ACCESS_EXEC || (unsigned)ref->event > TRACE_EVENT_LAST)
		fail("access or event out of range", ref->line);
	if (ref->event != TRACE_ACCESS && ref->acc != ACCESS_READ)
		fail("an event with an access other than read", ref->line);
	if (ref->line < prev_line)
		fail("line numbers went back", ref->line);
}

static void keep(struct pass *ps, const struct trace_ref *ref)
{
	if (ps->n == MAX_KEPT)
		return;
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? 2 * ps->cap : 64;
		ps->recs = realloc(ps->recs, ps->cap * sizeof *ps->recs);
		if (!ps->recs)
			abort();
	}
	ps->recs[ps->n++] = *ref;
}

/* Reads r to its end into ps (bounded: a reader must end). */
static void read_all(struct trace_reader *r, struct pass *ps, size_t limit)
{
	struct trace_ref ref;
	char err[512];
	uint64_t prev_line = 0;
	for (size_t i = 0;; i++) {
		if (i > limit)
			fail("the reader does not end", prev_line);
		err[0] = '\0';
		memset(&ref, 0xa5, sizeof ref);
		int rc = trace_next(r, &ref, err, sizeof err);
		if (rc == 0)
			return;
		if (rc < 0) {
			if (!err[0])
				fail("an error without a message", prev_line);
			ps->errors++;
			continue;
		}
		if (rc != 1)
			fail("trace_next returned neither 1, 0 nor -1", prev_line);
		check_ref(&ref, prev_line);
		prev_line = ref.line;
		keep(ps, &ref);
	}
}

static bool same_ref(const struct trace_ref *a, const struct trace_ref *b, bool with_line)
{
	return a->pid == b->pid && a->acc == b->acc && a->va == b->va && a->size == b->size &&
	       a->faulted == b->faulted && a->event == b->event && (!with_line || a->line == b->line);
}

static void same_passes(const struct pass *a, const struct pass *b, bool with_line, const char *what)
{
	if (a->n != b->n)
		fail(what, 0);
	for (size_t i = 0; i < a->n; i++)
		if (!same_ref(&a->recs[i], &b->recs[i], with_line))
			fail(what, a->recs[i].line);
}

/* The binary copy at path holds exactly the records of first. */
static void check_copy(const char *path, const struct pass *first)
{
	char err[512];
	struct trace_reader_opts o = TRACE_READER_OPTS_INIT;
	o.format = TRACE_BINARY;
	struct trace_reader *r = trace_open(path, &o, err, sizeof err);
	if (!r)
		fail("the binary copy does not open", 0);
	struct pass copy = {0};
	read_all(r, &copy, 4 * MAX_KEPT);
	trace_close(r);
	if (copy.errors)
		fail("the binary copy has bad records", 0);
	same_passes(first, &copy, false, "the binary copy differs from the records read");
	free(copy.recs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = {data, size};
	uint8_t how = fuzz_byte(&in), shift = fuzz_byte(&in), chunk = fuzz_byte(&in);
	struct trace_reader_opts o = TRACE_READER_OPTS_INIT;
	o.format = (enum trace_format)(how % 6);
	o.skip_bad = how & 8;
	o.page_shift = shift % 64;
	o.max_errors = shift >> 6;
	bool chunked = (how & 16) && in.n <= FUZZ_MAX_CHUNKED;
	char path[64], copy_path[64], err[512];
	int fd = -1, saved = -1, copy_fd = fuzz_file(NULL, 0, copy_path, sizeof copy_path);
	if (chunked)
		saved = fuzz_stdin_chunks(in.p, in.n, (size_t)chunk + 1);
	else
		fd = fuzz_file(in.p, in.n, path, sizeof path);
	struct trace_reader *r = trace_open(chunked ? "-" : path, &o, err, sizeof err);
	if (!r) {
		if (!err[0])
			fail("trace_open failed without a message", 0);
	} else {
		struct trace_writer *w = trace_writer_open(copy_path, err, sizeof err);
		if (!w)
			fail("the binary copy does not open for writing", 0);
		trace_tee(r, w);
		struct pass first = {0}, again = {0};
		read_all(r, &first, 4 * size + 16);
		bool rewound = trace_rewind(r);
		if (rewound == chunked)
			fail("rewind works on a socket or fails on a file", 0);
		if (!trace_writer_close(w, err, sizeof err))
			fail("the binary copy failed", 0);
		if (rewound) {
			read_all(r, &again, 4 * size + 16);
			same_passes(&first, &again, true, "a second reading differs from the first");
		}
		if (first.n < MAX_KEPT)
			check_copy(copy_path, &first);
		free(first.recs);
		free(again.recs);
		trace_close(r);
	}
	if (chunked)
		fuzz_stdin_end(saved);
	else
		close(fd);
	close(copy_fd);
	return 0;
}
