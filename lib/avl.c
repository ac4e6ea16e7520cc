/* AVL insertion and removal by recursion from the root, rebalancing with
 * single and double rotations on the way back up. */
#include "lib/avl.h"

static int height(const struct avl_node *n) { return n ? n->height : 0; }

/* Sets n's height and summary from its children. */
static void fix(const struct avl *t, struct avl_node *n)
{
	int l = height(n->left), r = height(n->right);
	n->height = 1 + (l > r ? l : r);
	if (t->ops->update)
		t->ops->update(n);
}

static struct avl_node *rotate_right(const struct avl *t, struct avl_node *n)
{
	struct avl_node *l = n->left;
	n->left = l->right;
	l->right = n;
	fix(t, n);
	fix(t, l);
	return l;
}

static struct avl_node *rotate_left(const struct avl *t, struct avl_node *n)
{
	struct avl_node *r = n->right;
	n->right = r->left;
	r->left = n;
	fix(t, n);
	fix(t, r);
	return r;
}

/* n with children that are balanced and differ in height by at most 2:
 * the balanced subtree that replaces it, fixed. */
static struct avl_node *rebalance(const struct avl *t, struct avl_node *n)
{
	int bal = height(n->left) - height(n->right);
	if (bal > 1) {
		if (height(n->left->left) < height(n->left->right))
			n->left = rotate_left(t, n->left);
		return rotate_right(t, n);
	}
	if (bal < -1) {
		if (height(n->right->right) < height(n->right->left))
			n->right = rotate_right(t, n->right);
		return rotate_left(t, n);
	}
	fix(t, n);
	return n;
}

void avl_init(struct avl *t, const struct avl_ops *ops) { *t = (struct avl){.root = NULL, .ops = ops}; }

/* On the way back up: at's subtree changed below it when *changed; it is
 * rebalanced then, and *changed tells the level above whether it must be
 * too (its height changed, or summaries are kept: they change all the way
 * up). A subtree that did not change is left alone: an insert or a removal
 * usually stops rebalancing a level or two above the leaf. */
static struct avl_node *retrace(const struct avl *t, struct avl_node *at, bool *changed)
{
	if (!*changed)
		return at;
	int old = at->height;
	at = rebalance(t, at);
	*changed = t->ops->update || at->height != old;
	return at;
}

/* Inserts n below at; *ok when it went in, *changed as retrace says. */
static struct avl_node *insert(const struct avl *t, struct avl_node *at, struct avl_node *n, bool *ok,
			       bool *changed)
{
	if (!at) {
		n->left = n->right = NULL;
		fix(t, n);
		*ok = *changed = true;
		return n;
	}
	int c = t->ops->cmp(n, at);
	if (c == 0) {
		*ok = *changed = false;
		return at;
	}
	if (c < 0)
		at->left = insert(t, at->left, n, ok, changed);
	else
		at->right = insert(t, at->right, n, ok, changed);
	return retrace(t, at, changed);
}

bool avl_insert(struct avl *t, struct avl_node *n)
{
	bool ok = false, changed = false;
	t->root = insert(t, t->root, n, &ok, &changed);
	return ok;
}

/* Takes the first node of the subtree at into *min; returns the rest. */
static struct avl_node *remove_min(const struct avl *t, struct avl_node *at, struct avl_node **min, bool *changed)
{
	if (!at->left) {
		*min = at;
		*changed = true;
		return at->right;
	}
	at->left = remove_min(t, at->left, min, changed);
	return retrace(t, at, changed);
}

static struct avl_node *remove_node(const struct avl *t, struct avl_node *at, struct avl_node *n, bool *changed)
{
	if (!at)
		panic("removing a node that is not in the tree");
	int c = t->ops->cmp(n, at);
	if (c < 0) {
		at->left = remove_node(t, at->left, n, changed);
	} else if (c > 0) {
		at->right = remove_node(t, at->right, n, changed);
	} else {
		if (at != n)
			panic("removing a node equal to one in the tree but not it");
		*changed = true;
		if (!n->left || !n->right)
			return n->left ? n->left : n->right;
		struct avl_node *succ;
		struct avl_node *rest = remove_min(t, n->right, &succ, changed);
		succ->left = n->left;
		succ->right = rest;
		succ->height = n->height;
		*changed = true; /* succ took n's place: rebalance it */
		at = succ;
	}
	return retrace(t, at, changed);
}

void avl_remove(struct avl *t, struct avl_node *n)
{
	bool changed = false;
	t->root = remove_node(t, t->root, n, &changed);
	n->left = n->right = NULL;
}

static void updated(const struct avl *t, struct avl_node *at, struct avl_node *n)
{
	if (!at)
		panic("updating a node that is not in the tree");
	int c = t->ops->cmp(n, at);
	if (c < 0)
		updated(t, at->left, n);
	else if (c > 0)
		updated(t, at->right, n);
	fix(t, at);
}

void avl_updated(struct avl *t, struct avl_node *n) { updated(t, t->root, n); }

struct avl_node *avl_first_that(const struct avl *t, bool (*after)(const struct avl_node *n, const void *key),
				const void *key)
{
	struct avl_node *best = NULL;
	for (struct avl_node *at = t->root; at;) {
		if (after(at, key)) {
			best = at;
			at = at->left;
		} else {
			at = at->right;
		}
	}
	return best;
}

static void for_each(struct avl_node *at, void (*fn)(void *ctx, struct avl_node *n), void *ctx)
{
	while (at) {
		for_each(at->left, fn, ctx);
		fn(ctx, at);
		at = at->right;
	}
}

void avl_for_each(const struct avl *t, void (*fn)(void *ctx, struct avl_node *n), void *ctx)
{
	for_each(t->root, fn, ctx);
}

static void clear(struct avl_node *at, void (*fn)(void *ctx, struct avl_node *n), void *ctx)
{
	if (!at)
		return;
	clear(at->left, fn, ctx);
	clear(at->right, fn, ctx);
	if (fn)
		fn(ctx, at);
}

void avl_clear(struct avl *t, void (*fn)(void *ctx, struct avl_node *n), void *ctx)
{
	clear(t->root, fn, ctx);
	t->root = NULL;
}

/* Checks the subtree at at, whose nodes must lie strictly between lo and hi
 * (either may be NULL: unbounded); returns its node count. */
static size_t check(const struct avl *t, const struct avl_node *at, const struct avl_node *lo,
		    const struct avl_node *hi)
{
	if (!at)
		return 0;
	if ((lo && t->ops->cmp(at, lo) <= 0) || (hi && t->ops->cmp(at, hi) >= 0))
		panic("a node is out of order");
	size_t n = check(t, at->left, lo, at) + check(t, at->right, at, hi) + 1;
	int l = height(at->left), r = height(at->right);
	if (at->height != 1 + (l > r ? l : r) || l - r > 1 || r - l > 1)
		panic("a node's height is %d with children of %d and %d", at->height, l, r);
	return n;
}

size_t avl_check(const struct avl *t) { return check(t, t->root, NULL, NULL); }
