/* RISC-V instruction encodings (unprivileged spec, chapter "RV32/64G
 * Instruction Set Listings"): the major opcodes, function codes and CSR
 * numbers by their spec names, the field and immediate decoders, and the
 * encoders the compressed expansion uses. Shared by the interpreter and the
 * disassembler. */
#ifndef CPU_RV_H
#define CPU_RV_H

#include <stdint.h>

/* Major opcodes, insn[6:0] (spec table "RISC-V base opcode map"). */
enum {
	RV_LOAD = 0x03,
	RV_LOAD_FP = 0x07,
	RV_MISC_MEM = 0x0f,
	RV_OP_IMM = 0x13,
	RV_AUIPC = 0x17,
	RV_OP_IMM_32 = 0x1b,
	RV_STORE = 0x23,
	RV_STORE_FP = 0x27,
	RV_AMO = 0x2f,
	RV_OP = 0x33,
	RV_LUI = 0x37,
	RV_OP_32 = 0x3b,
	RV_BRANCH = 0x63,
	RV_JALR = 0x67,
	RV_JAL = 0x6f,
	RV_SYSTEM = 0x73,
};

/* funct3 of BRANCH. */
enum { RV_BEQ = 0, RV_BNE = 1, RV_BLT = 4, RV_BGE = 5, RV_BLTU = 6, RV_BGEU = 7 };

/* funct3 of LOAD and STORE: the width, bit 2 set for the zero-extending loads. */
enum { RV_LB = 0, RV_LH = 1, RV_LW = 2, RV_LD = 3, RV_LBU = 4, RV_LHU = 5, RV_LWU = 6 };
enum { RV_SB = 0, RV_SH = 1, RV_SW = 2, RV_SD = 3 };

/* funct3 of OP-IMM and OP (with funct7 0 or 0x20), and their -32 forms. */
enum {
	RV_ADD = 0, /* SUB with funct7 0x20 */
	RV_SLL = 1,
	RV_SLT = 2,
	RV_SLTU = 3,
	RV_XOR = 4,
	RV_SRL = 5, /* SRA with funct7 0x20 */
	RV_OR = 6,
	RV_AND = 7,
};

/* funct3 of OP and OP-32 with funct7 RV_MULDIV (the M extension). */
enum { RV_MUL = 0, RV_MULH = 1, RV_MULHSU = 2, RV_MULHU = 3, RV_DIV = 4, RV_DIVU = 5, RV_REM = 6, RV_REMU = 7 };

/* funct7 values of OP and OP-32. */
enum { RV_F7_BASE = 0x00, RV_F7_ALT = 0x20, RV_MULDIV = 0x01 };

/* funct3 of MISC-MEM. */
enum { RV_FENCE = 0, RV_FENCE_I = 1 };

/* funct3 of SYSTEM; PRIV holds ecall and ebreak (told apart by funct12). */
enum { RV_PRIV = 0, RV_CSRRW = 1, RV_CSRRS = 2, RV_CSRRC = 3, RV_CSRRWI = 5, RV_CSRRSI = 6, RV_CSRRCI = 7 };
enum { RV_ECALL = 0x00000073, RV_EBREAK = 0x00100073 };

/* The user-mode counters (privileged spec, "Counter/Timers"). */
enum { RV_CSR_CYCLE = 0xc00, RV_CSR_TIME = 0xc01, RV_CSR_INSTRET = 0xc02 };

/* funct3 of AMO (the width) and funct5 (insn[31:27]) of each operation. */
enum { RV_AMO_W = 2, RV_AMO_D = 3 };
enum {
	RV_AMOADD = 0x00,
	RV_AMOSWAP = 0x01,
	RV_LR = 0x02,
	RV_SC = 0x03,
	RV_AMOXOR = 0x04,
	RV_AMOOR = 0x08,
	RV_AMOAND = 0x0c,
	RV_AMOMIN = 0x10,
	RV_AMOMAX = 0x14,
	RV_AMOMINU = 0x18,
	RV_AMOMAXU = 0x1c,
};

/* Register numbers the expansions of compressed instructions name. */
enum { RV_ZERO = 0, RV_RA = 1, RV_SP = 2 };

/* Fields of a 32-bit instruction:
 *
 *   31      25 24  20 19  15 14  12 11   7 6      0
 *  | funct7   | rs2  | rs1  |funct3|  rd  | opcode |  R
 *  | imm[11:0]       | rs1  |funct3|  rd  | opcode |  I
 *  | imm[11:5]| rs2  | rs1  |funct3|im4:0 | opcode |  S
 *  |12|10:5   | rs2  | rs1  |funct3|4:1|11| opcode |  B
 *  | imm[31:12]                    |  rd  | opcode |  U
 *  |20|10:1       |11| 19:12       |  rd  | opcode |  J
 */
static inline unsigned rv_opcode(uint32_t i) { return i & 0x7f; }
static inline unsigned rv_rd(uint32_t i) { return (i >> 7) & 31; }
static inline unsigned rv_funct3(uint32_t i) { return (i >> 12) & 7; }
static inline unsigned rv_rs1(uint32_t i) { return (i >> 15) & 31; }
static inline unsigned rv_rs2(uint32_t i) { return (i >> 20) & 31; }
static inline unsigned rv_funct7(uint32_t i) { return i >> 25; }
static inline unsigned rv_funct5(uint32_t i) { return i >> 27; }
static inline unsigned rv_csr(uint32_t i) { return i >> 20; }

/* Sign-extends the low bits bits of x. */
static inline uint64_t rv_sext(uint64_t x, unsigned bits)
{
	uint64_t m = 1ull << (bits - 1);
	x &= (m << 1) - 1;
	return (x ^ m) - m;
}

static inline uint64_t rv_imm_i(uint32_t i) { return rv_sext(i >> 20, 12); }
static inline uint64_t rv_imm_s(uint32_t i) { return rv_sext((i >> 25) << 5 | ((i >> 7) & 31), 12); }
static inline uint64_t rv_imm_u(uint32_t i) { return rv_sext(i & 0xfffff000u, 32); }

static inline uint64_t rv_imm_b(uint32_t i)
{
	uint32_t v = (i >> 31) << 12 | ((i >> 7) & 1) << 11 | ((i >> 25) & 0x3f) << 5 | ((i >> 8) & 0xf) << 1;
	return rv_sext(v, 13);
}

static inline uint64_t rv_imm_j(uint32_t i)
{
	uint32_t v = (i >> 31) << 20 | ((i >> 12) & 0xff) << 12 | ((i >> 20) & 1) << 11 | ((i >> 21) & 0x3ff) << 1;
	return rv_sext(v, 21);
}

/* Encoders of the six formats; immediates are taken modulo their width. */
static inline uint32_t rv_enc_r(unsigned op, unsigned rd, unsigned f3, unsigned rs1, unsigned rs2, unsigned f7)
{
	return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}

static inline uint32_t rv_enc_i(unsigned op, unsigned rd, unsigned f3, unsigned rs1, uint32_t imm)
{
	return (imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}

static inline uint32_t rv_enc_s(unsigned op, unsigned f3, unsigned rs1, unsigned rs2, uint32_t imm)
{
	return ((imm >> 5) & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (imm & 31) << 7 | op;
}

static inline uint32_t rv_enc_b(unsigned f3, unsigned rs1, unsigned rs2, uint32_t imm)
{
	return ((imm >> 12) & 1) << 31 | ((imm >> 5) & 0x3f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 |
	       ((imm >> 1) & 0xf) << 8 | ((imm >> 11) & 1) << 7 | RV_BRANCH;
}

static inline uint32_t rv_enc_u(unsigned op, unsigned rd, uint32_t imm)
{
	return (imm & 0xfffff000u) | rd << 7 | op;
}

static inline uint32_t rv_enc_j(unsigned rd, uint32_t imm)
{
	return ((imm >> 20) & 1) << 31 | ((imm >> 1) & 0x3ff) << 21 | ((imm >> 11) & 1) << 20 |
	       ((imm >> 12) & 0xff) << 12 | rd << 7 | RV_JAL;
}

#endif
