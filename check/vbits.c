/* Sparse V bits (check/vbits.h). */
#include "check/vbits.h"

#include <stdlib.h>
#include <string.h>

#include "lib/util.h"

void vbits_init(struct vbits *s)
{
	u64tree_init(&s->pages);
	u64tree_init(&s->origins);
	memset(s->cache, 0, sizeof s->cache);
}

static void free_page(void *ctx, uint64_t key, uint64_t val)
{
	(void)ctx, (void)key;
	free((uint8_t *)(uintptr_t)val);
}

void vbits_fini(struct vbits *s)
{
	u64tree_for_each(&s->pages, free_page, NULL);
	u64tree_fini(&s->pages);
	u64tree_for_each(&s->origins, free_page, NULL);
	u64tree_fini(&s->origins);
}

void vbits_clear(struct vbits *s)
{
	vbits_fini(s);
	vbits_init(s);
}

/* The page holding va (NULL: none, all defined); with make, made if missing. */
static uint8_t *page_of(struct vbits *s, uint64_t va, bool make)
{
	uint64_t key = va / VBITS_PAGE, val;
	__typeof__(s->cache[0]) *c = &s->cache[key % VBITS_CACHED];
	if (c->key != key + 1) {
		c->page = u64tree_get(&s->pages, key, &val) ? (uint8_t *)(uintptr_t)val : NULL;
		c->key = key + 1;
	}
	if (!c->page && make) {
		c->page = xcalloc(1, VBITS_PAGE);
		u64tree_put(&s->pages, key, (uint64_t)(uintptr_t)c->page);
	}
	return c->page;
}

uint64_t vbits_load(struct vbits *s, uint64_t va, unsigned size)
{
	uint64_t v = 0;
	if (va % VBITS_PAGE <= VBITS_PAGE - size) { /* within one page */
		const uint8_t *pg = page_of(s, va, false);
		if (pg)
			memcpy(&v, pg + va % VBITS_PAGE, size); /* a little-endian host (hw/physmem.h) */
		return v;
	}
	for (unsigned i = 0; i < size; i++) {
		const uint8_t *pg = page_of(s, va + i, false);
		if (pg)
			v |= (uint64_t)pg[(va + i) % VBITS_PAGE] << (8 * i);
	}
	return v;
}

void vbits_store(struct vbits *s, uint64_t va, unsigned size, uint64_t v)
{
	if (va % VBITS_PAGE <= VBITS_PAGE - size) {
		uint8_t *pg = page_of(s, va, v != 0);
		if (pg)
			memcpy(pg + va % VBITS_PAGE, &v, size);
		return;
	}
	for (unsigned i = 0; i < size; i++) {
		uint8_t b = (uint8_t)(v >> (8 * i));
		uint8_t *pg = page_of(s, va + i, b != 0);
		if (pg)
			pg[(va + i) % VBITS_PAGE] = b;
	}
}

void vbits_set(struct vbits *s, uint64_t va, uint64_t len, bool undefined)
{
	while (len) {
		uint64_t off = va % VBITS_PAGE, n = VBITS_PAGE - off < len ? VBITS_PAGE - off : len;
		uint8_t *pg = page_of(s, va, undefined);
		if (pg)
			memset(pg + off, undefined ? 0xff : 0, n);
		va += n;
		len -= n;
	}
}

bool vbits_find_undefined(struct vbits *s, uint64_t va, uint64_t len, uint64_t *at)
{
	while (len) {
		uint64_t off = va % VBITS_PAGE, n = VBITS_PAGE - off < len ? VBITS_PAGE - off : len;
		const uint8_t *pg = page_of(s, va, false);
		for (uint64_t i = 0; pg && i < n; i++)
			if (pg[off + i]) {
				*at = va + i;
				return true;
			}
		va += n;
		len -= n;
	}
	return false;
}

#define GRANULE 4

uint32_t vbits_origin(const struct vbits *s, uint64_t va)
{
	uint64_t val;
	if (!u64tree_get(&s->origins, va / VBITS_PAGE, &val))
		return 0;
	return ((const uint32_t *)(uintptr_t)val)[va % VBITS_PAGE / GRANULE];
}

void vbits_set_origin(struct vbits *s, uint64_t va, uint64_t len, uint32_t origin)
{
	for (uint64_t g = va / GRANULE, end = (va + len + GRANULE - 1) / GRANULE; g < end; g++) {
		uint64_t key = g * GRANULE / VBITS_PAGE, val;
		uint32_t *pg;
		if (u64tree_get(&s->origins, key, &val)) {
			pg = (uint32_t *)(uintptr_t)val;
		} else if (origin) {
			pg = xcalloc(VBITS_PAGE / GRANULE, sizeof *pg);
			u64tree_put(&s->origins, key, (uint64_t)(uintptr_t)pg);
		} else {
			continue;
		}
		pg[g * GRANULE % VBITS_PAGE / GRANULE] = origin;
	}
}

/* Copies one page of a tree (ctx: the tree, and the page's size). */
struct copying {
	struct u64tree *to;
	size_t bytes;
};

static void copy_page(void *ctx, uint64_t key, uint64_t val)
{
	const struct copying *c = ctx;
	void *pg = xmalloc(c->bytes);
	memcpy(pg, (const void *)(uintptr_t)val, c->bytes);
	u64tree_put(c->to, key, (uint64_t)(uintptr_t)pg);
}

void vbits_copy(struct vbits *dst, const struct vbits *src)
{
	u64tree_for_each(&src->pages, copy_page, &(struct copying){&dst->pages, VBITS_PAGE});
	u64tree_for_each(&src->origins, copy_page,
			 &(struct copying){&dst->origins, VBITS_PAGE / GRANULE * sizeof(uint32_t)});
	memset(dst->cache, 0, sizeof dst->cache);
}
