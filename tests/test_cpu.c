/* The CPU, instruction group by instruction group: hand-assembled programs
 * (the assembler checked against riscv64-unknown-elf-as), the M extension's
 * edge cases, loads and stores of every width and alignment, atomics,
 * counters, stops (ecall, ebreak, illegal, faults, budget) and the
 * disassembler. Compressed instructions, the fetch cache and the fuzz test
 * have files of their own. */
#include <stdio.h>
#include <string.h>

#include "tests/test_cpu_rig.h"

/* Runs one instruction (then an ecall) with a1, a2 preset; returns a0. */
static uint64_t run_op(struct crig *t, uint32_t insn, uint64_t a1, uint64_t a2)
{
	t->c.x[A1] = a1;
	t->c.x[A2] = a2;
	crig_exec(t, &insn, 1);
	return t->c.x[A0];
}

#define I64_MIN 0x8000000000000000ull
#define ALL 0xffffffffffffffffull

/* ---- The assembler ---- */

TEST(the_test_assembler_matches_the_gnu_assembler)
{
	/* Encodings from riscv64-unknown-elf-as -march=rv64imac on the source in the comments. */
	CHECK_EQ(LUI(A0, 0x12345), 0x12345537);             /* lui a0, 0x12345 */
	CHECK_EQ(AUIPC(T0, 0xfffff), 0xfffff297);           /* auipc t0, 0xfffff */
	CHECK_EQ(JAL(RA, 2048), 0x001000ef);                /* jal ra, .+2048 */
	CHECK_EQ(JAL(ZERO, -4), 0xffdff06f);                /* jal zero, .-4 */
	CHECK_EQ(JALR(RA, A0, 0), 0x000500e7);              /* jalr ra, 0(a0) */
	CHECK_EQ(JALR(ZERO, T1, -8), 0xff830067);           /* jalr zero, -8(t1) */
	CHECK_EQ(BR(0, A0, A1, 16), 0x00b50863);            /* beq a0, a1, .+16 */
	CHECK_EQ(BR(1, T0, ZERO, -16), 0xfe0298e3);         /* bne t0, zero, .-16 */
	CHECK_EQ(BR(4, A2, A3, 4094), 0x7ed64fe3);          /* blt a2, a3, .+4094 */
	CHECK_EQ(BR(5, S0, S1, -4096), 0x80945063);         /* bge s0, s1, .-4096 */
	CHECK_EQ(LOAD(0, A0, A1, -1), 0xfff58503);          /* lb a0, -1(a1) */
	CHECK_EQ(LOAD(3, A0, A1, -2048), 0x8005b503);       /* ld a0, -2048(a1) */
	CHECK_EQ(LOAD(6, T2, SP, 12), 0x00c16383);          /* lwu t2, 12(sp) */
	CHECK_EQ(STORE(0, A0, A1, -1), 0xfea58fa3);         /* sb a0, -1(a1) */
	CHECK_EQ(STORE(2, A4, A5, 2047), 0x7ee7afa3);       /* sw a4, 2047(a5) */
	CHECK_EQ(STORE(3, RA, SP, -2048), 0x80113023);      /* sd ra, -2048(sp) */
	CHECK_EQ(ADDI(A0, A1, -5), 0xffb58513);             /* addi a0, a1, -5 */
	CHECK_EQ(OPIMM(5, A0, A1, 0x400 | 40), 0x4285d513); /* srai a0, a1, 40 */
	CHECK_EQ(OPIMMW(5, A0, A1, 0x400 | 31), 0x41f5d51b); /* sraiw a0, a1, 31 */
	CHECK_EQ(OP(0, 0x20, S2, S3, S4), 0x41498933);      /* sub s2, s3, s4 */
	CHECK_EQ(OP(3, 1, T3, T4, T5), 0x03eebe33);         /* mulhu t3, t4, t5 */
	CHECK_EQ(OPW(7, 1, A0, A1, A2), 0x02c5f53b);        /* remuw a0, a1, a2 */
	CHECK_EQ(AMO(0x02, 2, A0, A1, 0), 0x1005a52f);      /* lr.w a0, (a1) */
	CHECK_EQ(AMO(0x03, 2, A0, A1, A2), 0x18c5a52f);     /* sc.w a0, a2, (a1) */
	CHECK_EQ(AMO(0x1c, 2, A0, A1, A2), 0xe0c5a52f);     /* amomaxu.w a0, a2, (a1) */
	CHECK_EQ(CSR(2, A0, 0xc00, 0), 0xc0002573);         /* rdcycle a0 */
	CHECK_EQ(CSR(6, A4, 0xc02, 0), 0xc0206773);         /* csrrsi a4, instret, 0 */
}

/* ---- RV64I computation ---- */

TEST(lui_auipc_and_addi_build_constants)
{
	struct crig t;
	crig_init(&t);
	uint32_t p[] = {
		LUI(A0, 0x12345), ADDI(A0, A0, 0x678), /* a0 = 0x12345678 */
		LUI(A1, 0x80000),                      /* sign-extended: 0xffffffff80000000 */
		AUIPC(A2, 0),                          /* pc of this instruction */
		AUIPC(A3, 0xfffff),                    /* pc - 4096 */
		ADDI(A4, ZERO, -1),
	};
	crig_exec(&t, p, ARRAY_LEN(p));
	CHECK_EQ(t.c.x[A0], 0x12345678);
	CHECK_EQ(t.c.x[A1], 0xffffffff80000000);
	CHECK_EQ(t.c.x[A2], CODE + 12);
	CHECK_EQ(t.c.x[A3], CODE + 16 - 4096);
	CHECK_EQ(t.c.x[A4], ALL);
	CHECK_EQ(t.c.instret, 6);
	crig_fini(&t);
}

TEST(op_imm_group_computes_with_sign_extended_immediates)
{
	struct crig t;
	crig_init(&t);
	CHECK_EQ(run_op(&t, OPIMM(0, A0, A1, -5), 3, 0), ALL - 1);               /* addi */
	CHECK_EQ(run_op(&t, OPIMM(2, A0, A1, 7), ALL, 0), 1);                   /* slti: -1 < 7 */
	CHECK_EQ(run_op(&t, OPIMM(3, A0, A1, -1), 5, 0), 1);                    /* sltiu: 5 < 2^64-1 */
	CHECK_EQ(run_op(&t, OPIMM(3, A0, A1, 7), ALL, 0), 0);
	CHECK_EQ(run_op(&t, OPIMM(4, A0, A1, -1), 0x0f, 0), ~0x0full);         /* xori -1 = not */
	CHECK_EQ(run_op(&t, OPIMM(6, A0, A1, 0x700), 0x0f, 0), 0x70f);         /* ori */
	CHECK_EQ(run_op(&t, OPIMM(7, A0, A1, -16), 0x1234, 0), 0x1230);        /* andi */
	CHECK_EQ(run_op(&t, OPIMM(1, A0, A1, 63), 1, 0), I64_MIN);              /* slli 63 */
	CHECK_EQ(run_op(&t, OPIMM(5, A0, A1, 60), I64_MIN, 0), 8);              /* srli */
	CHECK_EQ(run_op(&t, OPIMM(5, A0, A1, 0x400 | 60), I64_MIN, 0), ALL - 7); /* srai */
	crig_fini(&t);
}

TEST(op_imm_32_group_sign_extends_32_bit_results)
{
	struct crig t;
	crig_init(&t);
	CHECK_EQ(run_op(&t, OPIMMW(0, A0, A1, 1), 0x7fffffff, 0), 0xffffffff80000000); /* addiw wraps */
	CHECK_EQ(run_op(&t, OPIMMW(0, A0, A1, 0), 0x123456789, 0), 0x23456789);       /* sext.w */
	CHECK_EQ(run_op(&t, OPIMMW(1, A0, A1, 31), 1, 0), 0xffffffff80000000);         /* slliw */
	CHECK_EQ(run_op(&t, OPIMMW(5, A0, A1, 4), 0xff80000000, 0), 0x08000000);       /* srliw */
	CHECK_EQ(run_op(&t, OPIMMW(5, A0, A1, 0x400 | 4), 0x80000000, 0), 0xfffffffff8000000); /* sraiw */
	crig_fini(&t);
}

TEST(op_group_computes_and_masks_shift_amounts_to_6_bits)
{
	struct crig t;
	crig_init(&t);
	CHECK_EQ(run_op(&t, OP(0, 0, A0, A1, A2), ALL, 2), 1);                 /* add */
	CHECK_EQ(run_op(&t, OP(0, 0x20, A0, A1, A2), 1, 2), ALL);              /* sub */
	CHECK_EQ(run_op(&t, OP(1, 0, A0, A1, A2), 1, 64 + 3), 8);              /* sll uses 6 bits */
	CHECK_EQ(run_op(&t, OP(2, 0, A0, A1, A2), I64_MIN, 0), 1);             /* slt */
	CHECK_EQ(run_op(&t, OP(3, 0, A0, A1, A2), I64_MIN, 0), 0);             /* sltu */
	CHECK_EQ(run_op(&t, OP(4, 0, A0, A1, A2), 0xff00, 0x0ff0), 0xf0f0);    /* xor */
	CHECK_EQ(run_op(&t, OP(5, 0, A0, A1, A2), I64_MIN, 63), 1);            /* srl */
	CHECK_EQ(run_op(&t, OP(5, 0x20, A0, A1, A2), I64_MIN, 127), ALL);      /* sra, 127 & 63 */
	CHECK_EQ(run_op(&t, OP(6, 0, A0, A1, A2), 0xff00, 0x0ff0), 0xfff0);    /* or */
	CHECK_EQ(run_op(&t, OP(7, 0, A0, A1, A2), 0xff00, 0x0ff0), 0x0f00);    /* and */
	crig_fini(&t);
}

TEST(op_32_group_masks_shifts_to_5_bits_and_sign_extends)
{
	struct crig t;
	crig_init(&t);
	CHECK_EQ(run_op(&t, OPW(0, 0, A0, A1, A2), 0x7fffffff, 1), 0xffffffff80000000); /* addw */
	CHECK_EQ(run_op(&t, OPW(0, 0x20, A0, A1, A2), 0, 1), ALL);                      /* subw */
	CHECK_EQ(run_op(&t, OPW(1, 0, A0, A1, A2), 1, 32 + 31), 0xffffffff80000000);    /* sllw */
	CHECK_EQ(run_op(&t, OPW(5, 0, A0, A1, A2), 0xffffffff80000000, 31), 1);         /* srlw */
	CHECK_EQ(run_op(&t, OPW(5, 0x20, A0, A1, A2), 0x80000000, 63), ALL);            /* sraw, 63 & 31 */
	crig_fini(&t);
}

/* ---- The M extension ---- */

TEST(mul_mulh_mulhsu_mulhu_give_the_128_bit_product_halves)
{
	struct crig t;
	crig_init(&t);
	CHECK_EQ(run_op(&t, OP(0, 1, A0, A1, A2), 0x100000001, 0x100000001), 0x200000001); /* mul */
	CHECK_EQ(run_op(&t, OP(1, 1, A0, A1, A2), ALL, ALL), 0);                         /* mulh -1*-1 */
	CHECK_EQ(run_op(&t, OP(1, 1, A0, A1, A2), I64_MIN, I64_MIN), 0x4000000000000000); /* 2^126 */
	CHECK_EQ(run_op(&t, OP(1, 1, A0, A1, A2), ALL, 5), ALL);                         /* -5 */
	CHECK_EQ(run_op(&t, OP(2, 1, A0, A1, A2), ALL, ALL), ALL);      /* mulhsu: -1 * (2^64-1) */
	CHECK_EQ(run_op(&t, OP(2, 1, A0, A1, A2), 2, ALL), 1);           /* 2 * (2^64-1) */
	CHECK_EQ(run_op(&t, OP(3, 1, A0, A1, A2), ALL, ALL), ALL - 1);  /* mulhu */
	crig_fini(&t);
}

TEST(division_by_zero_gives_all_ones_and_rem_the_dividend)
{
	struct crig t;
	crig_init(&t);
	CHECK_EQ(run_op(&t, OP(4, 1, A0, A1, A2), 7, 0), ALL);      /* div */
	CHECK_EQ(run_op(&t, OP(5, 1, A0, A1, A2), 7, 0), ALL);      /* divu */
	CHECK_EQ(run_op(&t, OP(6, 1, A0, A1, A2), ALL - 6, 0), ALL - 6); /* rem: -7 */
	CHECK_EQ(run_op(&t, OP(7, 1, A0, A1, A2), 7, 0), 7);        /* remu */
	CHECK_EQ(run_op(&t, OPW(4, 1, A0, A1, A2), 7, 0x100000000), ALL); /* divw: low word is 0 */
	CHECK_EQ(run_op(&t, OPW(5, 1, A0, A1, A2), 7, 0), ALL);            /* divuw */
	CHECK_EQ(run_op(&t, OPW(6, 1, A0, A1, A2), 0x80000000, 0), 0xffffffff80000000); /* remw */
	CHECK_EQ(run_op(&t, OPW(7, 1, A0, A1, A2), 0x180000000, 0), 0xffffffff80000000); /* remuw */
	crig_fini(&t);
}

TEST(signed_overflow_of_division_gives_the_dividend_and_rem_zero)
{
	struct crig t;
	crig_init(&t);
	CHECK_EQ(run_op(&t, OP(4, 1, A0, A1, A2), I64_MIN, ALL), I64_MIN);      /* div */
	CHECK_EQ(run_op(&t, OP(6, 1, A0, A1, A2), I64_MIN, ALL), 0);            /* rem */
	CHECK_EQ(run_op(&t, OPW(4, 1, A0, A1, A2), 0x80000000, 0xffffffff), 0xffffffff80000000); /* divw */
	CHECK_EQ(run_op(&t, OPW(6, 1, A0, A1, A2), 0x80000000, 0xffffffff), 0);  /* remw */
	crig_fini(&t);
}

TEST(division_rounds_toward_zero_and_the_w_forms_use_32_bits)
{
	struct crig t;
	crig_init(&t);
	CHECK_EQ(run_op(&t, OP(4, 1, A0, A1, A2), ALL - 6, 2), ALL - 2);  /* -7 / 2 = -3 */
	CHECK_EQ(run_op(&t, OP(6, 1, A0, A1, A2), ALL - 6, 2), ALL);      /* -7 % 2 = -1 */
	CHECK_EQ(run_op(&t, OP(5, 1, A0, A1, A2), ALL, 2), ALL >> 1);     /* divu */
	CHECK_EQ(run_op(&t, OP(7, 1, A0, A1, A2), 7, 4), 3);              /* remu */
	CHECK_EQ(run_op(&t, OPW(0, 1, A0, A1, A2), 0x7fffffff, 2), ALL - 1); /* mulw sign-extends */
	CHECK_EQ(run_op(&t, OPW(0, 1, A0, A1, A2), 0x100000003, 5), 15);     /* mulw ignores high words */
	CHECK_EQ(run_op(&t, OPW(4, 1, A0, A1, A2), 0xfffffff9, 2), ALL - 2);  /* divw -7 / 2 */
	CHECK_EQ(run_op(&t, OPW(5, 1, A0, A1, A2), 0xfffffffe, 1), ALL - 1);  /* divuw result sign-extended */
	CHECK_EQ(run_op(&t, OPW(6, 1, A0, A1, A2), 0xfffffff9, 2), ALL);      /* remw -7 % 2 */
	CHECK_EQ(run_op(&t, OPW(7, 1, A0, A1, A2), 0xfffffff9, 0x10), 9);     /* remuw */
	crig_fini(&t);
}

/* ---- Loads and stores ---- */

TEST(every_load_width_and_signedness)
{
	struct crig t;
	crig_init(&t);
	crig_write(&t, DATA, 8, 0xf1f2f3f4f5f6f7f8);
	crig_write(&t, DATA + 8, 8, 0x0102030405067f08);
	t.c.x[A1] = DATA;
	uint32_t p[] = {
		LOAD(0, S2, A1, 0), LOAD(1, S3, A1, 0), LOAD(2, S4, A1, 0), LOAD(3, S5, A1, 0),
		LOAD(4, S6, A1, 0), LOAD(5, S7, A1, 0), LOAD(6, S8, A1, 0), LOAD(0, S9, A1, 9),
		LOAD(2, S10, A1, 8),
	};
	crig_exec(&t, p, ARRAY_LEN(p));
	CHECK_EQ(t.c.x[S2], 0xfffffffffffffff8);  /* lb */
	CHECK_EQ(t.c.x[S3], 0xfffffffffffff7f8);  /* lh */
	CHECK_EQ(t.c.x[S4], 0xfffffffff5f6f7f8);  /* lw */
	CHECK_EQ(t.c.x[S5], 0xf1f2f3f4f5f6f7f8);  /* ld */
	CHECK_EQ(t.c.x[S6], 0xf8);                /* lbu */
	CHECK_EQ(t.c.x[S7], 0xf7f8);              /* lhu */
	CHECK_EQ(t.c.x[S8], 0xf5f6f7f8);          /* lwu */
	CHECK_EQ(t.c.x[S9], 0x7f);                /* lb of a positive byte */
	CHECK_EQ(t.c.x[S10], 0x05067f08);         /* lw of a positive word */
	CHECK_EQ(t.c.loads, 9);
	CHECK_EQ(t.m->c.data_refs, 9);
	crig_fini(&t);
}

TEST(every_store_width_writes_only_its_bytes)
{
	struct crig t;
	crig_init(&t);
	for (unsigned i = 0; i < 4; i++)
		crig_write(&t, DATA + 16 * i, 8, ALL);
	t.c.x[A1] = DATA;
	t.c.x[A2] = 0x0102030405060708;
	uint32_t p[] = {STORE(0, A2, A1, 0), STORE(1, A2, A1, 16), STORE(2, A2, A1, 32), STORE(3, A2, A1, 48)};
	crig_exec(&t, p, ARRAY_LEN(p));
	CHECK_EQ(crig_read(&t, DATA, 8), 0xffffffffffffff08);
	CHECK_EQ(crig_read(&t, DATA + 16, 8), 0xffffffffffff0708);
	CHECK_EQ(crig_read(&t, DATA + 32, 8), 0xffffffff05060708);
	CHECK_EQ(crig_read(&t, DATA + 48, 8), 0x0102030405060708);
	CHECK_EQ(t.c.stores, 4);
	crig_fini(&t);
}

TEST(misaligned_loads_and_stores_within_a_page_work)
{
	struct crig t;
	crig_init(&t);
	crig_write(&t, DATA + 3, 8, 0x1122334455667788);
	t.c.x[A1] = DATA;
	t.c.x[A2] = 0xa1a2a3a4a5a6a7a8;
	uint32_t p[] = {LOAD(3, A0, A1, 3), LOAD(1, A3, A1, 5), STORE(3, A2, A1, 0x101), STORE(2, A2, A1, 0x203)};
	crig_exec(&t, p, ARRAY_LEN(p));
	CHECK_EQ(t.c.x[A0], 0x1122334455667788);
	CHECK_EQ(t.c.x[A3], 0x5566);
	CHECK_EQ(crig_read(&t, DATA + 0x101, 8), 0xa1a2a3a4a5a6a7a8);
	CHECK_EQ(crig_read(&t, DATA + 0x203, 4), 0xa5a6a7a8);
	crig_fini(&t);
}

TEST(an_access_across_a_page_boundary_translates_both_pages)
{
	struct crig t;
	crig_init(&t);
	crig_write(&t, DATA + 0xffd, 8, 0x1122334455667788);
	t.c.x[A1] = DATA + 0xffd;
	t.c.x[A2] = 0xa1a2a3a4a5a6a7a8;
	uint32_t ld = LOAD(3, A0, A1, 0);
	crig_exec(&t, &ld, 1);
	CHECK_EQ(t.c.x[A0], 0x1122334455667788);
	CHECK_EQ(t.m->c.walks, 3); /* the code page and both data pages */
	CHECK_EQ(t.m->c.data_refs, 2);
	uint64_t hits, misses;
	mmu_tlb_totals(t.m, &hits, &misses);
	CHECK_EQ(misses, 3);
	uint32_t sd = STORE(3, A2, A1, 0);
	crig_exec(&t, &sd, 1);
	CHECK_EQ(crig_read(&t, DATA + 0xffd, 8), 0xa1a2a3a4a5a6a7a8);
	crig_fini(&t);
}

/* With 4-byte pages an 8-byte access covers two pages even when aligned, and
 * three when not; each part goes to its own frame (the frames of neighbouring
 * pages are not neighbours here). */
TEST(an_access_on_4_byte_pages_is_split_over_every_page_it_covers)
{
	struct crig t;
	crig_init_fmt(&t, "linear", 2, 20, 1u << 20);
	rig_map_fresh(&t.r, CODE, 0, PTE_R | PTE_X | PTE_U);
	rig_map_fresh(&t.r, CODE + 4, 0, PTE_R | PTE_X | PTE_U);
	for (vaddr_t va = DATA; va < DATA + 20; va += 4)
		rig_map_fresh(&t.r, va, 0, PTE_R | PTE_W | PTE_U);
	crig_write(&t, DATA + 4, 8, 0x1122334455667788);
	crig_write(&t, DATA + 12, 4, 0x99aabbcc);
	t.c.x[A1] = DATA + 4;
	t.c.x[A2] = 0xa1a2a3a4a5a6a7a8;
	uint32_t ld = LOAD(3, A0, A1, 0);
	crig_exec(&t, &ld, 1);
	CHECK_EQ(t.c.x[A0], 0x1122334455667788);
	CHECK_EQ(t.m->c.data_refs, 2);
	uint32_t ld3 = LOAD(3, A0, A1, 3); /* DATA + 7 .. DATA + 14: three pages */
	crig_exec(&t, &ld3, 1);
	CHECK_EQ(t.c.x[A0], 0xaabbcc1122334455);
	CHECK_EQ(t.m->c.data_refs, 5);
	uint32_t sd = STORE(3, A2, A1, 3);
	crig_exec(&t, &sd, 1);
	CHECK_EQ(crig_read(&t, DATA + 7, 8), 0xa1a2a3a4a5a6a7a8);
	CHECK_EQ(crig_read(&t, DATA + 4, 3), 0x667788);
	CHECK_EQ(crig_read(&t, DATA + 15, 4), 0x99);
	crig_fini(&t);
}

TEST(a_store_crossing_into_a_missing_page_writes_nothing_and_stops_on_it)
{
	struct crig t;
	crig_init(&t);
	crig_write(&t, DATA + 0x1ffc, 4, 0x55555555);
	t.c.x[A1] = DATA + 0x1ffc; /* the next page, DATA + 0x2000, is not mapped */
	t.c.x[A2] = ALL;
	uint32_t p[] = {NOP, STORE(3, A2, A1, 0)};
	crig_code(&t, CODE, p, 2);
	CHECK_EQ(crig_run(&t, 10), CPU_FAULT);
	CHECK_EQ(t.ex.fault.kind, FAULT_NOT_PRESENT);
	CHECK_EQ(t.ex.fault.access, ACCESS_WRITE);
	CHECK_EQ(t.ex.fault.va, DATA + 0x2000);
	CHECK_EQ(t.ex.insn, p[1]);
	CHECK_EQ(t.c.pc, CODE + 4);
	CHECK_EQ(t.c.instret, 1);
	CHECK_EQ(t.c.stores, 0);
	CHECK_EQ(crig_read(&t, DATA + 0x1ffc, 4), 0x55555555);
	crig_fini(&t);
}

TEST(a_load_crossing_into_a_missing_page_leaves_rd_alone)
{
	struct crig t;
	crig_init(&t);
	t.c.x[A0] = 42;
	t.c.x[A1] = DATA + 0x1ffe;
	uint32_t lw = LOAD(2, A0, A1, 0);
	crig_code(&t, CODE, &lw, 1);
	CHECK_EQ(crig_run(&t, 10), CPU_FAULT);
	CHECK_EQ(t.ex.fault.access, ACCESS_READ);
	CHECK_EQ(t.ex.fault.va, DATA + 0x2000);
	CHECK_EQ(t.c.x[A0], 42);
	CHECK_EQ(t.c.pc, CODE);
	CHECK_EQ(t.c.loads, 0);
	crig_fini(&t);
}

/* ---- Control transfer ---- */

TEST(each_branch_is_taken_exactly_when_its_condition_holds)
{
	/* a0 = -1, a1 = 1: signed a0 < a1, unsigned a0 > a1 */
	static const struct { unsigned f3; bool taken; } cases[] = {
		{0, false}, {1, true}, {4, true}, {5, false}, {6, false}, {7, true},
	};
	for (unsigned i = 0; i < ARRAY_LEN(cases); i++) {
		struct crig t;
		crig_init(&t);
		t.c.x[A0] = ALL;
		t.c.x[A1] = 1;
		uint32_t p[] = {BR(cases[i].f3, A0, A1, 8), ADDI(A2, ZERO, 1)};
		crig_exec(&t, p, 2);
		CHECK_EQ(t.c.x[A2], cases[i].taken ? 0 : 1);
		CHECK_EQ(t.c.instret, cases[i].taken ? 1 : 2);
		crig_fini(&t);
	}
}

TEST(a_backward_branch_loops)
{
	struct crig t;
	crig_init(&t);
	uint32_t p[] = {
		ADDI(A0, ZERO, 10),
		ADDI(A1, A1, 3),          /* loop: */
		ADDI(A0, A0, -1),
		BR(1, A0, ZERO, -8),      /* bnez a0, loop */
	};
	crig_exec(&t, p, ARRAY_LEN(p));
	CHECK_EQ(t.c.x[A1], 30);
	CHECK_EQ(t.c.instret, 31);
	crig_fini(&t);
}

TEST(jal_links_the_next_address_and_jumps)
{
	struct crig t;
	crig_init(&t);
	uint32_t p[] = {JAL(RA, 8), ADDI(A0, ZERO, 1), ADDI(A1, ZERO, 2)};
	crig_exec(&t, p, 3);
	CHECK_EQ(t.c.x[RA], CODE + 4);
	CHECK_EQ(t.c.x[A0], 0);
	CHECK_EQ(t.c.x[A1], 2);
	crig_fini(&t);
}

TEST(jalr_clears_bit_0_of_the_target_and_links_even_when_rd_is_rs1)
{
	struct crig t;
	crig_init(&t);
	t.c.x[A0] = CODE + 9;
	uint32_t p[] = {JALR(A0, A0, 4), ADDI(A1, ZERO, 1), ADDI(A1, ZERO, 2)};
	crig_exec(&t, p, 3); /* target CODE + 13 & ~1 = CODE + 12: the ecall */
	CHECK_EQ(t.c.pc, CODE + 12);
	CHECK_EQ(t.c.x[A0], CODE + 4);
	CHECK_EQ(t.c.x[A1], 0);
	crig_fini(&t);
}

/* f calls g, which stops at an ecall; then both return (test below). */
static void call_chain(struct crig *t)
{
	uint32_t p[] = {
		JAL(RA, 16), ECALL, ADDI(ZERO, ZERO, 0), ADDI(ZERO, ZERO, 0),
		/* f, CODE + 16 */ ADDI(SP, SP, -16), STORE(3, RA, SP, 8), JAL(RA, 24), LOAD(3, RA, SP, 8),
		ADDI(SP, SP, 16), JALR(ZERO, RA, 0), ADDI(ZERO, ZERO, 0), ADDI(ZERO, ZERO, 0),
		/* g, CODE + 48 */ ECALL, JALR(ZERO, RA, 0),
	};
	crig_code(t, CODE, p, ARRAY_LEN(p));
	t->c.pc = CODE;
	t->c.x[SP] = DATA + 0x1000;
}

TEST(the_shadow_call_stack_follows_calls_and_returns)
{
	struct crig t;
	crig_init(&t);
	cpu_track_calls(&t.c);
	call_chain(&t);
	CHECK_EQ(crig_run(&t, 100), CPU_ECALL);
	CHECK_EQ(t.c.pc, CODE + 48);
	CHECK_EQ(t.c.calls->n, 2);
	CHECK_EQ(t.c.calls->v[0].target, CODE + 16);
	CHECK_EQ(t.c.calls->v[0].ret, CODE + 4);
	CHECK_EQ(t.c.calls->v[0].sp, DATA + 0x1000);
	CHECK_EQ(t.c.calls->v[1].target, CODE + 48);
	CHECK_EQ(t.c.calls->v[1].ret, CODE + 28);
	CHECK_EQ(t.c.calls->v[1].sp, DATA + 0x1000 - 16);
	struct cpu copy;
	cpu_copy(&copy, &t.c); /* a fork's child: its own stack */
	CHECK(copy.calls != t.c.calls);
	CHECK_EQ(copy.calls->n, 2);
	CHECK_EQ(copy.calls->v[1].ret, CODE + 28);
	cpu_fini(&copy);
	t.c.pc += 4;
	CHECK_EQ(crig_run(&t, 100), CPU_ECALL);
	CHECK_EQ(t.c.pc, CODE + 4);
	CHECK_EQ(t.c.calls->n, 0);
	cpu_fini(&t.c);
	CHECK(t.c.calls == NULL);
	crig_fini(&t);
}

TEST(a_return_to_no_call_leaves_the_shadow_stack_and_a_longjmp_drops_the_calls_below_sp)
{
	struct crig t;
	crig_init(&t);
	cpu_track_calls(&t.c);
	call_chain(&t);
	CHECK_EQ(crig_run(&t, 100), CPU_ECALL); /* in g: f and g on the stack */
	t.c.x[RA] = CODE + 8;                    /* g returns where no call returns to */
	t.c.pc += 4;
	CHECK_EQ(crig_run(&t, 1), CPU_BUDGET);
	CHECK_EQ(t.c.calls->n, 2);
	t.c.x[SP] = DATA + 0x1000; /* a longjmp back to the caller of f, which calls f again */
	t.c.pc = CODE;
	CHECK_EQ(crig_run(&t, 1), CPU_BUDGET);
	CHECK_EQ(t.c.calls->n, 2); /* f's first call (caller's sp as now) stays; g's is gone */
	CHECK_EQ(t.c.calls->v[1].target, CODE + 16);
	CHECK_EQ(t.c.calls->v[1].sp, DATA + 0x1000);
	cpu_fini(&t.c);
	crig_fini(&t);
}

TEST(without_tracking_no_shadow_stack_is_kept)
{
	struct crig t;
	crig_init(&t);
	call_chain(&t);
	CHECK_EQ(crig_run(&t, 100), CPU_ECALL);
	CHECK(t.c.calls == NULL);
	crig_fini(&t);
}

/* A checker that remembers what the CPU told it; memory's V bits are the
 * one word at DATA (vmem), all other memory defined. */
struct spy {
	struct cpu_checker ops;
	uint64_t vmem;
	unsigned loads, stores, branches, addresses;
	vaddr_t last_va;
	uint64_t last_v;
	uint32_t last_origin, used_origin;
	vaddr_t grew_lo, grew_hi;
};

static uint64_t spy_load(void *ctx, vaddr_t va, unsigned size, uint32_t *origin)
{
	struct spy *s = ctx;
	*origin = va == DATA ? 77 : 0;
	s->loads++;
	s->last_va = va;
	return va == DATA ? s->vmem & (size == 8 ? ~0ull : (1ull << 8 * size) - 1) : 0;
}

static void spy_store(void *ctx, vaddr_t va, unsigned size, uint64_t v, uint32_t origin)
{
	struct spy *s = ctx;
	(void)size;
	s->last_origin = origin;
	s->stores++;
	s->last_va = va;
	s->last_v = v;
}

static void spy_used(void *ctx, enum cpu_use use, uint32_t origin)
{
	struct spy *s = ctx;
	s->used_origin = origin;
	if (use == CPU_USE_BRANCH)
		s->branches++;
	else
		s->addresses++;
}

static void spy_grew(void *ctx, vaddr_t lo, vaddr_t hi)
{
	struct spy *s = ctx;
	s->grew_lo = lo;
	s->grew_hi = hi;
}

static void spy_init(struct crig *t, struct spy *s)
{
	*s = (struct spy){.ops = {s, spy_load, spy_store, spy_used, spy_grew}};
	crig_init(t);
	cpu_check_with(&t->c, &s->ops);
}

TEST(v_bits_follow_and_or_add_and_shifts_as_memcheck_does)
{
	struct crig t;
	struct spy s;
	spy_init(&t, &s);
	t.c.check->v[A0] = 0xff00; /* a0's second byte undefined */
	t.c.x[A1] = 0x0f0f;
	uint32_t p[] = {
		OP(7, 0, A2, A0, ZERO),  /* and a2, a0, zero: a defined 0 decides every bit */
		OPIMM(7, A3, A0, 0x0f0), /* andi a3, a0, 0xf0: the immediate's defined 0s decide bits 8.. */
		OP(6, 0, A4, A0, A1),    /* or a4, a0, a1: a1's defined 1s decide theirs */
		ADD(A5, A0, A1),         /* add a5, a0, a1: bit 8 and all above undefined */
		OPIMM(1, A6, A0, 4),     /* slli a6, a0, 4: moved */
		OP(4, 0, A7, A0, A0),    /* xor a7, a0, a0: undefined (memcheck does not see a ^ a) */
	};
	crig_exec(&t, p, ARRAY_LEN(p));
	CHECK_EQ(t.c.check->v[A2], 0);
	CHECK_EQ(t.c.check->v[A3], 0);
	CHECK_EQ(t.c.check->v[A4], 0xf000);
	CHECK_EQ(t.c.check->v[A5], ~0ull << 8);
	CHECK_EQ(t.c.check->v[A6], 0xff000);
	CHECK_EQ(t.c.check->v[A7], 0xff00);
	CHECK_EQ(s.branches + s.addresses, 0);
	cpu_fini(&t.c);
	crig_fini(&t);
}

TEST(v_bits_go_through_memory_and_a_branch_or_address_on_them_is_reported)
{
	struct crig t;
	struct spy s;
	spy_init(&t, &s);
	s.vmem = 0x80;           /* the sign bit of the byte at DATA */
	t.c.x[A1] = DATA;
	uint32_t p[] = {
		LOAD(0, A0, A1, 0),      /* lb a0: sign-extended, so bits 7..63 undefined */
		LOAD(4, A2, A1, 0),      /* lbu a2: zero-extended, bit 7 only */
		STORE(3, A0, A1, 8),     /* sd a0, 8(a1): its V bits go to the checker */
		BR(0, A2, ZERO, 4),      /* beq a2, zero: undecided */
		OPIMM(4, A3, A2, 0x100), /* xori a3, a2, 0x100: bit 8 defined 1, bit 7 undefined */
		BR(0, A3, ZERO, 4),      /* beq a3, zero: decided by bit 8 */
		LOAD(3, A4, A0, 0),      /* ld a4, 0(a0): an undefined address */
	};
	t.c.x[A0] = 0; /* the value is 0 at DATA: a0 = 0 after lb, a load from 0 faults */
	crig_code(&t, CODE, p, ARRAY_LEN(p));
	t.c.pc = CODE;
	CHECK_EQ(crig_run(&t, ARRAY_LEN(p)), CPU_FAULT);
	CHECK_EQ(t.c.check->v[A0], ~0ull << 7);
	CHECK_EQ(t.c.check->v[A2], 0x80);
	CHECK_EQ(t.c.check->o[A3], 77); /* the origin went from memory through xori */
	CHECK_EQ(s.used_origin, 77);    /* and came with the undefined address */
	CHECK_EQ(s.stores, 1);
	CHECK_EQ(s.last_origin, 77);
	CHECK_EQ(s.last_va, 0); /* the last access told: the faulting load's */
	CHECK_EQ(s.branches, 1);
	CHECK_EQ(s.addresses, 1);
	cpu_fini(&t.c);
	crig_fini(&t);
}

TEST(sp_moving_down_is_new_undefined_stack_and_ecall_defines_a0)
{
	struct crig t;
	struct spy s;
	spy_init(&t, &s);
	t.c.x[SP] = DATA + 0x1000;
	t.c.check->v[A0] = ~0ull;
	uint32_t p[] = {ADDI(SP, SP, -48), ADDI(SP, SP, 16)};
	crig_exec(&t, p, ARRAY_LEN(p));
	CHECK_EQ(s.grew_lo, DATA + 0x1000 - 48);
	CHECK_EQ(s.grew_hi, DATA + 0x1000);
	CHECK_EQ(t.c.check->v[A0], 0); /* the ecall that ended the run */
	struct cpu copy;
	cpu_copy(&copy, &t.c);
	CHECK(copy.check != t.c.check);
	CHECK(copy.check->ops == &s.ops);
	cpu_fini(&copy);
	cpu_fini(&t.c);
	crig_fini(&t);
}

TEST(x0_stays_zero_whatever_writes_it)
{
	struct crig t;
	crig_init(&t);
	t.c.x[A1] = DATA;
	crig_write(&t, DATA, 8, 77);
	uint32_t p[] = {ADDI(ZERO, ZERO, 5), ADD(A0, ZERO, ZERO), LOAD(3, ZERO, A1, 0), LUI(ZERO, 1),
			JAL(ZERO, 4), ADD(A2, ZERO, ZERO)};
	crig_exec(&t, p, ARRAY_LEN(p));
	CHECK_EQ(t.c.x[ZERO], 0);
	CHECK_EQ(t.c.x[A0], 0);
	CHECK_EQ(t.c.x[A2], 0);
	crig_fini(&t);
}

/* ---- The A extension ---- */

TEST(lr_then_sc_to_the_same_address_succeeds)
{
	struct crig t;
	crig_init(&t);
	crig_write(&t, DATA, 8, 5);
	t.c.x[A1] = DATA;
	t.c.x[A3] = 9;
	uint32_t p[] = {AMO(0x02, 3, A0, A1, 0), AMO(0x03, 3, A2, A1, A3)};
	crig_exec(&t, p, 2);
	CHECK_EQ(t.c.x[A0], 5);
	CHECK_EQ(t.c.x[A2], 0);
	CHECK_EQ(crig_read(&t, DATA, 8), 9);
	CHECK(!t.c.reserved);
	crig_fini(&t);
}

TEST(sc_fails_without_a_reservation_on_another_address_and_the_second_time)
{
	struct crig t;
	crig_init(&t);
	crig_write(&t, DATA, 8, 5);
	t.c.x[A1] = DATA;
	t.c.x[A4] = DATA + 8;
	t.c.x[A3] = 9;
	uint32_t p[] = {
		AMO(0x03, 3, A2, A1, A3),                            /* no reservation */
		AMO(0x02, 3, A0, A1, 0), AMO(0x03, 3, A5, A4, A3),   /* another address */
		AMO(0x02, 2, A0, A1, 0), AMO(0x03, 2, A6, A1, A3),   /* success ... */
		AMO(0x03, 2, A7, A1, A3),                            /* ... then none left */
	};
	crig_exec(&t, p, ARRAY_LEN(p));
	CHECK_EQ(t.c.x[A2], 1);
	CHECK_EQ(t.c.x[A5], 1);
	CHECK_EQ(t.c.x[A6], 0);
	CHECK_EQ(t.c.x[A7], 1);
	CHECK_EQ(crig_read(&t, DATA, 8), 9);
	CHECK_EQ(crig_read(&t, DATA + 8, 8), 0);
	crig_fini(&t);
}

TEST(lr_w_sign_extends)
{
	struct crig t;
	crig_init(&t);
	crig_write(&t, DATA, 4, 0x80000000);
	t.c.x[A1] = DATA;
	CHECK_EQ(run_op(&t, AMO(0x02, 2, A0, A1, 0), DATA, 0), 0xffffffff80000000);
	CHECK(t.c.reserved);
	CHECK_EQ(t.c.reservation, DATA);
	crig_fini(&t);
}

TEST(every_amo_returns_the_old_value_and_stores_the_new_one)
{
	static const struct { unsigned f5; uint64_t w, d; } cases[] = {
		/* memory 0x80000001 (.w) or 0x8000000000000001 (.d), rs2 = 5 */
		{0x00, 0x80000006, 0x8000000000000006}, /* add */
		{0x01, 5, 5},                           /* swap */
		{0x04, 0x80000004, 0x8000000000000004}, /* xor */
		{0x0c, 1, 1},                           /* and */
		{0x08, 0x80000005, 0x8000000000000005}, /* or */
		{0x10, 0x80000001, 0x8000000000000001}, /* min (signed: memory is negative) */
		{0x14, 5, 5},                           /* max */
		{0x18, 5, 5},                           /* minu */
		{0x1c, 0x80000001, 0x8000000000000001}, /* maxu */
	};
	for (unsigned i = 0; i < ARRAY_LEN(cases); i++) {
		struct crig t;
		crig_init(&t);
		crig_write(&t, DATA, 8, 0xaaaaaaaa80000001);
		crig_write(&t, DATA + 8, 8, 0x8000000000000001);
		t.c.x[A1] = DATA;
		t.c.x[A3] = DATA + 8;
		t.c.x[A2] = 5;
		uint32_t p[] = {AMO(cases[i].f5, 2, A0, A1, A2), AMO(cases[i].f5, 3, A4, A3, A2)};
		crig_exec(&t, p, 2);
		CHECK_EQ(t.c.x[A0], 0xffffffff80000001);
		CHECK_EQ(crig_read(&t, DATA, 8), 0xaaaaaaaa00000000 | cases[i].w);
		CHECK_EQ(t.c.x[A4], 0x8000000000000001);
		CHECK_EQ(crig_read(&t, DATA + 8, 8), cases[i].d);
		CHECK_EQ(t.c.loads, 2);
		CHECK_EQ(t.c.stores, 2);
		crig_fini(&t);
	}
}

TEST(an_amo_on_a_read_only_page_faults_as_a_write_and_changes_nothing)
{
	struct crig t;
	crig_init(&t);
	t.c.x[A1] = CODE + 0x100;
	t.c.x[A0] = 3;
	uint32_t amo = AMO(0x00, 3, A0, A1, A2);
	crig_code(&t, CODE, &amo, 1);
	CHECK_EQ(crig_run(&t, 5), CPU_FAULT);
	CHECK_EQ(t.ex.fault.kind, FAULT_PROTECTION);
	CHECK_EQ(t.ex.fault.access, ACCESS_WRITE);
	CHECK_EQ(t.c.x[A0], 3);
	crig_fini(&t);
}

/* Runs the one instruction insn at CODE with rs1 = A1 pointing at va; the
 * stop it makes. */
static enum cpu_stop run_at(struct crig *t, uint32_t insn, vaddr_t va)
{
	crig_code(t, CODE, &insn, 1);
	t->c.pc = CODE;
	t->c.x[A1] = va;
	return crig_run(t, 1);
}

TEST(misaligned_atomics_raise_the_address_misaligned_exception_and_change_nothing)
{
	static const struct { unsigned f5, f3; vaddr_t off; enum access acc; } cases[] = {
		{0x00, 2, 2, ACCESS_WRITE}, /* amoadd.w at +2 */
		{0x01, 3, 4, ACCESS_WRITE}, /* amoswap.d at +4: word-aligned is not enough */
		{0x1c, 2, 1, ACCESS_WRITE}, /* amomaxu.w at +1 */
		{0x02, 3, 4, ACCESS_READ},  /* lr.d: a load */
		{0x02, 2, 2, ACCESS_READ},  /* lr.w */
		{0x03, 3, 4, ACCESS_WRITE}, /* sc.d, even without a reservation */
		{0x03, 2, 3, ACCESS_WRITE}, /* sc.w */
	};
	for (unsigned i = 0; i < ARRAY_LEN(cases); i++) {
		struct crig t;
		crig_init(&t);
		crig_write(&t, DATA, 8, 0x1122334455667788);
		t.c.x[A0] = 77;
		t.c.x[A2] = 5;
		uint32_t insn = AMO(cases[i].f5, cases[i].f3, A0, A1, cases[i].f5 == 0x02 ? 0 : A2);
		CHECK_EQ(run_at(&t, insn, DATA + cases[i].off), CPU_MISALIGNED);
		CHECK_EQ(t.ex.fault.va, DATA + cases[i].off);
		CHECK_EQ(t.ex.fault.access, cases[i].acc);
		CHECK_EQ(t.ex.insn, insn);
		CHECK_EQ(t.c.pc, CODE);
		CHECK_EQ(t.c.x[A0], 77);
		CHECK_EQ(crig_read(&t, DATA, 8), 0x1122334455667788);
		CHECK(!t.c.reserved);
		CHECK_EQ(t.c.loads + t.c.stores, 0);
		crig_fini(&t);
	}
}

TEST(a_misaligned_atomic_on_an_unmapped_page_is_misaligned_not_a_page_fault)
{
	struct crig t;
	crig_init(&t);
	CHECK_EQ(run_at(&t, AMO(0x00, 3, A0, A1, A2), 0x7000001), CPU_MISALIGNED);
	CHECK_EQ(t.ex.fault.va, 0x7000001);
	crig_fini(&t);
}

TEST(aligned_atomics_at_every_multiple_of_their_width_do_not_fault)
{
	for (vaddr_t off = 0; off < 16; off += 4) {
		struct crig t;
		crig_init(&t);
		t.c.x[A2] = 1;
		CHECK_EQ(run_at(&t, AMO(0x00, 2, A0, A1, A2), DATA + off), CPU_BUDGET);
		if (off % 8 == 0)
			CHECK_EQ(run_at(&t, AMO(0x00, 3, A0, A1, A2), DATA + off), CPU_BUDGET);
		crig_fini(&t);
	}
}

/* ---- Counters, fences, system ---- */

static uint64_t fixed_clock(void *ctx) { return *(uint64_t *)ctx; }

TEST(rdinstret_and_rdcycle_count_retired_instructions_and_rdtime_reads_the_clock)
{
	struct crig t;
	crig_init(&t);
	uint64_t now = 123456789;
	t.c.time_ns = fixed_clock;
	t.c.time_ctx = &now;
	uint32_t p[] = {NOP, NOP, CSR(2, A0, 0xc02, 0), CSR(2, A1, 0xc00, 0), CSR(2, A2, 0xc01, 0),
			CSR(3, A3, 0xc02, 0), CSR(6, A4, 0xc00, 0), CSR(7, A5, 0xc02, 0)};
	crig_exec(&t, p, ARRAY_LEN(p));
	CHECK_EQ(t.c.x[A0], 2);
	CHECK_EQ(t.c.x[A1], 3);
	CHECK_EQ(t.c.x[A2], now);
	CHECK_EQ(t.c.x[A3], 5);
	CHECK_EQ(t.c.x[A4], 6);
	CHECK_EQ(t.c.x[A5], 7);
	crig_fini(&t);
}

TEST(writing_a_counter_or_touching_any_other_csr_is_illegal)
{
	static const uint32_t bad[] = {
		0xc0059573, /* csrrw a0, cycle, a1 */
		0xc005a573, /* csrrs a0, cycle, a1: sets bits of a read-only CSR */
		0xc000d573, /* csrrwi a0, cycle, 1 */
		0xc030a573, /* csrrs a0, hpmcounter3, x1 */
		0xc0302573, /* rdhpmcounter3 a0 */
		0x30002573, /* csrr a0, mstatus */
		0x10002573, /* csrr a0, sstatus */
		0x00302573, /* frcsr a0 */
	};
	for (unsigned i = 0; i < ARRAY_LEN(bad); i++) {
		struct crig t;
		crig_init(&t);
		crig_code(&t, CODE, &bad[i], 1);
		CHECK_EQ(crig_run(&t, 5), CPU_ILLEGAL);
		CHECK_EQ(t.ex.insn, bad[i]);
		crig_fini(&t);
	}
}

TEST(fence_does_nothing_and_fence_i_drops_the_kept_pages)
{
	struct crig t;
	crig_init(&t);
	uint32_t p[] = {FENCE, 0x0310000f /* fence rw, w */, 0x8330000f /* fence.tso */, FENCE_I};
	crig_code(&t, CODE, p, 4);
	CHECK_EQ(crig_run(&t, 3), CPU_BUDGET);
	CHECK_EQ(t.c.win_va, CODE);
	uint64_t epoch = t.c.epoch;
	CHECK_EQ(crig_run(&t, 1), CPU_BUDGET);
	CHECK_EQ(t.c.win_va, 1);
	CHECK(t.c.epoch != epoch);
	CHECK_EQ(t.c.pc, CODE + 16);
	crig_fini(&t);
}

TEST(code_written_by_the_program_runs_after_fence_i)
{
	struct crig t;
	crig_init_with(&t, NULL, 256);
	rig_map_fresh(&t.r, CODE, 0, PTE_R | PTE_W | PTE_X | PTE_U);
	t.c.x[A1] = CODE + 12;
	t.c.x[A2] = ADDI(A0, ZERO, 2);
	uint32_t p[] = {STORE(2, A2, A1, 0), FENCE_I, NOP, ADDI(A0, ZERO, 1), ECALL};
	crig_code(&t, CODE, p, 5);
	CHECK_EQ(crig_run(&t, 100), CPU_ECALL);
	CHECK_EQ(t.c.x[A0], 2);
	crig_fini(&t);
}

TEST(an_instruction_rewritten_in_place_runs_in_its_new_form)
{
	struct crig t;
	crig_init_with(&t, NULL, 256);
	rig_map_fresh(&t.r, CODE, 0, PTE_R | PTE_W | PTE_X | PTE_U);
	t.c.x[A1] = CODE;
	t.c.x[A2] = ADDI(A0, A0, 100);
	t.c.x[A4] = 1;
	uint32_t p[] = {
		ADDI(A0, A0, 1),     /* CODE: rewritten after its first run */
		ADDI(A3, A3, 1),
		BR(1, A3, A4, 12),   /* the second time round: to the ecall */
		STORE(2, A2, A1, 0), /* rewrite CODE into addi a0, a0, 100 */
		JAL(ZERO, -16),
		ECALL,
	};
	crig_code(&t, CODE, p, 6);
	CHECK_EQ(crig_run(&t, 100), CPU_ECALL);
	CHECK_EQ(t.c.x[A0], 101);
	CHECK_EQ(t.c.instret, 8);
	crig_fini(&t);
}

TEST(instructions_sharing_a_decode_slot_run_correctly)
{
	struct crig t;
	crig_init(&t);
	rig_map_fresh(&t.r, CODE + 0x1000, 0, PTE_R | PTE_X | PTE_U);
	/* CODE and CODE + 2048 share a slot of the decoded cache (1024 slots, pc / 2) */
	uint32_t a[] = {ADDI(A0, A0, 1), JAL(ZERO, 2044)};     /* to CODE + 2048 */
	uint32_t b[] = {ADDI(A1, A1, 2), BR(1, A1, A2, -2052)}; /* back to CODE while a1 != a2 */
	crig_code(&t, CODE, a, 2);
	crig_code(&t, CODE + 2048, b, 2);
	crig_write(&t, CODE + 2056, 4, ECALL);
	t.c.x[A2] = 20;
	CHECK_EQ(crig_run(&t, 1000), CPU_ECALL);
	CHECK_EQ(t.c.x[A0], 10);
	CHECK_EQ(t.c.x[A1], 20);
	crig_fini(&t);
}

TEST(ecall_stops_on_itself_without_retiring)
{
	struct crig t;
	crig_init(&t);
	uint32_t p[] = {NOP, ECALL, NOP};
	crig_code(&t, CODE, p, 3);
	CHECK_EQ(crig_run(&t, 100), CPU_ECALL);
	CHECK_EQ(t.ex.why, CPU_ECALL);
	CHECK_EQ(t.ex.insn, ECALL);
	CHECK_EQ(t.c.pc, CODE + 4);
	CHECK_EQ(t.c.instret, 1);
	t.c.pc += 4; /* what the kernel does after the system call */
	CHECK_EQ(crig_run(&t, 1), CPU_BUDGET);
	CHECK_EQ(t.c.pc, CODE + 12);
	crig_fini(&t);
}

TEST(ebreak_and_c_ebreak_stop_on_themselves)
{
	struct crig t;
	crig_init(&t);
	uint32_t p[] = {EBREAK, 0x00019002 /* c.ebreak, then c.nop */};
	crig_code(&t, CODE, p, 2);
	CHECK_EQ(crig_run(&t, 100), CPU_EBREAK);
	CHECK_EQ(t.ex.insn, EBREAK);
	CHECK_EQ(t.c.pc, CODE);
	t.c.pc += 4;
	CHECK_EQ(crig_run(&t, 100), CPU_EBREAK);
	CHECK_EQ(t.ex.insn, 0x9002);
	CHECK_EQ(t.c.pc, CODE + 4);
	CHECK_EQ(t.c.instret, 0);
	crig_fini(&t);
}

TEST(illegal_instructions_stop_with_the_word_and_pc_on_it)
{
	static const uint32_t bad[] = {
		0xffffffff, /* no such opcode */
		0x0005a507, /* flw fa0, 0(a1): no floating point */
		0x00b50553, /* fadd.s */
		0x30200073, /* mret */
		0x10500073, /* wfi */
		0x04059513, /* slli with funct6 1 */
		0x0000f503, /* load funct3 7 */
		0x00b52063, /* branch funct3 2 */
		0x02b5c533 | 0x40000000, /* an OP with funct7 0x21 */
		0x0200950b, /* custom-0 */
		0x0000200f, /* misc-mem funct3 2 (cbo) */
		0x0005d02f, /* amo with funct3 5 */
	};
	for (unsigned i = 0; i < ARRAY_LEN(bad); i++) {
		struct crig t;
		crig_init(&t);
		crig_code(&t, CODE, &bad[i], 1);
		CHECK_EQ(crig_run(&t, 5), CPU_ILLEGAL);
		CHECK_EQ(t.ex.insn, bad[i]);
		CHECK_EQ(t.c.pc, CODE);
		CHECK_EQ(t.c.instret, 0);
		crig_fini(&t);
	}
}

TEST(c_unimp_is_illegal_with_its_16_bit_word)
{
	struct crig t;
	crig_init(&t);
	uint16_t p[] = {0x0001, 0x0000}; /* c.nop, c.unimp */
	crig_code16(&t, CODE, p, 2);
	CHECK_EQ(crig_run(&t, 5), CPU_ILLEGAL);
	CHECK_EQ(t.ex.insn, 0);
	CHECK_EQ(t.c.pc, CODE + 2);
	char dis[64];
	cpu_disasm(t.ex.insn, t.c.pc, dis, sizeof dis);
	CHECK_STR(dis, "c.unimp");
	crig_fini(&t);
}

TEST(an_odd_pc_is_refused_as_illegal)
{
	struct crig t;
	crig_init(&t);
	crig_write(&t, CODE, 4, NOP);
	t.c.pc = CODE + 1;
	CHECK_EQ(crig_run(&t, 5), CPU_ILLEGAL);
	CHECK_EQ(t.ex.insn, 0);
	CHECK_EQ(t.c.pc, CODE + 1);
	CHECK_EQ(t.c.instret, 0);
	crig_fini(&t);
}

/* ---- Faults ---- */

TEST(a_fetch_from_an_unmapped_page_faults_not_present)
{
	struct crig t;
	crig_init(&t);
	t.c.pc = HOLE;
	CHECK_EQ(crig_run(&t, 5), CPU_FAULT);
	CHECK_EQ(t.ex.fault.kind, FAULT_NOT_PRESENT);
	CHECK_EQ(t.ex.fault.access, ACCESS_EXEC);
	CHECK_EQ(t.ex.fault.va, HOLE);
	CHECK_EQ(t.ex.insn, 0);
	CHECK_EQ(t.c.pc, HOLE);
	crig_fini(&t);
}

TEST(a_store_to_the_code_page_faults_protection)
{
	struct crig t;
	crig_init(&t);
	t.c.x[A1] = CODE;
	uint32_t sd = STORE(3, A0, A1, 8);
	crig_code(&t, CODE, &sd, 1);
	CHECK_EQ(crig_run(&t, 5), CPU_FAULT);
	CHECK_EQ(t.ex.fault.kind, FAULT_PROTECTION);
	CHECK_EQ(t.ex.fault.access, ACCESS_WRITE);
	CHECK_EQ(t.ex.fault.va, CODE + 8);
	CHECK(t.ex.fault.violated & PTE_W);
	CHECK_EQ(t.c.pc, CODE);
	crig_fini(&t);
}

TEST(jumping_to_a_data_page_faults_on_the_fetch)
{
	struct crig t;
	crig_init(&t);
	t.c.x[A1] = DATA;
	crig_write(&t, DATA, 4, NOP);
	uint32_t j = JALR(RA, A1, 0);
	crig_code(&t, CODE, &j, 1);
	CHECK_EQ(crig_run(&t, 5), CPU_FAULT);
	CHECK_EQ(t.ex.fault.kind, FAULT_PROTECTION);
	CHECK_EQ(t.ex.fault.access, ACCESS_EXEC);
	CHECK(t.ex.fault.violated & PTE_X);
	CHECK_EQ(t.c.pc, DATA);
	CHECK_EQ(t.c.x[RA], CODE + 4);
	CHECK_EQ(t.c.instret, 1);
	crig_fini(&t);
}

TEST(a_load_from_an_unmapped_page_faults_and_retries_after_mapping)
{
	struct crig t;
	crig_init(&t);
	t.c.x[A1] = HOLE;
	uint32_t p[] = {LOAD(3, A0, A1, 0), ECALL};
	crig_code(&t, CODE, p, 2);
	CHECK_EQ(crig_run(&t, 5), CPU_FAULT);
	CHECK_EQ(t.ex.fault.kind, FAULT_NOT_PRESENT);
	CHECK_EQ(t.ex.fault.access, ACCESS_READ);
	CHECK_EQ(t.ex.fault.va, HOLE);
	rig_map_fresh(&t.r, HOLE, 0, PTE_R | PTE_U); /* what the kernel's fault handler does */
	crig_write(&t, HOLE, 8, 31337);
	CHECK_EQ(crig_run(&t, 5), CPU_ECALL);
	CHECK_EQ(t.c.x[A0], 31337);
	crig_fini(&t);
}

TEST(a_4_byte_instruction_across_a_page_boundary_translates_both_pages)
{
	struct crig t;
	crig_init(&t);
	rig_map_fresh(&t.r, CODE + 0x1000, 0, PTE_R | PTE_X | PTE_U);
	uint32_t addi = ADDI(A0, ZERO, 7);
	uint8_t bytes[] = {0x01, 0x00, (uint8_t)addi, (uint8_t)(addi >> 8), (uint8_t)(addi >> 16),
			   (uint8_t)(addi >> 24), 0x73, 0, 0, 0}; /* c.nop, addi (straddling), ecall */
	crig_poke(&t, CODE + 0xffc, bytes, sizeof bytes);
	t.c.pc = CODE + 0xffc;
	CHECK_EQ(crig_run(&t, 10), CPU_ECALL);
	CHECK_EQ(t.c.x[A0], 7);
	CHECK_EQ(t.c.pc, CODE + 0x1002);
	CHECK_EQ(t.m->c.walks, 2);
	uint64_t hits, misses;
	mmu_tlb_totals(t.m, &hits, &misses);
	CHECK_EQ(hits + misses, 4); /* c.nop; addi: both pages; ecall */
	crig_fini(&t);
}

TEST(an_instruction_straddling_into_a_missing_page_faults_on_that_page)
{
	struct crig t;
	crig_init(&t);
	uint32_t addi = ADDI(A0, ZERO, 7);
	uint8_t bytes[] = {0x01, 0x00, (uint8_t)addi, (uint8_t)(addi >> 8)};
	crig_poke(&t, CODE + 0xffc, bytes, sizeof bytes);
	t.c.pc = CODE + 0xffc;
	CHECK_EQ(crig_run(&t, 10), CPU_FAULT);
	CHECK_EQ(t.ex.fault.kind, FAULT_NOT_PRESENT);
	CHECK_EQ(t.ex.fault.access, ACCESS_EXEC);
	CHECK_EQ(t.ex.fault.va, CODE + 0x1000);
	CHECK_EQ(t.c.pc, CODE + 0xffe);
	CHECK_EQ(t.c.instret, 1);
	crig_fini(&t);
}

TEST(a_compressed_instruction_in_the_last_bytes_of_a_page_needs_no_next_page)
{
	struct crig t;
	crig_init(&t);
	uint16_t p[] = {0x4515 /* c.li a0, 5 */, 0x8082 /* c.jr ra */};
	crig_code16(&t, CODE + 0xffc, p, 2);
	t.c.pc = CODE + 0xffc;
	t.c.x[RA] = CODE + 0x20;
	crig_write(&t, CODE + 0x20, 4, ECALL);
	CHECK_EQ(crig_run(&t, 10), CPU_ECALL);
	CHECK_EQ(t.c.x[A0], 5);
	crig_fini(&t);
}

/* ---- The budget ---- */

TEST(the_budget_stops_after_exactly_that_many_instructions)
{
	struct crig t;
	crig_init(&t);
	uint32_t loop[] = {ADDI(A0, A0, 1), JAL(ZERO, -4)};
	crig_code(&t, CODE, loop, 2);
	CHECK_EQ(crig_run(&t, 0), CPU_BUDGET);
	CHECK_EQ(t.c.instret, 0);
	CHECK_EQ(crig_run(&t, 101), CPU_BUDGET);
	CHECK_EQ(t.ex.why, CPU_BUDGET);
	CHECK_EQ(t.c.instret, 101);
	CHECK_EQ(t.c.x[A0], 51);
	CHECK_EQ(t.c.pc, CODE + 4);
	CHECK_EQ(crig_run(&t, 1), CPU_BUDGET);
	CHECK_EQ(t.c.pc, CODE);
	CHECK_EQ(t.c.fetches, 102);
	crig_fini(&t);
}

/* ---- The disassembler ---- */

TEST(disasm_names_every_32_bit_instruction_group)
{
	static const struct { uint32_t insn; const char *text; } cases[] = {
		/* words from riscv64-unknown-elf-as, at pc 0x10000 */
		{0x12345537, "lui a0, 0x12345"}, {0xfffff297, "auipc t0, 0xfffff"},
		{0x001000ef, "jal ra, 0x10800"}, {0xffdff06f, "jal zero, 0xfffc"},
		{0x000500e7, "jalr ra, 0(a0)"}, {0xff830067, "jalr zero, -8(t1)"},
		{0x00b50863, "beq a0, a1, 0x10010"}, {0xfe0298e3, "bne t0, zero, 0xfff0"},
		{0x7ed64fe3, "blt a2, a3, 0x10ffe"}, {0x80945063, "bge s0, s1, 0xf000"},
		{0x00f76463, "bltu a4, a5, 0x10008"}, {0x01ff7663, "bgeu t5, t6, 0x1000c"},
		{0xfff58503, "lb a0, -1(a1)"}, {0x00259503, "lh a0, 2(a1)"}, {0x7ff5a503, "lw a0, 2047(a1)"},
		{0x8005b503, "ld a0, -2048(a1)"}, {0x00014283, "lbu t0, 0(sp)"}, {0x00615303, "lhu t1, 6(sp)"},
		{0x00c16383, "lwu t2, 12(sp)"}, {0xfea58fa3, "sb a0, -1(a1)"}, {0x00c69123, "sh a2, 2(a3)"},
		{0x7ee7afa3, "sw a4, 2047(a5)"}, {0x80113023, "sd ra, -2048(sp)"},
		{0xffb58513, "addi a0, a1, -5"}, {0x0075a513, "slti a0, a1, 7"}, {0xfff5b513, "sltiu a0, a1, -1"},
		{0x7ff5c513, "xori a0, a1, 2047"}, {0x8005e513, "ori a0, a1, -2048"}, {0x0ff5f513, "andi a0, a1, 255"},
		{0x03f59513, "slli a0, a1, 63"}, {0x0015d513, "srli a0, a1, 1"}, {0x4285d513, "srai a0, a1, 40"},
		{0xfff5851b, "addiw a0, a1, -1"}, {0x01f5951b, "slliw a0, a1, 31"}, {0x0055d51b, "srliw a0, a1, 5"},
		{0x41f5d51b, "sraiw a0, a1, 31"},
		{0x01498933, "add s2, s3, s4"}, {0x41498933, "sub s2, s3, s4"}, {0x01499933, "sll s2, s3, s4"},
		{0x0149a933, "slt s2, s3, s4"}, {0x0149b933, "sltu s2, s3, s4"}, {0x0149c933, "xor s2, s3, s4"},
		{0x0149d933, "srl s2, s3, s4"}, {0x4149d933, "sra s2, s3, s4"}, {0x0149e933, "or s2, s3, s4"},
		{0x0149f933, "and s2, s3, s4"}, {0x00c5853b, "addw a0, a1, a2"}, {0x40c5853b, "subw a0, a1, a2"},
		{0x00c5953b, "sllw a0, a1, a2"}, {0x00c5d53b, "srlw a0, a1, a2"}, {0x40c5d53b, "sraw a0, a1, a2"},
		{0x03ee8e33, "mul t3, t4, t5"}, {0x03ee9e33, "mulh t3, t4, t5"}, {0x03eeae33, "mulhsu t3, t4, t5"},
		{0x03eebe33, "mulhu t3, t4, t5"}, {0x03eece33, "div t3, t4, t5"}, {0x03eede33, "divu t3, t4, t5"},
		{0x03eeee33, "rem t3, t4, t5"}, {0x03eefe33, "remu t3, t4, t5"}, {0x02c5853b, "mulw a0, a1, a2"},
		{0x02c5c53b, "divw a0, a1, a2"}, {0x02c5d53b, "divuw a0, a1, a2"}, {0x02c5e53b, "remw a0, a1, a2"},
		{0x02c5f53b, "remuw a0, a1, a2"},
		{0x1005a52f, "lr.w a0, (a1)"}, {0x1405b52f, "lr.d.aq a0, (a1)"}, {0x18c5a52f, "sc.w a0, a2, (a1)"},
		{0x1ac5b52f, "sc.d.rl a0, a2, (a1)"}, {0x08c5a52f, "amoswap.w a0, a2, (a1)"},
		{0x00c5b52f, "amoadd.d a0, a2, (a1)"}, {0x26c5a52f, "amoxor.w.aqrl a0, a2, (a1)"},
		{0x60c5b52f, "amoand.d a0, a2, (a1)"}, {0x40c5a52f, "amoor.w a0, a2, (a1)"},
		{0x80c5b52f, "amomin.d a0, a2, (a1)"}, {0xa0c5a52f, "amomax.w a0, a2, (a1)"},
		{0xc0c5b52f, "amominu.d a0, a2, (a1)"}, {0xe0c5a52f, "amomaxu.w a0, a2, (a1)"},
		{0x0ff0000f, "fence"}, {0x0310000f, "fence rw, w"}, {0x8330000f, "fence.tso"}, {0x0000100f, "fence.i"},
		{0x00000073, "ecall"}, {0x00100073, "ebreak"},
		{0xc0002573, "rdcycle a0"}, {0xc01025f3, "rdtime a1"}, {0xc0202673, "rdinstret a2"},
		{0xc00036f3, "csrrc a3, cycle, zero"}, {0xc0206773, "csrrsi a4, instret, 0"},
		{0xffffffff, "illegal"}, {0x0005a507, "illegal (floating point)"}, {0x30200073, "illegal"},
		{0xc0059573, "illegal"},
	};
	char buf[64];
	for (unsigned i = 0; i < ARRAY_LEN(cases); i++) {
		cpu_disasm(cases[i].insn, 0x10000, buf, sizeof buf);
		CHECK_STR(buf, cases[i].text);
	}
}

TEST(disasm_names_compressed_instructions_by_their_c_names)
{
	static const struct { uint16_t insn; const char *text; } cases[] = {
		{0x0000, "c.unimp"}, {0x0808, "c.addi4spn a0, sp, 16"}, {0x41c8, "c.lw a0, 4(a1)"},
		{0x7cf8, "c.ld a4, 248(s1)"}, {0xc1c8, "c.sw a0, 4(a1)"}, {0xfcf8, "c.sd a4, 248(s1)"},
		{0x0001, "c.nop"}, {0x0505, "c.addi a0, 1"}, {0x357d, "c.addiw a0, -1"}, {0x4515, "c.li a0, 5"},
		{0x7101, "c.addi16sp sp, -512"}, {0x6505, "c.lui a0, 0x1"}, {0x7901, "c.lui s2, 0xfffe0"},
		{0x810d, "c.srli a0, 3"}, {0x9781, "c.srai a5, 32"}, {0x9a7d, "c.andi a2, -1"},
		{0x8d0d, "c.sub a0, a1"}, {0x8c25, "c.xor s0, s1"}, {0x8f5d, "c.or a4, a5"}, {0x8ef1, "c.and a3, a2"},
		{0x9d1d, "c.subw a0, a5"}, {0x9cb9, "c.addw s1, a4"}, {0xa001, "c.j 0x10000"}, {0xb001, "c.j 0xf800"},
		{0xcd7d, "c.beqz a0, 0x100fe"}, {0xfc7d, "c.bnez s0, 0xfffe"}, {0x1ffe, "c.slli t6, 63"},
		{0x50fe, "c.lwsp ra, 252(sp)"}, {0x7dfe, "c.ldsp s11, 504(sp)"}, {0x8082, "c.jr ra"},
		{0x852e, "c.mv a0, a1"}, {0x9002, "c.ebreak"}, {0x9502, "c.jalr a0"}, {0x917e, "c.add sp, t6"},
		{0xdf86, "c.swsp ra, 252(sp)"}, {0xffee, "c.sdsp s11, 504(sp)"},
		{0x2000, "illegal (floating point)"}, {0x8000, "illegal"} /* c.jr zero */,
	};
	char buf[64];
	for (unsigned i = 0; i < ARRAY_LEN(cases); i++) {
		cpu_disasm(cases[i].insn, 0x10000, buf, sizeof buf);
		CHECK_STR(buf, cases[i].text);
	}
}

TEST(disasm_truncates_to_the_buffer)
{
	char buf[8];
	cpu_disasm(0x26c5a52f, 0, buf, sizeof buf);
	CHECK_STR(buf, "amoxor.");
	cpu_disasm(0x26c5a52f, 0, buf, 0); /* writes nothing */
}
