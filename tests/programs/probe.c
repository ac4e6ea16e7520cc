/* Probes the host through execve: each argument is a name to execve in a
 * child; prints what the guest learns (the errno, or that it ran and how it
 * exited). vmlab's guests see only the programs on the command line and the
 * --path directories: everything else must be ENOENT. */
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *errno_name(int e)
{
	switch (e) {
	case ENOENT: return "ENOENT";
	case ENOEXEC: return "ENOEXEC";
	case EACCES: return "EACCES";
	case EFAULT: return "EFAULT";
	default: return "another error";
	}
}

int main(int argc, char *argv[])
{
	for (int i = 1; i < argc; i++) {
		pid_t pid = fork();
		int status;
		if (pid == 0) {
			char *args[] = {argv[i], NULL};
			execv(argv[i], args);
			printf("probe: %s: %s\n", argv[i], errno_name(errno));
			_exit(100);
		}
		waitpid(pid, &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 100)
			printf("probe: %s: ran (exit status %d)\n", argv[i], WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	}
	return 0;
}
