/* CPython's random module, as the OSTEP homework simulators use it: the
 * Mersenne Twister MT19937 seeded by random.seed(int) (init_by_array on the
 * 32-bit words of |seed|, least significant first; [0] for 0) and
 * random.random() (genrand_res53: a double in [0, 1) from 53 random bits).
 * An integer choice is int(x * random()) in double precision, computed
 * without fused multiply-adds (lib/ is built with -ffp-contract=off). */
#ifndef LIB_PYRANDOM_H
#define LIB_PYRANDOM_H

#include <stdbool.h>
#include <stdint.h>

#define PYRANDOM_N 624

struct pyrandom {
	uint32_t mt[PYRANDOM_N];
	int mti;
};

/* random.seed(n) for an integer whose magnitude is mag and sign negative
 * (the sign does not matter: CPython seeds with |n|). */
void pyrandom_seed(struct pyrandom *r, uint64_t mag, bool negative);
/* random.seed with the 32-bit words of a larger magnitude, least
 * significant first (n > 0; trailing zero words are dropped, as CPython's). */
void pyrandom_seed_words(struct pyrandom *r, const uint32_t *key, unsigned n);

/* The next 32 random bits (genrand_uint32). */
uint32_t pyrandom_u32(struct pyrandom *r);
/* random.random(). */
double pyrandom_random(struct pyrandom *r);
/* int(x * random.random()) for x >= 0, as the simulators compute it. */
int64_t pyrandom_scaled(struct pyrandom *r, double x);

#endif
