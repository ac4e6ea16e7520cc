/* xv6's user library (user/user.h) over the POSIX runtime. user/user.h
 * renames the xv6 calls whose types or meaning differ to xv6_NAME; this file
 * defines them. It includes user/user.h first, for the prototypes, then
 * undoes the renaming so that the names below mean the runtime's own calls. */
#include "kernel/types.h"
#include "user/user.h"

#undef printf
#undef fprintf
#undef wait
#undef pipe
#undef write
#undef read
#undef close
#undef kill
#undef exec
#undef open
#undef mknod
#undef unlink
#undef link
#undef mkdir
#undef chdir
#undef dup
#undef sbrk
#undef sbrklazy
#undef sleep
#undef pause
#undef uptime
#undef memmove
#undef strchr
#undef gets
#undef strlen
#undef memset
#undef memcmp
#undef memcpy
#undef malloc

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"

#define TICK_NS 10000000L	/* one xv6 tick: 10 ms of virtual time */

/* printf output collects here and is written in pieces of up to 256 bytes:
 * one printf is usually one write, and nothing waits in a buffer. */
struct xv6_out {
	int fd;
	int len;
	char buf[256];
};

static void put_fd(void *ctx, char c)
{
	struct xv6_out *o = ctx;

	if (o->len == (int)sizeof o->buf) {
		write(o->fd, o->buf, (size_t)o->len);
		o->len = 0;
	}
	o->buf[o->len++] = c;
}

static void vprint_fd(int fd, const char *fmt, va_list ap)
{
	struct xv6_out o = { .fd = fd };

	format_as(put_fd, &o, FORMAT_XV6, fmt, ap);
	if (o.len)
		write(fd, o.buf, (size_t)o.len);
}

void xv6_fprintf(int fd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint_fd(fd, fmt, ap);
	va_end(ap);
}

void xv6_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint_fd(1, fmt, ap);
	va_end(ap);
}

/* xv6's status is the child's exit code: exit(-1) gives -1, and a child
 * killed by a signal gives -1 too (xv6's kill makes it exit(-1)). */
int xv6_wait(int *status)
{
	int s;
	pid_t pid = wait(&s);

	if (pid > 0 && status)
		*status = WIFEXITED(s) ? (signed char)WEXITSTATUS(s) : -1;
	return pid;
}

int xv6_kill(int pid)
{
	return kill(pid, SIGKILL);
}

int xv6_exec(const char *path, char **argv)
{
	return execv(path, argv);
}

int xv6_write(int fd, const void *buf, int n)
{
	return n < 0 ? -1 : (int)write(fd, buf, (size_t)n);
}

int xv6_read(int fd, void *buf, int n)
{
	return n < 0 ? -1 : (int)read(fd, buf, (size_t)n);
}

char *xv6_sbrk(int n)
{
	return sbrk(n);
}

/* vmlab allocates every heap page on first touch, so lazy is the default. */
char *xv6_sbrklazy(int n)
{
	return sbrk(n);
}

int xv6_sleep(int ticks)
{
	struct timespec t;

	if (ticks < 0)
		ticks = 0;
	t.tv_sec = ticks / 100;
	t.tv_nsec = ticks % 100 * TICK_NS;
	return nanosleep(&t, NULL) ? -1 : 0;
}

int xv6_pause(int ticks)
{
	return xv6_sleep(ticks);
}

int xv6_uptime(void)
{
	struct timespec t;

	if (clock_gettime(CLOCK_MONOTONIC, &t) != 0)
		return -1;
	return (int)(t.tv_sec * (1000000000L / TICK_NS) + t.tv_nsec / TICK_NS);
}

/* No file system: every file call fails. */
int xv6_pipe(int *fds) { (void)fds; return -1; }
int xv6_close(int fd) { (void)fd; return -1; }
int xv6_open(const char *path, int omode) { (void)path; (void)omode; return -1; }
int xv6_mknod(const char *path, short major, short minor)
{
	(void)path;
	(void)major;
	(void)minor;
	return -1;
}
int xv6_unlink(const char *path) { (void)path; return -1; }
int xv6_link(const char *old, const char *new) { (void)old; (void)new; return -1; }
int xv6_mkdir(const char *path) { (void)path; return -1; }
int xv6_chdir(const char *path) { (void)path; return -1; }
int xv6_dup(int fd) { (void)fd; return -1; }

/* Reads a line (with its newline) of at most max - 1 bytes from fd 0. */
char *xv6_gets(char *buf, int max)
{
	int i = 0;
	char c;

	while (i + 1 < max && read(0, &c, 1) == 1) {
		buf[i++] = c;
		if (c == '\n' || c == '\r')
			break;
	}
	if (max > 0)
		buf[i] = '\0';
	return buf;
}

void *xv6_memmove(void *dst, const void *src, int n)
{
	return n > 0 ? memmove(dst, src, (size_t)n) : dst;
}

void *xv6_memcpy(void *dst, const void *src, uint n)
{
	return memcpy(dst, src, n);
}

void *xv6_memset(void *dst, int c, uint n)
{
	return memset(dst, c, n);
}

int xv6_memcmp(const void *a, const void *b, uint n)
{
	return memcmp(a, b, n);
}

char *xv6_strchr(const char *s, char c)
{
	return strchr(s, c);
}

uint xv6_strlen(const char *s)
{
	return (uint)strlen(s);
}

void *xv6_malloc(uint n)
{
	return malloc(n);
}
