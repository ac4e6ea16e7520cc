/* An ordered map from uint64 keys to uint64 values: an AVL tree of nodes
 * carved from chunks the map owns (a removed key's node waits on a free
 * list for the next insert), so that memory grows with the number of keys,
 * never with the number of operations. Every operation is O(log n); the keys
 * of a range are found in O(log n) each, however many other keys the map
 * holds. */
#ifndef LIB_U64TREE_H
#define LIB_U64TREE_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/avl.h"

struct u64tree_node;
struct u64tree_chunk;

struct u64tree {
	struct avl t;
	uint64_t len;
	struct u64tree_node *free;     /* nodes not in use */
	struct u64tree_chunk *chunks;  /* what they are carved from, newest first */
};

void u64tree_init(struct u64tree *m);
/* Frees every node and chunk. */
void u64tree_fini(struct u64tree *m);
/* Returns true and *val when key is present. */
bool u64tree_get(const struct u64tree *m, uint64_t key, uint64_t *val);
/* Inserts or replaces. */
void u64tree_put(struct u64tree *m, uint64_t key, uint64_t val);
/* Removes key; returns whether it was present. */
bool u64tree_remove(struct u64tree *m, uint64_t key);
/* Removes key and returns true with its value in *val, or false when it is
 * absent. */
bool u64tree_take(struct u64tree *m, uint64_t key, uint64_t *val);
/* The smallest key >= key, with its value; false when there is none. */
bool u64tree_ceil(const struct u64tree *m, uint64_t key, uint64_t *found, uint64_t *val);
/* Calls fn on every pair in key order (fn must not change the map). */
void u64tree_for_each(const struct u64tree *m, void (*fn)(void *ctx, uint64_t key, uint64_t val), void *ctx);
/* Panics unless the tree is sound and holds len keys (for tests). */
void u64tree_check(const struct u64tree *m);

#endif
