/* The ordered map on the intrusive AVL tree: one node per key, from chunks
 * that double in size (8 nodes, 16, ... up to 4,096). */
#include "lib/u64tree.h"

#include <stdlib.h>

#define CHUNK_MIN 8
#define CHUNK_MAX 4096

struct u64tree_node {
	struct avl_node link; /* on the free list: link.right is the next free node */
	uint64_t key, val;
};

struct u64tree_chunk {
	struct u64tree_chunk *next;
	size_t n;
	struct u64tree_node nodes[];
};

static const struct u64tree_node *node_of(const struct avl_node *n)
{
	return avl_entry(n, const struct u64tree_node, link);
}

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
	m->free = NULL;
	m->chunks = NULL;
}

void u64tree_fini(struct u64tree *m)
{
	while (m->chunks) {
		struct u64tree_chunk *c = m->chunks;
		m->chunks = c->next;
		free(c);
	}
	u64tree_init(m);
}

/* A node off the free list, after carving a new chunk when it is empty. */
static struct u64tree_node *alloc_node(struct u64tree *m)
{
	if (!m->free) {
		size_t n = m->chunks ? m->chunks->n * 2 : CHUNK_MIN;
		n = n < CHUNK_MAX ? n : CHUNK_MAX;
		struct u64tree_chunk *c = xmalloc(sizeof *c + n * sizeof c->nodes[0]);
		c->next = m->chunks;
		c->n = n;
		m->chunks = c;
		for (size_t i = 0; i < n; i++)
			c->nodes[i].link.right = i + 1 < n ? &c->nodes[i + 1].link : NULL;
		m->free = &c->nodes[0];
	}
	struct u64tree_node *x = m->free;
	m->free = x->link.right ? avl_entry(x->link.right, struct u64tree_node, link) : NULL;
	return x;
}

static void free_node(struct u64tree *m, struct u64tree_node *x)
{
	x->link.right = m->free ? &m->free->link : NULL;
	m->free = x;
}

static struct u64tree_node *find(const struct u64tree *m, uint64_t key)
{
	for (struct avl_node *at = m->t.root; at;) {
		struct u64tree_node *n = avl_entry(at, struct u64tree_node, link);
		if (key == n->key)
			return n;
		at = key < n->key ? at->left : at->right;
	}
	return NULL;
}

bool u64tree_get(const struct u64tree *m, uint64_t key, uint64_t *val)
{
	const struct u64tree_node *n = find(m, key);
	if (n)
		*val = n->val;
	return n != NULL;
}

void u64tree_put(struct u64tree *m, uint64_t key, uint64_t val)
{
	struct u64tree_node *n = alloc_node(m);
	n->key = key;
	n->val = val;
	if (avl_insert(&m->t, &n->link)) {
		m->len++;
		return;
	}
	free_node(m, n); /* the key is there: its value changes */
	find(m, key)->val = val;
}

bool u64tree_take(struct u64tree *m, uint64_t key, uint64_t *val)
{
	struct u64tree_node *n = find(m, key);
	if (!n)
		return false;
	*val = n->val;
	avl_remove(&m->t, &n->link);
	free_node(m, n);
	m->len--;
	return true;
}

bool u64tree_remove(struct u64tree *m, uint64_t key)
{
	uint64_t val;
	return u64tree_take(m, key, &val);
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
