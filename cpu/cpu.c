/* The RV64IMAC interpreter: fetch through the cached instruction page, expand
 * compressed instructions to their 32-bit forms, and execute with one function
 * per instruction group. Loads and stores take the MMU's inline TLB path and
 * go to physical memory directly; page-crossing accesses, faults, atomics and
 * system instructions are out of line. Faults are return values: nothing of a
 * stopping instruction is retired, and pc stays on it. */
#include "cpu/cpu.h"

#include <string.h>

#include "cpu/rv.h"
#include "cpu/rvc.h"

#define HOT __attribute__((always_inline)) static inline
#define COLD __attribute__((noinline, cold)) static

void cpu_init(struct cpu *c, struct mmu *m, struct physmem *pm, vaddr_t entry)
{
	memset(c, 0, sizeof *c);
	c->pc = entry;
	c->mmu = m;
	c->pm = pm;
	c->page_mask = mask_bits(m->page_shift);
	c->fetch_page = 1;
}

/* ---- Stops ---- */

/* Records why the CPU stops; returns false (the instruction did not retire). */
static inline bool stop(struct cpu_exit *ex, enum cpu_stop why)
{
	ex->why = why;
	return false;
}

static inline bool illegal(struct cpu_exit *ex) { return stop(ex, CPU_ILLEGAL); }

/* A translation that lies (partly) outside physical memory. */
COLD bool bus_fault(struct cpu *c, vaddr_t va, enum access acc, struct cpu_exit *ex)
{
	ex->fault = (struct fault){FAULT_BUS, acc, va, -1, 0};
	c->mmu->c.faults[FAULT_BUS]++;
	return stop(ex, CPU_FAULT);
}

static inline uint64_t sext32(uint64_t x) { return rv_sext(x, 32); }

/* ---- Memory: an access within a page inline, one crossing pages out of line ---- */

/* Where an access lies: its first n0 bytes at pa[0], the rest (when it
 * crosses into the next page) at pa[1]. */
struct span {
	paddr_t pa[2];
	unsigned n0;
};

/* Translates [va, va + n), within one page, for acc. */
static bool xlate_part(struct cpu *c, vaddr_t va, unsigned n, enum access acc, paddr_t *pa, struct cpu_exit *ex)
{
	if (!mmu_translate(c->mmu, va, acc, PRIV_USER, pa, &ex->fault))
		return stop(ex, CPU_FAULT);
	if (!physmem_contains(c->pm, *pa, n))
		return bus_fault(c, va, acc, ex);
	return true;
}

/* Translates [va, va + size) for acc: every page it touches, before anything
 * is read or written. */
static bool xlate_span(struct cpu *c, vaddr_t va, unsigned size, enum access acc, struct span *s,
		       struct cpu_exit *ex)
{
	uint64_t room = c->page_mask + 1 - (va & c->page_mask);
	s->n0 = room < size ? (unsigned)room : size;
	if (!xlate_part(c, va, s->n0, acc, &s->pa[0], ex))
		return false;
	return s->n0 == size || xlate_part(c, va + s->n0, size - s->n0, acc, &s->pa[1], ex);
}

/* Reads a translated span (little-endian); one data reference per page. */
static uint64_t span_read(struct cpu *c, const struct span *s, unsigned size)
{
	uint64_t v = 0;
	memcpy(&v, c->pm->base + s->pa[0], s->n0);
	mmu_data_ref(c->mmu, s->pa[0]);
	if (s->n0 < size) {
		memcpy((uint8_t *)&v + s->n0, c->pm->base + s->pa[1], size - s->n0);
		mmu_data_ref(c->mmu, s->pa[1]);
	}
	return v;
}

/* Writes the low size bytes of v to a translated span; one data reference per page. */
static void span_write(struct cpu *c, const struct span *s, unsigned size, uint64_t v)
{
	memcpy(c->pm->base + s->pa[0], &v, s->n0);
	mmu_data_ref(c->mmu, s->pa[0]);
	if (s->n0 < size) {
		memcpy(c->pm->base + s->pa[1], (uint8_t *)&v + s->n0, size - s->n0);
		mmu_data_ref(c->mmu, s->pa[1]);
	}
}

/* True when [va, va + size) lies within one page. */
HOT bool in_page(const struct cpu *c, vaddr_t va, unsigned size)
{
	return (va & c->page_mask) <= c->page_mask + 1 - size;
}

COLD bool load_cross(struct cpu *c, vaddr_t va, unsigned size, uint64_t *v, struct cpu_exit *ex)
{
	struct span s;
	if (!xlate_span(c, va, size, ACCESS_READ, &s, ex))
		return false;
	*v = span_read(c, &s, size);
	c->loads++;
	return true;
}

COLD bool store_cross(struct cpu *c, vaddr_t va, unsigned size, uint64_t v, struct cpu_exit *ex)
{
	struct span s;
	if (!xlate_span(c, va, size, ACCESS_WRITE, &s, ex))
		return false;
	span_write(c, &s, size, v);
	c->stores++;
	return true;
}

/* Loads size (1, 2, 4 or 8) bytes at va, zero-extended, into *v. Returns
 * false with the stop in *ex on a fault. */
HOT bool load(struct cpu *c, vaddr_t va, unsigned size, uint64_t *v, struct cpu_exit *ex)
{
	paddr_t pa;
	if (unlikely(!in_page(c, va, size)))
		return load_cross(c, va, size, v, ex);
	if (unlikely(!mmu_translate(c->mmu, va, ACCESS_READ, PRIV_USER, &pa, &ex->fault)))
		return stop(ex, CPU_FAULT);
	if (unlikely(!physmem_contains(c->pm, pa, size)))
		return bus_fault(c, va, ACCESS_READ, ex);
	mmu_data_ref(c->mmu, pa);
	*v = physmem_load(c->pm, pa, size);
	c->loads++;
	return true;
}

/* Stores the low size bytes of v at va. Returns false with the stop in *ex
 * on a fault, having written nothing. */
HOT bool store(struct cpu *c, vaddr_t va, unsigned size, uint64_t v, struct cpu_exit *ex)
{
	paddr_t pa;
	if (unlikely(!in_page(c, va, size)))
		return store_cross(c, va, size, v, ex);
	if (unlikely(!mmu_translate(c->mmu, va, ACCESS_WRITE, PRIV_USER, &pa, &ex->fault)))
		return stop(ex, CPU_FAULT);
	if (unlikely(!physmem_contains(c->pm, pa, size)))
		return bus_fault(c, va, ACCESS_WRITE, ex);
	mmu_data_ref(c->mmu, pa);
	physmem_store(c->pm, pa, size, v);
	c->stores++;
	return true;
}

/* ---- Fetch: the cached instruction page ---- */

/* Remembers the page of va, whose fetch translation just found TLB entry e,
 * and its host address (host is va's). */
static void fetch_cache(struct cpu *c, vaddr_t va, const uint8_t *host, const struct tlb_entry *e)
{
	vaddr_t off = va & c->page_mask;
	c->fetch_page = va - off;
	c->fetch_host = host - off;
	c->fetch_tlb = c->mmu->tlb[ACCESS_EXEC];
	c->fetch_slot = tlb_entry_slot(c->fetch_tlb, e);
	c->fetch_asid = c->mmu->asid;
	c->fetch_gen = tlb_gen(c->fetch_tlb);
}

/* True when va's page is the cached one and its TLB entry is still there. */
HOT bool fetch_cached(const struct cpu *c, vaddr_t va)
{
	return (va & ~c->page_mask) == c->fetch_page && c->fetch_gen == tlb_gen(c->fetch_tlb);
}

/* Translates the fetch of the parcel at va, caching its page when it can be.
 * Returns the host address of va, with at least 2 bytes (4 when the page has
 * room) readable there; NULL with the stop in *ex on a fault. */
static const uint8_t *fetch_xlate(struct cpu *c, vaddr_t va, struct cpu_exit *ex)
{
	uint64_t off = va & c->page_mask, avail = c->page_mask + 1 - off;
	if (fetch_cached(c, va)) {
		tlb_hit_slot(c->fetch_tlb, c->fetch_asid, c->fetch_slot);
		return c->fetch_host + off;
	}
	paddr_t pa;
	const struct tlb_entry *e;
	if (!mmu_translate_entry(c->mmu, va, ACCESS_EXEC, PRIV_USER, &pa, &e, &ex->fault)) {
		stop(ex, CPU_FAULT);
		return NULL;
	}
	const uint8_t *host = physmem_ptr(c->pm, pa, avail < 4 ? avail : 4);
	if (!host) {
		bus_fault(c, va, ACCESS_EXEC, ex);
		return NULL;
	}
	if (e && !c->no_fetch_cache && pa >= off && physmem_contains(c->pm, pa - off, c->page_mask + 1))
		fetch_cache(c, va, host, e);
	return host;
}

/* The fetch that is not a plain hit in the cached page: a page change, an
 * instruction in the last bytes of a page (perhaps crossing it), no cache. */
COLD bool fetch_slow(struct cpu *c, uint32_t *raw, struct cpu_exit *ex)
{
	vaddr_t pc = c->pc;
	uint16_t lo, hi;
	if (pc & 1)
		return illegal(ex); /* only a kernel can put pc there; jumps clear bit 0 */
	const uint8_t *p = fetch_xlate(c, pc, ex);
	if (!p)
		return false;
	memcpy(&lo, p, 2);
	if ((lo & 3) != 3) {
		*raw = lo;
	} else if ((pc & c->page_mask) <= c->page_mask - 3) {
		memcpy(raw, p, 4);
	} else {
		const uint8_t *q = fetch_xlate(c, pc + 2, ex);
		if (!q)
			return false;
		memcpy(&hi, q, 2);
		*raw = lo | (uint32_t)hi << 16;
	}
	c->fetches++;
	return true;
}

/* Fetches the instruction at pc into *raw (a compressed one in the low half,
 * garbage above it). A hit in the cached page counts as the TLB hit it is. */
HOT bool fetch(struct cpu *c, uint32_t *raw, struct cpu_exit *ex)
{
	vaddr_t off = c->pc & c->page_mask;
	if (likely(off <= c->page_mask - 3 && fetch_cached(c, c->pc))) {
		tlb_hit_slot(c->fetch_tlb, c->fetch_asid, c->fetch_slot);
		memcpy(raw, c->fetch_host + off, 4);
		c->fetches++;
		return true;
	}
	return fetch_slow(c, raw, ex);
}

/* ---- Integer computation: RV64I and M ---- */

/* OP and OP-IMM with funct7 0 (shift amounts already masked to 6 bits). */
HOT uint64_t alu(unsigned f3, uint64_t a, uint64_t b)
{
	switch (f3) {
	case RV_ADD: return a + b;
	case RV_SLL: return a << (b & 63);
	case RV_SLT: return (int64_t)a < (int64_t)b;
	case RV_SLTU: return a < b;
	case RV_XOR: return a ^ b;
	case RV_SRL: return a >> (b & 63);
	case RV_OR: return a | b;
	default: return a & b;
	}
}

static inline uint64_t sra64(uint64_t a, unsigned sh) { return (uint64_t)((int64_t)a >> (sh & 63)); }
static inline uint64_t sra32(uint64_t a, unsigned sh) { return (uint64_t)(int64_t)((int32_t)a >> (sh & 31)); }

/* The M extension on 64 bits (spec: division by zero gives all ones and rem
 * the dividend; the signed overflow INT64_MIN / -1 gives INT64_MIN, rem 0). */
static uint64_t muldiv(unsigned f3, uint64_t a, uint64_t b)
{
	int64_t sa = (int64_t)a, sb = (int64_t)b;
	bool overflow = sa == INT64_MIN && sb == -1;
	switch (f3) {
	case RV_MUL: return a * b;
	case RV_MULH: return (uint64_t)((__int128)sa * sb >> 64);
	case RV_MULHSU: return (uint64_t)((__int128)sa * (__int128)b >> 64);
	case RV_MULHU: return (uint64_t)((unsigned __int128)a * b >> 64);
	case RV_DIV: return b == 0 ? ~0ull : overflow ? a : (uint64_t)(sa / sb);
	case RV_DIVU: return b == 0 ? ~0ull : a / b;
	case RV_REM: return b == 0 ? a : overflow ? 0 : (uint64_t)(sa % sb);
	default: return b == 0 ? a : a % b;
	}
}

/* The M extension's W forms (mulw, divw, divuw, remw, remuw): 32-bit
 * operands, the result sign-extended. Returns false for the forms that do
 * not exist. */
static bool muldiv_w(unsigned f3, uint64_t a, uint64_t b, uint64_t *r)
{
	int32_t sa = (int32_t)a, sb = (int32_t)b;
	uint32_t ua = (uint32_t)a, ub = (uint32_t)b;
	bool overflow = sa == INT32_MIN && sb == -1;
	switch (f3) {
	case RV_MUL: *r = sext32(ua * ub); return true;
	case RV_DIV: *r = ub == 0 ? ~0ull : overflow ? sext32(ua) : sext32((uint32_t)(sa / sb)); return true;
	case RV_DIVU: *r = ub == 0 ? ~0ull : sext32(ua / ub); return true;
	case RV_REM: *r = ub == 0 ? sext32(ua) : overflow ? 0 : sext32((uint32_t)(sa % sb)); return true;
	case RV_REMU: *r = sext32(ub == 0 ? ua : ua % ub); return true;
	default: return false;
	}
}

/* Writes rd and moves to the next instruction; the instruction retires. */
HOT bool retire(struct cpu *c, uint32_t insn, unsigned len, uint64_t v)
{
	c->x[rv_rd(insn)] = v;
	c->pc += len;
	return true;
}

/* OP-IMM: addi, slti, sltiu, xori, ori, andi, slli, srli, srai. */
HOT bool exec_op_imm(struct cpu *c, uint32_t insn, unsigned len, struct cpu_exit *ex)
{
	uint64_t a = c->x[rv_rs1(insn)], imm = rv_imm_i(insn);
	unsigned f3 = rv_funct3(insn), funct6 = insn >> 26;
	if (likely(f3 != RV_SLL && f3 != RV_SRL))
		return retire(c, insn, len, alu(f3, a, imm));
	if (f3 == RV_SLL && funct6 == 0)
		return retire(c, insn, len, a << (imm & 63));
	if (f3 == RV_SRL && funct6 == 0)
		return retire(c, insn, len, a >> (imm & 63));
	if (f3 == RV_SRL && funct6 == RV_F7_ALT >> 1)
		return retire(c, insn, len, sra64(a, imm & 63));
	return illegal(ex);
}

/* OP-IMM-32: addiw, slliw, srliw, sraiw. */
static bool exec_op_imm_32(struct cpu *c, uint32_t insn, unsigned len, struct cpu_exit *ex)
{
	uint64_t a = c->x[rv_rs1(insn)];
	unsigned f3 = rv_funct3(insn), f7 = rv_funct7(insn), sh = rv_rs2(insn);
	if (f3 == RV_ADD)
		return retire(c, insn, len, sext32(a + rv_imm_i(insn)));
	if (f3 == RV_SLL && f7 == RV_F7_BASE)
		return retire(c, insn, len, sext32((uint32_t)a << sh));
	if (f3 == RV_SRL && f7 == RV_F7_BASE)
		return retire(c, insn, len, sext32((uint32_t)a >> sh));
	if (f3 == RV_SRL && f7 == RV_F7_ALT)
		return retire(c, insn, len, sra32(a, sh));
	return illegal(ex);
}

/* OP: the register-register operations and mul/div/rem. */
HOT bool exec_op(struct cpu *c, uint32_t insn, unsigned len, struct cpu_exit *ex)
{
	uint64_t a = c->x[rv_rs1(insn)], b = c->x[rv_rs2(insn)];
	unsigned f3 = rv_funct3(insn);
	switch (rv_funct7(insn)) {
	case RV_F7_BASE: return retire(c, insn, len, alu(f3, a, b));
	case RV_MULDIV: return retire(c, insn, len, muldiv(f3, a, b));
	case RV_F7_ALT:
		if (f3 == RV_ADD)
			return retire(c, insn, len, a - b);
		if (f3 == RV_SRL)
			return retire(c, insn, len, sra64(a, (unsigned)b));
		return illegal(ex);
	default: return illegal(ex);
	}
}

/* OP-32: addw, subw, sllw, srlw, sraw and the M extension's W forms. */
static bool exec_op_32(struct cpu *c, uint32_t insn, unsigned len, struct cpu_exit *ex)
{
	uint64_t a = c->x[rv_rs1(insn)], b = c->x[rv_rs2(insn)], r;
	unsigned f3 = rv_funct3(insn), f7 = rv_funct7(insn), sh = b & 31;
	if (f7 == RV_MULDIV)
		return muldiv_w(f3, a, b, &r) ? retire(c, insn, len, r) : illegal(ex);
	if (f7 == RV_F7_BASE && f3 == RV_ADD)
		return retire(c, insn, len, sext32(a + b));
	if (f7 == RV_F7_ALT && f3 == RV_ADD)
		return retire(c, insn, len, sext32(a - b));
	if (f7 == RV_F7_BASE && f3 == RV_SLL)
		return retire(c, insn, len, sext32((uint32_t)a << sh));
	if (f7 == RV_F7_BASE && f3 == RV_SRL)
		return retire(c, insn, len, sext32((uint32_t)a >> sh));
	if (f7 == RV_F7_ALT && f3 == RV_SRL)
		return retire(c, insn, len, sra32(a, sh));
	return illegal(ex);
}

/* ---- Control transfer ---- */

/* BRANCH: beq, bne, blt, bge, bltu, bgeu. */
HOT bool exec_branch(struct cpu *c, uint32_t insn, unsigned len, struct cpu_exit *ex)
{
	uint64_t a = c->x[rv_rs1(insn)], b = c->x[rv_rs2(insn)];
	bool taken;
	switch (rv_funct3(insn)) {
	case RV_BEQ: taken = a == b; break;
	case RV_BNE: taken = a != b; break;
	case RV_BLT: taken = (int64_t)a < (int64_t)b; break;
	case RV_BGE: taken = (int64_t)a >= (int64_t)b; break;
	case RV_BLTU: taken = a < b; break;
	case RV_BGEU: taken = a >= b; break;
	default: return illegal(ex);
	}
	c->pc += taken ? rv_imm_b(insn) : len;
	return true;
}

/* JAL: rd = the next instruction's address; jump pc-relative. */
HOT bool exec_jal(struct cpu *c, uint32_t insn, unsigned len)
{
	c->x[rv_rd(insn)] = c->pc + len;
	c->pc += rv_imm_j(insn);
	return true;
}

/* JALR: jump to rs1 + imm with bit 0 cleared; rd = the next instruction's address. */
HOT bool exec_jalr(struct cpu *c, uint32_t insn, unsigned len, struct cpu_exit *ex)
{
	if (rv_funct3(insn) != 0)
		return illegal(ex);
	uint64_t target = (c->x[rv_rs1(insn)] + rv_imm_i(insn)) & ~1ull;
	c->x[rv_rd(insn)] = c->pc + len;
	c->pc = target;
	return true;
}

/* ---- Loads and stores ---- */

/* LOAD: lb, lh, lw, ld, lbu, lhu, lwu (any alignment). */
HOT bool exec_load(struct cpu *c, uint32_t insn, unsigned len, struct cpu_exit *ex)
{
	vaddr_t va = c->x[rv_rs1(insn)] + rv_imm_i(insn);
	uint64_t v;
	switch (rv_funct3(insn)) {
	case RV_LB: if (!load(c, va, 1, &v, ex)) return false; v = rv_sext(v, 8); break;
	case RV_LH: if (!load(c, va, 2, &v, ex)) return false; v = rv_sext(v, 16); break;
	case RV_LW: if (!load(c, va, 4, &v, ex)) return false; v = sext32(v); break;
	case RV_LD: if (!load(c, va, 8, &v, ex)) return false; break;
	case RV_LBU: if (!load(c, va, 1, &v, ex)) return false; break;
	case RV_LHU: if (!load(c, va, 2, &v, ex)) return false; break;
	case RV_LWU: if (!load(c, va, 4, &v, ex)) return false; break;
	default: return illegal(ex);
	}
	return retire(c, insn, len, v);
}

/* STORE: sb, sh, sw, sd (any alignment). */
HOT bool exec_store(struct cpu *c, uint32_t insn, unsigned len, struct cpu_exit *ex)
{
	vaddr_t va = c->x[rv_rs1(insn)] + rv_imm_s(insn);
	uint64_t v = c->x[rv_rs2(insn)];
	bool ok;
	switch (rv_funct3(insn)) {
	case RV_SB: ok = store(c, va, 1, v, ex); break;
	case RV_SH: ok = store(c, va, 2, v, ex); break;
	case RV_SW: ok = store(c, va, 4, v, ex); break;
	case RV_SD: ok = store(c, va, 8, v, ex); break;
	default: return illegal(ex);
	}
	if (ok)
		c->pc += len;
	return ok;
}

/* ---- The A extension ---- */

/* The new memory value of an AMO (other than lr/sc) on old and src, both
 * sign-extended from size bytes. */
static uint64_t amo_value(unsigned f5, uint64_t old, uint64_t src)
{
	switch (f5) {
	case RV_AMOADD: return old + src;
	case RV_AMOSWAP: return src;
	case RV_AMOXOR: return old ^ src;
	case RV_AMOOR: return old | src;
	case RV_AMOAND: return old & src;
	case RV_AMOMIN: return (int64_t)old < (int64_t)src ? old : src;
	case RV_AMOMAX: return (int64_t)old > (int64_t)src ? old : src;
	case RV_AMOMINU: return old < src ? old : src;
	default: return old > src ? old : src;
	}
}

static bool amo_valid(unsigned f5)
{
	switch (f5) {
	case RV_AMOADD: case RV_AMOSWAP: case RV_AMOXOR: case RV_AMOOR: case RV_AMOAND:
	case RV_AMOMIN: case RV_AMOMAX: case RV_AMOMINU: case RV_AMOMAXU:
		return true;
	default:
		return false;
	}
}

/* Sign-extends a value of size bytes (4 or 8). */
static inline uint64_t sext_size(uint64_t v, unsigned size) { return size == 4 ? sext32(v) : v; }

/* LR: loads and reserves the address. */
static bool exec_lr(struct cpu *c, uint32_t insn, unsigned len, unsigned size, struct cpu_exit *ex)
{
	vaddr_t va = c->x[rv_rs1(insn)];
	struct span s;
	if (rv_rs2(insn) != 0)
		return illegal(ex);
	if (!xlate_span(c, va, size, ACCESS_READ, &s, ex))
		return false;
	uint64_t v = span_read(c, &s, size);
	c->loads++;
	c->reservation = va;
	c->reserved = true;
	return retire(c, insn, len, sext_size(v, size));
}

/* SC: stores when the address is still reserved (rd = 0), else does nothing
 * (rd = 1); either way the reservation is gone. A fault keeps it, for the retry. */
static bool exec_sc(struct cpu *c, uint32_t insn, unsigned len, unsigned size, struct cpu_exit *ex)
{
	vaddr_t va = c->x[rv_rs1(insn)];
	bool ok = c->reserved && c->reservation == va;
	struct span s;
	if (ok) {
		if (!xlate_span(c, va, size, ACCESS_WRITE, &s, ex))
			return false;
		span_write(c, &s, size, c->x[rv_rs2(insn)]);
		c->stores++;
	}
	c->reserved = false;
	return retire(c, insn, len, ok ? 0 : 1);
}

/* AMO: lr, sc and the read-modify-write operations, .w and .d (aq and rl
 * need nothing on one hart). A misaligned one works like any access. */
static bool exec_amo(struct cpu *c, uint32_t insn, unsigned len, struct cpu_exit *ex)
{
	unsigned f3 = rv_funct3(insn), f5 = rv_funct5(insn), size = f3 == RV_AMO_W ? 4 : 8;
	if (f3 != RV_AMO_W && f3 != RV_AMO_D)
		return illegal(ex);
	if (f5 == RV_LR)
		return exec_lr(c, insn, len, size, ex);
	if (f5 == RV_SC)
		return exec_sc(c, insn, len, size, ex);
	if (!amo_valid(f5))
		return illegal(ex);
	struct span s;
	if (!xlate_span(c, c->x[rv_rs1(insn)], size, ACCESS_WRITE, &s, ex))
		return false;
	uint64_t old = sext_size(span_read(c, &s, size), size);
	span_write(c, &s, size, amo_value(f5, old, sext_size(c->x[rv_rs2(insn)], size)));
	c->loads++;
	c->stores++;
	return retire(c, insn, len, old);
}

/* ---- Fences and the system instructions ---- */

/* MISC-MEM: fence (nothing to order on one hart) and fence.i (drops the
 * cached instruction page; fetches read memory anyway, so stores are seen). */
static bool exec_misc_mem(struct cpu *c, uint32_t insn, unsigned len, struct cpu_exit *ex)
{
	unsigned f3 = rv_funct3(insn);
	if (f3 != RV_FENCE && f3 != RV_FENCE_I)
		return illegal(ex);
	if (f3 == RV_FENCE_I)
		cpu_flush_fetch(c);
	c->pc += len;
	return true;
}

/* The value of a user counter CSR; false for any other CSR. */
static bool read_counter(const struct cpu *c, unsigned csr, uint64_t *v)
{
	switch (csr) {
	case RV_CSR_CYCLE:
	case RV_CSR_INSTRET: *v = c->instret; return true;
	case RV_CSR_TIME: *v = c->time_ns ? c->time_ns(c->time_ctx) : c->instret; return true;
	default: return false;
	}
}

/* SYSTEM: ecall and ebreak stop the CPU; the Zicsr instructions may only read
 * cycle, time and instret (csrrs/csrrc with x0, csrrsi/csrrci with 0: the
 * counters are read-only). */
static bool exec_system(struct cpu *c, uint32_t insn, unsigned len, struct cpu_exit *ex)
{
	unsigned f3 = rv_funct3(insn);
	uint64_t v;
	if (insn == RV_ECALL)
		return stop(ex, CPU_ECALL);
	if (insn == RV_EBREAK)
		return stop(ex, CPU_EBREAK);
	if (f3 == RV_PRIV || f3 == RV_CSRRW || f3 == RV_CSRRWI || f3 == 4 || rv_rs1(insn) != 0)
		return illegal(ex);
	if (!read_counter(c, rv_csr(insn), &v))
		return illegal(ex);
	return retire(c, insn, len, v);
}

/* ---- The loop ---- */

/* Executes one 32-bit instruction (or the expansion of a compressed one, len
 * 2). Returns true when it retired; false with the stop in *ex. */
HOT bool exec(struct cpu *c, uint32_t insn, unsigned len, struct cpu_exit *ex)
{
	switch (rv_opcode(insn)) {
	case RV_OP_IMM: return exec_op_imm(c, insn, len, ex);
	case RV_LOAD: return exec_load(c, insn, len, ex);
	case RV_STORE: return exec_store(c, insn, len, ex);
	case RV_BRANCH: return exec_branch(c, insn, len, ex);
	case RV_OP: return exec_op(c, insn, len, ex);
	case RV_JAL: return exec_jal(c, insn, len);
	case RV_JALR: return exec_jalr(c, insn, len, ex);
	case RV_LUI: return retire(c, insn, len, rv_imm_u(insn));
	case RV_AUIPC: return retire(c, insn, len, c->pc + rv_imm_u(insn));
	case RV_OP_IMM_32: return exec_op_imm_32(c, insn, len, ex);
	case RV_OP_32: return exec_op_32(c, insn, len, ex);
	case RV_AMO: return exec_amo(c, insn, len, ex);
	case RV_MISC_MEM: return exec_misc_mem(c, insn, len, ex);
	case RV_SYSTEM: return exec_system(c, insn, len, ex);
	default: return illegal(ex);
	}
}

/* The TLB entry of the cached page was found under the ASID of its time; a
 * context switch since then drops it. */
static void run_begin(struct cpu *c)
{
	if (c->fetch_page != 1 && c->fetch_asid != c->mmu->asid)
		cpu_flush_fetch(c);
}

enum cpu_stop cpu_run(struct cpu *c, uint64_t budget, struct cpu_exit *exit)
{
	run_begin(c);
	for (uint64_t n = 0; n < budget; n++) {
		uint32_t raw, insn;
		unsigned len = 4;
		if (unlikely(!fetch(c, &raw, exit))) {
			exit->insn = 0;
			return exit->why;
		}
		insn = raw;
		if ((raw & 3) != 3) {
			enum rvc_form form;
			raw &= 0xffff;
			insn = rvc_expand(raw, &form);
			len = 2;
		}
		if (unlikely(!exec(c, insn, len, exit))) {
			exit->insn = raw;
			return exit->why;
		}
		c->x[0] = 0;
		c->instret++;
	}
	exit->why = CPU_BUDGET;
	return CPU_BUDGET;
}
