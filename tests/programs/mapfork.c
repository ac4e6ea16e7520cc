/* mapfork: a chain of processes, each holding as many regions as a process
 * may (262,144) and forking the next: the regions of all processes together
 * are host memory, so the machine holds at most 2^21 of them (8 such
 * processes) and the fork that would pass it fails with ENOMEM. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	long n = 0;
	while (mmap(0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != MAP_FAILED)
		n++;
	for (int depth = 1;; depth++) {
		pid_t pid = fork();
		if (pid < 0) {
			printf("mapfork: %d processes of %ld more regions each, then fork failed: %s\n", depth, n,
			       strerror(errno));
			return 0;
		}
		if (pid > 0) {
			int status;
			waitpid(pid, &status, 0);
			return WEXITSTATUS(status);
		}
	}
}
