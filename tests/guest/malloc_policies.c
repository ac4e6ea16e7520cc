/* Which block each fit policy picks. Four holes of 128, 64, 256 and 96
 * bytes (whole blocks: a 16-byte header, payloads rounded up to 16) are kept
 * apart by blocks in use, the rest of the heap is plugged, then three
 * requests go where the policy says. Addresses print as offsets from the
 * first block, so the output is the same on every machine; the policy comes
 * from VMLAB_MALLOC (`vmlab run --malloc POLICY`), first fit by default.
 * Then: realloc in place, coalescing back to one block, mapped blocks. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define HEADER 16

static char *base;

static long off(const void *p)
{
	return (long)((const char *)p - base);
}

static void *take(size_t n)
{
	void *p = malloc(n);

	if (!p) {
		printf("malloc(%zu) failed\n", n);
		exit(1);
	}
	return p;
}

/* Allocates the rest of the heap, up to the break: the free block after
 * last (whose payload is last_n bytes, a multiple of 16) ends 16 bytes (the
 * heap's end marker) below the break. */
static void *plug(char *last, size_t last_n)
{
	char *brk = sbrk(0), *tail = last + last_n;
	void *p = take((size_t)(brk - HEADER - tail) - HEADER);

	printf("the rest of the heap is plugged: %s\n", sbrk(0) == brk && p == tail + HEADER ? "yes" : "no");
	return p;
}

static void show(const char *what, size_t n, void *p)
{
	printf("%s(%zu) -> +%ld\n", what, n, off(p));
}

static void fits(void)
{
	static const size_t holes[4] = { 112, 48, 240, 80 };	/* blocks 128, 64, 256, 96 */
	void *hole[4], *sep[4], *plugged, *r[3];

	for (int i = 0; i < 4; i++) {
		hole[i] = take(holes[i]);
		sep[i] = take(32);
		if (i == 0)
			base = hole[0];
	}
	plugged = plug(sep[3], 32);
	for (int i = 0; i < 4; i++) {
		printf("hole %d: a %zu-byte block at +%ld\n", i, holes[i] + HEADER, off(hole[i]));
		free(hole[i]);
	}
	r[0] = take(224);
	show("malloc", 224, r[0]);
	r[1] = take(48);
	show("malloc", 48, r[1]);
	r[2] = take(32);
	show("malloc", 32, r[2]);
	for (int i = 0; i < 3; i++)
		free(r[i]);
	for (int i = 0; i < 4; i++)
		free(sep[i]);
	free(plugged);
}

static void in_place(void)
{
	char *p = take(100), *q = take(100), *s = take(100);

	memset(p, 'p', 100);
	printf("after freeing everything, malloc(100) -> +%ld (one free block again)\n", off(p));
	free(q);
	printf("realloc(p, 200) grows into the free neighbour: %s\n", realloc(p, 200) == p ? "yes" : "no");
	printf("realloc(p, 40) shrinks in place: %s\n", realloc(p, 40) == p ? "yes" : "no");
	q = take(48);
	show("malloc", 48, q);
	p = realloc(p, 500);
	printf("realloc(p, 500) moves: %s\n", p != base ? "yes" : "no");
	printf("  and keeps the contents: %s\n", p[0] == 'p' && p[39] == 'p' ? "yes" : "no");
	printf("realloc(p, 0) frees it: %s\n", realloc(p, 0) == NULL ? "yes" : "no");
	free(q);
	free(s);
}

static void mapped(void)
{
	char *brk = sbrk(0);
	unsigned char *z = calloc(100000, 3);
	char *big = take(200000);
	int zero = z != NULL;

	for (size_t i = 0; z && i < 300000; i += 997)
		zero &= z[i] == 0;
	printf("calloc(100000, 3) is mapped outside the heap and zeroed: %s\n",
	       zero && ((char *)z < base || (char *)z >= brk) ? "yes" : "no");
	printf("malloc(200000) is mapped outside the heap: %s\n",
	       (big < base || big >= brk) && (uintptr_t)big % 16 == 0 ? "yes" : "no");
	memset(big, 1, 200000);
	big = realloc(big, 150000);
	printf("realloc of a mapped block to 150000 keeps it: %s\n", big && big[149999] == 1 ? "yes" : "no");
	free(big);
	free(z);
	printf("calloc(SIZE_MAX / 2, 3) fails: %s\n", calloc(SIZE_MAX / 2, 3) == NULL ? "yes" : "no");
	printf("malloc(SIZE_MAX) fails: %s\n", malloc(SIZE_MAX) == NULL ? "yes" : "no");
}

int main(void)
{
	const char *policy = getenv("VMLAB_MALLOC");

	printf("policy: %s\n", policy ? policy : "first (the default)");
	fits();
	in_place();
	mapped();
	free(NULL);
	return 0;
}
