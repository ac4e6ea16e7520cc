/* I/O and identity calls: thin wrappers over ecall that set errno. */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "internal.h"

int errno;
char **environ;

ssize_t read(int fd, void *buf, size_t n)
{
	return sysret(syscall3(SYS_read, fd, (long)buf, (long)n));
}

ssize_t write(int fd, const void *buf, size_t n)
{
	return sysret(syscall3(SYS_write, fd, (long)buf, (long)n));
}

pid_t getpid(void)
{
	return (pid_t)syscall0(SYS_getpid);
}

pid_t getppid(void)
{
	return (pid_t)syscall0(SYS_getppid);
}

int sched_yield(void)
{
	return (int)sysret(syscall0(SYS_sched_yield));
}

int kill(pid_t pid, int sig)
{
	return (int)sysret(syscall2(SYS_kill, pid, sig));
}

int uname(struct utsname *u)
{
	return (int)sysret(syscall1(SYS_uname, (long)u));
}
