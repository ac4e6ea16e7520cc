/* mistake-strlen.c: malloc(strlen(s)) forgets the byte of the final '\0',
 * so strcpy writes one byte past the end of the block. Whether anyone
 * notices depends on the allocator's rounding. This malloc rounds every
 * block up to a multiple of 16 bytes (at least 32): for "hello" the extra
 * byte lands in the block's own padding and the program seems fine; for a
 * 32-byte string it lands on the first byte of the next block's header, the
 * neighbour's data looks intact, and the damage shows only when that block
 * is freed: malloc finds its header overwritten and aborts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	const char *hello = "hello", *long32 = "0123456789abcdefghijklmnopqrstuv";
	char *a = malloc(strlen(hello));	/* the mistake: strlen(s) + 1 */
	char *b = malloc(10);

	strcpy(b, "neighbour");
	strcpy(a, hello);
	printf("copied \"%s\" into malloc(%zu) at %p; its neighbour at %p holds \"%s\"\n",
	       a, strlen(hello), (void *)a, (void *)b, b);
	free(b);
	free(a);
	printf("freeing both works: the extra byte landed in the block's padding\n");

	char *c = malloc(strlen(long32));	/* the same mistake */
	char *d = malloc(10);

	strcpy(d, "neighbour");
	strcpy(c, long32);
	printf("copied \"%s\" into malloc(%zu) at %p; its neighbour at %p holds \"%s\"\n",
	       c, strlen(long32), (void *)c, (void *)d, d);
	printf("the '\\0' overwrote the first byte of the neighbour's header; now free it:\n");
	free(d);
	printf("free did not notice: the heap is silently corrupt\n");
	free(c);
	return 0;
}
