/* The RV64C compressed instructions (unprivileged spec, chapter "C" Standard
 * Extension, table "RVC opcode map"): each one expands to the 32-bit
 * instruction it stands for, which the interpreter then executes with a length
 * of 2. The form is kept for the disassembler. Floating-point forms (c.fld,
 * c.fsd, c.fldsp, c.fsdsp) and reserved encodings expand to nothing. */
#ifndef CPU_RVC_H
#define CPU_RVC_H

#include "cpu/rv.h"

enum rvc_form {
	RVC_ILLEGAL, /* reserved encoding */
	RVC_UNIMP,   /* 0x0000, defined illegal */
	RVC_FP,      /* a floating-point load or store: no F/D here */
	RVC_ADDI4SPN, RVC_LW, RVC_LD, RVC_SW, RVC_SD,
	RVC_NOP, RVC_ADDI, RVC_ADDIW, RVC_LI, RVC_ADDI16SP, RVC_LUI,
	RVC_SRLI, RVC_SRAI, RVC_ANDI, RVC_SUB, RVC_XOR, RVC_OR, RVC_AND, RVC_SUBW, RVC_ADDW,
	RVC_J, RVC_BEQZ, RVC_BNEZ,
	RVC_SLLI, RVC_LWSP, RVC_LDSP, RVC_JR, RVC_MV, RVC_EBREAK, RVC_JALR, RVC_ADD, RVC_SWSP, RVC_SDSP,
	RVC_FORMS
};

/* Register fields: full (rd/rs1 at [11:7], rs2 at [6:2]) and the 3-bit
 * x8..x15 ones (rd'/rs2' at [4:2], rs1'/rd' at [9:7]). */
static inline unsigned rvc_rd(uint32_t c) { return (c >> 7) & 31; }
static inline unsigned rvc_rs2(uint32_t c) { return (c >> 2) & 31; }
static inline unsigned rvc_rdp(uint32_t c) { return 8 + ((c >> 2) & 7); }
static inline unsigned rvc_rs1p(uint32_t c) { return 8 + ((c >> 7) & 7); }
static inline unsigned rvc_funct3(uint32_t c) { return (c >> 13) & 7; }

/* Immediates, by the instructions that use them; the bit scrambles are the
 * spec's ("CIW", "CL", "CI", "CSS", "CB", "CJ" formats). */
static inline uint32_t rvc_imm_addi4spn(uint32_t c)
{
	return ((c >> 7) & 0x30) | ((c >> 1) & 0x3c0) | ((c >> 4) & 4) | ((c >> 2) & 8);
}

static inline uint32_t rvc_imm_lw(uint32_t c) { return ((c >> 7) & 0x38) | ((c >> 4) & 4) | ((c << 1) & 0x40); }
static inline uint32_t rvc_imm_ld(uint32_t c) { return ((c >> 7) & 0x38) | ((c << 1) & 0xc0); }
static inline uint32_t rvc_imm_ci(uint32_t c)
{
	return (uint32_t)rv_sext(((c >> 7) & 0x20) | ((c >> 2) & 0x1f), 6);
}

static inline uint32_t rvc_shamt(uint32_t c) { return ((c >> 7) & 0x20) | ((c >> 2) & 0x1f); }

static inline uint32_t rvc_imm_addi16sp(uint32_t c)
{
	uint32_t v = ((c >> 3) & 0x200) | ((c >> 2) & 0x10) | ((c << 1) & 0x40) | ((c << 4) & 0x180) |
		     ((c << 3) & 0x20);
	return (uint32_t)rv_sext(v, 10);
}

static inline uint32_t rvc_imm_lui(uint32_t c)
{
	return (uint32_t)rv_sext(((c << 5) & 0x20000) | ((c << 10) & 0x1f000), 18);
}

static inline uint32_t rvc_imm_j(uint32_t c)
{
	uint32_t v = ((c >> 1) & 0xb40) | ((c >> 7) & 0x10) | ((c << 2) & 0x400) | ((c << 1) & 0x80) |
		     ((c >> 2) & 0xe) | ((c << 3) & 0x20);
	return (uint32_t)rv_sext(v, 12);
}

static inline uint32_t rvc_imm_b(uint32_t c)
{
	uint32_t v = ((c >> 4) & 0x100) | ((c >> 7) & 0x18) | ((c << 1) & 0xc0) | ((c >> 2) & 6) |
		     ((c << 3) & 0x20);
	return (uint32_t)rv_sext(v, 9);
}

static inline uint32_t rvc_imm_lwsp(uint32_t c)
{
	return ((c >> 7) & 0x20) | ((c >> 2) & 0x1c) | ((c << 4) & 0xc0);
}
static inline uint32_t rvc_imm_ldsp(uint32_t c)
{
	return ((c >> 7) & 0x20) | ((c >> 2) & 0x18) | ((c << 4) & 0x1c0);
}
static inline uint32_t rvc_imm_swsp(uint32_t c) { return ((c >> 7) & 0x3c) | ((c >> 1) & 0xc0); }
static inline uint32_t rvc_imm_sdsp(uint32_t c) { return ((c >> 7) & 0x38) | ((c >> 1) & 0x1c0); }

/* Sets *form; returns insn (so that each case below is one line). */
static inline uint32_t rvc_as(enum rvc_form *form, enum rvc_form f, uint32_t insn)
{
	*form = f;
	return insn;
}

/* Quadrant 0 (c[1:0] == 00): stack-pointer-based addi and the loads and
 * stores through rs1'. */
static inline uint32_t rvc_q0(uint32_t c, enum rvc_form *f)
{
	unsigned rd = rvc_rdp(c), rs1 = rvc_rs1p(c);
	switch (rvc_funct3(c)) {
	case 0:
		if (rvc_imm_addi4spn(c) == 0)
			return rvc_as(f, c == 0 ? RVC_UNIMP : RVC_ILLEGAL, 0);
		return rvc_as(f, RVC_ADDI4SPN, rv_enc_i(RV_OP_IMM, rd, RV_ADD, RV_SP, rvc_imm_addi4spn(c)));
	case 2: return rvc_as(f, RVC_LW, rv_enc_i(RV_LOAD, rd, RV_LW, rs1, rvc_imm_lw(c)));
	case 3: return rvc_as(f, RVC_LD, rv_enc_i(RV_LOAD, rd, RV_LD, rs1, rvc_imm_ld(c)));
	case 6: return rvc_as(f, RVC_SW, rv_enc_s(RV_STORE, RV_SW, rs1, rd, rvc_imm_lw(c)));
	case 7: return rvc_as(f, RVC_SD, rv_enc_s(RV_STORE, RV_SD, rs1, rd, rvc_imm_ld(c)));
	case 1:
	case 5: return rvc_as(f, RVC_FP, 0);
	default: return rvc_as(f, RVC_ILLEGAL, 0);
	}
}

/* Quadrant 1, funct3 100: shifts, andi and register-register arithmetic on
 * x8..x15. */
static inline uint32_t rvc_q1_alu(uint32_t c, enum rvc_form *f)
{
	static const unsigned ops[4] = {RV_ADD, RV_XOR, RV_OR, RV_AND};
	static const enum rvc_form forms[4] = {RVC_SUB, RVC_XOR, RVC_OR, RVC_AND};
	unsigned rd = rvc_rs1p(c), rs2 = rvc_rdp(c), sel = (c >> 5) & 3;
	switch ((c >> 10) & 3) {
	case 0: return rvc_as(f, RVC_SRLI, rv_enc_i(RV_OP_IMM, rd, RV_SRL, rd, rvc_shamt(c)));
	case 1: return rvc_as(f, RVC_SRAI, rv_enc_i(RV_OP_IMM, rd, RV_SRL, rd, 0x400 | rvc_shamt(c)));
	case 2: return rvc_as(f, RVC_ANDI, rv_enc_i(RV_OP_IMM, rd, RV_AND, rd, rvc_imm_ci(c)));
	}
	if (!(c & 0x1000))
		return rvc_as(f, forms[sel], rv_enc_r(RV_OP, rd, ops[sel], rd, rs2, sel == 0 ? RV_F7_ALT : RV_F7_BASE));
	if (sel == 0)
		return rvc_as(f, RVC_SUBW, rv_enc_r(RV_OP_32, rd, RV_ADD, rd, rs2, RV_F7_ALT));
	if (sel == 1)
		return rvc_as(f, RVC_ADDW, rv_enc_r(RV_OP_32, rd, RV_ADD, rd, rs2, RV_F7_BASE));
	return rvc_as(f, RVC_ILLEGAL, 0);
}

/* Quadrant 1, funct3 011: c.addi16sp when rd is sp, else c.lui. */
static inline uint32_t rvc_q1_lui(uint32_t c, enum rvc_form *f)
{
	unsigned rd = rvc_rd(c);
	if (rd == RV_SP) {
		if (rvc_imm_addi16sp(c) == 0)
			return rvc_as(f, RVC_ILLEGAL, 0);
		return rvc_as(f, RVC_ADDI16SP, rv_enc_i(RV_OP_IMM, RV_SP, RV_ADD, RV_SP, rvc_imm_addi16sp(c)));
	}
	if (rvc_imm_lui(c) == 0)
		return rvc_as(f, RVC_ILLEGAL, 0);
	return rvc_as(f, RVC_LUI, rv_enc_u(RV_LUI, rd, rvc_imm_lui(c)));
}

/* Quadrant 1 (c[1:0] == 01): immediates, arithmetic, jumps and branches. */
static inline uint32_t rvc_q1(uint32_t c, enum rvc_form *f)
{
	unsigned rd = rvc_rd(c), rs1 = rvc_rs1p(c);
	switch (rvc_funct3(c)) {
	case 0:
		return rvc_as(f, rd ? RVC_ADDI : RVC_NOP, rv_enc_i(RV_OP_IMM, rd, RV_ADD, rd, rvc_imm_ci(c)));
	case 1:
		if (rd == 0)
			return rvc_as(f, RVC_ILLEGAL, 0);
		return rvc_as(f, RVC_ADDIW, rv_enc_i(RV_OP_IMM_32, rd, RV_ADD, rd, rvc_imm_ci(c)));
	case 2: return rvc_as(f, RVC_LI, rv_enc_i(RV_OP_IMM, rd, RV_ADD, RV_ZERO, rvc_imm_ci(c)));
	case 3: return rvc_q1_lui(c, f);
	case 4: return rvc_q1_alu(c, f);
	case 5: return rvc_as(f, RVC_J, rv_enc_j(RV_ZERO, rvc_imm_j(c)));
	case 6: return rvc_as(f, RVC_BEQZ, rv_enc_b(RV_BEQ, rs1, RV_ZERO, rvc_imm_b(c)));
	default: return rvc_as(f, RVC_BNEZ, rv_enc_b(RV_BNE, rs1, RV_ZERO, rvc_imm_b(c)));
	}
}

/* Quadrant 2, funct3 100: c.jr, c.mv, c.ebreak, c.jalr, c.add. */
static inline uint32_t rvc_q2_jr(uint32_t c, enum rvc_form *f)
{
	unsigned rd = rvc_rd(c), rs2 = rvc_rs2(c);
	if (!(c & 0x1000)) {
		if (rs2)
			return rvc_as(f, RVC_MV, rv_enc_r(RV_OP, rd, RV_ADD, RV_ZERO, rs2, RV_F7_BASE));
		if (rd == 0)
			return rvc_as(f, RVC_ILLEGAL, 0);
		return rvc_as(f, RVC_JR, rv_enc_i(RV_JALR, RV_ZERO, 0, rd, 0));
	}
	if (rs2)
		return rvc_as(f, RVC_ADD, rv_enc_r(RV_OP, rd, RV_ADD, rd, rs2, RV_F7_BASE));
	if (rd == 0)
		return rvc_as(f, RVC_EBREAK, RV_EBREAK);
	return rvc_as(f, RVC_JALR, rv_enc_i(RV_JALR, RV_RA, 0, rd, 0));
}

/* Quadrant 2 (c[1:0] == 10): slli, the sp-relative loads and stores, jumps
 * through registers, mv and add. */
static inline uint32_t rvc_q2(uint32_t c, enum rvc_form *f)
{
	unsigned rd = rvc_rd(c), rs2 = rvc_rs2(c);
	switch (rvc_funct3(c)) {
	case 0: return rvc_as(f, RVC_SLLI, rv_enc_i(RV_OP_IMM, rd, RV_SLL, rd, rvc_shamt(c)));
	case 2:
		if (rd == 0)
			return rvc_as(f, RVC_ILLEGAL, 0);
		return rvc_as(f, RVC_LWSP, rv_enc_i(RV_LOAD, rd, RV_LW, RV_SP, rvc_imm_lwsp(c)));
	case 3:
		if (rd == 0)
			return rvc_as(f, RVC_ILLEGAL, 0);
		return rvc_as(f, RVC_LDSP, rv_enc_i(RV_LOAD, rd, RV_LD, RV_SP, rvc_imm_ldsp(c)));
	case 4: return rvc_q2_jr(c, f);
	case 6: return rvc_as(f, RVC_SWSP, rv_enc_s(RV_STORE, RV_SW, RV_SP, rs2, rvc_imm_swsp(c)));
	case 7: return rvc_as(f, RVC_SDSP, rv_enc_s(RV_STORE, RV_SD, RV_SP, rs2, rvc_imm_sdsp(c)));
	default: return rvc_as(f, RVC_FP, 0);
	}
}

/* Expands the compressed instruction c (c[1:0] != 11) into the 32-bit
 * instruction it stands for, and tells its form. Returns 0 (never a valid
 * instruction) for an illegal, reserved or floating-point one. */
static inline uint32_t rvc_expand(uint32_t c, enum rvc_form *form)
{
	switch (c & 3) {
	case 0: return rvc_q0(c, form);
	case 1: return rvc_q1(c, form);
	default: return rvc_q2(c, form);
	}
}

#endif
