/* mistake-uninitialized-read.c: forgetting to initialize what malloc
 * returns. malloc does not clear memory (calloc does), so a decision taken
 * on a value never written depends on the block's history: a block carved
 * from pages the kernel just gave the process reads as zeros (the kernel
 * zero-fills new pages, so no process sees another's data), while a
 * recycled block still holds the previous owner's values, except its first
 * 16 bytes, where the free list kept its links while the block was free.
 * The program is deterministic, so it takes the same branches every time;
 * valgrind reports each of the two ifs on a value never written as a
 * conditional jump that depends on uninitialised values. */
#include <stdio.h>
#include <stdlib.h>

#define N 6

static void show(const char *what, const int *a)
{
	printf("%-28s", what);
	for (int i = 0; i < N; i++)
		printf(" %5d", a[i]);
	printf("\n");
}

int main(void)
{
	int *fresh = malloc(N * sizeof(int));

	printf("block at %p\n", (void *)fresh);
	if (fresh[4] == 0)				/* the mistake: fresh[4] was never written */
		printf("fresh block: fresh[4] reads as 0, which nothing promised\n");
	else
		printf("fresh block: fresh[4] is not 0 but %s\n", "left over");
	for (int i = 0; i < N; i++)
		fresh[i] = 1000 + i;
	show("after writing 1000..1005:", fresh);
	free(fresh);

	int *reused = malloc(N * sizeof(int));		/* the same size again */
	printf("block at %p (%s)\n", (void *)reused, reused == fresh ? "the same block" : "another block");
	if (reused[4] == 1004)				/* the mistake again */
		printf("recycled block: reused[4] still holds the previous owner's %d\n", 1004);
	else
		printf("recycled block: reused[4] is not the previous owner's 1004\n");

	int *zeroed = calloc(N, sizeof(int));
	show("calloc'ed block:", zeroed);
	free(zeroed);
	free(reused);
	return 0;
}
