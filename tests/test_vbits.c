/* The sparse V bits (check/vbits.h) against a flat byte array under a seeded
 * random stream of loads, stores and ranges, across page boundaries. */
#include <string.h>

#include "check/vbits.h"
#include "lib/rng.h"
#include "tests/harness.h"

enum { SPAN = 6 * VBITS_PAGE, BASE = 0x3ffff000 }; /* six pages from an odd page */

static uint8_t model[SPAN];

static uint64_t model_load(uint64_t off, unsigned size)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < size; i++)
		v |= (uint64_t)model[off + i] << 8 * i;
	return v;
}

TEST(v_bits_agree_with_a_flat_array)
{
	struct vbits s;
	struct rng r;
	vbits_init(&s);
	rng_seed(&r, 7);
	memset(model, 0, sizeof model);
	for (int step = 0; step < 200000; step++) {
		unsigned size = 1u << rng_below(&r, 4);
		uint64_t off = rng_below(&r, SPAN - 8), len = rng_below(&r, 2 * VBITS_PAGE), at;
		switch (rng_below(&r, 5)) {
		case 0: {
			uint64_t v = rng_below(&r, 2) ? rng_next(&r) : 0;
			vbits_store(&s, BASE + off, size, v);
			for (unsigned i = 0; i < size; i++)
				model[off + i] = (uint8_t)(v >> 8 * i);
			break;
		}
		case 1:
			if (off + len > SPAN)
				len = SPAN - off;
			bool undefined = rng_below(&r, 2);
			vbits_set(&s, BASE + off, len, undefined);
			memset(model + off, undefined ? 0xff : 0, len);
			break;
		case 2:
			if (off + len > SPAN)
				len = SPAN - off;
			uint64_t want = 0;
			bool any = false;
			for (uint64_t i = 0; i < len && !any; i++)
				if (model[off + i])
					any = true, want = BASE + off + i;
			CHECK_EQ(vbits_find_undefined(&s, BASE + off, len, &at), any);
			if (any)
				CHECK_EQ(at, want);
			break;
		default:
			CHECK_EQ(vbits_load(&s, BASE + off, size), model_load(off, size));
			break;
		}
	}
	struct vbits copy;
	vbits_init(&copy);
	vbits_copy(&copy, &s);
	for (uint64_t off = 0; off + 8 <= SPAN; off += 8)
		CHECK_EQ(vbits_load(&copy, BASE + off, 8), model_load(off, 8));
	vbits_clear(&s);
	for (uint64_t off = 0; off + 8 <= SPAN; off += 8)
		CHECK_EQ(vbits_load(&s, BASE + off, 8), 0);
	vbits_fini(&copy);
	vbits_fini(&s);
}

TEST(memory_never_marked_undefined_costs_no_page)
{
	struct vbits s;
	vbits_init(&s);
	vbits_store(&s, 0x10000, 8, 0);
	vbits_set(&s, 0x20000, 3 * VBITS_PAGE, false);
	CHECK_EQ(s.pages.len, 0);
	vbits_set(&s, 0x20000 + 10, 1, true);
	CHECK_EQ(s.pages.len, 1);
	vbits_fini(&s);
}
