/* The RV64C compressed instructions: every form expands to the 32-bit
 * instruction the GNU assembler makes of its expansion, reserved and
 * floating-point encodings are illegal, and compressed programs run (links
 * are pc + 2, sp-relative accesses, branches). */
#include <stdio.h>
#include <string.h>

#include "cpu/rvc.h"
#include "tests/test_cpu_rig.h"

/* Made with riscv64-unknown-elf-as -march=rv64imac from two files: the
 * compressed instruction (left comment) under .option rvc, its expansion
 * (right comment) under .option norvc. */
static const struct {
	uint16_t c;
	uint32_t insn;
} pairs[] = {
	{0x0808, 0x01010513}, /* c.addi4spn a0, sp, 16  -> addi a0, sp, 16 */
	{0x1fe4, 0x3fc10493}, /* c.addi4spn s1, sp, 1020 -> addi s1, sp, 1020 */
	{0x41c8, 0x0045a503}, /* c.lw a0, 4(a1)         -> lw a0, 4(a1) */
	{0x5fe0, 0x07c7a403}, /* c.lw s0, 124(a5)       -> lw s0, 124(a5) */
	{0x6690, 0x0086b603}, /* c.ld a2, 8(a3)         -> ld a2, 8(a3) */
	{0x7cf8, 0x0f84b703}, /* c.ld a4, 248(s1)       -> ld a4, 248(s1) */
	{0xc1c8, 0x00a5a223}, /* c.sw a0, 4(a1)         -> sw a0, 4(a1) */
	{0xdc7c, 0x06f42e23}, /* c.sw a5, 124(s0)       -> sw a5, 124(s0) */
	{0xe690, 0x00c6b423}, /* c.sd a2, 8(a3)         -> sd a2, 8(a3) */
	{0xfcf8, 0x0ee4bc23}, /* c.sd a4, 248(s1)       -> sd a4, 248(s1) */
	{0x0001, 0x00000013}, /* c.nop                  -> addi zero, zero, 0 */
	{0x0505, 0x00150513}, /* c.addi a0, 1           -> addi a0, a0, 1 */
	{0x1281, 0xfe028293}, /* c.addi t0, -32         -> addi t0, t0, -32 */
	{0x017d, 0x01f10113}, /* c.addi sp, 31          -> addi sp, sp, 31 */
	{0x357d, 0xfff5051b}, /* c.addiw a0, -1         -> addiw a0, a0, -1 */
	{0x2dfd, 0x01fd8d9b}, /* c.addiw s11, 31        -> addiw s11, s11, 31 */
	{0x4515, 0x00500513}, /* c.li a0, 5             -> addi a0, zero, 5 */
	{0x5f81, 0xfe000f93}, /* c.li t6, -32           -> addi t6, zero, -32 */
	{0x7101, 0xe0010113}, /* c.addi16sp sp, -512    -> addi sp, sp, -512 */
	{0x617d, 0x1f010113}, /* c.addi16sp sp, 496     -> addi sp, sp, 496 */
	{0x6141, 0x01010113}, /* c.addi16sp sp, 16      -> addi sp, sp, 16 */
	{0x6505, 0x00001537}, /* c.lui a0, 1            -> lui a0, 1 */
	{0x637d, 0x0001f337}, /* c.lui t1, 0x1f         -> lui t1, 0x1f */
	{0x7901, 0xfffe0937}, /* c.lui s2, 0xfffe0      -> lui s2, 0xfffe0 */
	{0x70fd, 0xfffff0b7}, /* c.lui ra, 0xfffff      -> lui ra, 0xfffff */
	{0x810d, 0x00355513}, /* c.srli a0, 3           -> srli a0, a0, 3 */
	{0x90fd, 0x03f4d493}, /* c.srli s1, 63          -> srli s1, s1, 63 */
	{0x8585, 0x4015d593}, /* c.srai a1, 1           -> srai a1, a1, 1 */
	{0x9781, 0x4207d793}, /* c.srai a5, 32          -> srai a5, a5, 32 */
	{0x9a7d, 0xfff67613}, /* c.andi a2, -1          -> andi a2, a2, -1 */
	{0x887d, 0x01f47413}, /* c.andi s0, 31          -> andi s0, s0, 31 */
	{0x8d0d, 0x40b50533}, /* c.sub a0, a1           -> sub a0, a0, a1 */
	{0x8c25, 0x00944433}, /* c.xor s0, s1           -> xor s0, s0, s1 */
	{0x8f5d, 0x00f76733}, /* c.or a4, a5            -> or a4, a4, a5 */
	{0x8ef1, 0x00c6f6b3}, /* c.and a3, a2           -> and a3, a3, a2 */
	{0x9d1d, 0x40f5053b}, /* c.subw a0, a5          -> subw a0, a0, a5 */
	{0x9cb9, 0x00e484bb}, /* c.addw s1, a4          -> addw s1, s1, a4 */
	{0xa001, 0x0000006f}, /* c.j .+0                -> jal zero, .+0 */
	{0xaffd, 0x7fe0006f}, /* c.j .+2046             -> jal zero, .+2046 */
	{0xb001, 0x801ff06f}, /* c.j .-2048             -> jal zero, .-2048 */
	{0xcd7d, 0x0e050f63}, /* c.beqz a0, .+254       -> beq a0, zero, .+254 */
	{0xd081, 0xf00480e3}, /* c.beqz s1, .-256       -> beq s1, zero, .-256 */
	{0xe781, 0x00079463}, /* c.bnez a5, .+8         -> bne a5, zero, .+8 */
	{0xfc7d, 0xfe041fe3}, /* c.bnez s0, .-2         -> bne s0, zero, .-2 */
	{0x0506, 0x00151513}, /* c.slli a0, 1           -> slli a0, a0, 1 */
	{0x1ffe, 0x03ff9f93}, /* c.slli t6, 63          -> slli t6, t6, 63 */
	{0x4512, 0x00412503}, /* c.lwsp a0, 4(sp)       -> lw a0, 4(sp) */
	{0x50fe, 0x0fc12083}, /* c.lwsp ra, 252(sp)     -> lw ra, 252(sp) */
	{0x6522, 0x00813503}, /* c.ldsp a0, 8(sp)       -> ld a0, 8(sp) */
	{0x7dfe, 0x1f813d83}, /* c.ldsp s11, 504(sp)    -> ld s11, 504(sp) */
	{0x8082, 0x00008067}, /* c.jr ra                -> jalr zero, 0(ra) */
	{0x8282, 0x00028067}, /* c.jr t0                -> jalr zero, 0(t0) */
	{0x852e, 0x00b00533}, /* c.mv a0, a1            -> add a0, zero, a1 */
	{0x8f8a, 0x00200fb3}, /* c.mv t6, sp            -> add t6, zero, sp */
	{0x9002, 0x00100073}, /* c.ebreak               -> ebreak */
	{0x9502, 0x000500e7}, /* c.jalr a0              -> jalr ra, 0(a0) */
	{0x9f82, 0x000f80e7}, /* c.jalr t6              -> jalr ra, 0(t6) */
	{0x952e, 0x00b50533}, /* c.add a0, a1           -> add a0, a0, a1 */
	{0x917e, 0x01f10133}, /* c.add sp, sp, t6       -> add sp, sp, t6 */
	{0xc22a, 0x00a12223}, /* c.swsp a0, 4(sp)       -> sw a0, 4(sp) */
	{0xdf86, 0x0e112e23}, /* c.swsp ra, 252(sp)     -> sw ra, 252(sp) */
	{0xe42a, 0x00a13423}, /* c.sdsp a0, 8(sp)       -> sd a0, 8(sp) */
	{0xffee, 0x1fb13c23}, /* c.sdsp s11, 504(sp)    -> sd s11, 504(sp) */
};

TEST(every_compressed_form_expands_as_the_gnu_assembler_encodes_it)
{
	for (unsigned i = 0; i < ARRAY_LEN(pairs); i++) {
		enum rvc_form form;
		uint32_t got = rvc_expand(pairs[i].c, &form);
		if (got != pairs[i].insn)
			FAIL("%#06x expands to %#010x, expected %#010x", pairs[i].c, got, pairs[i].insn);
		CHECK(form != RVC_ILLEGAL && form != RVC_FP && form != RVC_UNIMP);
	}
}

TEST(reserved_and_floating_point_compressed_encodings_are_illegal)
{
	static const uint16_t bad[] = {
		0x0000, /* c.unimp */
		0x0004, /* c.addi4spn with nzuimm 0 */
		0x2000, /* c.fld */
		0xa000, /* c.fsd */
		0x8000, /* quadrant 0, funct3 100: reserved */
		0x2001, /* c.addiw zero */
		0x6101, /* c.addi16sp with nzimm 0 */
		0x6501, /* c.lui a0, 0 */
		0x9c41, /* c.subw funct 10: reserved */
		0x9c61, /* c.subw funct 11: reserved */
		0x2002, /* c.fldsp */
		0x4002, /* c.lwsp zero */
		0x6002, /* c.ldsp zero */
		0x8002, /* c.jr zero */
		0xa002, /* c.fsdsp */
	};
	for (unsigned i = 0; i < ARRAY_LEN(bad); i++) {
		enum rvc_form form;
		if (rvc_expand(bad[i], &form) != 0)
			FAIL("%#06x is not illegal", bad[i]);
		struct crig t;
		crig_init(&t);
		crig_code16(&t, CODE, &bad[i], 1);
		CHECK_EQ(crig_run(&t, 5), CPU_ILLEGAL);
		CHECK_EQ(t.ex.insn, bad[i]);
		CHECK_EQ(t.c.pc, CODE);
		crig_fini(&t);
	}
}

TEST(compressed_hints_execute_as_no_ops)
{
	struct crig t;
	crig_init(&t);
	/* c.addi a0, 0; c.li zero, 1; c.mv zero, a0; c.slli zero, 1; c.lui zero, 1; c.add zero, a0 */
	uint16_t p[] = {0x0501, 0x4005, 0x802a, 0x0006, 0x6005, 0x902a, 0x0073, 0x0000};
	t.c.x[A0] = 9;
	crig_code16(&t, CODE, p, ARRAY_LEN(p));
	CHECK_EQ(crig_run(&t, 100), CPU_ECALL);
	CHECK_EQ(t.c.x[A0], 9);
	CHECK_EQ(t.c.x[ZERO], 0);
	CHECK_EQ(t.c.instret, 6);
	crig_fini(&t);
}

TEST(a_compressed_program_computes_through_the_stack)
{
	struct crig t;
	crig_init(&t);
	t.c.x[SP] = DATA + 0x800;
	uint16_t p[] = {
		0x7101, /* c.addi16sp sp, -512 */
		0x4515, /* c.li a0, 5 */
		0x0808 | 0, /* c.addi4spn a0, sp, 16 -> a0 = sp + 16 (overwrites the 5) */
		0xe42a, /* c.sdsp a0, 8(sp) */
		0x6622, /* c.ldsp a2, 8(sp) */
		0x4585, /* c.li a1, 1 */
		0x05fe, /* c.slli a1, 31 */
		0x8d0d, /* c.sub a0, a1 */
		0x9d2d, /* c.addw a0, a1 */
		0x0073, 0x0000, /* ecall */
	};
	crig_code16(&t, CODE, p, ARRAY_LEN(p));
	CHECK_EQ(crig_run(&t, 100), CPU_ECALL);
	CHECK_EQ(t.c.x[SP], DATA + 0x600);
	CHECK_EQ(t.c.x[A2], DATA + 0x610);
	CHECK_EQ(crig_read(&t, DATA + 0x608, 8), DATA + 0x610);
	CHECK_EQ(t.c.x[A1], 0x80000000);
	/* a0 = (DATA + 0x610 - 2^31) + 2^31, as a 32-bit sum sign-extended */
	CHECK_EQ(t.c.x[A0], DATA + 0x610);
	crig_fini(&t);
}

TEST(compressed_jumps_and_branches_link_pc_plus_2)
{
	struct crig t;
	crig_init(&t);
	t.c.x[A5] = CODE + 8;
	uint16_t p[] = {
		0x9782,         /* CODE+0: c.jalr a5 -> CODE+8, ra = CODE+2 */
		0x0073, 0x0000, /* CODE+2: ecall (reached last) */
		0x0001,         /* CODE+6: never */
		0xc119,         /* CODE+8: c.beqz a0, +6 -> CODE+14 (a0 == 0) */
		0x0001, 0x0001, /* CODE+10, 12: skipped */
		0xe111,         /* CODE+14: c.bnez a0, +4: not taken */
		0x0505,         /* CODE+16: c.addi a0, 1 */
		0x8082,         /* CODE+18: c.jr ra -> CODE+2 */
	};
	crig_code16(&t, CODE, p, ARRAY_LEN(p));
	CHECK_EQ(crig_run(&t, 100), CPU_ECALL);
	CHECK_EQ(t.c.pc, CODE + 2);
	CHECK_EQ(t.c.x[RA], CODE + 2);
	CHECK_EQ(t.c.x[A0], 1);
	CHECK_EQ(t.c.instret, 5);
	crig_fini(&t);
}

TEST(c_j_jumps_both_ways)
{
	struct crig t;
	crig_init(&t);
	uint16_t p[] = {
		0xa021, /* CODE+0: c.j +8 -> CODE+8 */
		0x0073, 0x0000, /* CODE+2: ecall */
		0x0001, /* CODE+6 */
		0x0505, /* CODE+8: c.addi a0, 1 */
		0xbfe5, /* CODE+10: c.j -8 -> CODE+2 */
	};
	crig_code16(&t, CODE, p, ARRAY_LEN(p));
	CHECK_EQ(crig_run(&t, 100), CPU_ECALL);
	CHECK_EQ(t.c.x[A0], 1);
	CHECK_EQ(t.c.pc, CODE + 2);
	crig_fini(&t);
}

TEST(compressed_loads_and_stores_of_words_sign_extend)
{
	struct crig t;
	crig_init(&t);
	crig_write(&t, DATA + 4, 4, 0x80000000);
	t.c.x[A1] = DATA;
	t.c.x[SP] = DATA;
	t.c.x[A2] = 0x1234;
	uint16_t p[] = {
		0x41c8, /* c.lw a0, 4(a1) */
		0x4692, /* c.lwsp a3, 4(sp) */
		0xc590, /* c.sw a2, 8(a1) */
		0xc632, /* c.swsp a2, 12(sp) */
		0x0073, 0x0000,
	};
	crig_code16(&t, CODE, p, ARRAY_LEN(p));
	CHECK_EQ(crig_run(&t, 100), CPU_ECALL);
	CHECK_EQ(t.c.x[A0], 0xffffffff80000000);
	CHECK_EQ(t.c.x[A3], 0xffffffff80000000);
	CHECK_EQ(crig_read(&t, DATA + 8, 8), 0x0000123400001234);
	crig_fini(&t);
}
