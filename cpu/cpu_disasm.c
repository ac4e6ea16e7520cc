/* The disassembler for crash reports and traces: every instruction the CPU
 * executes, with ABI register names, pc-relative targets as addresses and
 * compressed instructions under their c. names. Whatever the CPU refuses
 * reads "illegal" (the test suite checks that they agree). */
#include <stdarg.h>
#include <stdio.h>

#include "cpu/cpu.h"
#include "cpu/rv.h"
#include "cpu/rvc.h"

static const char *const reg_names[32] = {
	"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
	"a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

/* Where disassembly text goes. */
struct out {
	char *buf;
	size_t len;
};

PRINTF_LIKE(2, 3) static void put(struct out *o, const char *fmt, ...);

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(o->buf, o->len, fmt, ap);
	va_end(ap);
}

static const char *rd(uint32_t i) { return reg_names[rv_rd(i)]; }
static const char *rs1(uint32_t i) { return reg_names[rv_rs1(i)]; }
static const char *rs2(uint32_t i) { return reg_names[rv_rs2(i)]; }
static long long simm(uint64_t v) { return (long long)v; }
static unsigned long long target(vaddr_t pc, uint64_t off) { return (unsigned long long)(pc + off); }

static void dis_illegal(struct out *o) { put(o, "illegal"); }

/* The name of an OP-IMM (or, w, OP-IMM-32) instruction, NULL when illegal:
 * shifts need funct6 (funct7 for the -32 ones) 0, or 0x10 (0x20) for srai. */
static const char *op_imm_name(uint32_t i, bool w)
{
	static const char *const names[8] = {"addi", "slli", "slti", "sltiu", "xori", "srli", "ori", "andi"};
	unsigned f3 = rv_funct3(i), hi = w ? rv_funct7(i) : i >> 26, alt = w ? RV_F7_ALT : RV_F7_ALT >> 1;
	if (w && f3 != RV_ADD && f3 != RV_SLL && f3 != RV_SRL)
		return NULL;
	if (f3 == RV_SRL && hi == alt)
		return "srai";
	if ((f3 == RV_SLL || f3 == RV_SRL) && hi != 0)
		return NULL;
	return names[f3];
}

/* OP-IMM and OP-IMM-32 (w selects the latter). */
static void dis_op_imm(struct out *o, uint32_t i, bool w)
{
	const char *name = op_imm_name(i, w), *sfx = w ? "w" : "";
	unsigned f3 = rv_funct3(i);
	if (!name)
		dis_illegal(o);
	else if (f3 == RV_SLL || f3 == RV_SRL)
		put(o, "%s%s %s, %s, %u", name, sfx, rd(i), rs1(i), (unsigned)(rv_imm_i(i) & (w ? 31 : 63)));
	else
		put(o, "%s%s %s, %s, %lld", name, sfx, rd(i), rs1(i), simm(rv_imm_i(i)));
}

/* OP and OP-32 (w selects the latter). */
static void dis_op(struct out *o, uint32_t i, bool w)
{
	static const char *const base[8] = {"add", "sll", "slt", "sltu", "xor", "srl", "or", "and"};
	static const char *const mul[8] = {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"};
	unsigned f3 = rv_funct3(i), f7 = rv_funct7(i);
	const char *name = NULL;
	if (f7 == RV_F7_BASE)
		name = base[f3];
	else if (f7 == RV_MULDIV)
		name = mul[f3];
	else if (f7 == RV_F7_ALT && (f3 == RV_ADD || f3 == RV_SRL))
		name = f3 == RV_ADD ? "sub" : "sra";
	bool w_ok = f7 == RV_MULDIV ? (f3 == RV_MUL || f3 >= RV_DIV) : (f3 == RV_ADD || f3 == RV_SLL || f3 == RV_SRL);
	if (!name || (w && !w_ok)) {
		dis_illegal(o);
		return;
	}
	put(o, "%s%s %s, %s, %s", name, w ? "w" : "", rd(i), rs1(i), rs2(i));
}

static void dis_load(struct out *o, uint32_t i)
{
	static const char *const names[8] = {"lb", "lh", "lw", "ld", "lbu", "lhu", "lwu", NULL};
	const char *name = names[rv_funct3(i)];
	if (!name) {
		dis_illegal(o);
		return;
	}
	put(o, "%s %s, %lld(%s)", name, rd(i), simm(rv_imm_i(i)), rs1(i));
}

static void dis_store(struct out *o, uint32_t i)
{
	static const char *const names[8] = {"sb", "sh", "sw", "sd"};
	const char *name = names[rv_funct3(i)];
	if (!name) {
		dis_illegal(o);
		return;
	}
	put(o, "%s %s, %lld(%s)", name, rs2(i), simm(rv_imm_s(i)), rs1(i));
}

static void dis_branch(struct out *o, uint32_t i, vaddr_t pc)
{
	static const char *const names[8] = {"beq", "bne", NULL, NULL, "blt", "bge", "bltu", "bgeu"};
	const char *name = names[rv_funct3(i)];
	if (!name) {
		dis_illegal(o);
		return;
	}
	put(o, "%s %s, %s, 0x%llx", name, rs1(i), rs2(i), target(pc, rv_imm_b(i)));
}

static void dis_jalr(struct out *o, uint32_t i)
{
	if (rv_funct3(i) != 0) {
		dis_illegal(o);
		return;
	}
	put(o, "jalr %s, %lld(%s)", rd(i), simm(rv_imm_i(i)), rs1(i));
}

/* lr, sc and the AMOs, with their .aq/.rl/.aqrl ordering suffix. */
static void dis_amo(struct out *o, uint32_t i)
{
	static const char *const names[32] = {
		[RV_AMOADD] = "amoadd", [RV_AMOSWAP] = "amoswap", [RV_LR] = "lr", [RV_SC] = "sc",
		[RV_AMOXOR] = "amoxor", [RV_AMOOR] = "amoor", [RV_AMOAND] = "amoand", [RV_AMOMIN] = "amomin",
		[RV_AMOMAX] = "amomax", [RV_AMOMINU] = "amominu", [RV_AMOMAXU] = "amomaxu",
	};
	static const char *const order[4] = {"", ".rl", ".aq", ".aqrl"};
	unsigned f3 = rv_funct3(i), f5 = rv_funct5(i);
	const char *name = names[f5], *sfx = order[(i >> 25) & 3], *w = f3 == RV_AMO_W ? "w" : "d";
	if (!name || (f3 != RV_AMO_W && f3 != RV_AMO_D) || (f5 == RV_LR && rv_rs2(i) != 0)) {
		dis_illegal(o);
		return;
	}
	if (f5 == RV_LR)
		put(o, "lr.%s%s %s, (%s)", w, sfx, rd(i), rs1(i));
	else
		put(o, "%s.%s%s %s, %s, (%s)", name, w, sfx, rd(i), rs2(i), rs1(i));
}

/* Writes the i, o, r, w letters of a fence's predecessor or successor set. */
static void fence_set(unsigned bits, char *s)
{
	const char *letters = "iorw";
	for (int b = 3; b >= 0; b--)
		if (bits >> b & 1)
			*s++ = letters[3 - b];
	*s = 0;
}

static void dis_misc_mem(struct out *o, uint32_t i)
{
	char pred[5], succ[5];
	if (rv_funct3(i) == RV_FENCE_I) {
		put(o, "fence.i");
		return;
	}
	if (rv_funct3(i) != RV_FENCE) {
		dis_illegal(o);
		return;
	}
	fence_set((i >> 24) & 15, pred);
	fence_set((i >> 20) & 15, succ);
	if (i >> 28 == 8)
		put(o, "fence.tso");
	else if (((i >> 20) & 0xff) == 0xff)
		put(o, "fence");
	else
		put(o, "fence %s, %s", pred, succ);
}

/* ecall, ebreak and the counter reads (rdcycle, rdtime, rdinstret, or the
 * full csr form for the other read-only encodings). */
static void dis_system(struct out *o, uint32_t i)
{
	static const char *const csr_ops[8] = {NULL, NULL, "csrrs", "csrrc", NULL, NULL, "csrrsi", "csrrci"};
	static const char *const counters[3] = {"cycle", "time", "instret"};
	unsigned f3 = rv_funct3(i), csr = rv_csr(i);
	if (i == RV_ECALL) {
		put(o, "ecall");
		return;
	}
	if (i == RV_EBREAK) {
		put(o, "ebreak");
		return;
	}
	if (!csr_ops[f3] || rv_rs1(i) != 0 || csr < RV_CSR_CYCLE || csr > RV_CSR_INSTRET) {
		dis_illegal(o);
		return;
	}
	if (f3 == RV_CSRRS)
		put(o, "rd%s %s", counters[csr - RV_CSR_CYCLE], rd(i));
	else
		put(o, "%s %s, %s, %s", csr_ops[f3], rd(i), counters[csr - RV_CSR_CYCLE], f3 < 4 ? "zero" : "0");
}

/* Floating-point opcodes: LOAD-FP, STORE-FP, the fused multiply-adds, OP-FP. */
static bool is_fp(unsigned op)
{
	return op == RV_LOAD_FP || op == RV_STORE_FP || op == 0x43 || op == 0x47 || op == 0x4b ||
	       op == 0x4f || op == 0x53;
}

/* A 32-bit instruction. */
static void dis32(struct out *o, uint32_t i, vaddr_t pc)
{
	unsigned op = rv_opcode(i);
	switch (op) {
	case RV_OP_IMM: dis_op_imm(o, i, false); break;
	case RV_OP_IMM_32: dis_op_imm(o, i, true); break;
	case RV_OP: dis_op(o, i, false); break;
	case RV_OP_32: dis_op(o, i, true); break;
	case RV_LOAD: dis_load(o, i); break;
	case RV_STORE: dis_store(o, i); break;
	case RV_BRANCH: dis_branch(o, i, pc); break;
	case RV_JAL: put(o, "jal %s, 0x%llx", rd(i), target(pc, rv_imm_j(i))); break;
	case RV_JALR: dis_jalr(o, i); break;
	case RV_LUI: put(o, "lui %s, 0x%x", rd(i), i >> 12); break;
	case RV_AUIPC: put(o, "auipc %s, 0x%x", rd(i), i >> 12); break;
	case RV_AMO: dis_amo(o, i); break;
	case RV_MISC_MEM: dis_misc_mem(o, i); break;
	case RV_SYSTEM: dis_system(o, i); break;
	default: put(o, is_fp(op) ? "illegal (floating point)" : "illegal"); break;
	}
}

/* How a compressed form's operands print, taken from its expansion. */
enum c_operands {
	C_NONE,     /* c.nop */
	C_RD_IMM,   /* c.addi a0, 1 */
	C_RD_SHAMT, /* c.slli a0, 3 */
	C_RD_UIMM,  /* c.lui a0, 0x1 */
	C_RD_RS2,   /* c.mv a0, a1 */
	C_SPN,      /* c.addi4spn a0, sp, 16 */
	C_LOAD,     /* c.lw a0, 4(a1) */
	C_STORE,    /* c.sw a0, 4(a1) */
	C_RS1,      /* c.jr ra */
	C_BRANCH,   /* c.beqz a0, 0x10078 */
	C_JUMP,     /* c.j 0x10078 */
};

static const struct {
	const char *name;
	enum c_operands ops;
} c_forms[RVC_FORMS] = {
	[RVC_ADDI4SPN] = {"c.addi4spn", C_SPN}, [RVC_LW] = {"c.lw", C_LOAD}, [RVC_LD] = {"c.ld", C_LOAD},
	[RVC_SW] = {"c.sw", C_STORE}, [RVC_SD] = {"c.sd", C_STORE}, [RVC_NOP] = {"c.nop", C_NONE},
	[RVC_ADDI] = {"c.addi", C_RD_IMM}, [RVC_ADDIW] = {"c.addiw", C_RD_IMM}, [RVC_LI] = {"c.li", C_RD_IMM},
	[RVC_ADDI16SP] = {"c.addi16sp", C_RD_IMM}, [RVC_LUI] = {"c.lui", C_RD_UIMM},
	[RVC_SRLI] = {"c.srli", C_RD_SHAMT}, [RVC_SRAI] = {"c.srai", C_RD_SHAMT}, [RVC_ANDI] = {"c.andi", C_RD_IMM},
	[RVC_SUB] = {"c.sub", C_RD_RS2}, [RVC_XOR] = {"c.xor", C_RD_RS2}, [RVC_OR] = {"c.or", C_RD_RS2},
	[RVC_AND] = {"c.and", C_RD_RS2}, [RVC_SUBW] = {"c.subw", C_RD_RS2}, [RVC_ADDW] = {"c.addw", C_RD_RS2},
	[RVC_J] = {"c.j", C_JUMP}, [RVC_BEQZ] = {"c.beqz", C_BRANCH}, [RVC_BNEZ] = {"c.bnez", C_BRANCH},
	[RVC_SLLI] = {"c.slli", C_RD_SHAMT}, [RVC_LWSP] = {"c.lwsp", C_LOAD}, [RVC_LDSP] = {"c.ldsp", C_LOAD},
	[RVC_JR] = {"c.jr", C_RS1}, [RVC_MV] = {"c.mv", C_RD_RS2}, [RVC_EBREAK] = {"c.ebreak", C_NONE},
	[RVC_JALR] = {"c.jalr", C_RS1}, [RVC_ADD] = {"c.add", C_RD_RS2}, [RVC_SWSP] = {"c.swsp", C_STORE},
	[RVC_SDSP] = {"c.sdsp", C_STORE},
};

/* A compressed instruction, printed from its expansion i. */
static void dis16(struct out *o, enum rvc_form form, uint32_t i, vaddr_t pc)
{
	const char *n = c_forms[form].name;
	if (form == RVC_UNIMP) {
		put(o, "c.unimp");
		return;
	}
	if (form == RVC_FP) {
		put(o, "illegal (floating point)");
		return;
	}
	if (!n) {
		dis_illegal(o);
		return;
	}
	switch (c_forms[form].ops) {
	case C_NONE: put(o, "%s", n); break;
	case C_RD_IMM: put(o, "%s %s, %lld", n, rd(i), simm(rv_imm_i(i))); break;
	case C_RD_SHAMT: put(o, "%s %s, %u", n, rd(i), (unsigned)(rv_imm_i(i) & 63)); break;
	case C_RD_UIMM: put(o, "%s %s, 0x%x", n, rd(i), i >> 12); break;
	case C_RD_RS2: put(o, "%s %s, %s", n, rd(i), rs2(i)); break;
	case C_SPN: put(o, "%s %s, sp, %lld", n, rd(i), simm(rv_imm_i(i))); break;
	case C_LOAD: put(o, "%s %s, %lld(%s)", n, rd(i), simm(rv_imm_i(i)), rs1(i)); break;
	case C_STORE: put(o, "%s %s, %lld(%s)", n, rs2(i), simm(rv_imm_s(i)), rs1(i)); break;
	case C_RS1: put(o, "%s %s", n, rs1(i)); break;
	case C_BRANCH: put(o, "%s %s, 0x%llx", n, rs1(i), target(pc, rv_imm_b(i))); break;
	case C_JUMP: put(o, "%s 0x%llx", n, target(pc, rv_imm_j(i))); break;
	}
}

void cpu_disasm(uint32_t insn, vaddr_t pc, char *buf, size_t len)
{
	struct out o = {buf, len};
	if (len == 0)
		return;
	if ((insn & 3) == 3) {
		dis32(&o, insn, pc);
	} else {
		enum rvc_form form;
		uint32_t i = rvc_expand(insn & 0xffff, &form);
		dis16(&o, form, i, pc);
	}
}
