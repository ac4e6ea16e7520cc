/* An open-addressing hash map from uint64 keys to uint64 values (linear
 * probing, backward-shift deletion, no tombstones). Memory grows with the
 * number of keys, never with the number of operations. */
#ifndef LIB_U64MAP_H
#define LIB_U64MAP_H

#include <stdbool.h>
#include <stdint.h>

struct u64map {
	uint64_t *keys;
	uint64_t *vals;
	uint8_t *used;
	uint64_t cap; /* a power of two, or 0 before the first insert */
	uint64_t len;
};

void u64map_init(struct u64map *m);
void u64map_fini(struct u64map *m);
/* Returns true and *val when key is present. */
bool u64map_get(const struct u64map *m, uint64_t key, uint64_t *val);
/* Inserts or replaces. */
void u64map_put(struct u64map *m, uint64_t key, uint64_t val);
/* Removes key; returns whether it was present. */
bool u64map_remove(struct u64map *m, uint64_t key);

#endif
