/* Streams: stdout is line-buffered, as on a terminal: its buffer is written
 * out at each newline, when it fills, on fflush, at exit, and before
 * fork/execve/abort, so a program's lines appear as it prints them (and a
 * killed program has lost at most its last, unfinished line); stderr writes
 * at once (one fprintf, one write, for up to 256 bytes).
 * The sprintf family formats into caller memory through the same engine.
 * A conversion the engine does not support makes the call return -1 with
 * errno EINVAL (its output ends with a "%!...(unsupported)" marker). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "internal.h"

#define BUFSIZE 1024

struct file {
	int fd;
	size_t cap;		/* 0: unbuffered */
	size_t len;
	int error;
	char *buf;
};

static char stdout_buf[BUFSIZE];
static struct file stdout_file = { .fd = 1, .cap = BUFSIZE, .buf = stdout_buf };
static struct file stderr_file = { .fd = 2 };
FILE *const stdout = &stdout_file;
FILE *const stderr = &stderr_file;

/* Writes all n bytes, retrying short writes; 0 on success, EOF on error. */
static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w <= 0)
			return EOF;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int flush_one(FILE *f)
{
	int r = write_all(f->fd, f->buf, f->len);

	f->len = 0;
	if (r)
		f->error = 1;
	return r;
}

int fflush(FILE *f)
{
	if (f)
		return flush_one(f);
	return flush_one(stdout) | flush_one(stderr);
}

int fputc(int c, FILE *f)
{
	char ch = (char)c;

	if (f->cap == 0)
		return write_all(f->fd, &ch, 1) ? EOF : (unsigned char)ch;
	if (f->len == f->cap && flush_one(f))
		return EOF;
	f->buf[f->len++] = ch;
	if (ch == '\n' && flush_one(f))
		return EOF;
	return (unsigned char)ch;
}

int fputs(const char *restrict s, FILE *restrict f)
{
	if (f->cap == 0)
		return write_all(f->fd, s, strlen(s));
	for (; *s; s++)
		if (fputc(*s, f) == EOF)
			return EOF;
	return 0;
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int puts(const char *s)
{
	if (fputs(s, stdout) == EOF)
		return EOF;
	return fputc('\n', stdout) == EOF ? EOF : 0;
}

static void put_file(void *ctx, char c)
{
	fputc(c, ctx);
}

/* An unbuffered stream's output collects here and is written in pieces of
 * up to 256 bytes, so one fprintf(stderr, ...) is usually one write. */
struct chunk {
	FILE *f;
	size_t len;
	char buf[256];
};

static void put_chunk(void *ctx, char c)
{
	struct chunk *ch = ctx;

	if (ch->len == sizeof ch->buf) {
		if (write_all(ch->f->fd, ch->buf, ch->len))
			ch->f->error = 1;
		ch->len = 0;
	}
	ch->buf[ch->len++] = c;
}

int vfprintf(FILE *restrict f, const char *restrict fmt, va_list ap)
{
	struct chunk ch = { .f = f };
	int n;

	if (f->cap) {
		n = format(put_file, f, fmt, ap);
	} else {
		n = format(put_chunk, &ch, fmt, ap);
		if (write_all(f->fd, ch.buf, ch.len))
			f->error = 1;
	}
	if (n < 0)
		errno = EINVAL;	/* an unsupported conversion (format.h) */
	return f->error ? -1 : n;
}

int fprintf(FILE *restrict f, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int vprintf(const char *restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

struct strbuf {
	char *p;
	size_t left;	/* room for characters, not counting the final NUL */
};

static void put_str(void *ctx, char c)
{
	struct strbuf *sb = ctx;

	if (sb->left) {
		*sb->p++ = c;
		sb->left--;
	}
}

int vsnprintf(char *restrict buf, size_t size, const char *restrict fmt, va_list ap)
{
	struct strbuf sb = { buf, size ? size - 1 : 0 };
	int n = format(put_str, &sb, fmt, ap);

	if (size)
		*sb.p = '\0';
	if (n < 0)
		errno = EINVAL;	/* an unsupported conversion (format.h) */
	return n;
}

int snprintf(char *restrict buf, size_t size, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int vsprintf(char *restrict buf, const char *restrict fmt, va_list ap)
{
	return vsnprintf(buf, SIZE_MAX, fmt, ap);
}

int sprintf(char *restrict buf, const char *restrict fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsprintf(buf, fmt, ap);
	va_end(ap);
	return n;
}
