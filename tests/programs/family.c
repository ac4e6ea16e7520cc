/* family N PAGES: a parent and N - 1 children alive at once (the 64-process
 * report of tests/report.sh). The parent fills PAGES pages; each child, forked
 * one after another, reads them all (shared copy-on-write with its parent),
 * writes every other one (a copy of each), fills PAGES / 2 pages of its own,
 * and sleeps a virtual millisecond so that all are alive together; the
 * parent then waits for every child and checks its exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE 4096

static long child(char *shared, int pages, int n)
{
	long sum = 0;
	for (int i = 0; i < pages; i++) {
		sum += shared[i * PAGE];
		if (i % 2 == 0)
			shared[i * PAGE] = (char)n;
	}
	char *own = malloc((size_t)(pages / 2 + 1) * PAGE);
	if (!own)
		return -1;
	for (int i = 0; i < pages / 2; i++)
		own[i * PAGE] = (char)i;
	struct timespec ms = {0, 1000000};
	nanosleep(&ms, NULL);
	return sum;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 8, pages = argc > 2 ? atoi(argv[2]) : 16;
	if (n < 1 || pages < 1) {
		fprintf(stderr, "usage: family N PAGES\n");
		return 2;
	}
	char *shared = malloc((size_t)pages * PAGE);
	if (!shared)
		return 1;
	for (int i = 0; i < pages; i++)
		shared[i * PAGE] = 1;
	for (int c = 1; c < n; c++) {
		pid_t pid = fork();
		if (pid < 0) {
			perror("family: fork");
			return 1;
		}
		if (pid == 0)
			_exit(child(shared, pages, c) == pages ? 0 : 1);
	}
	int bad = 0, status;
	for (int c = 1; c < n; c++)
		if (wait(&status) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
			bad++;
	printf("family: %d processes, %d failed\n", n, bad);
	return bad != 0;
}
