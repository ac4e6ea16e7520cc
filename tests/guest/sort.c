/* Quicksort of 100000 pseudo-random ints from a fixed LCG (400 KB on the
 * heap): median-of-three partitioning, recursion on the smaller side,
 * insertion sort for short ranges. Prints order checks and checksums;
 * exits 1 if the result is unsorted or not a permutation of the input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N 100000

static uint32_t lcg_state = 20240601;

static int next_int(void)
{
	lcg_state = lcg_state * 1103515245u + 12345u;
	return (int)(lcg_state >> 1) - (1 << 30);	/* negative ones too */
}

static void swap(int *a, int *b)
{
	int t = *a;

	*a = *b;
	*b = t;
}

static void insertion_sort(int *a, long n)
{
	for (long i = 1; i < n; i++) {
		int v = a[i];
		long j = i;

		for (; j > 0 && a[j - 1] > v; j--)
			a[j] = a[j - 1];
		a[j] = v;
	}
}

/* Partitions a[0..n) around the median of three; returns the split point. */
static long partition(int *a, long n)
{
	long mid = n / 2, i = -1, j = n;
	int pivot;

	if (a[mid] < a[0]) swap(&a[mid], &a[0]);
	if (a[n - 1] < a[0]) swap(&a[n - 1], &a[0]);
	if (a[n - 1] < a[mid]) swap(&a[n - 1], &a[mid]);
	pivot = a[mid];
	for (;;) {
		do i++; while (a[i] < pivot);
		do j--; while (a[j] > pivot);
		if (i >= j)
			return j + 1;
		swap(&a[i], &a[j]);
	}
}

static void quicksort(int *a, long n)
{
	while (n > 16) {
		long k = partition(a, n);

		if (k < n - k) {
			quicksort(a, k);
			a += k;
			n -= k;
		} else {
			quicksort(a + k, n - k);
			n = k;
		}
	}
	insertion_sort(a, n);
}

/* An order-independent fingerprint of the multiset of values. */
static uint64_t multiset_hash(const int *a, long n)
{
	uint64_t h = 0;

	for (long i = 0; i < n; i++) {
		uint64_t x = (uint64_t)(uint32_t)a[i] * 0x9e3779b97f4a7c15ULL;
		h += x ^ (x >> 31);
	}
	return h;
}

int main(void)
{
	int *a = malloc(N * sizeof *a);
	uint64_t before, after, positional = 0;
	long unsorted = 0;

	if (!a) {
		printf("sort: malloc failed\n");
		return 2;
	}
	for (long i = 0; i < N; i++)
		a[i] = next_int();
	before = multiset_hash(a, N);
	quicksort(a, N);
	after = multiset_hash(a, N);
	for (long i = 0; i < N; i++) {
		unsorted += i > 0 && a[i - 1] > a[i];
		positional = positional * 1000003 + (uint32_t)a[i];
	}
	printf("sorted %d ints: min %d, median %d, max %d\n", N, a[0], a[N / 2], a[N - 1]);
	printf("out-of-order pairs: %ld\n", unsorted);
	printf("same values as before: %s\n", before == after ? "yes" : "no");
	printf("checksum 0x%016lx\n", positional);
	free(a);
	return unsorted == 0 && before == after ? 0 : 1;
}
