/* The intrusive AVL tree and the ordered map on it, against plain arrays
 * under a seeded random stream; the tree's checker after every step. */
#include <math.h>
#include <stdlib.h>

#include "lib/avl.h"
#include "lib/rng.h"
#include "lib/u64tree.h"
#include "tests/harness.h"

struct item {
	struct avl_node link;
	uint64_t key;
	uint64_t sum; /* of the keys in its subtree: the augmentation under test */
};

static const struct item *item_of(const struct avl_node *n) { return avl_entry(n, const struct item, link); }

static int cmp(const struct avl_node *a, const struct avl_node *b)
{
	return (item_of(a)->key > item_of(b)->key) - (item_of(a)->key < item_of(b)->key);
}

static void update(struct avl_node *n)
{
	struct item *x = avl_entry(n, struct item, link);
	x->sum = x->key + (n->left ? item_of(n->left)->sum : 0) + (n->right ? item_of(n->right)->sum : 0);
}

static const struct avl_ops ops = {cmp, update};

static bool at_least(const struct avl_node *n, const void *key) { return item_of(n)->key >= *(const uint64_t *)key; }

/* Checks every subtree's sum; returns the subtree's. */
static uint64_t check_sums(const struct avl_node *n)
{
	if (!n)
		return 0;
	uint64_t s = item_of(n)->key + check_sums(n->left) + check_sums(n->right);
	CHECK_EQ(item_of(n)->sum, s);
	return s;
}

TEST(tree_agrees_with_an_array_and_keeps_subtree_sums_under_random_inserts_and_removes)
{
	enum { KEYS = 600 };
	static struct item items[KEYS];
	static bool in[KEYS];
	struct avl t;
	struct rng r;
	avl_init(&t, &ops);
	rng_seed(&r, 7);
	size_t n = 0;
	for (int i = 0; i < KEYS; i++)
		items[i].key = (uint64_t)i * 3;
	for (int step = 0; step < 40000; step++) {
		uint64_t k = rng_below(&r, KEYS), q = rng_below(&r, 3 * KEYS + 3);
		if (rng_below(&r, 2)) {
			CHECK_EQ(avl_insert(&t, &items[k].link), !in[k]);
			n += !in[k];
			in[k] = true;
		} else if (in[k]) {
			avl_remove(&t, &items[k].link);
			in[k] = false;
			n--;
		}
		uint64_t want = KEYS;
		for (uint64_t j = (q + 2) / 3; j < KEYS; j++)
			if (in[j]) {
				want = j;
				break;
			}
		struct avl_node *got = avl_first_that(&t, at_least, &q);
		CHECK_EQ(got ? item_of(got)->key / 3 : KEYS, want);
		if (step % 16 == 0) {
			CHECK_EQ(avl_check(&t), n);
			check_sums(t.root);
		}
	}
}

TEST(tree_height_stays_logarithmic_for_keys_inserted_in_order)
{
	enum { KEYS = 1 << 14 };
	struct item *items = calloc(KEYS, sizeof *items);
	struct avl t;
	avl_init(&t, &ops);
	for (int i = 0; i < KEYS; i++) {
		items[i].key = (uint64_t)i;
		CHECK(avl_insert(&t, &items[i].link));
	}
	CHECK_EQ(avl_check(&t), KEYS);
	CHECK(t.root->height <= (int)(1.45 * log2(KEYS + 2)));
	for (int i = 0; i < KEYS; i += 2)
		avl_remove(&t, &items[i].link);
	CHECK_EQ(avl_check(&t), KEYS / 2);
	CHECK(t.root->height <= (int)(1.45 * log2(KEYS / 2 + 2)));
	check_sums(t.root);
	free(items);
}

TEST(updated_recomputes_the_summaries_above_a_changed_node)
{
	static struct item items[100];
	struct avl t;
	avl_init(&t, &ops);
	for (int i = 0; i < 100; i++) {
		items[i].key = (uint64_t)i * 10;
		CHECK(avl_insert(&t, &items[i].link));
	}
	items[42].key = 425; /* between 420 and 430: the order holds */
	avl_updated(&t, &items[42].link);
	check_sums(t.root);
	CHECK_EQ(item_of(t.root)->sum, 49500 + 5);
}

static void count(void *ctx, struct avl_node *n)
{
	(void)n;
	++*(int *)ctx;
}

TEST(clear_visits_every_node_and_empties_the_tree)
{
	static struct item items[50];
	struct avl t;
	avl_init(&t, &ops);
	for (int i = 0; i < 50; i++) {
		items[i].key = (uint64_t)(i * 7 % 50);
		CHECK(avl_insert(&t, &items[i].link));
	}
	int seen = 0;
	avl_for_each(&t, count, &seen);
	CHECK_EQ(seen, 50);
	seen = 0;
	avl_clear(&t, count, &seen);
	CHECK_EQ(seen, 50);
	CHECK(t.root == NULL);
}

struct order {
	uint64_t last;
	uint64_t n;
	bool sorted;
};

static void in_order(void *ctx, uint64_t key, uint64_t val)
{
	struct order *o = ctx;
	o->sorted &= (o->n == 0 || key > o->last) && val == key * 5;
	o->last = key;
	o->n++;
}

TEST(ordered_map_agrees_with_an_array_under_random_puts_removes_and_ceilings)
{
	enum { KEYS = 1500 };
	static uint64_t model[KEYS];
	static bool present[KEYS];
	struct u64tree m;
	struct rng r;
	u64tree_init(&m);
	rng_seed(&r, 11);
	for (int step = 0; step < 100000; step++) {
		uint64_t k = rng_below(&r, KEYS), v = rng_next(&r), got, key;
		switch (rng_below(&r, 4)) {
		case 0:
			u64tree_put(&m, k * 4096, v);
			model[k] = v;
			present[k] = true;
			break;
		case 1:
			CHECK_EQ(u64tree_remove(&m, k * 4096), present[k]);
			present[k] = false;
			break;
		case 2: {
			uint64_t q = k * 4096 - (k ? rng_below(&r, 4096) : 0), j = k;
			while (j < KEYS && !present[j])
				j++;
			bool found = u64tree_ceil(&m, q, &key, &got);
			CHECK_EQ(found, j < KEYS);
			if (found) {
				CHECK_EQ(key, j * 4096);
				CHECK_EQ(got, model[j]);
			}
			break;
		}
		default:
			CHECK_EQ(u64tree_get(&m, k * 4096, &got), present[k]);
			if (present[k])
				CHECK_EQ(got, model[k]);
		}
		if (step % 1000 == 0)
			u64tree_check(&m);
	}
	uint64_t n = 0;
	for (int i = 0; i < KEYS; i++)
		n += present[i];
	CHECK_EQ(m.len, n);
	u64tree_fini(&m);
	CHECK_EQ(m.len, 0);
	CHECK(!u64tree_ceil(&m, 0, &n, &n));
}

TEST(ordered_map_visits_its_pairs_in_key_order)
{
	struct u64tree m;
	u64tree_init(&m);
	for (uint64_t i = 0; i < 1000; i++) {
		uint64_t key = i * 7919 % 1000;
		u64tree_put(&m, key, key * 5);
	}
	struct order o = {0, 0, true};
	u64tree_for_each(&m, in_order, &o);
	CHECK(o.sorted);
	CHECK_EQ(o.n, 1000);
	u64tree_fini(&m);
}
