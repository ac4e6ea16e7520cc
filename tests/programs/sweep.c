/* sweep KIB ROUNDS: writes every int of a KIB KiB array, then reads them
 * all back, ROUNDS times; prints the sum. A long, regular trace
 * (tests/report.sh records one of over 50 million references). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	long kib = argc > 1 ? atol(argv[1]) : 1024, rounds = argc > 2 ? atol(argv[2]) : 1;
	if (kib < 1 || rounds < 1) {
		fprintf(stderr, "usage: sweep KIB ROUNDS\n");
		return 2;
	}
	size_t n = (size_t)kib * 1024 / sizeof(int);
	int *a = malloc(n * sizeof *a);
	if (!a)
		return 1;
	long sum = 0;
	for (long r = 0; r < rounds; r++) {
		for (size_t i = 0; i < n; i++)
			a[i] = (int)(i + (size_t)r);
		for (size_t i = 0; i < n; i++)
			sum += a[i];
	}
	printf("sweep: %ld\n", sum);
	return 0;
}
