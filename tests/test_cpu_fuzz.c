/* Fuzzing the CPU with seeded random instruction words: it must never crash
 * the host or touch host memory outside the simulated RAM (make san runs this
 * under ASan and UBSan), must keep x0 zero and stop only for documented
 * reasons, and must agree with the disassembler on what is illegal. */
#include <stdio.h>
#include <string.h>

#include "lib/rng.h"
#include "tests/test_cpu_rig.h"

/* Registers: small values, addresses near the mapped pages (also on their
 * edges, so accesses cross into unmapped pages) and anything at all. */
static uint64_t random_reg(struct rng *r)
{
	switch (rng_below(r, 4)) {
	case 0: return rng_below(r, 64) - 32;
	case 1: return DATA + rng_below(r, 0x3000) - 0x800;
	case 2: return CODE + rng_below(r, 0x2000);
	default: return rng_next(r);
	}
}

/* One machine whose code page is writable too, so random stores can rewrite
 * the code being run; a run of random instructions from random places. */
static void fuzz_round(struct crig *t, struct rng *r, unsigned *stops)
{
	uint8_t *code = crig_host(t, CODE);
	for (unsigned i = 0; i < 512; i++) {
		uint64_t w = rng_next(r);
		memcpy(code + 8 * i, &w, 8);
	}
	for (unsigned i = 0; i < 4; i++) { /* random words are seldom exactly these */
		uint32_t w = i % 2 ? 0x00000073 : 0x00100073;
		memcpy(code + 4 * rng_below(r, 1024), &w, 4);
	}
	for (unsigned i = 1; i < 32; i++)
		t->c.x[i] = random_reg(r);
	for (unsigned k = 0; k < 20; k++) {
		t->c.pc = CODE + 2 * rng_below(r, 2048);
		t->c.reserved = rng_below(r, 2);
		t->c.reservation = t->c.x[rng_below(r, 32)];
		enum cpu_stop st = crig_run(t, 200);
		if ((unsigned)st > CPU_MISALIGNED)
			FAIL("stop %d", (int)st);
		stops[st]++;
		if (t->c.x[0] != 0)
			FAIL("x0 is %#llx", (unsigned long long)t->c.x[0]);
		if (st == CPU_FAULT && t->ex.fault.kind == FAULT_NONE)
			FAIL("a fault without a kind at %#llx", (unsigned long long)t->c.pc);
	}
}

TEST(random_instruction_words_never_crash_the_host)
{
	struct crig t;
	struct rng r;
	unsigned stops[CPU_MISALIGNED + 1] = {0};
	crig_init_with(&t, NULL, 256);
	rig_map_fresh(&t.r, CODE, 0, PTE_R | PTE_W | PTE_X | PTE_U);
	rig_map_fresh(&t.r, DATA, 0, PTE_R | PTE_W | PTE_U);
	rig_map_fresh(&t.r, DATA + 0x1000, 0, PTE_R | PTE_U);
	rng_seed(&r, 20240611);
	for (unsigned round = 0; round < 2000; round++)
		fuzz_round(&t, &r, stops);
	/* every kind of stop happened */
	for (unsigned s = 0; s <= CPU_MISALIGNED; s++)
		if (stops[s] == 0)
			FAIL("never stopped with %u", s);
	char err[200];
	if (!tlb_check(t.m->tlb[ACCESS_READ], err, sizeof err))
		FAIL("tlb_check: %s", err);
	crig_fini(&t);
}

TEST(random_words_with_the_common_opcodes_never_crash_the_host)
{
	/* The major opcodes the CPU implements, with random everything else, so
	 * that most words are legal and get executed rather than refused. */
	static const uint8_t ops[] = {0x03, 0x0f, 0x13, 0x17, 0x1b, 0x23, 0x2f, 0x33, 0x37, 0x3b, 0x63, 0x67, 0x6f, 0x73};
	struct crig t;
	struct rng r;
	crig_init_with(&t, NULL, 256);
	rig_map_fresh(&t.r, CODE, 0, PTE_R | PTE_W | PTE_X | PTE_U);
	rig_map_fresh(&t.r, CODE + 0x1000, 0, PTE_R | PTE_X | PTE_U);
	rig_map_fresh(&t.r, DATA, 0, PTE_R | PTE_W | PTE_U);
	rng_seed(&r, 77);
	uint64_t retired = 0;
	for (unsigned round = 0; round < 2000; round++) {
		for (unsigned i = 0; i < 2048; i++) {
			uint32_t w = (uint32_t)rng_next(&r);
			w = (w & ~0x7fu) | ops[rng_below(&r, ARRAY_LEN(ops))];
			memcpy(crig_host(&t, CODE + 4 * i), &w, 4);
		}
		for (unsigned i = 1; i < 32; i++)
			t.c.x[i] = random_reg(&r);
		uint64_t before = t.c.instret;
		for (unsigned k = 0; k < 20; k++) {
			t.c.pc = CODE + 4 * rng_below(&r, 2048);
			crig_run(&t, 300);
			CHECK_EQ(t.c.x[0], 0);
		}
		retired += t.c.instret - before;
	}
	CHECK(retired > 10000);
	crig_fini(&t);
}

/* Whether cpu_disasm calls the word (or parcel) illegal. */
static bool disasm_illegal(uint32_t insn)
{
	char buf[64];
	cpu_disasm(insn, CODE, buf, sizeof buf);
	return strncmp(buf, "illegal", 7) == 0 || strcmp(buf, "c.unimp") == 0;
}

TEST(the_cpu_and_the_disassembler_agree_on_what_is_illegal)
{
	struct crig t;
	struct rng r;
	crig_init(&t);
	rng_seed(&r, 4242);
	unsigned legal = 0;
	for (unsigned i = 0; i < 300000; i++) {
		uint32_t w = (uint32_t)rng_next(&r);
		if (i % 3 == 0)
			w = (w & ~0x7fu) | 0x03 | (uint32_t)rng_below(&r, 32) << 2; /* any major opcode */
		else if (i % 3 == 1)
			w &= 0xffff; /* a compressed parcel (or a 32-bit word with zero high half) */
		crig_write(&t, CODE, 4, w);
		t.c.pc = CODE;
		t.c.x[A0] = DATA;
		enum cpu_stop st = crig_run(&t, 1);
		bool cpu_says = st == CPU_ILLEGAL, dis_says = disasm_illegal(w);
		if (cpu_says != dis_says) {
			char buf[64];
			cpu_disasm(w, CODE, buf, sizeof buf);
			FAIL("%#010x: the CPU says %s, the disassembler \"%s\"", w, cpu_says ? "illegal" : "legal", buf);
		}
		legal += !cpu_says;
	}
	CHECK(legal > 100000);
	crig_fini(&t);
}

TEST(every_compressed_parcel_agrees_with_the_disassembler)
{
	struct crig t;
	crig_init(&t);
	for (uint32_t p = 0; p < 0x10000; p++) {
		if ((p & 3) == 3)
			continue;
		crig_write(&t, CODE, 4, p);
		t.c.pc = CODE;
		for (unsigned i = 1; i < 32; i++)
			t.c.x[i] = DATA + 0x100;
		enum cpu_stop st = crig_run(&t, 1);
		if ((st == CPU_ILLEGAL) != disasm_illegal(p)) {
			char buf[64];
			cpu_disasm(p, CODE, buf, sizeof buf);
			FAIL("%#06x: the CPU says %d, the disassembler \"%s\"", p, (int)st, buf);
		}
	}
	crig_fini(&t);
}
