/* Process life cycle: fork as clone(SIGCHLD), execve, wait4, exit. Calls
 * that start or end an image flush stdio first, so buffered output is
 * written once and in order. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "internal.h"

pid_t fork(void)
{
	fflush(NULL);
	/* clone(flags, newsp, parent_tid, child_tid, tls): a plain fork */
	return (pid_t)sysret(syscall5(SYS_clone, SIGCHLD, 0, 0, 0, 0));
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	fflush(NULL);
	return (int)sysret(syscall3(SYS_execve, (long)path, (long)argv, (long)envp));
}

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

int execvp(const char *file, char *const argv[])
{
	return execve(file, argv, environ);
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return (pid_t)sysret(syscall4(SYS_wait4, pid, (long)status, options, 0));
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

_Noreturn void _exit(int status)
{
	for (;;)
		syscall1(SYS_exit_group, status);
}

_Noreturn void exit(int status)
{
	fflush(NULL);
	_exit(status);
}

_Noreturn void abort(void)
{
	fflush(NULL);
	kill(getpid(), SIGABRT);
	_exit(127);
}
