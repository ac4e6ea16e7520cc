/* Linear-probing hash map with backward-shift deletion. */
#include "lib/u64map.h"
#include "lib/util.h"

#include <stdlib.h>

static uint64_t hash(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdull;
	k ^= k >> 33;
	return k;
}

void u64map_init(struct u64map *m) { *m = (struct u64map){0}; }

void u64map_fini(struct u64map *m)
{
	free(m->keys);
	free(m->vals);
	free(m->used);
	u64map_init(m);
}

static uint64_t find_slot(const struct u64map *m, uint64_t key)
{
	uint64_t i = hash(key) & (m->cap - 1);
	while (m->used[i] && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	return i;
}

bool u64map_get(const struct u64map *m, uint64_t key, uint64_t *val)
{
	if (!m->cap)
		return false;
	uint64_t i = find_slot(m, key);
	if (!m->used[i])
		return false;
	*val = m->vals[i];
	return true;
}

static void grow(struct u64map *m)
{
	struct u64map old = *m;
	m->cap = old.cap ? old.cap * 2 : 16;
	m->keys = xmalloc(m->cap * sizeof *m->keys);
	m->vals = xmalloc(m->cap * sizeof *m->vals);
	m->used = xcalloc(m->cap, 1);
	m->len = 0;
	for (uint64_t i = 0; i < old.cap; i++)
		if (old.used[i])
			u64map_put(m, old.keys[i], old.vals[i]);
	free(old.keys);
	free(old.vals);
	free(old.used);
}

void u64map_put(struct u64map *m, uint64_t key, uint64_t val)
{
	if ((m->len + 1) * 4 > m->cap * 3)
		grow(m);
	uint64_t i = find_slot(m, key);
	if (!m->used[i]) {
		m->used[i] = 1;
		m->keys[i] = key;
		m->len++;
	}
	m->vals[i] = val;
}

bool u64map_remove(struct u64map *m, uint64_t key)
{
	if (!m->cap)
		return false;
	uint64_t mask = m->cap - 1, i = find_slot(m, key);
	if (!m->used[i])
		return false;
	/* shift back the entries that probed past the hole */
	for (uint64_t j = (i + 1) & mask; m->used[j]; j = (j + 1) & mask) {
		uint64_t home = hash(m->keys[j]) & mask;
		if (((j - home) & mask) >= ((j - i) & mask)) {
			m->keys[i] = m->keys[j];
			m->vals[i] = m->vals[j];
			i = j;
		}
	}
	m->used[i] = 0;
	m->len--;
	return true;
}
