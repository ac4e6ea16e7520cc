/* The C extension. The whole program is compiled with it (most of its code
 * is 16-bit instructions); on top, each case below runs explicit c.*
 * instructions in inline asm: every RV64C integer instruction, c.jalr's
 * link address (pc + 2), and a 32-bit instruction at a 2-byte boundary
 * that straddles a 4 KiB page. Exits 1 on a mismatch. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int failures;

static void report(const char *text, long got, long want)
{
	int ok = got == want;

	printf("%-4s %-62s -> %ld (0x%lx)\n", ok ? "ok" : "FAIL", text, got, (unsigned long)got);
	if (!ok) {
		printf("     want %ld (0x%lx)\n", want, (unsigned long)want);
		failures++;
	}
}

/* Runs text with a0 = x and a1 = y (a1 may hold a pointer); reports a0. */
#define CASE(text, x, y, want) do { \
		register long a0_ __asm__("a0") = (long)(x); \
		register long a1_ __asm__("a1") = (long)(y); \
		__asm__ volatile(text : "+r"(a0_), "+r"(a1_) : : "ra", "memory"); \
		report(text, a0_, (long)(want)); \
	} while (0)

static void alu(void)
{
	CASE("c.li a0, -32", 0, 0, -32);
	CASE("c.li a0, 31; c.addi a0, -1", 0, 0, 30);
	CASE("c.lui a0, 0x1f; c.srli a0, 12", 0, 0, 0x1f);
	CASE("c.lui a0, 0xfffff", 0, 0, -4096);
	CASE("c.mv a0, a1; c.add a0, a1", 0, 21, 42);
	CASE("c.sub a0, a1", 10, 3, 7);
	CASE("c.xor a0, a1", 0xff00, 0x0ff0, 0xf0f0);
	CASE("c.or a0, a1", 0xff00, 0x0ff0, 0xfff0);
	CASE("c.and a0, a1", 0xff00, 0x0ff0, 0x0f00);
	CASE("c.andi a0, -16", 0x1234, 0, 0x1230);
	CASE("c.slli a0, 63", 1, 0, INT64_MIN);
	CASE("c.srli a0, 63", -1, 0, 1);
	CASE("c.srai a0, 4", -256, 0, -16);
	CASE("c.addw a0, a1", 0x7fffffff, 1, (long)INT32_MIN);
	CASE("c.subw a0, a1", (long)INT32_MIN, 1, 0x7fffffff);
	CASE("c.addiw a0, 1", 0x7fffffff, 0, (long)INT32_MIN);
	CASE("c.addiw a0, 0", 0x180000000L, 0, (long)INT32_MIN);	/* sext.w */
	CASE("c.nop; c.addi a0, 1", 41, 0, 42);
}

static void control(void)
{
	CASE("c.beqz a0, 1f; c.li a0, 5; 1:", 0, 0, 0);
	CASE("c.beqz a0, 1f; c.li a0, 5; 1:", 7, 0, 5);
	CASE("c.bnez a0, 1f; c.li a0, 5; 1:", 7, 0, 7);
	CASE("c.bnez a0, 1f; c.li a0, 5; 1:", 0, 0, 5);
	CASE("c.j 1f; c.li a0, 9; 1: c.addi a0, 1", 1, 0, 2);
	CASE("lla a1, 1f; c.jr a1; c.li a0, 9; 1: c.addi a0, 1", 1, 0, 2);
	/* c.jalr links pc + 2: the callee adds 2 and returns to the c.addi 4 */
	CASE("lla a1, 2f; c.jalr a1; c.addi a0, 4; c.j 3f; 2: c.addi a0, 2; c.jr ra; 3:", 1, 0, 7);
}

static void memory(void)
{
	uint64_t buf[4];

	memset(buf, 0, sizeof buf);
	CASE("c.sd a0, 8(a1); c.li a0, 0; c.ld a0, 8(a1)", 0x123456789abcdef0L, buf, 0x123456789abcdef0L);
	CASE("c.sw a0, 16(a1); c.li a0, 0; c.lw a0, 16(a1)", 0xdeadbeefL, buf, (long)(int32_t)0xdeadbeef);
	CASE("c.addi4spn a0, sp, 16; sub a0, a0, sp", 0, 0, 16);
	/* sp-relative: make room, store, load back (c.lwsp sign-extends), restore */
	CASE("c.addi16sp sp, -32; c.sdsp a1, 8(sp); c.swsp a1, 16(sp); "
	     "c.ldsp a0, 8(sp); c.lwsp a1, 16(sp); c.addi16sp sp, 32; c.add a0, a1",
	     0, 0x180000001L, 0x100000002L);
	printf("buf[1] = 0x%lx, buf[2] = 0x%lx after the stores\n", buf[1], buf[2]);
	failures += buf[1] != 0x123456789abcdef0UL || buf[2] != 0xdeadbeefUL;
}

/* straddle(x) = x + 102: two c.addi end at page offset 0xffe, where a 32-bit
 * addi begins and crosses into the next page; then c.jr ra. */
long straddle(long x);
__asm__(
	"	.section .text.straddle, \"ax\", @progbits\n"
	"	.balign 4096\n"
	"	.skip 4090\n"
	"	.globl straddle\n"
	"straddle:\n"
	"	c.addi a0, 1\n"
	"	c.addi a0, 1\n"
	"	.option push\n"
	"	.option norvc\n"
	"	addi a0, a0, 100\n"
	"	.option pop\n"
	"	c.jr ra\n"
	"	.previous\n");

int main(void)
{
	alu();
	control();
	memory();
	report("straddle: 32-bit addi at page offset 0xffe", straddle(1), 103);
	printf("straddle's addi is at page offset 0x%lx\n", ((unsigned long)straddle + 4) & 0xfff);
	printf("compressed: %d failures\n", failures);
	return failures ? 1 : 0;
}
