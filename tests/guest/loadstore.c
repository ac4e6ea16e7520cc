/* Loads and stores of every width and signedness (lb lbu lh lhu lw lwu ld,
 * sb sh sw sd) through volatile pointers: sign and zero extension, little
 * endianness, and stores that change only their own bytes. Exits 1 on a
 * mismatch. */
#include <stdint.h>
#include <stdio.h>

static int failures;

static void check(const char *what, uint64_t got, uint64_t want)
{
	int ok = got == want;

	printf("%-4s %-34s 0x%016lx %21ld\n", ok ? "ok" : "FAIL", what, got, (int64_t)got);
	if (!ok) {
		printf("     want 0x%016lx\n", want);
		failures++;
	}
}

/* 16 bytes 0x80 0x81 ... 0x8f: every byte has its top bit set. */
static uint64_t mem[2] = { 0x8786858483828180ULL, 0x8f8e8d8c8b8a8988ULL };

static void loads(void)
{
	volatile uint8_t *b = (volatile uint8_t *)mem;
	volatile int8_t *sb = (volatile int8_t *)mem;
	volatile uint16_t *h = (volatile uint16_t *)mem;
	volatile int16_t *sh = (volatile int16_t *)mem;
	volatile uint32_t *w = (volatile uint32_t *)mem;
	volatile int32_t *sw = (volatile int32_t *)mem;
	volatile uint64_t *d = (volatile uint64_t *)mem;
	volatile int64_t *sd = (volatile int64_t *)mem;

	check("lbu byte 0", b[0], 0x80);
	check("lb byte 0 (sign-extends)", (uint64_t)(int64_t)sb[0], 0xffffffffffffff80ULL);
	check("lbu byte 15", b[15], 0x8f);
	check("lb byte 15", (uint64_t)(int64_t)sb[15], 0xffffffffffffff8fULL);
	check("lhu half 1", h[1], 0x8382);
	check("lh half 1", (uint64_t)(int64_t)sh[1], 0xffffffffffff8382ULL);
	check("lwu word 1", w[1], 0x87868584);
	check("lw word 1", (uint64_t)(int64_t)sw[1], 0xffffffff87868584ULL);
	check("ld dword 1", d[1], 0x8f8e8d8c8b8a8988ULL);
	check("ld dword 0 (signed)", (uint64_t)sd[0], 0x8786858483828180ULL);
}

static void positive_loads(void)
{
	static uint64_t pos = 0x7f7e7d7c7b7a7978ULL;
	volatile int8_t *sb = (volatile int8_t *)&pos;
	volatile int16_t *sh = (volatile int16_t *)&pos;
	volatile int32_t *sw = (volatile int32_t *)&pos;

	check("lb positive byte 7", (uint64_t)(int64_t)sb[7], 0x7f);
	check("lh positive half 3", (uint64_t)(int64_t)sh[3], 0x7f7e);
	check("lw positive word 1", (uint64_t)(int64_t)sw[1], 0x7f7e7d7c);
}

static void stores(void)
{
	static uint64_t st[2];
	volatile uint8_t *b = (volatile uint8_t *)st;
	volatile uint16_t *h = (volatile uint16_t *)st;
	volatile uint32_t *w = (volatile uint32_t *)st;
	volatile uint64_t *d = (volatile uint64_t *)st;

	d[0] = 0x1111111111111111ULL;
	d[1] = 0xffffffffffffffffULL;
	check("sd, ld", d[0], 0x1111111111111111ULL);
	b[1] = 0xab;
	check("sb byte 1 only", d[0], 0x111111111111ab11ULL);
	h[2] = 0xcdef;
	check("sh half 2 only", d[0], 0x1111cdef1111ab11ULL);
	w[1] = 0x01234567;
	check("sw word 1 only", d[0], 0x012345671111ab11ULL);
	w[2] = 0;
	check("sw word 2 leaves word 3", d[1], 0xffffffff00000000ULL);
	b[8] = (uint8_t)0x1ff;
	check("sb stores the low byte", d[1], 0xffffffff000000ffULL);
	h[5] = (uint16_t)-2;
	check("sh stores the low half", d[1], 0xfffffffffffe00ffULL);
}

/* The same through an array walked with every width, summed: exercises
 * address arithmetic and each load once per element. */
static void sweep(void)
{
	static uint8_t area[256];
	uint64_t sum = 0;

	for (int i = 0; i < 256; i++)
		((volatile uint8_t *)area)[i] = (uint8_t)(i * 37 + 11);
	for (int i = 0; i < 256; i++)
		sum += ((volatile int8_t *)area)[i];
	for (int i = 0; i < 128; i++)
		sum = sum * 3 + (uint64_t)((volatile int16_t *)area)[i];
	for (int i = 0; i < 64; i++)
		sum = sum * 5 + (uint64_t)((volatile uint32_t *)area)[i];
	for (int i = 0; i < 64; i++)
		sum = sum * 7 + (uint64_t)((volatile int32_t *)area)[i];
	for (int i = 0; i < 32; i++)
		sum = sum * 11 + ((volatile uint64_t *)area)[i];
	printf("sweep checksum 0x%016lx\n", sum);
}

int main(void)
{
	loads();
	positive_loads();
	stores();
	sweep();
	printf("loadstore: %d failures\n", failures);
	return failures ? 1 : 0;
}
