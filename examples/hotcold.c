/* hotcold.c: why LRU beats FIFO, on a real program. A hot page is touched
 * between every two touches of a stream of cold pages, round after round;
 * the cold pages do not fit in memory. FIFO evicts pages in the order they
 * came in, the hot one too, so it faults on it again and again; LRU evicts
 * the page used longest ago, never the hot one; CLOCK's second chance saves
 * the hot page too, because its accessed bit is always set when the hand
 * comes round:
 *
 *   for p in fifo lru clock; do vmlab run --ram 64k --policy $p examples/hotcold.c; done
 *
 * Usage: hotcold [COLD_PAGES [ROUNDS]] (default 48 pages, 8 rounds). */
#include <stdio.h>
#include <stdlib.h>

#define PAGE_SIZE 4096

int main(int argc, char **argv)
{
	int cold_pages = argc > 1 ? atoi(argv[1]) : 48, rounds = argc > 2 ? atoi(argv[2]) : 8;
	if (cold_pages < 1 || rounds < 1) {
		fprintf(stderr, "usage: hotcold [COLD_PAGES [ROUNDS]]\n");
		return 2;
	}
	char *hot = malloc(PAGE_SIZE), *cold = malloc((size_t)cold_pages * PAGE_SIZE);
	if (!hot || !cold)
		return 1;
	long sum = 0;
	for (int r = 0; r < rounds; r++) {
		for (int i = 0; i < cold_pages; i++) {
			hot[i % PAGE_SIZE] += 1;      /* the hot page, every time */
			cold[(long)i * PAGE_SIZE] = (char)r; /* one cold page after another */
			sum += hot[0] + cold[(long)i * PAGE_SIZE];
		}
	}
	printf("%d rounds over %d cold pages: sum %ld\n", rounds, cold_pages, sum);
	return 0;
}
