/* An intrusive AVL tree: records embed a struct avl_node, a comparison
 * orders them (keys are unique) and an optional update callback keeps a
 * summary of each subtree in its root's record (an augmented tree: the
 * callback runs on every node whose subtree changed, children first). No
 * parent pointers: operations recurse from the root, at most 1.44 log2(n)
 * deep, so every one is O(log n). */
#ifndef LIB_AVL_H
#define LIB_AVL_H

#include <stdbool.h>
#include <stddef.h>

#include "lib/util.h"

struct avl_node {
	struct avl_node *left, *right;
	int height; /* of the subtree: 1 for a leaf */
};

struct avl_ops {
	/* <0, 0, >0 as a is before, the same as, after b */
	int (*cmp)(const struct avl_node *a, const struct avl_node *b);
	/* recomputes n's summary from n and its children (which are current); may be NULL */
	void (*update)(struct avl_node *n);
};

struct avl {
	struct avl_node *root;
	const struct avl_ops *ops;
};

#define avl_entry(ptr, type, member) ((type *)(void *)((char *)(ptr) - offsetof(type, member)))

void avl_init(struct avl *t, const struct avl_ops *ops);

/* Links n in; false (nothing changed) when a node equal to it is there. */
WARN_UNUSED bool avl_insert(struct avl *t, struct avl_node *n);

/* Unlinks n, which must be in t (panics otherwise). The caller owns n. */
void avl_remove(struct avl *t, struct avl_node *n);

/* n (in t) changed in a way that keeps its place in the order: recomputes
 * the summaries on the path from the root to it. */
void avl_updated(struct avl *t, struct avl_node *n);

/* The first node in order for which after(n, key) holds, for a predicate
 * that is false for a prefix of the order and true for the rest; NULL when
 * it holds for none. */
struct avl_node *avl_first_that(const struct avl *t, bool (*after)(const struct avl_node *n, const void *key),
				const void *key);

/* Calls fn on every node in order (fn must not change the tree). */
void avl_for_each(const struct avl *t, void (*fn)(void *ctx, struct avl_node *n), void *ctx);

/* Unlinks every node, calling fn (may be NULL) on each, children before
 * their parent, so fn may free it. */
void avl_clear(struct avl *t, void (*fn)(void *ctx, struct avl_node *n), void *ctx);

/* Panics unless the tree is ordered, its heights are right and balanced;
 * returns the number of nodes (for tests). */
size_t avl_check(const struct avl *t);

#endif
