/* mistake-leak.c: forgetting to free. Each round allocates a 1000-byte
 * buffer and drops the pointer without free, so the memory stays in use
 * until the process exits and the heap has to keep growing: watch the
 * program break (sbrk(0), the end of the heap) move up. The same loop
 * with free reuses one block, and the break does not move at all. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ROUNDS 1000

static void work(char *buf, int round)
{
	memset(buf, 'a' + round % 26, 1000);
}

int main(void)
{
	char *start = sbrk(0);

	printf("program break at start:      %p\n", (void *)start);
	for (int i = 0; i < ROUNDS; i++) {
		char *buf = malloc(1000);
		work(buf, i);
		/* the mistake: no free(buf) */
	}
	char *leaked = sbrk(0);
	printf("after %d leaked buffers:   %p (+%ld KiB)\n", ROUNDS, (void *)leaked,
	       (long)(leaked - start) / 1024);

	for (int i = 0; i < ROUNDS; i++) {
		char *buf = malloc(1000);
		work(buf, i);
		free(buf);
	}
	char *freed = sbrk(0);
	printf("after %d freed buffers:    %p (+%ld KiB more)\n", ROUNDS, (void *)freed,
	       (long)(freed - leaked) / 1024);
	return 0;
}
