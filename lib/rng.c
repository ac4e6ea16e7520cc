/* Seeding (splitmix64) and unbiased bounded draws for the xoshiro256** generator. */
#include "lib/rng.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

void rng_seed(struct rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&seed);
}

uint64_t rng_below(struct rng *r, uint64_t n)
{
	uint64_t limit = -n % n; /* rejection threshold: 2^64 mod n */
	for (;;) {
		uint64_t x = rng_next(r);
		if (x >= limit)
			return x % n;
	}
}
