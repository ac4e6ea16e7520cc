/* swap.c: uses more memory than the machine has. Run with less RAM than
 * the 4 MiB it touches (vmlab run --ram 1m examples/swap.c): while the
 * program writes its pattern, the kernel runs out of frames and writes
 * pages out to the swap device to make room; reading the pattern back
 * brings them in again. The program cannot tell: every value reads back
 * as written. The summary counts the swap-outs and swap-ins. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define SIZE (4 * 1024 * 1024)

/* The value stored at index i: different on every page and in every word. */
static uint32_t pattern(size_t i)
{
	return (uint32_t)(i * 2654435761u) ^ 0x5a5a5a5au;
}

int main(void)
{
	size_t n = SIZE / sizeof(uint32_t), bad = 0;
	uint32_t *a = malloc(SIZE);

	if (!a) {
		printf("malloc(%d) failed\n", SIZE);
		return 1;
	}
	for (size_t i = 0; i < n; i++)
		a[i] = pattern(i);
	printf("wrote %d MiB\n", SIZE >> 20);
	for (size_t i = 0; i < n; i++)
		bad += a[i] != pattern(i);
	printf("read it back: %s\n", bad ? "WRONG" : "OK");
	free(a);
	return bad ? 1 : 0;
}
