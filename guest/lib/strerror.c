/* strerror and perror: the messages of the errno values the runtime and
 * the kernel use (in a file of their own, so only programs that print them
 * link the table). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

char *strerror(int errnum)
{
	static const char *const messages[] = {
		[0] = "Success",
		[EPERM] = "Operation not permitted",
		[ENOENT] = "No such file or directory",
		[ESRCH] = "No such process",
		[EINTR] = "Interrupted system call",
		[E2BIG] = "Argument list too long",
		[ENOEXEC] = "Exec format error",
		[EBADF] = "Bad file descriptor",
		[ECHILD] = "No child processes",
		[EAGAIN] = "Resource temporarily unavailable",
		[ENOMEM] = "Cannot allocate memory",
		[EACCES] = "Permission denied",
		[EFAULT] = "Bad address",
		[EINVAL] = "Invalid argument",
		[EDOM] = "Numerical argument out of domain",
		[ERANGE] = "Numerical result out of range",
		[ENOSYS] = "Function not implemented",
	};
	static char unknown[32];

	if (errnum >= 0 && errnum < (int)(sizeof messages / sizeof *messages) && messages[errnum])
		return (char *)messages[errnum];
	snprintf(unknown, sizeof unknown, "Unknown error %d", errnum);
	return unknown;
}

void perror(const char *s)
{
	const char *msg = strerror(errno);

	fflush(stdout);
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, msg);
	else
		fprintf(stderr, "%s\n", msg);
}
