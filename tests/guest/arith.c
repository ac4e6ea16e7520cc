/* Integer arithmetic of RV64IM, instruction by instruction (inline asm, so
 * the compiler cannot fold anything): the M extension's defined results for
 * division by zero and INT_MIN / -1, remainders' signs, the three mulh
 * variants against __int128, shift amounts masked to 6 (or 5) bits, and
 * 32-bit W operations sign-extending their results. Exits 1 on a mismatch. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

typedef int64_t (*op_fn)(int64_t a, int64_t b);

#define RTYPE(op) \
	static int64_t op_##op(int64_t a, int64_t b) \
	{ \
		int64_t r; \
		__asm__ volatile(#op " %0, %1, %2" : "=r"(r) : "r"(a), "r"(b)); \
		return r; \
	}

RTYPE(add) RTYPE(sub) RTYPE(addw) RTYPE(subw)
RTYPE(sll) RTYPE(srl) RTYPE(sra) RTYPE(sllw) RTYPE(srlw) RTYPE(sraw)
RTYPE(slt) RTYPE(sltu)
RTYPE(mul) RTYPE(mulh) RTYPE(mulhu) RTYPE(mulhsu) RTYPE(mulw)
RTYPE(div) RTYPE(divu) RTYPE(rem) RTYPE(remu)
RTYPE(divw) RTYPE(divuw) RTYPE(remw) RTYPE(remuw)

struct kase {
	const char *name;
	op_fn fn;
	int64_t a, b, want;
};

#define K(op, a, b, want) { #op, op_##op, (int64_t)(a), (int64_t)(b), (int64_t)(want) }

static const struct kase cases[] = {
	K(add, INT64_MAX, 1, INT64_MIN),
	K(sub, INT64_MIN, 1, INT64_MAX),
	K(addw, 0x7fffffff, 1, 0xffffffff80000000ULL),
	K(addw, 0x100000005ULL, 3, 8),
	K(subw, 0xffffffff80000000ULL, 1, 0x7fffffff),
	K(sll, 1, 63, 0x8000000000000000ULL),
	K(sll, 1, 64, 1),			/* only the low 6 bits of rs2 count */
	K(sll, 3, -1, 0x8000000000000000ULL),
	K(srl, INT64_MIN, 63, 1),
	K(sra, INT64_MIN, 63, -1),
	K(sra, -1024, 4, -64),
	K(sllw, 1, 31, 0xffffffff80000000ULL),
	K(sllw, 1, 32, 1),			/* low 5 bits */
	K(srlw, 0x80000000, 31, 1),
	K(srlw, -1, 0, -1),
	K(srlw, -1, 1, 0x7fffffff),
	K(sraw, 0x80000000, 4, 0xfffffffff8000000ULL),
	K(slt, -1, 0, 1),
	K(sltu, -1, 0, 0),
	K(mul, 0x100000001ULL, 0x100000001ULL, 0x200000001ULL),
	K(mul, INT64_MIN, -1, INT64_MIN),
	K(mulh, INT64_MIN, INT64_MIN, 0x4000000000000000ULL),
	K(mulh, -1, 1, -1),
	K(mulhu, -1, -1, 0xfffffffffffffffeULL),
	K(mulhsu, -1, -1, -1),
	K(mulhsu, 2, -1, 1),
	K(mulw, 0x7fffffff, 2, -2),
	K(mulw, 0x123456789ULL, 0x10, 0x34567890),	/* the low word of 0x1234567890 */
	K(div, -7, 2, -3),			/* rounds toward zero */
	K(rem, -7, 2, -1),			/* the sign of the dividend */
	K(div, 7, -2, -3),
	K(rem, 7, -2, 1),
	K(div, 42, 0, -1),			/* division by zero: all ones */
	K(divu, 42, 0, UINT64_MAX),
	K(rem, 42, 0, 42),			/* remainder by zero: the dividend */
	K(remu, -42, 0, -42),
	K(div, INT64_MIN, -1, INT64_MIN),	/* overflow: the dividend, remainder 0 */
	K(rem, INT64_MIN, -1, 0),
	K(divu, -1, 2, INT64_MAX),
	K(remu, -1, 10, 5),
	K(divw, 42, 0, -1),
	K(divuw, 42, 0, -1),			/* 0xffffffff sign-extended */
	K(remw, 0x1fffffff0ULL, 0, -16),	/* the low word, sign-extended */
	K(remuw, 0x1fffffff0ULL, 0, -16),
	K(divw, INT32_MIN, -1, INT32_MIN),
	K(remw, INT32_MIN, -1, 0),
	K(divw, 0x100000064ULL, 10, 10),	/* the upper word is ignored */
	K(divuw, 0xffffffff, 2, 0x7fffffff),
	K(remuw, 0xffffffff, 10, 5),
};

static int failures;

static void run_cases(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct kase *k = &cases[i];
		int64_t r = k->fn(k->a, k->b);
		int ok = r == k->want;

		printf("%-6s %20ld %20ld = %20ld  0x%016lx  %s\n", k->name, k->a, k->b, r,
		       (uint64_t)r, ok ? "ok" : "FAIL");
		if (!ok) {
			printf("       want %ld (0x%lx)\n", k->want, (uint64_t)k->want);
			failures++;
		}
	}
}

static uint64_t lcg_state = 12345;

static uint64_t lcg(void)
{
	lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return lcg_state ^ (lcg_state >> 29);
}

/* mulh/mulhu/mulhsu against 128-bit products, and 128-bit division through
 * libgcc, over pseudo-random operands; prints a checksum of everything. */
static void random_products(void)
{
	uint64_t sum = 0;
	int bad = 0;

	for (int i = 0; i < 20000; i++) {
		int64_t a = (int64_t)lcg(), b = (int64_t)lcg();
		__int128 s = (__int128)a * b;
		unsigned __int128 u = (unsigned __int128)(uint64_t)a * (uint64_t)b;
		__int128 su = (__int128)a * (__int128)(unsigned __int128)(uint64_t)b;

		bad += op_mulh(a, b) != (int64_t)(s >> 64);
		bad += op_mulhu(a, b) != (int64_t)(u >> 64);
		bad += op_mulhsu(a, b) != (int64_t)(su >> 64);
		bad += op_mul(a, b) != (int64_t)(uint64_t)u;
		if (b != 0) {
			bad += op_div(a, b) != (a == INT64_MIN && b == -1 ? a : a / b);
			bad += op_remu(a, b) != (int64_t)((uint64_t)a % (uint64_t)b);
		}
		sum = sum * 31 + (uint64_t)(s >> 64) + (uint64_t)(u / ((uint64_t)b | 1));
	}
	printf("random products: %d mismatches, checksum 0x%016lx (%lu)\n", bad, sum, sum);
	failures += bad != 0;
}

/* Wraparound in C's unsigned and narrowing arithmetic. */
static void wraparound(void)
{
	volatile uint32_t u32 = UINT32_MAX;
	volatile uint8_t u8 = 250;
	volatile int64_t big = INT64_MAX;
	uint32_t w32 = u32 + 1;
	uint8_t w8 = (uint8_t)(u8 + 10);
	int8_t s8 = (int8_t)(uint8_t)200;
	uint64_t w64 = (uint64_t)big + 1;

	printf("uint32 max + 1 = %u, uint8 250 + 10 = %u, (int8)200 = %d\n", w32, w8, s8);
	printf("(uint64)INT64_MAX + 1 = %lu = 0x%lx = %ld as int64\n", w64, w64, (int64_t)w64);
	printf("-INT32_MIN as uint32 = %u, INT64_MIN in decimal = %ld\n",
	       -(uint32_t)INT32_MIN, (int64_t)INT64_MIN);
	failures += w32 != 0 || w8 != 4 || s8 != -56 || (int64_t)w64 != INT64_MIN;
}

int main(void)
{
	run_cases();
	random_products();
	wraparound();
	printf("arith: %d failures\n", failures);
	return failures ? 1 : 0;
}
