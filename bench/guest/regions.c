/* Many small mappings for bench/bench_regions.c: N one-page anonymous
 * mappings without an address hint, each written once; every other one made
 * read-only; all read back; all unmapped one by one. With more pages than
 * RAM, most of them are in swap when they are read back and unmapped.
 * Prints the sum of what it read, so the work cannot be skipped; exits 1
 * when a call fails or a page holds the wrong value.
 *   regions N */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#define PAGE 4096

int main(int argc, char **argv)
{
	long n = argc == 2 ? atol(argv[1]) : 0;
	long **pages = n > 0 ? malloc((size_t)n * sizeof *pages) : NULL;
	if (!pages) {
		fprintf(stderr, "usage: regions N (N > 0)\n");
		return 2;
	}
	for (long i = 0; i < n; i++) {
		pages[i] = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (pages[i] == MAP_FAILED) {
			fprintf(stderr, "regions: mmap %ld failed\n", i);
			return 1;
		}
		*pages[i] = i;
	}
	for (long i = 0; i < n; i += 2)
		if (mprotect(pages[i], PAGE, PROT_READ) != 0) {
			fprintf(stderr, "regions: mprotect %ld failed\n", i);
			return 1;
		}
	long sum = 0;
	for (long i = 0; i < n; i++) {
		if (*pages[i] != i) {
			fprintf(stderr, "regions: page %ld holds %ld\n", i, *pages[i]);
			return 1;
		}
		sum += *pages[i];
	}
	for (long i = 0; i < n; i++)
		if (munmap(pages[i], PAGE) != 0) {
			fprintf(stderr, "regions: munmap %ld failed\n", i);
			return 1;
		}
	printf("regions: %ld mappings, sum %ld\n", n, sum);
	return 0;
}
