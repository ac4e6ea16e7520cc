/* Shared by the CPU tests: a machine (sv39 page tables in simulated RAM, an
 * MMU, a CPU over them) and a tiny assembler for the six instruction formats.
 * The assembler is independent of cpu/rv.h (a test should not check the CPU's
 * decoder against itself); test_cpu.c checks it against encodings made by
 * riscv64-unknown-elf-as. Everything is static inline so each test file takes
 * what it needs. */
#ifndef TESTS_TEST_CPU_RIG_H
#define TESTS_TEST_CPU_RIG_H

#include <string.h>

#include "cpu/cpu.h"
#include "tests/harness.h"
#include "tests/support_rig.h"

/* Where the tests put things: code, data pages, and an address never mapped. */
#define CODE 0x10000ull
#define DATA 0x20000ull
#define HOLE 0x40000ull

/* ABI register numbers. */
enum {
	ZERO, RA, SP, GP, TP, T0, T1, T2, S0, S1, A0, A1, A2, A3, A4, A5,
	A6, A7, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11, T3, T4, T5, T6,
};

/* ---- The assembler: formats ---- */

static inline uint32_t asm_r(unsigned op, unsigned f3, unsigned f7, unsigned rd, unsigned rs1, unsigned rs2)
{
	return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}

static inline uint32_t asm_i(unsigned op, unsigned f3, unsigned rd, unsigned rs1, int32_t imm)
{
	return ((uint32_t)imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}

static inline uint32_t asm_s(unsigned op, unsigned f3, unsigned rs2, unsigned rs1, int32_t imm)
{
	uint32_t u = (uint32_t)imm;
	return (u >> 5 & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (u & 31) << 7 | op;
}

static inline uint32_t asm_b(unsigned f3, unsigned rs1, unsigned rs2, int32_t off)
{
	uint32_t u = (uint32_t)off;
	return (u >> 12 & 1) << 31 | (u >> 5 & 0x3f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 |
	       (u >> 1 & 0xf) << 8 | (u >> 11 & 1) << 7 | 0x63;
}

static inline uint32_t asm_u(unsigned op, unsigned rd, uint32_t imm20) { return imm20 << 12 | rd << 7 | op; }

static inline uint32_t asm_j(unsigned rd, int32_t off)
{
	uint32_t u = (uint32_t)off;
	return (u >> 20 & 1) << 31 | (u >> 1 & 0x3ff) << 21 | (u >> 11 & 1) << 20 | (u >> 12 & 0xff) << 12 |
	       rd << 7 | 0x6f;
}

/* ---- The assembler: instructions (funct3 values as in the spec's tables) ---- */

static inline uint32_t LUI(unsigned rd, uint32_t imm20) { return asm_u(0x37, rd, imm20); }
static inline uint32_t AUIPC(unsigned rd, uint32_t imm20) { return asm_u(0x17, rd, imm20); }
static inline uint32_t JAL(unsigned rd, int32_t off) { return asm_j(rd, off); }
static inline uint32_t JALR(unsigned rd, unsigned rs1, int32_t imm) { return asm_i(0x67, 0, rd, rs1, imm); }
static inline uint32_t BR(unsigned f3, unsigned rs1, unsigned rs2, int32_t off) { return asm_b(f3, rs1, rs2, off); }
/* f3: 0 lb, 1 lh, 2 lw, 3 ld, 4 lbu, 5 lhu, 6 lwu */
static inline uint32_t LOAD(unsigned f3, unsigned rd, unsigned rs1, int32_t imm) { return asm_i(0x03, f3, rd, rs1, imm); }
/* f3: 0 sb, 1 sh, 2 sw, 3 sd */
static inline uint32_t STORE(unsigned f3, unsigned rs2, unsigned rs1, int32_t imm) { return asm_s(0x23, f3, rs2, rs1, imm); }
static inline uint32_t OPIMM(unsigned f3, unsigned rd, unsigned rs1, int32_t imm) { return asm_i(0x13, f3, rd, rs1, imm); }
static inline uint32_t OPIMMW(unsigned f3, unsigned rd, unsigned rs1, int32_t imm) { return asm_i(0x1b, f3, rd, rs1, imm); }
static inline uint32_t OP(unsigned f3, unsigned f7, unsigned rd, unsigned rs1, unsigned rs2) { return asm_r(0x33, f3, f7, rd, rs1, rs2); }
static inline uint32_t OPW(unsigned f3, unsigned f7, unsigned rd, unsigned rs1, unsigned rs2) { return asm_r(0x3b, f3, f7, rd, rs1, rs2); }
static inline uint32_t ADDI(unsigned rd, unsigned rs1, int32_t imm) { return OPIMM(0, rd, rs1, imm); }
static inline uint32_t ADD(unsigned rd, unsigned rs1, unsigned rs2) { return OP(0, 0, rd, rs1, rs2); }
/* f5: 0x02 lr, 0x03 sc, 0x01 swap, 0x00 add, 0x04 xor, 0x0c and, 0x08 or, 0x10 min, 0x14 max,
 * 0x18 minu, 0x1c maxu; f3: 2 .w, 3 .d */
static inline uint32_t AMO(unsigned f5, unsigned f3, unsigned rd, unsigned rs1, unsigned rs2)
{
	return asm_r(0x2f, f3, f5 << 2, rd, rs1, rs2);
}
/* f3: 1 csrrw, 2 csrrs, 3 csrrc, 5..7 the immediate forms; rs1 is the uimm for those */
static inline uint32_t CSR(unsigned f3, unsigned rd, unsigned csr, unsigned rs1) { return asm_i(0x73, f3, rd, rs1, (int32_t)csr); }
#define NOP ADDI(ZERO, ZERO, 0)
#define ECALL 0x00000073u
#define EBREAK 0x00100073u
#define FENCE 0x0ff0000fu
#define FENCE_I 0x0000100fu

/* ---- The machine ---- */

struct crig {
	struct rig r;
	struct mmu *m;
	struct cpu c;
	struct cpu_exit ex;
};

/* Builds a machine of the preset's page tables (linear takes page_shift and
 * va_bits) with nframes of RAM and a default MMU in context (root, ASID 1),
 * and a CPU at CODE. */
static inline void crig_init_fmt(struct crig *t, const char *preset, unsigned page_shift, unsigned va_bits,
				 uint64_t nframes)
{
	struct mmu_config cfg;
	char err[200];
	mmu_config_defaults(&cfg);
	rig_init(&t->r, preset, page_shift, va_bits, nframes);
	t->m = mmu_new(&cfg, &t->r.pm, &t->r.fmt, err, sizeof err);
	if (!t->m)
		FAIL("mmu_new: %s", err);
	mmu_set_context(t->m, t->r.pt.root, 1);
	cpu_init(&t->c, t->m, &t->r.pm, CODE);
	memset(&t->ex, 0, sizeof t->ex);
}

/* Builds an sv39 machine with nframes of RAM and an MMU configured by cfg (the
 * defaults when NULL) in context (root, ASID 1), and a CPU at CODE. */
static inline void crig_init_with(struct crig *t, const struct mmu_config *cfg, uint64_t nframes)
{
	struct mmu_config def;
	char err[200];
	if (!cfg) {
		mmu_config_defaults(&def);
		cfg = &def;
	}
	rig_init(&t->r, "sv39", 0, 0, nframes);
	t->m = mmu_new(cfg, &t->r.pm, &t->r.fmt, err, sizeof err);
	if (!t->m)
		FAIL("mmu_new: %s", err);
	mmu_set_context(t->m, t->r.pt.root, 1);
	cpu_init(&t->c, t->m, &t->r.pm, CODE);
	memset(&t->ex, 0, sizeof t->ex);
}

/* The usual machine: default MMU, CODE mapped r-x, DATA and DATA + 4096 rw-. */
static inline void crig_init(struct crig *t)
{
	crig_init_with(t, NULL, 256);
	rig_map_fresh(&t->r, CODE, 0, PTE_R | PTE_X | PTE_U);
	rig_map_fresh(&t->r, DATA, 0, PTE_R | PTE_W | PTE_U);
	rig_map_fresh(&t->r, DATA + 0x1000, 0, PTE_R | PTE_W | PTE_U);
}

static inline void crig_fini(struct crig *t)
{
	mmu_free(t->m);
	rig_fini(&t->r);
}

/* The host address of va's byte (mapped, or the test fails). */
static inline uint8_t *crig_host(struct crig *t, vaddr_t va)
{
	struct pt_leaf leaf;
	if (pt_lookup(&t->r.pt, va, &leaf) != PT_OK)
		FAIL("%#llx is not mapped", (unsigned long long)va);
	paddr_t pa = (leaf.pfn << t->r.fmt.page_shift) + (va - leaf.va);
	return physmem_ptr(&t->r.pm, pa, 1);
}

/* Copies n bytes into guest memory at va (any pages, mapped). */
static inline void crig_poke(struct crig *t, vaddr_t va, const void *src, size_t n)
{
	for (size_t i = 0; i < n; i++)
		*crig_host(t, va + i) = ((const uint8_t *)src)[i];
}

static inline void crig_peek(struct crig *t, vaddr_t va, void *dst, size_t n)
{
	for (size_t i = 0; i < n; i++)
		((uint8_t *)dst)[i] = *crig_host(t, va + i);
}

static inline uint64_t crig_read(struct crig *t, vaddr_t va, unsigned size)
{
	uint64_t v = 0;
	crig_peek(t, va, &v, size);
	return v;
}

static inline void crig_write(struct crig *t, vaddr_t va, unsigned size, uint64_t v) { crig_poke(t, va, &v, size); }

/* Writes 32-bit instructions at va. */
static inline void crig_code(struct crig *t, vaddr_t va, const uint32_t *insns, size_t n)
{
	crig_poke(t, va, insns, 4 * n);
}

/* Writes 16-bit (compressed) instructions at va. */
static inline void crig_code16(struct crig *t, vaddr_t va, const uint16_t *insns, size_t n)
{
	crig_poke(t, va, insns, 2 * n);
}

static inline enum cpu_stop crig_run(struct crig *t, uint64_t budget)
{
	return cpu_run(&t->c, budget, &t->ex);
}

/* Runs insns (placed at CODE, followed by an ecall) from CODE until the
 * ecall; the test fails on any other stop. */
static inline void crig_exec(struct crig *t, const uint32_t *insns, size_t n)
{
	crig_code(t, CODE, insns, n);
	crig_write(t, CODE + 4 * n, 4, ECALL);
	t->c.pc = CODE;
	enum cpu_stop st = crig_run(t, 1000);
	if (st != CPU_ECALL) {
		char dis[64];
		cpu_disasm(t->ex.insn, t->c.pc, dis, sizeof dis);
		FAIL("stopped with %d at %#llx (%s) instead of the ecall", (int)st, (unsigned long long)t->c.pc, dis);
	}
}

#endif
