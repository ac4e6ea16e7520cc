/* MT19937 as CPython's Modules/_randommodule.c has it (Matsumoto and
 * Nishimura's reference code, with init_by_array for random.seed). */
#include "lib/pyrandom.h"

#define M 397
#define MATRIX_A 0x9908b0dfu
#define UPPER_MASK 0x80000000u
#define LOWER_MASK 0x7fffffffu

static void init_genrand(struct pyrandom *r, uint32_t s)
{
	r->mt[0] = s;
	for (int i = 1; i < PYRANDOM_N; i++)
		r->mt[i] = 1812433253u * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + (uint32_t)i;
	r->mti = PYRANDOM_N;
}

static void init_by_array(struct pyrandom *r, const uint32_t *key, unsigned len)
{
	init_genrand(r, 19650218u);
	unsigned i = 1, j = 0;
	for (unsigned k = PYRANDOM_N > len ? PYRANDOM_N : len; k; k--) {
		r->mt[i] = (r->mt[i] ^ ((r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) * 1664525u)) + key[j] + j;
		i++, j++;
		if (i >= PYRANDOM_N) {
			r->mt[0] = r->mt[PYRANDOM_N - 1];
			i = 1;
		}
		if (j >= len)
			j = 0;
	}
	for (unsigned k = PYRANDOM_N - 1; k; k--) {
		r->mt[i] = (r->mt[i] ^ ((r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) * 1566083941u)) - i;
		i++;
		if (i >= PYRANDOM_N) {
			r->mt[0] = r->mt[PYRANDOM_N - 1];
			i = 1;
		}
	}
	r->mt[0] = 0x80000000u; /* MSB is 1: a non-zero initial array */
}

void pyrandom_seed_words(struct pyrandom *r, const uint32_t *key, unsigned n)
{
	static const uint32_t zero[1] = {0};
	while (n > 0 && key[n - 1] == 0)
		n--;
	if (n == 0)
		init_by_array(r, zero, 1);
	else
		init_by_array(r, key, n);
}

void pyrandom_seed(struct pyrandom *r, uint64_t mag, bool negative)
{
	(void)negative; /* CPython seeds with the absolute value */
	uint32_t key[2] = {(uint32_t)mag, (uint32_t)(mag >> 32)};
	pyrandom_seed_words(r, key, 2);
}

uint32_t pyrandom_u32(struct pyrandom *r)
{
	static const uint32_t mag01[2] = {0, MATRIX_A};
	uint32_t y;
	if (r->mti >= PYRANDOM_N) {
		int kk;
		for (kk = 0; kk < PYRANDOM_N - M; kk++) {
			y = (r->mt[kk] & UPPER_MASK) | (r->mt[kk + 1] & LOWER_MASK);
			r->mt[kk] = r->mt[kk + M] ^ (y >> 1) ^ mag01[y & 1];
		}
		for (; kk < PYRANDOM_N - 1; kk++) {
			y = (r->mt[kk] & UPPER_MASK) | (r->mt[kk + 1] & LOWER_MASK);
			r->mt[kk] = r->mt[kk + (M - PYRANDOM_N)] ^ (y >> 1) ^ mag01[y & 1];
		}
		y = (r->mt[PYRANDOM_N - 1] & UPPER_MASK) | (r->mt[0] & LOWER_MASK);
		r->mt[PYRANDOM_N - 1] = r->mt[M - 1] ^ (y >> 1) ^ mag01[y & 1];
		r->mti = 0;
	}
	y = r->mt[r->mti++];
	y ^= y >> 11;
	y ^= (y << 7) & 0x9d2c5680u;
	y ^= (y << 15) & 0xefc60000u;
	y ^= y >> 18;
	return y;
}

double pyrandom_random(struct pyrandom *r)
{
	uint32_t a = pyrandom_u32(r) >> 5, b = pyrandom_u32(r) >> 6;
	return ((double)a * 67108864.0 + (double)b) * (1.0 / 9007199254740992.0);
}

int64_t pyrandom_scaled(struct pyrandom *r, double x)
{
	volatile double product = x * pyrandom_random(r); /* one rounding, as Python's */
	return (int64_t)product;
}
