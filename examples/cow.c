/* cow.c: fork with copy-on-write. The parent fills a 256 KiB array (64
 * pages), then forks. At first parent and child share every page,
 * read-only; the first write to a shared page faults, and the kernel gives
 * the writer its own copy of that one page. The child writes one int in
 * each of 16 pages, so it copies about 16 pages (plus a few of its stack
 * and stdio's data), not all 64: the rest stay shared. The parent then
 * sees its array unchanged. Once the child has exited, the parent is the
 * only owner of every page again, so its own writes copy nothing. The
 * program cannot see the kernel's counters; the per-process "cow_copies"
 * of vmlab's summary shows the copies. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE   4096
#define PAGES  64
#define INTS_PER_PAGE (PAGE / sizeof(int))

static int array[PAGES * INTS_PER_PAGE];

static long sum(void)
{
	long s = 0;

	for (size_t i = 0; i < PAGES * INTS_PER_PAGE; i++)
		s += array[i];
	return s;
}

int main(void)
{
	for (size_t i = 0; i < PAGES * INTS_PER_PAGE; i++)
		array[i] = 1;
	printf("parent: %d pages filled, sum %ld\n", PAGES, sum());

	pid_t pid = fork();
	if (pid == 0) {
		for (int p = 0; p < 16; p++)
			array[p * INTS_PER_PAGE] = 1000;	/* one write per page */
		printf("child:  wrote one int in each of 16 pages, sum %ld\n", sum());
		return 0;
	}
	waitpid(pid, NULL, 0);
	printf("parent: after the child's writes, sum %ld (its pages were never touched)\n", sum());
	for (int p = 0; p < PAGES; p++)
		array[p * INTS_PER_PAGE] = 2;
	printf("parent: wrote one int in each of its %d pages, sum %ld\n", PAGES, sum());
	return 0;
}
