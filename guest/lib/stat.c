/* The file-status calls of sys/stat.h: vmlab has no file system, so each
 * fails with ENOSYS without asking the kernel (which would log the unknown
 * system call). xv6's stat and fstat (user/user.h) are these same functions. */
#include <errno.h>
#include <sys/stat.h>

int stat(const char *restrict path, struct stat *restrict st)
{
	(void)path;
	(void)st;
	errno = ENOSYS;
	return -1;
}

int lstat(const char *restrict path, struct stat *restrict st)
{
	return stat(path, st);
}

int fstat(int fd, struct stat *st)
{
	(void)fd;
	(void)st;
	errno = ENOSYS;
	return -1;
}

int mkdir(const char *path, mode_t mode)
{
	(void)path;
	(void)mode;
	errno = ENOSYS;
	return -1;
}
