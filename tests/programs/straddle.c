/* One instruction that needs four pages at once: a 4-byte load whose first
 * half ends one page of code and second half starts the next, reading 8
 * bytes across a boundary of the data. Between loads the program touches
 * other pages, so that the four are seldom resident together when the load
 * starts. With 4 frames of RAM the load completes only when the kernel keeps
 * the pages it already brought in for it (tests/golden/run-*-straddle*). */
#include <stdint.h>
#include <stdio.h>

#define PAGE 4096

uint64_t straddle_load(const void *p);

/* straddle_load: "ld a0, 0(a0)" from the last 2 bytes of a page of code into
 * the next, then ret (4-byte encodings: no compressed ones). */
__asm__(".text\n"
	".balign 4096\n"
	".skip 4094\n"
	".globl straddle_load\n"
	"straddle_load:\n"
	".option push\n"
	".option norvc\n"
	"ld a0, 0(a0)\n"
	"ret\n"
	".option pop\n");

static unsigned char data[2 * PAGE] __attribute__((aligned(PAGE)));
static unsigned char other[8 * PAGE] __attribute__((aligned(PAGE)));

int main(void)
{
	uint64_t sum = 0;
	for (int i = 0; i < 8; i++)
		data[PAGE - 4 + i] = (unsigned char)(0x11 * (i + 1));
	for (int round = 0; round < 64; round++) {
		for (int i = 0; i < 8; i++)
			other[i * PAGE + round] = (unsigned char)round; /* evict the load's pages */
		sum += straddle_load(data + PAGE - 4);
	}
	printf("straddle: 64 loads across two page boundaries each, sum 0x%llx\n", (unsigned long long)sum);
	return 0;
}
