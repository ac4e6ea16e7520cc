/* The hash map against a plain array model under a seeded random stream. */
#include <stdlib.h>

#include "lib/rng.h"
#include "lib/u64map.h"
#include "tests/harness.h"

TEST(map_agrees_with_an_array_under_random_puts_and_removes)
{
	enum { KEYS = 2000 };
	static uint64_t model[KEYS];
	static bool present[KEYS];
	struct u64map m;
	struct rng r;
	u64map_init(&m);
	rng_seed(&r, 99);
	for (int step = 0; step < 300000; step++) {
		uint64_t k = rng_below(&r, KEYS), v = rng_next(&r), got;
		switch (rng_below(&r, 3)) {
		case 0:
			u64map_put(&m, k * 4096, v);
			model[k] = v;
			present[k] = true;
			break;
		case 1:
			CHECK_EQ(u64map_remove(&m, k * 4096), present[k]);
			present[k] = false;
			break;
		default:
			CHECK_EQ(u64map_get(&m, k * 4096, &got), present[k]);
			if (present[k])
				CHECK_EQ(got, model[k]);
		}
	}
	uint64_t n = 0;
	for (int k = 0; k < KEYS; k++)
		n += present[k];
	CHECK_EQ(m.len, n);
	u64map_fini(&m);
}
