/* Misaligned loads and stores of 2, 4 and 8 bytes at every offset within a
 * doubleword, through volatile pointers (native lh/lw/ld/sh/sw/sd at odd
 * addresses, no memcpy: see hide()), and 8-byte accesses straddling a 4 KiB page
 * boundary in a page-aligned static array. Exits 1 on a mismatch. */
#include <stdint.h>
#include <stdio.h>

static uint8_t pages[2 * 4096] __attribute__((aligned(4096)));
static int failures;

static void check(const char *what, uint64_t got, uint64_t want)
{
	int ok = got == want;

	printf("%-4s %-40s 0x%016lx\n", ok ? "ok" : "FAIL", what, got);
	if (!ok) {
		printf("     want 0x%016lx\n", want);
		failures++;
	}
}

/* Returns p, hiding its value from the compiler: through a pointer it
 * cannot prove misaligned, it emits one native load or store (instead of
 * splitting the access into bytes, as it does for a known odd address). */
static volatile uint8_t *hide(volatile uint8_t *p)
{
	__asm__("" : "+r"(p));
	return p;
}

/* The little-endian value of n bytes at p, read one byte at a time. */
static uint64_t bytes_le(const volatile uint8_t *p, int n)
{
	uint64_t v = 0;

	for (int i = n - 1; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static void fill(volatile uint8_t *p, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (uint8_t)(0xa0 + i * 7);
}

/* Misaligned loads at offsets 1..7 agree with byte-wise reads. */
static void loads(void)
{
	volatile uint8_t *base = hide(pages + 64);
	uint64_t sum = 0;
	int bad = 0;

	fill(base, 32);
	for (int off = 1; off < 8; off++) {
		volatile uint8_t *p = base + off;
		uint64_t h = *(volatile uint16_t *)p;
		uint64_t sh = (uint64_t)(int64_t)*(volatile int16_t *)p;
		uint64_t w = *(volatile uint32_t *)p;
		uint64_t sw = (uint64_t)(int64_t)*(volatile int32_t *)p;
		uint64_t d = *(volatile uint64_t *)p;

		bad += h != bytes_le(p, 2) || w != bytes_le(p, 4) || d != bytes_le(p, 8);
		bad += sh != (uint64_t)(int64_t)(int16_t)h || sw != (uint64_t)(int64_t)(int32_t)w;
		sum = sum * 131 + h + sh + w + sw + d;
	}
	printf("%-4s loads at offsets 1..7: %d wrong, checksum 0x%016lx\n", bad ? "FAIL" : "ok", bad, sum);
	failures += bad != 0;
	check("ld at offset 3", *(volatile uint64_t *)(base + 3), bytes_le(base + 3, 8));
	check("lh at offset 1 (sign-extends)", (uint64_t)(int64_t)*(volatile int16_t *)(base + 1),
	      (uint64_t)(int64_t)(int16_t)bytes_le(base + 1, 2));
}

/* Misaligned stores write exactly their bytes and leave the neighbours. */
static void stores(void)
{
	volatile uint8_t *base = hide(pages + 128);

	for (int i = 0; i < 24; i++)
		base[i] = 0xee;
	*(volatile uint64_t *)(base + 1) = 0x0807060504030201ULL;
	check("sd at offset 1", bytes_le(base, 8), 0x07060504030201eeULL);
	check("  its last byte and the next", bytes_le(base + 8, 2), 0xee08);
	*(volatile uint32_t *)(base + 13) = 0xddccbbaa;
	check("sw at offset 13", bytes_le(base + 12, 6), 0xeeddccbbaaeeULL);
	*(volatile uint16_t *)(base + 19) = 0x1234;
	check("sh at offset 19", bytes_le(base + 18, 4), 0xee1234eeULL);
}

/* 8-byte accesses across the boundary between pages[4095] and pages[4096]. */
static void straddle(void)
{
	volatile uint8_t *edge = hide(pages + 4096);

	*(volatile uint64_t *)(edge - 3) = 0x1122334455667788ULL;
	check("sd straddling a page (3 + 5 bytes)", bytes_le(edge - 3, 8), 0x1122334455667788ULL);
	check("  the bytes before the boundary", bytes_le(edge - 3, 3), 0x667788);
	check("  the bytes after the boundary", bytes_le(edge, 5), 0x1122334455ULL);
	check("ld straddling a page", *(volatile uint64_t *)(edge - 3), 0x1122334455667788ULL);
	check("lw straddling a page (1 + 3 bytes)", *(volatile uint32_t *)(edge - 1), 0x33445566);
	*(volatile uint16_t *)(edge - 1) = 0xbeef;
	check("sh straddling a page", bytes_le(edge - 2, 4), 0x44beef77ULL);
	printf("page boundary at offset %lu of a 4096-aligned array: %s\n",
	       (unsigned long)(edge - pages), ((uintptr_t)edge & 0xfff) == 0 ? "yes" : "no");
}

int main(void)
{
	loads();
	stores();
	straddle();
	printf("misaligned: %d failures\n", failures);
	return failures ? 1 : 0;
}
