/* forkloop N: forks N children one after another, each exiting at once with
 * its number modulo 256, and reaps each before the next; checks every exit
 * status. Prints the count, or the first failure (exit 1). With no argument
 * N is 20,000. Every reaped child must give back all its host memory: the
 * test script bounds vmlab's peak RSS. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 20000;
	for (long i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0) {
			printf("forkloop: fork %ld failed: %s\n", i, strerror(errno));
			return 1;
		}
		if (pid == 0)
			_exit((int)(i & 0xff));
		int status;
		if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != (i & 0xff)) {
			printf("forkloop: child %ld: wrong wait status 0x%x\n", i, status);
			return 1;
		}
	}
	printf("forkloop: %ld children forked and reaped\n", n);
	return 0;
}
