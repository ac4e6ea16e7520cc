/* OPT's next uses from passes over a copy of the trace on disk: the backward
 * pass keeps per page only the number of its last access seen (a hash map over
 * the distinct pages) and writes the next uses to a temporary file, block by
 * block, each where it belongs; the forward pass reads records and next uses
 * back in blocks. Host memory is a few fixed blocks plus the two maps. */
#include "trace/future.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/u64map.h"

#define BLOCK_RECORDS 65536u /* records read at once (1 MiB) */
#define BLOCK_USES 131072u   /* next uses read or written at once (1 MiB), more than a record's pages */
#define PATH_BYTES 4096u

struct future {
	unsigned shift, vpn_bits;
	const struct pt_format *fmt;
	char *dir, *name;
	int rec_fd;          /* the records: the spool, or the input itself */
	bool own_rec_fd;     /* the spool (the input stays its reader's) */
	off_t rec_off;       /* where record 0 starts */
	int line_fd;         /* the lines of the spool's records, or -1: record i is line i + 1 */
	int use_fd;          /* the next uses, one uint64_t (host order) per page access */
	uint64_t extent;     /* records in the file up to the trace's last one, bad ones included */
	uint64_t records;    /* records of the trace */
	uint64_t uses;       /* page accesses of the trace */
	unsigned char *blk;  /* BLOCK_RECORDS records, from blk_first ... */
	uint64_t *lines;     /* ... and their lines (spool only) */
	uint64_t blk_first, blk_len;
	uint64_t *win;       /* next uses of page accesses win_first .. win_first + win_len - 1 */
	uint64_t win_first, win_len;
	uint64_t rec_next;   /* forward pass: the next record in the file */
	uint64_t use_next;   /* forward pass: the next page access */
	uint64_t done;       /* forward pass: records handed out */
};

/* The backward pass's state. */
struct backward {
	struct u64map last;  /* page key -> number of its access seen last (the next one in time) */
	struct u64map pids;  /* pid -> dense number */
	uint64_t npids;
	bool have_pid;       /* the pid of the previous record, and its number */
	uint32_t pid;
	uint64_t dense;
	uint64_t pos;        /* page accesses not yet seen */
	uint64_t *out;       /* BLOCK_USES: next uses of accesses pos .. pos + BLOCK_USES - fill - 1 ... */
	uint64_t fill;       /* ... in out[fill ..] */
};

/* ---- files ---- */

/* Reads n bytes at off. Returns the bytes read (fewer only at the end of the
 * file), or -1 with errno set. */
static ssize_t pread_full(int fd, void *buf, size_t n, off_t off)
{
	size_t done = 0;
	while (done < n) {
		ssize_t got = pread(fd, (char *)buf + done, n - done, off + (off_t)done);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -1;
		if (got == 0)
			break;
		done += (size_t)got;
	}
	return (ssize_t)done;
}

/* Writes n bytes at off. Returns false with errno set. */
static bool pwrite_full(int fd, const void *buf, size_t n, off_t off)
{
	size_t done = 0;
	while (done < n) {
		ssize_t put = pwrite(fd, (const char *)buf + done, n - done, off + (off_t)done);
		if (put < 0 && errno == EINTR)
			continue;
		if (put < 0)
			return false;
		done += (size_t)put;
	}
	return true;
}

/* Creates a new temporary file in fu->dir, its name in path (PATH_BYTES).
 * Returns its descriptor (read-write), or -1 with a message in err. */
static int tmp_create(const struct future *fu, char *path, char *err, size_t errlen)
{
	if ((size_t)snprintf(path, PATH_BYTES, "%s/vmlab-opt-XXXXXX", fu->dir) >= PATH_BYTES) {
		fail_msg(err, errlen, "opt: cannot create a temporary file in %s: %s", fu->dir, strerror(ENAMETOOLONG));
		return -1;
	}
	int fd = mkstemp(path);
	if (fd < 0) {
		fail_msg(err, errlen, "opt: cannot create a temporary file in %s: %s", fu->dir, strerror(errno));
		return -1;
	}
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	return fd;
}

/* A new temporary file with no name left. Returns its descriptor, or -1 with a message in err. */
static int tmp_anon(const struct future *fu, char *err, size_t errlen)
{
	char path[PATH_BYTES];
	int fd = tmp_create(fu, path, err, errlen);
	if (fd >= 0)
		unlink(path);
	return fd;
}

static bool write_error(const struct future *fu, char *err, size_t errlen)
{
	return fail_msg(err, errlen, "opt: cannot write a temporary file in %s: %s", fu->dir, strerror(errno));
}

/* The records or next uses read back are not what the first passes saw. */
static bool changed(const struct future *fu, char *err, size_t errlen)
{
	if (fu->own_rec_fd)
		return fail_msg(err, errlen, "opt: a temporary file in %s changed while being read", fu->dir);
	return fail_msg(err, errlen, "%s: changed while being read", fu->name);
}

/* Reads exactly n bytes at off of fd, a temporary file (or, with is_input,
 * the trace). Returns false with a message in err. */
static bool read_back(const struct future *fu, int fd, bool is_input, void *buf, size_t n, off_t off, char *err,
		      size_t errlen)
{
	ssize_t got = pread_full(fd, buf, n, off);
	if (got == (ssize_t)n)
		return true;
	if (got >= 0)
		return changed(fu, err, errlen);
	if (is_input)
		return fail_msg(err, errlen, "%s: read error: %s", fu->name, strerror(errno));
	return fail_msg(err, errlen, "opt: cannot read a temporary file in %s: %s", fu->dir, strerror(errno));
}

/* Records first .. first + n - 1 of the file into fu->blk. */
static bool get_records(struct future *fu, uint64_t first, uint64_t n, char *err, size_t errlen)
{
	return read_back(fu, fu->rec_fd, !fu->own_rec_fd, fu->blk, n * TRACE_BIN_RECORD_BYTES,
			 fu->rec_off + (off_t)(first * TRACE_BIN_RECORD_BYTES), err, errlen);
}

/* ---- the first pass: reading the trace ---- */

/* Counts the records of r and their page accesses, appending each record to
 * w and its line to fu->line_fd when w is not NULL. Returns false with a
 * message in err for a bad trace or a failed write of a line; stops early,
 * returning true, when w refuses a record (trace_writer_close says why). */
static bool read_trace(struct future *fu, struct trace_reader *r, struct trace_writer *w, char *err, size_t errlen)
{
	struct trace_ref ref;
	uint64_t fill = 0;
	int got;
	while ((got = trace_next(r, &ref, err, errlen)) == 1) {
		fu->records++;
		fu->uses += trace_ref_pages(&ref, fu->shift);
		fu->extent = ref.line;
		if (!w)
			continue;
		if (!trace_write(w, &ref))
			return true;
		fu->lines[fill++] = ref.line;
		if (fill == BLOCK_RECORDS) {
			off_t off = (off_t)((fu->records - fill) * sizeof *fu->lines);
			if (!pwrite_full(fu->line_fd, fu->lines, fill * sizeof *fu->lines, off))
				return write_error(fu, err, errlen);
			fill = 0;
		}
	}
	if (got < 0)
		return false;
	if (w && !pwrite_full(fu->line_fd, fu->lines, fill * sizeof *fu->lines,
			      (off_t)((fu->records - fill) * sizeof *fu->lines)))
		return write_error(fu, err, errlen);
	return true;
}

/* Copies the trace into an unlinked temporary binary trace (the spool) and
 * its lines into another. Returns false with a message in err. */
static bool spool(struct future *fu, struct trace_reader *r, char *err, size_t errlen)
{
	char path[PATH_BYTES], werr[PATH_BYTES + 100];
	fu->rec_fd = tmp_create(fu, path, err, errlen);
	if (fu->rec_fd < 0)
		return false;
	fu->own_rec_fd = true;
	fu->rec_off = TRACE_BIN_HEADER_BYTES;
	struct trace_writer *w = trace_writer_open(path, werr, sizeof werr);
	unlink(path);
	if (!w)
		return fail_msg(err, errlen, "opt: cannot create a temporary file in %s: %s", fu->dir, werr);
	fu->line_fd = tmp_anon(fu, err, errlen);
	fu->lines = xmalloc(BLOCK_RECORDS * sizeof *fu->lines);
	bool read_ok = fu->line_fd >= 0 && read_trace(fu, r, w, err, errlen);
	bool write_ok = trace_writer_close(w, werr, sizeof werr);
	if (!read_ok)
		return false;
	if (!write_ok)
		return fail_msg(err, errlen, "opt: cannot write the temporary copy of the trace: %s", werr);
	fu->extent = fu->records;
	return true;
}

/* ---- the backward pass: next uses ---- */

/* The key of page vpn of the process numbered dense: the number above the VPN's bits. */
static inline uint64_t page_key(const struct future *fu, uint64_t dense, vpn_t vpn)
{
	return (fu->vpn_bits < 64 ? dense << fu->vpn_bits : 0) | (vpn & mask_bits(fu->vpn_bits));
}

/* The dense number of pid, a new one for a pid not met yet. Returns false
 * with a message when the key has no room for it. */
static bool dense_pid(const struct future *fu, struct backward *b, uint32_t pid, uint64_t *dense, char *err,
		      size_t errlen)
{
	if (b->have_pid && b->pid == pid) {
		*dense = b->dense;
		return true;
	}
	if (!u64map_get(&b->pids, pid, dense)) {
		u64map_put(&b->pids, pid, *dense = b->npids++);
		unsigned room = 64 - fu->vpn_bits;
		if (fu->vpn_bits > 0 && fu->vpn_bits < 64 && *dense >> room)
			return fail_msg(err, errlen, "opt cannot tell apart more than %llu processes with %s addresses",
					1ull << room, fu->fmt->name);
	}
	b->have_pid = true;
	b->pid = pid;
	b->dense = *dense;
	return true;
}

/* Writes n next uses of page accesses from first on into the next-use file. */
static bool put_uses(const struct future *fu, const uint64_t *uses, uint64_t n, uint64_t first, char *err,
		     size_t errlen)
{
	if (!pwrite_full(fu->use_fd, uses, n * sizeof *uses, (off_t)(first * sizeof *uses)))
		return write_error(fu, err, errlen);
	return true;
}

/* The next use of page access b->pos; writes out a full block. */
static inline bool emit(const struct future *fu, struct backward *b, uint64_t next_use, char *err, size_t errlen)
{
	b->out[--b->fill] = next_use;
	if (b->fill)
		return true;
	b->fill = BLOCK_USES;
	return put_uses(fu, b->out, BLOCK_USES, b->pos, err, errlen);
}

/* The page accesses of one record, last page first. */
static bool learn_record(const struct future *fu, struct backward *b, const struct trace_ref *ref, char *err,
			 size_t errlen)
{
	uint64_t dense, n = trace_ref_pages(ref, fu->shift);
	if (!dense_pid(fu, b, ref->pid, &dense, err, errlen))
		return false;
	if (n > b->pos)
		return changed(fu, err, errlen);
	vpn_t first = ref->va >> fu->shift;
	for (uint64_t i = n; i-- > 0;) {
		uint64_t key = page_key(fu, dense, first + i), next_use;
		b->pos--;
		if (!u64map_get(&b->last, key, &next_use))
			next_use = FUTURE_NEVER;
		u64map_put(&b->last, key, b->pos);
		if (!emit(fu, b, next_use, err, errlen))
			return false;
	}
	return true;
}

/* Reads the records from the last to the first, writing every page access's next use. */
static bool learn(struct future *fu, char *err, size_t errlen)
{
	struct backward b = {.pos = fu->uses, .fill = BLOCK_USES, .out = xmalloc(BLOCK_USES * sizeof *b.out)};
	u64map_init(&b.last);
	u64map_init(&b.pids);
	uint64_t seen = 0;
	bool ok = true;
	for (uint64_t hi = fu->extent; ok && hi > 0;) {
		uint64_t lo = hi > BLOCK_RECORDS ? hi - BLOCK_RECORDS : 0;
		ok = get_records(fu, lo, hi - lo, err, errlen);
		for (uint64_t i = hi - lo; ok && i-- > 0;) {
			struct trace_ref ref;
			if (!trace_bin_decode(fu->blk + i * TRACE_BIN_RECORD_BYTES, &ref))
				continue; /* a bad record the reader skipped */
			seen++;
			ok = learn_record(fu, &b, &ref, err, errlen);
		}
		hi = lo;
	}
	if (ok && (seen != fu->records || b.pos != 0))
		ok = changed(fu, err, errlen);
	if (ok)
		ok = put_uses(fu, b.out + b.fill, BLOCK_USES - b.fill, 0, err, errlen);
	u64map_fini(&b.pids);
	u64map_fini(&b.last);
	free(b.out);
	return ok;
}

/* ---- the forward pass ---- */

static const char *tmp_dir(const char *dir)
{
	if (dir)
		return dir;
	dir = getenv("TMPDIR");
	return dir && *dir ? dir : "/tmp";
}

struct future *future_new(struct trace_reader *r, const struct future_opts *o, char *err, size_t errlen)
{
	struct future *fu = xcalloc(1, sizeof *fu);
	fu->fmt = o->fmt;
	fu->shift = o->fmt->page_shift;
	fu->vpn_bits = o->fmt->va_bits - o->fmt->page_shift;
	fu->dir = xstrdup(tmp_dir(o->tmpdir));
	fu->name = xstrdup(o->name ? o->name : "trace");
	fu->rec_fd = fu->line_fd = -1;
	fu->use_fd = tmp_anon(fu, err, errlen);
	bool ok = fu->use_fd >= 0;
	int fd;
	off_t header_off;
	if (ok && trace_binary_file(r, &fd, &header_off)) {
		fu->rec_fd = fd;
		fu->rec_off = header_off + TRACE_BIN_HEADER_BYTES;
		ok = read_trace(fu, r, NULL, err, errlen);
	} else if (ok) {
		ok = spool(fu, r, err, errlen);
	}
	if (ok) {
		fu->blk = xmalloc(BLOCK_RECORDS * TRACE_BIN_RECORD_BYTES);
		ok = learn(fu, err, errlen);
	}
	if (!ok) {
		future_free(fu);
		return NULL;
	}
	fu->win = xmalloc(BLOCK_USES * sizeof *fu->win);
	return fu;
}

/* Reads the next block of records (and their lines) from fu->rec_next on. */
static bool next_block(struct future *fu, char *err, size_t errlen)
{
	if (fu->rec_next >= fu->extent)
		return changed(fu, err, errlen);
	uint64_t n = fu->extent - fu->rec_next < BLOCK_RECORDS ? fu->extent - fu->rec_next : BLOCK_RECORDS;
	if (!get_records(fu, fu->rec_next, n, err, errlen))
		return false;
	if (fu->line_fd >= 0 && !read_back(fu, fu->line_fd, false, fu->lines, n * sizeof *fu->lines,
					   (off_t)(fu->rec_next * sizeof *fu->lines), err, errlen))
		return false;
	fu->blk_first = fu->rec_next;
	fu->blk_len = n;
	return true;
}

/* Points *next_use at the next uses of the next n page accesses. */
static bool take_uses(struct future *fu, uint64_t n, uint64_t **next_use, char *err, size_t errlen)
{
	if (n > fu->uses - fu->use_next)
		return changed(fu, err, errlen);
	if (fu->use_next + n > fu->win_first + fu->win_len) {
		fu->win_first = fu->use_next;
		fu->win_len = fu->uses - fu->use_next < BLOCK_USES ? fu->uses - fu->use_next : BLOCK_USES;
		if (!read_back(fu, fu->use_fd, false, fu->win, fu->win_len * sizeof *fu->win,
			       (off_t)(fu->win_first * sizeof *fu->win), err, errlen))
			return false;
	}
	*next_use = fu->win + (fu->use_next - fu->win_first);
	fu->use_next += n;
	return true;
}

int future_next(struct future *fu, struct trace_ref *out, uint64_t **next_use, char *err, size_t errlen)
{
	while (fu->done < fu->records) {
		if (fu->rec_next == fu->blk_first + fu->blk_len && !next_block(fu, err, errlen))
			return -1;
		uint64_t i = fu->rec_next++ - fu->blk_first;
		if (!trace_bin_decode(fu->blk + i * TRACE_BIN_RECORD_BYTES, out))
			continue; /* a bad record the reader skipped */
		out->line = fu->line_fd >= 0 ? fu->lines[i] : fu->rec_next;
		fu->done++;
		return take_uses(fu, trace_ref_pages(out, fu->shift), next_use, err, errlen) ? 1 : -1;
	}
	return 0;
}

void future_free(struct future *fu)
{
	if (!fu)
		return;
	if (fu->own_rec_fd && fu->rec_fd >= 0)
		close(fu->rec_fd);
	if (fu->line_fd >= 0)
		close(fu->line_fd);
	if (fu->use_fd >= 0)
		close(fu->use_fd);
	free(fu->blk);
	free(fu->lines);
	free(fu->win);
	free(fu->dir);
	free(fu->name);
	free(fu);
}
