/* The ordered map on the intrusive AVL tree: one heap node per key. */
#include "lib/u64tree.h"

#include <stdlib.h>

struct node {
	struct avl_node link;
	uint64_t key, val;
};

static const struct node *node_of(const struct avl_node *n) { return avl_entry(n, const struct node, link); }

static int cmp(const struct avl_node *a, const struct avl_node *b)
{
	uint64_t x = node_of(a)->key, y = node_of(b)->key;
	return (x > y) - (x < y);
}

static const struct avl_ops ops = {.cmp = cmp, .update = NULL};

void u64tree_init(struct u64tree *m)
{
	avl_init(&m->t, &ops);
	m->len = 0;
}

static void free_node(void *ctx, struct avl_node *n)
{
	(void)ctx;
	free(avl_entry(n, struct node, link));
}

void u64tree_fini(struct u64tree *m)
{
	avl_clear(&m->t, free_node, NULL);
	m->len = 0;
}

static struct node *find(const struct u64tree *m, uint64_t key)
{
	for (struct avl_node *at = m->t.root; at;) {
		struct node *n = avl_entry(at, struct node, link);
		if (key == n->key)
			return n;
		at = key < n->key ? at->left : at->right;
	}
	return NULL;
}

bool u64tree_get(const struct u64tree *m, uint64_t key, uint64_t *val)
{
	const struct node *n = find(m, key);
	if (n)
		*val = n->val;
	return n != NULL;
}

void u64tree_put(struct u64tree *m, uint64_t key, uint64_t val)
{
	struct node *n = find(m, key);
	if (n) {
		n->val = val;
		return;
	}
	n = xmalloc(sizeof *n);
	n->key = key;
	n->val = val;
	if (!avl_insert(&m->t, &n->link))
		panic("key 0x%llx is both absent and present", (unsigned long long)key);
	m->len++;
}

bool u64tree_remove(struct u64tree *m, uint64_t key)
{
	struct node *n = find(m, key);
	if (!n)
		return false;
	avl_remove(&m->t, &n->link);
	free(n);
	m->len--;
	return true;
}

static bool at_or_after(const struct avl_node *n, const void *key) { return node_of(n)->key >= *(const uint64_t *)key; }

bool u64tree_ceil(const struct u64tree *m, uint64_t key, uint64_t *found, uint64_t *val)
{
	const struct avl_node *n = avl_first_that(&m->t, at_or_after, &key);
	if (!n)
		return false;
	*found = node_of(n)->key;
	*val = node_of(n)->val;
	return true;
}

struct visit {
	void (*fn)(void *ctx, uint64_t key, uint64_t val);
	void *ctx;
};

static void visit(void *ctx, struct avl_node *n)
{
	const struct visit *v = ctx;
	v->fn(v->ctx, node_of(n)->key, node_of(n)->val);
}

void u64tree_for_each(const struct u64tree *m, void (*fn)(void *ctx, uint64_t key, uint64_t val), void *ctx)
{
	struct visit v = {fn, ctx};
	avl_for_each(&m->t, visit, &v);
}

void u64tree_check(const struct u64tree *m)
{
	size_t n = avl_check(&m->t);
	if (n != m->len)
		panic("%zu nodes in a map of %llu keys", n, (unsigned long long)m->len);
}
