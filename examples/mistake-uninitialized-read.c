/* mistake-uninitialized-read.c: forgetting to initialize what malloc
 * returns. malloc does not clear memory (calloc does). What you read
 * depends on the block's history: a block carved from pages the kernel
 * just gave the process reads as zeros (the kernel zero-fills new pages, so
 * no process sees another's data), while a recycled block still holds the
 * previous owner's values, except its first 16 bytes, where the free list
 * kept its two links while the block was free (here both are 0: it was the
 * only free block). The program is deterministic, so these are the values
 * you get every time. */
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
	show("fresh block, never written:", fresh);	/* the mistake: reading it */
	for (int i = 0; i < N; i++)
		fresh[i] = 1000 + i;
	show("after writing 1000..1005:", fresh);
	free(fresh);

	int *reused = malloc(N * sizeof(int));		/* the same size again */
	printf("block at %p (%s)\n", (void *)reused, reused == fresh ? "the same block" : "another block");
	show("recycled block, not written:", reused);	/* the mistake again */
	int sum = 0;
	for (int i = 0; i < N; i++)
		sum += reused[i];
	printf("a sum over it \"works\" and gives %d\n", sum);

	int *zeroed = calloc(N, sizeof(int));
	show("calloc'ed block:", zeroed);
	free(zeroed);
	free(reused);
	return 0;
}
