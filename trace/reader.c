/* Trace readers. One fixed buffer of TRACE_BUF_BYTES (+1 byte) holds the input;
 * a line is found with memchr and parsed in place. Every line handed to a
 * parser is followed in memory by '\n' (its own, or a sentinel written after
 * the last line), so the digit loops stop on it without bounds checks. Each
 * format is one `next` function chosen at open; the text ones share
 * next_text, which is inlined into each with its parser. */
#include "trace/reader.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define STR_(x) #x
#define STR(x) STR_(x)
#define NO_NUL SIZE_MAX  /* reader.nul when the buffer holds no NUL byte */
#define BUF_PAD 1        /* byte after the buffer, for a '\n' after the last line */
#define QUOTE_MAX 40     /* bytes of an offending line shown in a message */

struct trace_reader;
typedef int (*next_fn)(struct trace_reader *r, struct trace_ref *out, char *err, size_t errlen);

struct trace_reader {
	next_fn next;              /* the format's reader; next_end once stopped */
	unsigned char *buf;        /* TRACE_BUF_BYTES + BUF_PAD */
	size_t pos, end;           /* unread input is buf[pos, end) */
	size_t nul;                /* first NUL in buf[pos, end), or NO_NUL */
	bool track_nul;            /* text formats: keep nul up to date */
	bool eof;                  /* read() returned 0 */
	bool skipping;             /* discarding the rest of a too-long line */
	int io_errno;              /* errno of a failed read */
	uint64_t line;             /* lines (records) consumed so far */
	uint64_t bad;              /* bad lines skipped */
	struct trace_reader_opts opts;  /* opts.format: the detected format */
	const unsigned char *cur;  /* pages: rest of the current line, or NULL */
	const unsigned char *line_s, *line_e;  /* pages: the current line */
	bool has_pending;          /* lackey: the write half of an M is due */
	struct trace_ref pending;
	int fd;
	bool own_fd;               /* false for standard input */
	bool seekable;
	off_t start_off;           /* where the trace starts in the file */
	char *name;
	struct trace_writer *tee;  /* every record returned is copied here, or NULL */
};

enum line_rc { LINE_OK, LINE_EOF, LINE_BAD, LINE_IOERR };
enum parse_rc { PARSE_REC, PARSE_SKIP, PARSE_BAD };

/* A line: [s, e), and *e == '\n'. */
struct span {
	const unsigned char *s, *e;
};

/* ---- messages ---- */

/* snprintf into err when the caller gave room for a message. */
PRINTF_LIKE(3, 4) static void say(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* Writes [s, e) into dst (size n >= 4*QUOTE_MAX+4) for a message: trailing
 * blanks dropped, at most QUOTE_MAX bytes then "...", bytes other than
 * printable ASCII as \xNN. */
static void quote(char *dst, size_t n, const unsigned char *s, const unsigned char *e)
{
	size_t k = 0;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		e--;
	for (const unsigned char *p = s; p < e && p < s + QUOTE_MAX; p++) {
		if (*p >= 0x20 && *p < 0x7f)
			dst[k++] = (char)*p;
		else
			k += (size_t)snprintf(dst + k, n - k, "\\x%02x", *p);
	}
	if (e - s > QUOTE_MAX)
		k += (size_t)snprintf(dst + k, n - k, "...");
	dst[k] = '\0';
}

/* The `next` of a reader that has stopped: always the end. */
static int next_end(struct trace_reader *r, struct trace_ref *out, char *err, size_t errlen)
{
	(void)r, (void)out, (void)err, (void)errlen;
	return 0;
}

/* A bad line or record; fmt makes the whole message. Without skip_bad the
 * message goes to err and the result is -1. With it, the message goes to
 * stderr and the result is 0 (carry on), or -1 with "file: stopped after N
 * bad lines" in err once max_errors is reached (the reader then ends). */
PRINTF_LIKE(4, 5) static int complain(struct trace_reader *r, char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (!r->opts.skip_bad) {
		if (err && errlen)
			vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
		return -1;
	}
	fputs("vmlab: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	r->bad++;
	if (r->opts.max_errors && r->bad >= r->opts.max_errors) {
		say(err, errlen, "%s: stopped after %" PRIu64 " bad %s", r->name, r->bad,
		    r->opts.format == TRACE_BINARY ? "records" : "lines");
		r->next = next_end;
		return -1;
	}
	return 0;
}

/* Complains about the current line ln: "file:line: why: 'text'". */
static int bad_line(struct trace_reader *r, const char *why, const struct span *ln, char *err, size_t errlen)
{
	char text[4 * QUOTE_MAX + 8];
	quote(text, sizeof text, ln->s, ln->e);
	return complain(r, err, errlen, "%s:%" PRIu64 ": %s: '%s'", r->name, r->line, why, text);
}

/* A failed read ends the reader: "file: read error: why" in err, -1. */
static int io_error(struct trace_reader *r, char *err, size_t errlen)
{
	say(err, errlen, "%s: read error: %s", r->name, strerror(r->io_errno));
	r->next = next_end;
	return -1;
}

/* ---- the buffer ---- */

/* Appends input after buf[end]; the caller made room. Returns 1 when bytes
 * arrived, 0 at end of input, -1 on a read error (errno in r->io_errno). */
static int fill(struct trace_reader *r)
{
	size_t room = TRACE_BUF_BYTES - r->end;
	ssize_t n;
	if (r->eof)
		return 0;
	if (room == 0)
		panic("no room in the trace buffer");
	do
		n = read(r->fd, r->buf + r->end, room);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		r->io_errno = errno;
		return -1;
	}
	if (n == 0) {
		r->eof = true;
		return 0;
	}
	if (r->track_nul && r->nul == NO_NUL) {
		unsigned char *z = memchr(r->buf + r->end, 0, (size_t)n);
		if (z)
			r->nul = (size_t)(z - r->buf);
	}
	r->end += (size_t)n;
	return 1;
}

/* Moves the unread input to the start of the buffer. */
static void compact(struct trace_reader *r)
{
	size_t avail = r->end - r->pos;
	if (r->pos == 0)
		return;
	memmove(r->buf, r->buf + r->pos, avail);
	if (r->nul != NO_NUL)
		r->nul -= r->pos;
	r->pos = 0;
	r->end = avail;
}

/* Consumes input up to offset pos, keeping nul pointing at or after it. */
static void advance(struct trace_reader *r, size_t pos)
{
	r->pos = pos;
	if (r->nul < pos) {
		unsigned char *z = memchr(r->buf + pos, 0, r->end - pos);
		r->nul = z ? (size_t)(z - r->buf) : NO_NUL;
	}
}

/* ---- lines ---- */

/* Hands out the line starting at s, ending at nl (NULL: no '\n' in the
 * buffer, which then holds either more than TRACE_MAX_LINE bytes or the last
 * line of the input). Returns LINE_OK, or LINE_BAD with why set. */
static enum line_rc cut_line(struct trace_reader *r, unsigned char *s, unsigned char *nl, struct span *ln,
			     const char **why)
{
	size_t avail = (size_t)(r->buf + r->end - s);
	r->line++;
	if (!nl && avail > TRACE_MAX_LINE) {
		*ln = (struct span){ s, r->buf + r->end };
		r->skipping = true;
		advance(r, r->end);
		*why = "line longer than " STR(TRACE_MAX_LINE) " bytes";
		return LINE_BAD;
	}
	size_t next = nl ? (size_t)(nl + 1 - r->buf) : r->end;
	if (!nl) {
		nl = r->buf + r->end;
		*nl = '\n';
	}
	bool has_nul = r->nul < (size_t)(nl - r->buf);
	*ln = (struct span){ s, nl };
	advance(r, next);
	if (nl - s > TRACE_MAX_LINE) {
		*why = "line longer than " STR(TRACE_MAX_LINE) " bytes";
		return LINE_BAD;
	}
	if (has_nul) {
		*why = "NUL byte in a text trace";
		return LINE_BAD;
	}
	return LINE_OK;
}

/* take_line when the next line is not whole in the buffer, too long or
 * holds a NUL: skips the rest of a too-long line, refills, cuts. */
static enum line_rc take_line_slow(struct trace_reader *r, struct span *ln, const char **why)
{
	for (;;) {
		unsigned char *s = r->buf + r->pos;
		size_t avail = r->end - r->pos;
		unsigned char *nl = memchr(s, '\n', avail);
		if (r->skipping) {
			if (nl) {
				r->skipping = false;
				advance(r, (size_t)(nl + 1 - r->buf));
				continue;
			}
			advance(r, r->end);
		} else if (nl || avail > TRACE_MAX_LINE || (r->eof && avail)) {
			return cut_line(r, s, nl, ln, why);
		}
		if (r->eof) {
			r->skipping = false;
			return LINE_EOF;
		}
		compact(r);
		if (fill(r) < 0)
			return LINE_IOERR;
	}
}

/* The next line of input, counted in r->line. LINE_OK: *ln is the line.
 * LINE_BAD: *ln is a line that is too long or holds a NUL, why says which.
 * LINE_EOF: no more input. LINE_IOERR: a read failed. */
static inline enum line_rc take_line(struct trace_reader *r, struct span *ln, const char **why)
{
	unsigned char *s = r->buf + r->pos;
	unsigned char *nl = memchr(s, '\n', r->end - r->pos);
	if (likely(nl && nl - s <= TRACE_MAX_LINE && (size_t)(nl - r->buf) < r->nul && !r->skipping)) {
		r->pos = (size_t)(nl + 1 - r->buf);
		r->line++;
		*ln = (struct span){ s, nl };
		return LINE_OK;
	}
	return take_line_slow(r, ln, why);
}

/* ---- fields (each loop stops at the line's '\n') ---- */

/* Little-endian loads (one instruction on a little-endian host). */
static inline uint16_t le16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }
static inline uint32_t le32(const unsigned char *p) { return (uint32_t)le16(p) | (uint32_t)le16(p + 2) << 16; }
static inline uint64_t le64(const unsigned char *p) { return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32; }

/* Blanks separate fields; '\r' is one so that CRLF files read like LF ones. */
static inline bool is_blank(unsigned c) { return c == ' ' || c == '\t' || c == '\r'; }
static inline bool is_digit(unsigned c) { return c - '0' < 10; }

/* True for a byte that may follow a number in plain and pages lines. */
static inline bool ends_field(unsigned c) { return is_blank(c) || c == '\n' || c == '#'; }

static inline const unsigned char *skip_blank(const unsigned char *p)
{
	while (is_blank(*p))
		p++;
	return p;
}

/* Reads decimal digits at p into *v; *ovf when they do not fit 64 bits.
 * Returns the first byte after them (p itself when there are none). */
static inline const unsigned char *dec(const unsigned char *p, uint64_t *v, bool *ovf)
{
	uint64_t x = 0;
	bool o = false;
	unsigned d;
	while ((d = (unsigned)*p - '0') < 10) {
		o |= __builtin_mul_overflow(x, 10, &x);
		o |= __builtin_add_overflow(x, d, &x);
		p++;
	}
	*v = x;
	*ovf = o;
	return p;
}

/* Each byte's value as a hex digit, 16 for non-digits. A table, because a
 * comparison chain's branches mispredict on random addresses (2x slower). */
static const uint8_t hex_value[256] = {
	16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
	16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
	16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
	 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 16, 16, 16, 16, 16, 16,
	16, 10, 11, 12, 13, 14, 15, 16, 16, 16, 16, 16, 16, 16, 16, 16,
	16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
	16, 10, 11, 12, 13, 14, 15, 16, 16, 16, 16, 16, 16, 16, 16, 16,
	16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
	16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
	16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
	16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
	16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
	16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
	16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
	16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
	16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16,
};

/* Reads hex digits (no prefix) like dec. */
static inline const unsigned char *hex(const unsigned char *p, uint64_t *v, bool *ovf)
{
	uint64_t x = 0;
	bool o = false;
	unsigned d;
	while ((d = hex_value[*p]) < 16) {
		o |= (x >> 60) != 0;
		x = x << 4 | d;
		p++;
	}
	*v = x;
	*ovf = o;
	return p;
}

/* The access an R/W/X letter (either case) names, or -1. Branch-free: the
 * letters of a trace are random enough to defeat a predicted switch. */
static inline int access_of(unsigned c)
{
	unsigned l = c | 0x20;
	int acc = (l == 'w') * ACCESS_WRITE + (l == 'x') * ACCESS_EXEC;
	return (l == 'r' || l == 'w' || l == 'x') ? acc : -1;
}

/* A bad line: why = msg. */
static inline enum parse_rc fail(const char **why, const char *msg)
{
	*why = msg;
	return PARSE_BAD;
}

/* ---- plain: "[pid] R|W|X address [size]  # comment" ---- */

#define PLAIN_SHAPE "expected [pid] R|W|X address [size]"
#define BAD_SIZE "bad size (expected 1 to " STR(TRACE_MAX_SIZE) ")"

/* Why the access field at p (after any pid) is wrong. */
static const char *plain_access_problem(const unsigned char *p)
{
	if (*p == '\n' || *p == '#')
		return "missing access (R, W or X)";
	if (ends_field(p[1]))
		return "bad access letter (expected R, W or X)";
	return PLAIN_SHAPE;
}

/* Parses "address [size]" at p into out. */
static inline enum parse_rc plain_tail(const unsigned char *p, struct trace_ref *out, const char **why)
{
	const unsigned char *q;
	uint64_t v;
	bool ovf;
	if (p[0] == '0' && (p[1] | 0x20) == 'x') {
		q = hex(p + 2, &v, &ovf);
		if (q == p + 2)
			return fail(why, "bad address");
	} else {
		q = dec(p, &v, &ovf);
		if (q == p)
			return fail(why, *p == '\n' || *p == '#' ? "missing address" : "bad address");
	}
	if (!ends_field(*q))
		return fail(why, "bad address");
	if (ovf)
		return fail(why, "address does not fit in 64 bits");
	out->va = v;
	out->size = 1;
	p = skip_blank(q);
	if (*p == '\n' || *p == '#')
		return PARSE_REC;
	q = dec(p, &v, &ovf);
	if (q == p || !ends_field(*q) || ovf || v == 0 || v > TRACE_MAX_SIZE)
		return fail(why, BAD_SIZE);
	out->size = (uint32_t)v;
	p = skip_blank(q);
	if (*p != '\n' && *p != '#')
		return fail(why, "unexpected text after the size");
	return PARSE_REC;
}

/* Parses one plain line (at p, ending in '\n'). */
static inline enum parse_rc parse_plain(struct trace_reader *r, const unsigned char *p, struct trace_ref *out,
					const char **why)
{
	uint64_t v;
	bool ovf;
	p = skip_blank(p);
	if (*p == '\n' || *p == '#')
		return PARSE_SKIP;
	out->pid = 0;
	if (is_digit(*p)) {
		p = dec(p, &v, &ovf);
		if (!is_blank(*p))
			return fail(why, *p == '\n' || *p == '#' ? "missing access (R, W or X)" : PLAIN_SHAPE);
		if (ovf || v > UINT32_MAX)
			return fail(why, "pid does not fit in 32 bits");
		out->pid = (uint32_t)v;
		p = skip_blank(p);
	}
	int acc = access_of(*p);
	if (acc < 0)
		return fail(why, plain_access_problem(p));
	p++;
	if (!is_blank(*p))
		return fail(why, *p == '\n' || *p == '#' ? "missing address" : PLAIN_SHAPE);
	out->acc = (enum access)acc;
	out->line = r->line;
	return plain_tail(skip_blank(p), out, why);
}

/* ---- lackey: "I  04016c3,3", " L 1ffefffd28,8", " S ...", " M ..." ---- */

/* The access of a lackey line's first 3 bytes at p, 'M' for a modify, or -1
 * when they are not an access prefix. */
static inline int lackey_kind(const unsigned char *p)
{
	if (p[0] == 'I' && p[1] == ' ')
		return ACCESS_EXEC;
	if (p[0] != ' ')
		return -1;
	switch (p[1]) {
	case 'L': return p[2] == ' ' ? ACCESS_READ : -1;
	case 'S': return p[2] == ' ' ? ACCESS_WRITE : -1;
	case 'M': return p[2] == ' ' ? 'M' : -1;
	}
	return -1;
}

/* Parses one lackey line; anything not shaped "kind hex," is skipped. A
 * modify yields its read now and leaves its write pending. */
static inline enum parse_rc parse_lackey(struct trace_reader *r, const unsigned char *p, struct trace_ref *out,
					 const char **why)
{
	int kind = lackey_kind(p);
	uint64_t va, size;
	bool ovf, sovf;
	if (kind < 0)
		return PARSE_SKIP;
	p = skip_blank(p + 2);
	const unsigned char *q = hex(p, &va, &ovf);
	if (q == p || *q != ',')
		return PARSE_SKIP;
	if (ovf)
		return fail(why, "address does not fit in 64 bits");
	p = dec(q + 1, &size, &sovf);
	if (p == q + 1 || sovf || size == 0 || size > TRACE_MAX_SIZE)
		return fail(why, BAD_SIZE);
	if (*skip_blank(p) != '\n')
		return fail(why, "unexpected text after the size");
	*out = (struct trace_ref){ .pid = 0, .va = va, .size = (uint32_t)size, .line = r->line };
	out->acc = kind == 'M' ? ACCESS_READ : (enum access)kind;
	if (kind == 'M') {
		r->pending = *out;
		r->pending.acc = ACCESS_WRITE;
		r->has_pending = true;
	}
	return PARSE_REC;
}

/* ---- textbook: one unsigned 32-bit decimal per line, low 16 bits used ---- */

/* Parses one textbook line (at p, ending in '\n'). */
static inline enum parse_rc parse_textbook(struct trace_reader *r, const unsigned char *p, struct trace_ref *out,
					   const char **why)
{
	uint64_t v;
	bool ovf;
	p = skip_blank(p);
	if (*p == '\n')
		return PARSE_SKIP;
	const unsigned char *q = dec(p, &v, &ovf);
	if (q == p || *skip_blank(q) != '\n')
		return fail(why, "expected one unsigned decimal address");
	if (ovf || v > UINT32_MAX)
		return fail(why, "address does not fit in 32 bits");
	*out = (struct trace_ref){ .pid = 0, .acc = ACCESS_READ, .va = v & 0xFFFF, .size = 1, .line = r->line };
	return PARSE_REC;
}

/* ---- the text formats' driver ---- */

typedef enum parse_rc (*parse_fn)(struct trace_reader *r, const unsigned char *p, struct trace_ref *out,
				  const char **why);

/* The next record of a one-record-per-line format: takes lines until parse
 * makes a record, complaining about bad ones. Inlined into each format's
 * next function so that parse is a direct call. */
static inline __attribute__((always_inline)) int next_text(struct trace_reader *r, struct trace_ref *out,
							   char *err, size_t errlen, parse_fn parse)
{
	for (;;) {
		struct span ln;
		const char *why = NULL;
		enum line_rc lrc = take_line(r, &ln, &why);
		if (likely(lrc == LINE_OK)) {
			enum parse_rc prc = parse(r, ln.s, out, &why);
			if (likely(prc == PARSE_REC))
				return 1;
			if (prc == PARSE_SKIP)
				continue;
		} else if (lrc == LINE_EOF) {
			return 0;
		} else if (lrc == LINE_IOERR) {
			return io_error(r, err, errlen);
		}
		if (bad_line(r, why, &ln, err, errlen) < 0)
			return -1;
	}
}

/* The `next` functions of the formats, with trace_next's contract. */
static int next_plain(struct trace_reader *r, struct trace_ref *out, char *err, size_t errlen)
{
	return next_text(r, out, err, errlen, parse_plain);
}

static int next_textbook(struct trace_reader *r, struct trace_ref *out, char *err, size_t errlen)
{
	return next_text(r, out, err, errlen, parse_textbook);
}

static int next_lackey(struct trace_reader *r, struct trace_ref *out, char *err, size_t errlen)
{
	if (r->has_pending) {
		r->has_pending = false;
		*out = r->pending;
		return 1;
	}
	return next_text(r, out, err, errlen, parse_lackey);
}

/* ---- pages: page numbers separated by blanks, commas and newlines ---- */

/* The next page number of the current line (r->cur). PARSE_SKIP when the
 * line has no more; both that and PARSE_BAD end the line. */
static enum parse_rc page_token(struct trace_reader *r, struct trace_ref *out, const char **why)
{
	const unsigned char *p = r->cur, *q;
	uint64_t v;
	bool ovf;
	while (is_blank(*p) || *p == ',')
		p++;
	r->cur = NULL;
	if (*p == '\n' || *p == '#')
		return PARSE_SKIP;
	q = dec(p, &v, &ovf);
	if (q == p || !(ends_field(*q) || *q == ','))
		return fail(why, "bad page number");
	if (ovf || v > (UINT64_MAX >> r->opts.page_shift))
		return fail(why, "page number too large for 64-bit addresses");
	r->cur = q;
	*out = (struct trace_ref){ .pid = 0, .acc = ACCESS_READ, .va = v << r->opts.page_shift, .size = 1,
				   .line = r->line };
	return PARSE_REC;
}

/* pages' `next`: the line in r->cur first, then new lines. */
static int next_pages(struct trace_reader *r, struct trace_ref *out, char *err, size_t errlen)
{
	for (;;) {
		struct span ln;
		const char *why = NULL;
		if (r->cur) {
			enum parse_rc prc = page_token(r, out, &why);
			if (prc == PARSE_REC)
				return 1;
			if (prc == PARSE_SKIP)
				continue;
			ln = (struct span){ r->line_s, r->line_e };
		} else {
			enum line_rc lrc = take_line(r, &ln, &why);
			if (lrc == LINE_EOF)
				return 0;
			if (lrc == LINE_IOERR)
				return io_error(r, err, errlen);
			if (lrc == LINE_OK) {
				r->cur = r->line_s = ln.s;
				r->line_e = ln.e;
				continue;
			}
		}
		if (bad_line(r, why, &ln, err, errlen) < 0)
			return -1;
	}
}

/* ---- binary ---- */


/* Little-endian stores, for the writer. */
static inline void put_le16(unsigned char *p, uint16_t v) { p[0] = (unsigned char)v; p[1] = (unsigned char)(v >> 8); }
static inline void put_le32(unsigned char *p, uint32_t v) { put_le16(p, (uint16_t)v); put_le16(p + 2, (uint16_t)(v >> 16)); }
static inline void put_le64(unsigned char *p, uint64_t v) { put_le32(p, (uint32_t)v); put_le32(p + 4, (uint32_t)(v >> 32)); }

/* Gets at least n unread bytes into the buffer (n <= TRACE_BUF_BYTES / 2).
 * Returns 1, 0 when the input ends first (what there is stays unread), -1
 * on a read error. */
static int want_bytes(struct trace_reader *r, size_t n)
{
	while (r->end - r->pos < n) {
		if (r->eof)
			return 0;
		compact(r);
		if (fill(r) < 0)
			return -1;
	}
	return 1;
}

/* Checks the binary header at the start of the unread input and consumes it.
 * Returns false with "file: what" in err. */
static bool read_bin_header(struct trace_reader *r, char *err, size_t errlen)
{
	int rc = want_bytes(r, TRACE_BIN_HEADER_BYTES);
	const unsigned char *p = r->buf + r->pos;
	size_t avail = r->end - r->pos;
	if (rc < 0) {
		io_error(r, err, errlen);
		return false;
	}
	if (memcmp(p, TRACE_BIN_MAGIC, avail < 8 ? avail : 8) != 0 || avail == 0) {
		say(err, errlen, "%s: not a vmlab binary trace (bad magic)", r->name);
		return false;
	}
	if (rc == 0) {
		say(err, errlen, "%s: truncated header (%zu of %d bytes)", r->name, avail, TRACE_BIN_HEADER_BYTES);
		return false;
	}
	if (le32(p + 8) != TRACE_BIN_VERSION) {
		say(err, errlen, "%s: unsupported binary trace version %" PRIu32 " (this reader reads %d)", r->name,
		    le32(p + 8), TRACE_BIN_VERSION);
		return false;
	}
	if (le32(p + 12) != TRACE_BIN_RECORD_BYTES) {
		say(err, errlen, "%s: unsupported record size %" PRIu32 " (this reader reads %d)", r->name,
		    le32(p + 12), TRACE_BIN_RECORD_BYTES);
		return false;
	}
	r->pos += TRACE_BIN_HEADER_BYTES;
	return true;
}

/* The largest access byte: the last event's. */
#define BIN_ACCESS_MAX (TRACE_BIN_EVENT_BASE + TRACE_EVENT_LAST - TRACE_UNMAP)

/* Complains about the invalid record just consumed at p. */
static int bad_record(struct trace_reader *r, const unsigned char *p, char *err, size_t errlen)
{
	if (p[14] > BIN_ACCESS_MAX)
		return complain(r, err, errlen, "%s: record %" PRIu64 ": bad access %u (expected 0 to %d)",
				r->name, r->line, p[14], BIN_ACCESS_MAX);
	if (p[15] & ~TRACE_BIN_FAULTED)
		return complain(r, err, errlen, "%s: record %" PRIu64 ": flags byte is %u (only bit 0 is defined)",
				r->name, r->line, p[15]);
	return complain(r, err, errlen, "%s: record %" PRIu64 ": bad size %u (expected 1 to %d)", r->name,
			r->line, le16(p + 12), TRACE_MAX_SIZE);
}

/* When fewer than a record's bytes are buffered: refills. Returns 1 when a
 * whole record is there, otherwise the result for trace_next (0 at a clean
 * end; -1 for a read error or a truncated record, which end the reader). */
static int bin_refill(struct trace_reader *r, char *err, size_t errlen)
{
	int rc = want_bytes(r, TRACE_BIN_RECORD_BYTES);
	if (rc < 0)
		return io_error(r, err, errlen);
	if (rc > 0)
		return 1;
	r->next = next_end;
	if (r->end == r->pos)
		return 0;
	say(err, errlen, "%s: record %" PRIu64 ": truncated (%zu of %d bytes)", r->name, r->line + 1,
	    r->end - r->pos, TRACE_BIN_RECORD_BYTES);
	return -1;
}

/* Decodes a valid record at p into *out (all but line); false for an invalid one. */
static inline bool bin_decode(const unsigned char *p, struct trace_ref *out)
{
	unsigned size = le16(p + 12);
	if (unlikely(p[14] > BIN_ACCESS_MAX || (p[15] & ~TRACE_BIN_FAULTED) || size - 1 >= TRACE_MAX_SIZE))
		return false;
	bool event = p[14] >= TRACE_BIN_EVENT_BASE;
	out->va = le64(p);
	out->pid = le32(p + 8);
	out->size = size;
	out->event = event ? (enum trace_event)(p[14] - TRACE_BIN_EVENT_BASE + TRACE_UNMAP) : TRACE_ACCESS;
	out->acc = event ? ACCESS_READ : (enum access)p[14];
	out->faulted = p[15] & TRACE_BIN_FAULTED;
	return true;
}

bool trace_bin_decode(const unsigned char *p, struct trace_ref *out) { return bin_decode(p, out); }

/* binary's `next`: decodes records in place, 16 bytes each. */
static int next_binary(struct trace_reader *r, struct trace_ref *out, char *err, size_t errlen)
{
	for (;;) {
		if (unlikely(r->end - r->pos < TRACE_BIN_RECORD_BYTES)) {
			int rc = bin_refill(r, err, errlen);
			if (rc <= 0)
				return rc;
		}
		const unsigned char *p = r->buf + r->pos;
		r->pos += TRACE_BIN_RECORD_BYTES;
		r->line++;
		if (likely(bin_decode(p, out))) {
			out->line = r->line;
			return 1;
		}
		if (bad_record(r, p, err, errlen) < 0)
			return -1;
	}
}

/* ---- format detection ---- */

/* True for a line (at p) shaped like a lackey access: "I  hex," / " L hex,". */
static bool looks_lackey(const unsigned char *p)
{
	uint64_t v;
	bool ovf;
	if (lackey_kind(p) < 0)
		return false;
	p = skip_blank(p + 2);
	const unsigned char *q = hex(p, &v, &ovf);
	return q != p && *q == ',';
}

/* True for a line (at its first non-blank p) shaped "[pid] R|W|X ...". */
static bool looks_plain(const unsigned char *p)
{
	if (is_digit(*p)) {
		while (is_digit(*p))
			p++;
		if (!is_blank(*p))
			return false;
		p = skip_blank(p);
	}
	return access_of(*p) >= 0 && is_blank(p[1]);
}

/* True for a line (at its first non-blank p) of only numbers, blanks and commas. */
static bool looks_pages(const unsigned char *p)
{
	bool any = false;
	for (; *p != '\n' && *p != '#'; p++) {
		if (is_digit(*p))
			any = true;
		else if (!is_blank(*p) && *p != ',')
			return false;
	}
	return any;
}

/* What the line at p says about the format: a format, TRACE_AUTO when it has
 * no recognisable shape, or -1 when it is blank or a comment. */
static int line_shape(const unsigned char *p)
{
	if ((p[0] == '=' && p[1] == '=') || looks_lackey(p))
		return TRACE_LACKEY;
	p = skip_blank(p);
	if (*p == '\n' || *p == '#')
		return -1;
	if (looks_plain(p))
		return TRACE_PLAIN;
	if (looks_pages(p))
		return TRACE_PAGES;
	return TRACE_AUTO;
}

/* Decides the text format from the whole lines buffered from offset *off on
 * (the last one too at end of input); *off moves past the lines looked at.
 * *odd and *odd_line keep the first line that has no recognisable shape.
 * Returns the format, or TRACE_AUTO when these lines do not tell. */
static enum trace_format detect_lines(struct trace_reader *r, size_t *off, uint64_t *lineno, struct span *odd,
				      uint64_t *odd_line)
{
	while (*off < r->end) {
		unsigned char *s = r->buf + *off;
		unsigned char *nl = memchr(s, '\n', r->end - *off);
		if (!nl && !r->eof)
			return TRACE_AUTO;
		if (!nl) {
			nl = r->buf + r->end;
			*nl = '\n';
		}
		*off = (size_t)(nl + 1 - r->buf);
		++*lineno;
		if (nl - s > TRACE_MAX_LINE || memchr(s, 0, (size_t)(nl - s)))
			continue;
		int shape = line_shape(s);
		if (shape > TRACE_AUTO)
			return (enum trace_format)shape;
		if (shape == TRACE_AUTO && !*odd_line) {
			*odd = (struct span){ s, nl };
			*odd_line = *lineno;
		}
	}
	return TRACE_AUTO;
}

/* Detects the format from the beginning of the input (reading up to a full
 * buffer, consuming nothing) into r->opts.format. Returns false with a
 * message in err when a read fails or no line of it has a known shape. */
static bool detect(struct trace_reader *r, char *err, size_t errlen)
{
	size_t off = 0;
	uint64_t lineno = 0, odd_line = 0;
	struct span odd = { NULL, NULL };
	enum trace_format f = TRACE_AUTO;
	if (want_bytes(r, 8) < 0) {
		io_error(r, err, errlen);
		return false;
	}
	if (r->end >= 8 && memcmp(r->buf, TRACE_BIN_MAGIC, 8) == 0)
		f = TRACE_BINARY;
	while (f == TRACE_AUTO) {
		f = detect_lines(r, &off, &lineno, &odd, &odd_line);
		if (f != TRACE_AUTO || r->eof || r->end == TRACE_BUF_BYTES)
			break;
		if (fill(r) < 0) {
			io_error(r, err, errlen);
			return false;
		}
	}
	if (f == TRACE_AUTO && odd_line) {
		char text[4 * QUOTE_MAX + 8];
		quote(text, sizeof text, odd.s, odd.e);
		say(err, errlen, "%s:%" PRIu64 ": cannot tell the trace format (name it explicitly): '%s'", r->name,
		    odd_line, text);
		return false;
	}
	r->opts.format = f == TRACE_AUTO ? TRACE_PLAIN : f;
	return true;
}

/* ---- opening, closing, rewinding ---- */

static const struct {
	const char *name;
	next_fn next;
} formats[] = {
	[TRACE_AUTO] = { "auto", NULL },
	[TRACE_PLAIN] = { "plain", next_plain },
	[TRACE_PAGES] = { "pages", next_pages },
	[TRACE_LACKEY] = { "lackey", next_lackey },
	[TRACE_TEXTBOOK] = { "textbook", next_textbook },
	[TRACE_BINARY] = { "binary", next_binary },
};

/* Forgets all input read so far (the file position is the caller's business). */
static void reset(struct trace_reader *r)
{
	r->pos = r->end = 0;
	r->nul = NO_NUL;
	r->track_nul = r->opts.format != TRACE_BINARY;
	r->eof = r->skipping = r->has_pending = false;
	r->line = r->bad = 0;
	r->cur = NULL;
}

/* Opens path for reading (fd 0 for "-"). Returns the fd, or -1 with "name:
 * why" in err. A directory is refused here rather than at the first read. */
static int open_input(const char *path, const char *name, char *err, size_t errlen)
{
	struct stat st;
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0) {
		say(err, errlen, "%s: %s", name, strerror(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		say(err, errlen, "%s: %s", name, strerror(EISDIR));
		goto fail;
	}
	return fd;
fail:
	if (fd > 0)
		close(fd);
	return -1;
}

/* A new reader on the open fd; owns fd unless it is standard input. */
static struct trace_reader *reader_new(int fd, const char *name, const struct trace_reader_opts *o)
{
	struct trace_reader *r = xcalloc(1, sizeof *r);
	struct stat st;
	r->fd = fd;
	r->own_fd = fd != 0;
	r->name = xstrdup(name);
	r->buf = xcalloc(1, TRACE_BUF_BYTES + BUF_PAD);
	r->opts = *o;
	r->start_off = lseek(fd, 0, SEEK_CUR);
	r->seekable = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && r->start_off >= 0;
	reset(r);
	return r;
}

struct trace_reader *trace_open(const char *path, const struct trace_reader_opts *o, char *err, size_t errlen)
{
	static const struct trace_reader_opts defaults = TRACE_READER_OPTS_INIT;
	struct trace_reader *r;
	if (!o)
		o = &defaults;
	if (!path) {
		say(err, errlen, "no trace file given");
		return NULL;
	}
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	if ((unsigned)o->format >= ARRAY_LEN(formats) || o->page_shift > 63) {
		say(err, errlen, "%s: bad reader options (format %d, page shift %u)", name, (int)o->format,
		    o->page_shift);
		return NULL;
	}
	int fd = open_input(path, name, err, errlen);
	if (fd < 0)
		return NULL;
	r = reader_new(fd, name, o);
	if (r->opts.format == TRACE_AUTO && !detect(r, err, errlen))
		goto fail;
	if (r->opts.format == TRACE_BINARY) {
		r->track_nul = false; /* records are full of zeros */
		r->nul = NO_NUL;
		if (!read_bin_header(r, err, errlen))
			goto fail;
	}
	r->next = formats[r->opts.format].next;
	return r;
fail:
	trace_close(r);
	return NULL;
}

int trace_next(struct trace_reader *r, struct trace_ref *out, char *err, size_t errlen)
{
	out->faulted = false; /* only binary records carry them */
	out->event = TRACE_ACCESS;
	int rc = r->next(r, out, err, errlen);
	if (unlikely(r->tee != NULL) && rc == 1 && !trace_write(r->tee, out)) {
		trace_writer_ok(r->tee, err, errlen);
		r->next = next_end;
		return -1;
	}
	return rc;
}

void trace_tee(struct trace_reader *r, struct trace_writer *w) { r->tee = w; }

enum trace_format trace_format_of(const struct trace_reader *r) { return r->opts.format; }

uint64_t trace_bad_lines(const struct trace_reader *r) { return r->bad; }

bool trace_rewind(struct trace_reader *r)
{
	if (!r->seekable || lseek(r->fd, r->start_off, SEEK_SET) < 0)
		return false;
	r->tee = NULL; /* a copy holds one pass */
	reset(r);
	r->next = formats[r->opts.format].next;
	if (r->opts.format == TRACE_BINARY && !read_bin_header(r, NULL, 0)) {
		r->next = next_end; /* the file changed under us */
		return false;
	}
	return true;
}

bool trace_binary_file(const struct trace_reader *r, int *fd, off_t *header_off)
{
	if (r->opts.format != TRACE_BINARY || !r->seekable)
		return false;
	*fd = r->fd;
	*header_off = r->start_off;
	return true;
}

void trace_close(struct trace_reader *r)
{
	if (!r)
		return;
	if (r->own_fd)
		close(r->fd);
	free(r->buf);
	free(r->name);
	free(r);
}

bool trace_format_parse(const char *s, enum trace_format *out)
{
	for (size_t i = 0; i < ARRAY_LEN(formats); i++) {
		if (strcmp(s, formats[i].name) == 0) {
			*out = (enum trace_format)i;
			return true;
		}
	}
	return false;
}

const char *trace_format_name(enum trace_format f)
{
	return (unsigned)f < ARRAY_LEN(formats) ? formats[f].name : "?";
}

/* ---- the binary writer ---- */

#define WRITER_BUF_BYTES (1u << 20)  /* a multiple of the record size */

struct trace_writer {
	int fd;
	bool own_fd;         /* false for standard output */
	char *name;
	unsigned char *buf;  /* WRITER_BUF_BYTES */
	size_t len;          /* bytes buffered */
	uint64_t records;    /* records accepted so far */
	int io_errno;        /* first failed write, 0 if none */
	char refused[160];   /* why the first refused record was refused, "" if none */
};

/* Writes out the buffer. Returns false (and keeps errno in w) on failure. */
static bool writer_flush(struct trace_writer *w)
{
	size_t done = 0;
	while (done < w->len && !w->io_errno) {
		ssize_t n = write(w->fd, w->buf + done, w->len - done);
		if (n < 0 && errno != EINTR)
			w->io_errno = errno;
		else if (n > 0)
			done += (size_t)n;
	}
	w->len = 0;
	return !w->io_errno;
}

struct trace_writer *trace_writer_open(const char *path, char *err, size_t errlen)
{
	bool std = strcmp(path, "-") == 0;
	int fd = std ? 1 : open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0) {
		say(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	struct trace_writer *w = xcalloc(1, sizeof *w);
	w->fd = fd;
	w->own_fd = !std;
	w->name = xstrdup(std ? "<stdout>" : path);
	w->buf = xmalloc(WRITER_BUF_BYTES);
	memcpy(w->buf, TRACE_BIN_MAGIC, 8);
	put_le32(w->buf + 8, TRACE_BIN_VERSION);
	put_le32(w->buf + 12, TRACE_BIN_RECORD_BYTES);
	w->len = TRACE_BIN_HEADER_BYTES;
	return w;
}

bool trace_write(struct trace_writer *w, const struct trace_ref *ref)
{
	if (w->io_errno || w->refused[0])
		return false;
	if ((unsigned)ref->acc > ACCESS_EXEC || (unsigned)ref->event > TRACE_EVENT_LAST || ref->size == 0 ||
	    ref->size > TRACE_MAX_SIZE) {
		snprintf(w->refused, sizeof w->refused, "record %" PRIu64 ": cannot write access %u of size %" PRIu32,
			 w->records + 1, (unsigned)ref->acc, ref->size);
		return false;
	}
	unsigned char *p = w->buf + w->len;
	put_le64(p, ref->va);
	put_le32(p + 8, ref->pid);
	put_le16(p + 12, (uint16_t)ref->size);
	p[14] = ref->event ? (unsigned char)(TRACE_BIN_EVENT_BASE + ref->event - TRACE_UNMAP) : (unsigned char)ref->acc;
	p[15] = ref->faulted ? TRACE_BIN_FAULTED : 0;
	w->len += TRACE_BIN_RECORD_BYTES;
	w->records++;
	return w->len < WRITER_BUF_BYTES || writer_flush(w);
}

bool trace_writer_ok(const struct trace_writer *w, char *err, size_t errlen)
{
	if (w->io_errno)
		say(err, errlen, "%s: write error: %s", w->name, strerror(w->io_errno));
	else if (w->refused[0])
		say(err, errlen, "%s: %s", w->name, w->refused);
	return !w->io_errno && !w->refused[0];
}

bool trace_writer_close(struct trace_writer *w, char *err, size_t errlen)
{
	if (!w)
		return true;
	writer_flush(w);
	if (w->own_fd && close(w->fd) != 0 && !w->io_errno)
		w->io_errno = errno;
	bool ok = trace_writer_ok(w, err, errlen);
	free(w->buf);
	free(w->name);
	free(w);
	return ok;
}
