/* A seeded random stream of malloc, calloc, realloc and free over 256 slots,
 * sizes skewed small with a few blocks large enough to be mapped. Every
 * block is filled with a byte of its own and checked (at sampled offsets)
 * before it is freed or reallocated, so overlapping blocks, lost contents and
 * calloc garbage show. Prints counts and a checksum of what it read, never an
 * address: the output is the same under every fit policy. Exits 1 on any
 * failed check. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 256
#define OPS   30000

struct slot {
	unsigned char *p;
	size_t n;
	unsigned char fill;
};

static struct slot slots[SLOTS];
static uint32_t lcg = 20250101;
static uint64_t checksum = 14695981039346656037ull;
static long failures, allocs, callocs, reallocs, frees, bytes;

static uint32_t rnd(uint32_t below)
{
	lcg = lcg * 1103515245u + 12345u;
	return (lcg >> 8) % below;
}

static size_t random_size(void)
{
	uint32_t r = rnd(1000);

	if (r < 550)
		return rnd(65);
	if (r < 850)
		return 65 + rnd(448);
	if (r < 970)
		return 513 + rnd(3584);
	if (r < 996)
		return 4097 + rnd(28 * 1024);
	return 130 * 1024 + rnd(128 * 1024);
}

static void fail(const char *what, int op, int i)
{
	if (failures++ < 10)
		printf("FAIL op %d slot %d: %s\n", op, i, what);
}

static void mix(uint64_t v)
{
	checksum = (checksum ^ v) * 1099511628211ull;
}

/* The sampled offset after k in n bytes: all of the first and last 16,
 * every 61st in between. */
static size_t next_sample(size_t k, size_t n)
{
	if (k < 16 || k + 16 >= n)
		return k + 1;
	return k + 61 < n - 16 ? k + 61 : n - 16;
}

/* Checks the first n bytes of slot s at the sampled offsets; each byte read
 * goes into the checksum. */
static void check(const struct slot *s, size_t n, int op, int i)
{
	int bad = 0;

	for (size_t k = 0; k < n; k = next_sample(k, n)) {
		bad |= s->p[k] != s->fill;
		mix(s->p[k]);
	}
	if (bad)
		fail("contents changed", op, i);
}

static void fresh(struct slot *s, int op, int i)
{
	s->n = random_size();
	s->fill = (unsigned char)(op * 131 + 7);
	if (rnd(5) == 0) {
		s->p = calloc(1, s->n);
		callocs++;
		for (size_t k = 0; s->p && k < s->n; k += 7)
			if (s->p[k])
				fail("calloc memory is not zero", op, i);
	} else {
		s->p = malloc(s->n);
		allocs++;
	}
	if (!s->p) {
		fail("out of memory", op, i);
		return;
	}
	if ((uintptr_t)s->p % 16)
		fail("not 16-byte aligned", op, i);
	memset(s->p, s->fill, s->n);
	bytes += (long)s->n;
}

static void resize(struct slot *s, int op, int i)
{
	size_t n = random_size(), keep = n < s->n ? n : s->n;
	unsigned char *q = realloc(s->p, n);

	reallocs++;
	if (n == 0) {		/* realloc(p, 0) frees p */
		if (q)
			fail("realloc(p, 0) returned a block", op, i);
		s->p = NULL;
		return;
	}
	if (!q) {
		fail("realloc failed", op, i);
		return;
	}
	s->p = q;
	check(s, keep, op, i);
	if (n > s->n)
		memset(s->p + s->n, s->fill, n - s->n);
	s->n = n;
	bytes += (long)n;
}

int main(void)
{
	for (int op = 0; op < OPS; op++) {
		int i = (int)rnd(SLOTS);
		struct slot *s = &slots[i];

		mix((uint64_t)op << 8 | (uint64_t)i);
		if (!s->p) {
			fresh(s, op, i);
		} else if (rnd(10) < 6) {
			check(s, s->n, op, i);
			free(s->p);
			s->p = NULL;
			frees++;
		} else {
			check(s, s->n, op, i);
			resize(s, op, i);
		}
	}
	for (int i = 0; i < SLOTS; i++) {
		if (slots[i].p) {
			check(&slots[i], slots[i].n, OPS, i);
			free(slots[i].p);
			frees++;
		}
	}
	printf("malloc %ld, calloc %ld, realloc %ld, free %ld\n", allocs, callocs, reallocs, frees);
	printf("bytes allocated %ld\n", bytes);
	printf("checksum %016llx\n", (unsigned long long)checksum);
	printf("malloc_stress: %ld failures\n", failures);
	return failures ? 1 : 0;
}
