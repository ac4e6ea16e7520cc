/* A parent and its forked child each write 2 MiB twice, then read it back:
 * with little RAM (vmlab run --ram 256k), under local replacement above all,
 * each must keep the frames one of its instructions needs while the other
 * holds the rest (tests/golden/run-fork-both-write-2m*). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define SIZE (2 * 1024 * 1024)

int main(void)
{
	unsigned char *a = malloc(SIZE);
	if (!a) {
		printf("malloc failed\n");
		return 1;
	}
	pid_t pid = fork();
	const char *who = pid ? "parent" : "child";
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < SIZE; i += 64)
			a[i] = (unsigned char)(i / 4096 + round + (pid == 0));
	size_t bad = 0;
	for (size_t i = 0; i < SIZE; i += 64)
		bad += a[i] != (unsigned char)(i / 4096 + 1 + (pid == 0));
	printf("%s: wrote 2 MiB twice, %zu bad\n", who, bad);
	if (pid) {
		int st;
		waitpid(pid, &st, 0);
		printf("parent: child exited %d\n", WEXITSTATUS(st));
	}
	return bad != 0;
}
