/* qsort: quicksort with a median-of-three pivot, insertion sort below 8
 * elements, and a loop on the larger side so the recursion stays
 * O(log n) deep. bsearch: binary search. Elements move byte by byte. */
#include <stdint.h>
#include <stdlib.h>

typedef int (*cmp_fn)(const void *, const void *);

static void swap_bytes(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

static void insertion_sort(char *base, size_t n, size_t size, cmp_fn cmp)
{
	for (size_t i = 1; i < n; i++)
		for (char *p = base + i * size; p > base && cmp(p - size, p) > 0; p -= size)
			swap_bytes(p - size, p, size);
}

/* Moves the median of the first, middle and last elements to the front. */
static void pivot_to_front(char *base, size_t n, size_t size, cmp_fn cmp)
{
	char *lo = base, *mid = base + n / 2 * size, *hi = base + (n - 1) * size;

	if (cmp(mid, lo) < 0)
		swap_bytes(mid, lo, size);
	if (cmp(hi, mid) < 0) {
		swap_bytes(hi, mid, size);
		if (cmp(mid, lo) < 0)
			swap_bytes(mid, lo, size);
	}
	swap_bytes(base, mid, size);
}

/* Partitions around base[0] (Hoare); returns the pivot's final index. */
static size_t partition(char *base, size_t n, size_t size, cmp_fn cmp)
{
	size_t i = 0, j = n;

	for (;;) {
		do
			i++;
		while (i < n && cmp(base + i * size, base) < 0);
		do
			j--;
		while (cmp(base + j * size, base) > 0);
		if (i >= j)
			break;
		swap_bytes(base + i * size, base + j * size, size);
	}
	swap_bytes(base, base + j * size, size);
	return j;
}

void qsort(void *base, size_t n, size_t size, cmp_fn cmp)
{
	char *b = base;

	while (n >= 8) {
		pivot_to_front(b, n, size, cmp);
		size_t p = partition(b, n, size, cmp);
		size_t left = p, right = n - p - 1;
		if (left < right) {
			qsort(b, left, size, cmp);
			b += (p + 1) * size;
			n = right;
		} else {
			qsort(b + (p + 1) * size, right, size, cmp);
			n = left;
		}
	}
	insertion_sort(b, n, size, cmp);
}

void *bsearch(const void *key, const void *base, size_t n, size_t size, cmp_fn cmp)
{
	const char *b = base;

	while (n > 0) {
		const char *mid = b + n / 2 * size;
		int c = cmp(key, mid);
		if (c == 0)
			return (void *)mid;
		if (c > 0) {
			b = mid + size;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return NULL;
}
