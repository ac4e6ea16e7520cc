/* A bump allocator over sbrk: each block is a 16-byte header holding its
 * size, then the payload; free does nothing yet. The real allocator, with
 * selectable fit policies, replaces this file. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define ALIGN 16

struct header {
	size_t size;			/* payload bytes */
	size_t pad;			/* keeps the payload 16-byte aligned */
};

void *malloc(size_t n)
{
	size_t payload = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	uintptr_t base = (uintptr_t)sbrk(0);
	size_t lead = (ALIGN - base % ALIGN) % ALIGN; /* the first break may be unaligned */
	struct header *h;

	if (payload < n || payload > SIZE_MAX / 2)
		return NULL;
	if (sbrk((intptr_t)(lead + sizeof *h + payload)) == (void *)-1)
		return NULL;
	h = (struct header *)(base + lead);
	h->size = payload;
	return h + 1;
}

void free(void *p)
{
	(void)p;
}

void *calloc(size_t count, size_t size)
{
	void *p;

	if (size && count > SIZE_MAX / size)
		return NULL;
	p = malloc(count * size);
	if (p)
		memset(p, 0, count * size); /* a reusing allocator will need it */
	return p;
}

void *realloc(void *p, size_t n)
{
	struct header *h;
	void *q;

	if (!p)
		return malloc(n);
	h = (struct header *)p - 1;
	if (n <= h->size)
		return p;
	q = malloc(n);
	if (q)
		memcpy(q, p, h->size);
	return q;
}
