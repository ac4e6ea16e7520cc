/* execve's view of the host: names made absolute lexically, and files opened
 * beneath their --path directory, never by a path the guest chose. */
#define _GNU_SOURCE /* O_PATH */
#include "os/progpath.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifdef SYS_openat2
#include <linux/openat2.h>
#endif

/* Appends the components of s to out (holding len bytes, "" or "/a/b"),
 * applying "." and ".."; false when it would not fit in size. */
static bool add_components(const char *s, char *out, size_t *len, size_t size)
{
	while (*s) {
		size_t n = strcspn(s, "/");
		if (n == 2 && s[0] == '.' && s[1] == '.') {
			while (*len > 0 && out[--*len] != '/')
				;
		} else if (n && !(n == 1 && s[0] == '.')) {
			if (*len + 1 + n >= size)
				return false;
			out[(*len)++] = '/';
			memcpy(out + *len, s, n);
			*len += n;
		}
		out[*len] = '\0';
		s += n + (s[n] == '/');
	}
	return true;
}

bool progpath_absolute(const char *name, char *out, size_t size)
{
	char cwd[PROGPATH_MAX];
	size_t len = 0;
	if (!*name || size < 2)
		return false;
	out[0] = '\0';
	if (name[0] != '/' && (!getcwd(cwd, sizeof cwd) || !add_components(cwd, out, &len, size)))
		return false;
	if (!add_components(name, out, &len, size))
		return false;
	if (len == 0)
		memcpy(out, "/", 2);
	return true;
}

bool progpath_same(const char *a, const char *b)
{
	char x[PROGPATH_MAX], y[PROGPATH_MAX];
	return progpath_absolute(a, x, sizeof x) && progpath_absolute(b, y, sizeof y) && !strcmp(x, y);
}

/* Opens rel one component at a time, following no symlink and no "..". */
static int open_walk(int dfd, const char *rel)
{
	char comp[256];
	int cur = dfd;
	for (const char *s = rel;;) {
		size_t n = strcspn(s, "/");
		bool last = s[n] == '\0';
		int next = -1;
		if (n && n < sizeof comp && !(n == 2 && s[0] == '.' && s[1] == '.')) {
			memcpy(comp, s, n);
			comp[n] = '\0';
			next = openat(cur, comp, O_PATH | O_NOFOLLOW | O_CLOEXEC | (last ? 0 : O_DIRECTORY));
		}
		if (cur != dfd)
			close(cur);
		struct stat st;
		if (next >= 0 && (fstat(next, &st) != 0 || S_ISLNK(st.st_mode))) {
			close(next);
			next = -1;
		}
		if (next < 0 || last)
			return next;
		cur = next;
		s += n + 1;
	}
}

int progpath_open_beneath(int dfd, const char *rel, bool use_openat2)
{
	if (!*rel || rel[0] == '/')
		return -1;
#ifdef SYS_openat2
	if (use_openat2) {
		struct open_how how = {.flags = O_PATH | O_CLOEXEC, .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS};
		long fd = syscall(SYS_openat2, dfd, rel, &how, sizeof how);
		if (fd >= 0)
			return (int)fd;
		if (errno != ENOSYS && errno != EPERM && errno != EINVAL)
			return -1; /* openat2 works and said no: not there, or it leads outside (EXDEV) */
	}
#else
	(void)use_openat2;
#endif
	return open_walk(dfd, rel);
}

/* The part of the absolute lexical name abs beneath the directory dir
 * (NULL when abs is not beneath it, or is dir itself). */
static const char *beneath(const char *dir, const char *abs, char *absdir, size_t size)
{
	if (!progpath_absolute(dir, absdir, size))
		return NULL;
	size_t n = strcmp(absdir, "/") ? strlen(absdir) : 0;
	if (strncmp(abs, absdir, n) || abs[n] != '/' || !abs[n + 1])
		return NULL;
	return abs + n + 1;
}

bool progpath_lookup(const char *dir, const char *name, char *buf, size_t size)
{
	char abs[PROGPATH_MAX], absdir[PROGPATH_MAX];
	const char *rel = name;
	if (strchr(name, '/')) {
		if (!progpath_absolute(name, abs, sizeof abs) || !(rel = beneath(dir, abs, absdir, sizeof absdir)))
			return false;
	} else if (!*name || !strcmp(name, ".") || !strcmp(name, "..")) {
		return false;
	}
	int dfd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return false;
	int fd = progpath_open_beneath(dfd, rel, true);
	close(dfd);
	if (fd < 0)
		return false;
	struct stat st;
	bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	close(fd);
	int len = snprintf(buf, size, "%s/%s", dir, rel);
	return regular && len > 0 && (size_t)len < size;
}
