/* tlb.c: measuring the TLB, in the style of OSTEP's TLB homework (chapter
 * 19). For NUMPAGES = 1, 2, 4, ..., 1024 it touches one int in each of
 * NUMPAGES pages (a stride of one 4096-byte page), over and over, and
 * divides the elapsed time by the number of accesses. While the pages fit
 * in the TLB, every access after the first pass is a TLB hit; once they do
 * not, every access misses and pays a page walk. Under vmlab the clock is
 * virtual, computed by the latency model, so the measurement has no noise
 * and the jump appears exactly where the TLB runs out of entries. With
 * separate instruction and data TLBs of 16 entries (LRU), the data TLB
 * holds 16 pages and the jump comes between 16 and 32 pages:
 *
 *   vmlab run --tlb-entries 16 --tlb-ways 0 --tlb-split examples/tlb.c
 *
 * With one TLB for both, the page of this loop's code takes an entry too:
 * 16 pages plus the code need 17 entries, and because LRU evicts exactly
 * the page the loop needs next, every access misses from 16 pages on:
 *
 *   vmlab run --tlb-entries 16 --tlb-ways 0 examples/tlb.c
 *
 * Usage: tlb [TRIALS] (default 50 passes over the pages per size). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define PAGE_SIZE  4096
#define MAX_PAGES  1024
#define JUMP       (PAGE_SIZE / (int)sizeof(int))	/* ints per page */

static int a[MAX_PAGES * JUMP];

static long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000L + t.tv_nsec;
}

int main(int argc, char *argv[])
{
	int trials = argc > 1 ? atoi(argv[1]) : 50;

	if (trials < 1) {
		fprintf(stderr, "usage: tlb [TRIALS]\n");
		return 2;
	}
	for (int numpages = 1; numpages <= MAX_PAGES; numpages *= 2) {
		for (int i = 0; i < numpages * JUMP; i += JUMP)
			a[i] = 0;	/* first touch: page faults, outside the timing */
		long start = now_ns();
		for (int t = 0; t < trials; t++)
			for (int i = 0; i < numpages * JUMP; i += JUMP)
				a[i] += 1;
		long elapsed = now_ns() - start;
		printf("pages %4d: %6.1f ns per access\n", numpages,
		       (double)elapsed / ((double)trials * numpages));
	}
	return 0;
}
