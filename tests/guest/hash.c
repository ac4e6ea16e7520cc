/* A hash table with separate chaining over malloc: 20000 pseudo-random keys
 * inserted (duplicates update in place), all looked up, every third
 * deleted, looked up again, then the table is grown (rehashed) and freed.
 * Prints counts and checksums; exits 1 if any count is not what a plain
 * bookkeeping of the same operations predicts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define KEYS 20000

struct node {
	uint64_t key;
	uint64_t value;
	struct node *next;
};

struct table {
	struct node **buckets;
	size_t nbuckets;	/* a power of two */
	size_t len;
};

static uint64_t hash(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return k;
}

/* Initializes an empty table of n buckets; 0, or -1 if malloc fails. */
static int table_init(struct table *t, size_t n)
{
	t->buckets = calloc(n, sizeof *t->buckets);
	t->nbuckets = n;
	t->len = 0;
	return t->buckets ? 0 : -1;
}

static struct node **table_slot(struct table *t, uint64_t key)
{
	struct node **p = &t->buckets[hash(key) & (t->nbuckets - 1)];

	while (*p && (*p)->key != key)
		p = &(*p)->next;
	return p;
}

/* Inserts or updates key; returns 1 if it was new, 0 if updated, -1 on ENOMEM. */
static int table_insert(struct table *t, uint64_t key, uint64_t value)
{
	struct node **p = table_slot(t, key);

	if (*p) {
		(*p)->value = value;
		return 0;
	}
	*p = malloc(sizeof **p);
	if (!*p)
		return -1;
	**p = (struct node){ key, value, NULL };
	t->len++;
	return 1;
}

static struct node *table_lookup(struct table *t, uint64_t key)
{
	return *table_slot(t, key);
}

/* Removes key; returns whether it was present. */
static int table_remove(struct table *t, uint64_t key)
{
	struct node **p = table_slot(t, key);
	struct node *dead = *p;

	if (!dead)
		return 0;
	*p = dead->next;
	free(dead);
	t->len--;
	return 1;
}

/* Moves every node into a table of n buckets; 0, or -1 if malloc fails. */
static int table_resize(struct table *t, size_t n)
{
	struct table bigger;

	if (table_init(&bigger, n) != 0)
		return -1;
	for (size_t i = 0; i < t->nbuckets; i++) {
		while (t->buckets[i]) {
			struct node *x = t->buckets[i];
			struct node **dst = &bigger.buckets[hash(x->key) & (n - 1)];

			t->buckets[i] = x->next;
			x->next = *dst;
			*dst = x;
			bigger.len++;
		}
	}
	free(t->buckets);
	*t = bigger;
	return 0;
}

static void table_free(struct table *t)
{
	for (size_t i = 0; i < t->nbuckets; i++)
		while (t->buckets[i])
			table_remove(t, t->buckets[i]->key);
	free(t->buckets);
}

/* Keys come from a small range so that some repeat. */
static uint64_t key_of(int i)
{
	return (uint64_t)(((uint64_t)i * 2654435761u) % 16381) * 7919;
}

static uint64_t checksum(struct table *t)
{
	uint64_t sum = 0;

	for (size_t i = 0; i < t->nbuckets; i++)
		for (struct node *x = t->buckets[i]; x; x = x->next)
			sum += hash(x->key ^ x->value);
	return sum;
}

int main(void)
{
	struct table t;
	long inserted = 0, updated = 0, found = 0, removed = 0, still = 0, longest = 0;
	int fail = 0;

	if (table_init(&t, 1024) != 0)
		return 2;
	for (int i = 0; i < KEYS; i++) {
		int r = table_insert(&t, key_of(i), (uint64_t)i);
		if (r < 0)
			return 2;
		r ? inserted++ : updated++;
	}
	for (int i = 0; i < KEYS; i++)
		found += table_lookup(&t, key_of(i)) != NULL;
	printf("inserted %ld, updated %ld, size %zu, found %ld of %d\n", inserted, updated, t.len,
	       found, KEYS);
	printf("checksum after inserts 0x%016lx\n", checksum(&t));
	for (int i = 0; i < KEYS; i += 3)
		removed += table_remove(&t, key_of(i));
	for (int i = 0; i < KEYS; i++)
		still += table_lookup(&t, key_of(i)) != NULL;
	printf("removed %ld, size %zu, lookups still hitting %ld\n", removed, t.len, still);
	if (table_resize(&t, 16384) != 0)
		return 2;
	for (size_t i = 0; i < t.nbuckets; i++) {
		long n = 0;
		for (struct node *x = t.buckets[i]; x; x = x->next)
			n++;
		longest = n > longest ? n : longest;
	}
	printf("after resizing to %zu buckets: size %zu, longest chain %ld\n", t.nbuckets, t.len,
	       longest);
	printf("checksum after deletes 0x%016lx\n", checksum(&t));
	fail |= inserted + updated != KEYS || found != KEYS || (size_t)inserted != removed + t.len;
	table_free(&t);
	fail |= t.len != 0;
	printf("size after freeing every node: %zu\n", t.len);
	return fail ? 1 : 0;
}
