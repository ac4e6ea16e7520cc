/* lib/pyrandom.c against CPython 3: random.seed(n) then random.random(),
 * the values printed by float.hex() from Debian 12's python3. */
#include <stddef.h>

#include "lib/pyrandom.h"
#include "tests/harness.h"

struct known {
	uint64_t mag;
	bool negative;
	double first[3];  /* the first three random() */
	double later;     /* the 1001st */
};

static const struct known known[] = {
	{0x0ull, false, {0x1.b0580f98a7dbep-1, 0x1.84129978f9c1ap-1, 0x1.aeaa51052e978p-2}, 0x1.e4b478ea82669p-1}, /* random.seed(0) */
	{0x1ull, false, {0x1.132d8f91b7584p-3, 0x1.b1e2d5b3584f8p-1, 0x1.870d778409f13p-1}, 0x1.a585c192fcb38p-2}, /* random.seed(1) */
	{0x2aull, false, {0x1.4762f307200c5p-1, 0x1.99c6b5eeb2060p-6, 0x1.19a1491f589dcp-2}, 0x1.96f4dff63c280p-4}, /* random.seed(42) */
	{0x5ull, true, {0x1.3eecf89059360p-1, 0x1.7bcb8116f23eep-1, 0x1.97239c6c3047fp-1}, 0x1.be1d7c2992ec6p-1}, /* random.seed(-5) */
	{0xffffffffull, false, {0x1.454d9227a7013p-1, 0x1.a0274a3720bf8p-3, 0x1.36f8c1616ef77p-1}, 0x1.cb16515e461a2p-2}, /* random.seed(4294967295) */
	{0x100000000ull, false, {0x1.ced31cb3df170p-4, 0x1.abdb5477a4f26p-2, 0x1.1139c02ebd380p-6}, 0x1.e1c79c3b7b94fp-1}, /* random.seed(4294967296) */
	{0xffffffffffffffffull, false, {0x1.659799fd7f980p-6, 0x1.5a35a94f333d8p-2, 0x1.b21c0274c09a4p-3}, 0x1.87305d42176a6p-2}, /* random.seed(18446744073709551615) */
};

TEST(random_after_seed_is_cpythons)
{
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		struct pyrandom r;
		pyrandom_seed(&r, known[i].mag, known[i].negative);
		for (int j = 0; j < 3; j++)
			if (pyrandom_random(&r) != known[i].first[j])
				FAIL("seed %s0x%llx: random() number %d differs", known[i].negative ? "-" : "",
				     (unsigned long long)known[i].mag, j);
		for (int j = 3; j < 1000; j++)
			pyrandom_random(&r);
		CHECK(pyrandom_random(&r) == known[i].later);
	}
}

TEST(a_seed_wider_than_64_bits_takes_every_word)
{
	static const uint32_t key[] = {0x40000000, 0x4674edea, 0x9f2c9cd0, 0xc}; /* 10**30 */
	struct pyrandom r;
	pyrandom_seed_words(&r, key, sizeof key / sizeof key[0]);
	CHECK(pyrandom_random(&r) == 0x1.de49051f4e500p-1);
	CHECK(pyrandom_random(&r) == 0x1.0cf50607ee08fp-1);
}

TEST(scaled_choices_truncate_as_int_does)
{
	struct pyrandom r;
	pyrandom_seed(&r, 0, false);
	CHECK_EQ(pyrandom_scaled(&r, 100.0), 84); /* int(100 * random.random()) after seed(0) */
	pyrandom_seed(&r, 42, false);
	CHECK_EQ(pyrandom_scaled(&r, 100.0), 63);
}

