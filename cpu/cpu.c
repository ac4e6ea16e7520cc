/* The RV64IMAC interpreter. Each instruction is fetched through the MMU (a
 * kept page: a compare), decoded once into a small cache (compressed ones
 * through their 32-bit expansions) and executed by the function of its
 * group. Loads and stores use kept pages too; a full translation, a page
 * crossing, a fault, the atomics and the system instructions are out of line.
 * Faults are return values: nothing of a stopping instruction is retired, and
 * pc stays on it. */
#include "cpu/cpu.h"

#include <stdlib.h>
#include <string.h>

#include "cpu/rv.h"
#include "cpu/rvc.h"
#include "lib/util.h"

#define HOT __attribute__((always_inline)) static inline
#define COLD __attribute__((noinline, cold)) static

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
	ex->fault = (struct fault){.kind = FAULT_BUS, .access = acc, .va = va, .level = -1, .priv = PRIV_USER};
	c->mmu->c.faults[FAULT_BUS]++;
	return stop(ex, CPU_FAULT);
}

static inline uint64_t sext32(uint64_t x) { return rv_sext(x, 32); }

/* ---- Kept pages: pages recently fetched from, loaded from, stored to ----
 *
 * A kept page's translation is a TLB entry, and every use of it is the TLB
 * hit a lookup would be: it counts a hit and touches the entry's slot. Both
 * are owed for a while and paid before anything can depend on them: the
 * touches, kept as the last two distinct entries used, in order, before the
 * CPU's next full translation; the hits, kept as counts (win_hits,
 * data_hits), when cpu_run returns. That is exact: after a series of touches the replacement
 * state (LRU order, PLRU bits; FIFO and random keep none) depends only on the
 * last touch of each entry, in the order of those last touches. So code and
 * data pages used in turn cost nothing more than a compare. The frames'
 * reference stamps (mmu_stamp) ride on the same touches: applying one stamps
 * its frame, so the order of the frames' stamps is the order of their last
 * references, as if every reference had been stamped.
 *
 * During a run only the CPU's own translations change the TLB, and each miss
 * changes one slot, the one it fills: only the pages kept through that slot
 * go. Between runs anything may have changed (a flush, a switch, the
 * kernel's own lookups): a run that begins with other TLB generations or
 * another ASID than the last one ended with drops them all at once, by
 * starting a new epoch. The fetch window is a copy of the kept page the loop
 * fetches from, and goes with it. */

/* Applies an owed touch: to the TLB's replacement state and the frame's
 * reference stamp (when the MMU keeps stamps). */
static void touch_apply(struct cpu *c, const struct cpu_touch *t)
{
	if (t->e) {
		tlb_use_slot(t->tlb, tlb_entry_slot(t->tlb, t->e));
		mmu_stamp(c->mmu, t->pa);
	}
}

/* A use of kept entry e of TLB t, the page at pa, other than the one used
 * last: the older owed touch is applied unless it is e's, and e's becomes the
 * newer. */
static void entry_use_other(struct cpu *c, struct tlb *t, const struct tlb_entry *e, paddr_t pa)
{
	unsigned older = c->newer ^ 1;
	if (c->touch[older].e != e) {
		touch_apply(c, &c->touch[older]);
		c->touch[older] = (struct cpu_touch){t, e, pa};
	}
	c->newer = older;
}

/* Records a use of kept entry e of TLB t, the page at pa (its hit is counted
 * by the caller). An entry is one page's while the MMU keeps reference
 * stamps: page_keep keeps no page of a superpage entry then. */
HOT void entry_use(struct cpu *c, struct tlb *t, const struct tlb_entry *e, paddr_t pa)
{
	if (unlikely(c->touch[c->newer].e != e))
		entry_use_other(c, t, e, pa);
}

/* Applies the owed touches, in order: what a full translation must come
 * after (it reads and changes the replacement state). */
static void owed_touches(struct cpu *c)
{
	touch_apply(c, &c->touch[c->newer ^ 1]);
	touch_apply(c, &c->touch[c->newer]);
	c->touch[0].e = c->touch[1].e = NULL;
}

/* Pays what the CPU owes its TLBs and frame stamps: the touches, in order,
 * and the hits (counts only, which nothing reads during a run, so they wait
 * until it returns). */
static void owed_pay(struct cpu *c)
{
	owed_touches(c);
	if (c->win_hits) {
		tlb_count_hits(c->mmu->tlb[ACCESS_EXEC], c->seen_asid, c->win_hits);
		c->fetches += c->win_hits;
		c->win_hits = 0;
	}
	if (c->data_hits) {
		tlb_count_hits(c->mmu->tlb[ACCESS_READ], c->seen_asid, c->data_hits);
		c->data_hits = 0;
	}
}

/* The sum of the generations of the MMU's TLBs for data and instructions. */
static uint64_t tlb_gens(const struct mmu *m)
{
	const struct tlb *d = m->tlb[ACCESS_READ], *i = m->tlb[ACCESS_EXEC];
	return (d ? tlb_gen(d) : 0) + (i && i != d ? tlb_gen(i) : 0);
}

/* After TLB t filled entry e: drops the kept pages (and the fetch window)
 * that e's slot translated before. A base-page entry of tag vpn can only have
 * been kept as page vpn, in one place per access type; for a superpage entry
 * every kept page goes (a new epoch). */
static void pages_drop_filled(struct cpu *c, const struct tlb *t, const struct tlb_entry *e)
{
	uint64_t tag;
	unsigned level;
	if (!tlb_replaced(t, &tag, &level))
		return; /* an empty slot: nothing was kept through it */
	if (level != 0) {
		cpu_flush_fetch(c);
		return;
	}
	for (unsigned a = 0; a < 3; a++) {
		struct cpu_page *p = &c->page[a][tag & (CPU_PAGES - 1)];
		if (p->entry == e)
			p->epoch = 0;
	}
	if (c->win_entry == e) {
		c->win_va = 1;
		c->win_span = 0;
	}
}

/* What the TLBs and the context are now, for pages_check. */
static void pages_seen(struct cpu *c)
{
	c->seen_gen = tlb_gens(c->mmu);
	c->seen_asid = c->mmu->asid;
}

/* As a run begins: drops every kept page (by starting a new epoch) when a
 * TLB or the context changed since the last run ended. */
static void pages_check(struct cpu *c)
{
	if (tlb_gens(c->mmu) != c->seen_gen || c->mmu->asid != c->seen_asid)
		cpu_flush_fetch(c);
	pages_seen(c);
}

/* The kept page of acc that va would be in. */
HOT struct cpu_page *page_of(struct cpu *c, vaddr_t va, enum access acc)
{
	return &c->page[acc][(va >> c->page_shift) & (CPU_PAGES - 1)];
}

/* True when p is kept and holds va. */
HOT bool page_holds(const struct cpu *c, const struct cpu_page *p, vaddr_t va)
{
	return (va & ~c->page_mask) == p->va && p->epoch == c->epoch;
}

/* After a full translation of va for acc that found TLB entry e (NULL: none
 * to keep, or no TLB): keeps va's page when it can. pa is va's physical
 * address. Not kept: anything while an observer watches every reference, and
 * a page of a superpage entry while frames are stamped (one entry, many
 * frames: its touches would stamp only one of them). */
static void page_keep(struct cpu *c, vaddr_t va, paddr_t pa, enum access acc, const struct tlb_entry *e)
{
	struct cpu_page *p = page_of(c, va, acc);
	uint64_t off = va & c->page_mask;
	if (!e || c->no_page_cache || c->mmu->on_ref || (e->level && c->mmu->stamp) || pa < off ||
	    !physmem_contains(c->pm, pa - off, c->page_mask + 1))
		return;
	p->va = va - off;
	p->epoch = c->epoch;
	p->pa = pa - off;
	p->host = c->pm->base + p->pa;
	p->tlb = c->mmu->tlb[acc];
	p->entry = e;
}

void cpu_init(struct cpu *c, struct mmu *m, struct physmem *pm, vaddr_t entry)
{
	memset(c, 0, sizeof *c);
	c->pc = entry;
	c->mmu = m;
	c->pm = pm;
	c->page_mask = mask_bits(m->page_shift);
	c->page_shift = m->page_shift;
	c->epoch = 1; /* the zeroed pages have epoch 0 */
	c->win_va = 1;
	c->win_span = 0;
	c->seen_gen = tlb_gens(m);
	c->seen_asid = m->asid;
}

void cpu_track_calls(struct cpu *c)
{
	if (!c->calls)
		c->calls = xcalloc(1, sizeof *c->calls);
}

void cpu_check_with(struct cpu *c, const struct cpu_checker *ops)
{
	if (!c->check)
		c->check = xcalloc(1, sizeof *c->check);
	c->check->ops = ops;
}

void cpu_copy(struct cpu *dst, const struct cpu *src)
{
	*dst = *src;
	if (src->check) {
		dst->check = xmalloc(sizeof *dst->check);
		*dst->check = *src->check;
	}
	if (src->calls) {
		dst->calls = xcalloc(1, sizeof *dst->calls);
		dst->calls->n = dst->calls->cap = src->calls->n;
		dst->calls->v = xmalloc((src->calls->n + 1) * sizeof *dst->calls->v);
		memcpy(dst->calls->v, src->calls->v, src->calls->n * sizeof *dst->calls->v);
	}
	cpu_flush_fetch(dst);
}

void cpu_fini(struct cpu *c)
{
	free(c->check);
	c->check = NULL;
	if (c->calls)
		free(c->calls->v);
	free(c->calls);
	c->calls = NULL;
}

/* ---- Memory: an access within a kept page inline, the rest out of line ---- */

/* The full translation of va for acc, keeping its page when it can (never
 * while an observer watches every reference). Returns va's host address, with
 * n bytes from there in RAM; NULL with the stop in *ex on a fault. */
static uint8_t *xlate_keep(struct cpu *c, vaddr_t va, unsigned n, enum access acc, struct cpu_exit *ex)
{
	paddr_t pa;
	const struct tlb_entry *e, *filled;
	owed_touches(c);
	bool ok = mmu_translate_entry(c->mmu, va, acc, PRIV_USER, &pa, &e, &filled, &ex->fault);
	mmu_observe(c->mmu, va, acc, n, !ok);
	if (!ok) {
		stop(ex, CPU_FAULT);
		return NULL;
	}
	if (filled)
		pages_drop_filled(c, c->mmu->tlb[acc], filled);
	page_keep(c, va, pa, acc, e);
	if (!physmem_contains(c->pm, pa, n)) {
		bus_fault(c, va, acc, ex);
		return NULL;
	}
	mmu_stamp(c->mmu, pa);
	return c->pm->base + pa;
}

/* An access of up to 8 bytes split at page boundaries: 2 pages at most for
 * pages of 8 bytes or more, 3 for the smallest (4-byte) pages. */
#define SPAN_PARTS 3

struct span {
	paddr_t pa[SPAN_PARTS];
	unsigned len[SPAN_PARTS];
	unsigned n; /* parts */
};

/* Translates [va, va + n), within one page, for acc. */
static bool xlate_part(struct cpu *c, vaddr_t va, unsigned n, enum access acc, paddr_t *pa, struct cpu_exit *ex)
{
	uint8_t *host = xlate_keep(c, va, n, acc, ex);
	if (!host)
		return false;
	*pa = (paddr_t)(host - c->pm->base);
	return true;
}

/* Translates [va, va + size) page by page for acc; every page translates
 * before anything is read or written. */
static bool xlate_span(struct cpu *c, vaddr_t va, unsigned size, enum access acc, struct span *s,
		       struct cpu_exit *ex)
{
	s->n = 0;
	for (unsigned done = 0; done < size; s->n++) {
		uint64_t room = c->page_mask + 1 - ((va + done) & c->page_mask);
		s->len[s->n] = room < size - done ? (unsigned)room : size - done;
		if (!xlate_part(c, va + done, s->len[s->n], acc, &s->pa[s->n], ex))
			return false;
		done += s->len[s->n];
	}
	return true;
}

/* Reads a translated span (little-endian); one data reference per page. */
static uint64_t span_read(struct cpu *c, const struct span *s)
{
	uint64_t v = 0;
	for (unsigned i = 0, at = 0; i < s->n; at += s->len[i++]) {
		memcpy((uint8_t *)&v + at, c->pm->base + s->pa[i], s->len[i]);
		mmu_data_ref(c->mmu, s->pa[i]);
	}
	return v;
}

/* Writes the span's bytes of v (little-endian); one data reference per page. */
static void span_write(struct cpu *c, const struct span *s, uint64_t v)
{
	for (unsigned i = 0, at = 0; i < s->n; at += s->len[i++]) {
		memcpy(c->pm->base + s->pa[i], (uint8_t *)&v + at, s->len[i]);
		mmu_data_ref(c->mmu, s->pa[i]);
	}
}

/* True when [va, va + size) lies within one page (size may exceed a page). */
HOT bool in_page(const struct cpu *c, vaddr_t va, unsigned size)
{
	return (va & c->page_mask) + size <= c->page_mask + 1;
}

/* A load that crosses a page boundary, zero-extended into *v. */
COLD bool load_cross(struct cpu *c, vaddr_t va, unsigned size, uint64_t *v, struct cpu_exit *ex)
{
	struct span s;
	if (!xlate_span(c, va, size, ACCESS_READ, &s, ex))
		return false;
	*v = span_read(c, &s);
	return true;
}

/* A store that crosses a page boundary: every page translates before any
 * is written. */
COLD bool store_cross(struct cpu *c, vaddr_t va, unsigned size, uint64_t v, struct cpu_exit *ex)
{
	struct span s;
	if (!xlate_span(c, va, size, ACCESS_WRITE, &s, ex))
		return false;
	span_write(c, &s, v);
	return true;
}

/* data_ptr for a page not kept: a full translation. */
COLD uint8_t *data_ptr_slow(struct cpu *c, vaddr_t va, unsigned size, enum access acc, struct cpu_exit *ex)
{
	uint8_t *host = xlate_keep(c, va, size, acc, ex);
	if (host)
		mmu_data_ref(c->mmu, (paddr_t)(host - c->pm->base));
	return host;
}

/* The host address of [va, va + size), within one page, for acc (a load or
 * a store), counting the data reference. NULL with the stop in *ex on a fault. */
HOT uint8_t *data_ptr(struct cpu *c, vaddr_t va, unsigned size, enum access acc, struct cpu_exit *ex)
{
	const struct cpu_page *p = page_of(c, va, acc);
	if (likely(page_holds(c, p, va))) {
		uint64_t off = va & c->page_mask;
		c->data_hits++;
		entry_use(c, p->tlb, p->entry, p->pa);
		mmu_data_ref(c->mmu, p->pa + off);
		return p->host + off;
	}
	return data_ptr_slow(c, va, size, acc, ex);
}

/* ---- Fetch ---- */

/* The host address of the parcel at va, with at least 2 bytes (4 when the
 * page has room) readable there; NULL with the stop in *ex on a fault. */
static const uint8_t *fetch_parcel(struct cpu *c, vaddr_t va, struct cpu_exit *ex)
{
	uint64_t off = va & c->page_mask, room = c->page_mask + 1 - off;
	const struct cpu_page *p = page_of(c, va, ACCESS_EXEC);
	if (page_holds(c, p, va)) {
		tlb_count_hit(p->tlb, c->seen_asid);
		entry_use(c, p->tlb, p->entry, p->pa);
		return p->host + off;
	}
	return xlate_keep(c, va, room < 4 ? (unsigned)room : 4, ACCESS_EXEC, ex);
}

/* Points the fetch window at pc's kept page, or at nothing. */
static void window_load(struct cpu *c)
{
	const struct cpu_page *p = page_of(c, c->pc, ACCESS_EXEC);
	c->win_va = 1;
	c->win_span = 0;
	if (!page_holds(c, p, c->pc))
		return;
	c->win_va = p->va;
	c->win_span = c->page_mask - 3;
	c->win_host = p->host;
	c->win_pa = p->pa;
	c->win_tlb = p->tlb;
	c->win_entry = p->entry;
}

/* The fetch the window cannot serve: a page change, an instruction in the
 * last bytes of a page (perhaps crossing it), no page kept. Returns what
 * fetch returns, or -1 with the stop in *ex; moves the window to pc. */
COLD int64_t fetch_slow(struct cpu *c, struct cpu_exit *ex)
{
	vaddr_t pc = c->pc;
	uint16_t lo, hi;
	uint32_t raw;
	const uint8_t *p = fetch_parcel(c, pc, ex);
	if (!p)
		return -1;
	memcpy(&lo, p, 2);
	if ((pc & c->page_mask) <= c->page_mask - 3) {
		memcpy(&raw, p, 4); /* the word the window would give */
	} else if ((lo & 3) != 3) {
		raw = lo;
	} else {
		const uint8_t *q = fetch_parcel(c, pc + 2, ex);
		if (!q)
			return -1;
		memcpy(&hi, q, 2);
		raw = lo | (uint32_t)hi << 16;
	}
	c->fetches++;
	window_load(c);
	return raw;
}

/* Fetches the instruction at pc: returns its first 4 bytes (a compressed one
 * in the low half, the next parcel above it), or just the 2 of a compressed
 * one at the end of a page; -1 with the stop in *ex on a fault. A fetch
 * through the window counts as the TLB hit it is. */
HOT int64_t fetch(struct cpu *c, struct cpu_exit *ex)
{
	vaddr_t off = c->pc - c->win_va;
	if (likely(off <= c->win_span)) {
		uint32_t raw;
		c->win_hits++;
		entry_use(c, c->win_tlb, c->win_entry, c->win_pa);
		memcpy(&raw, c->win_host + off, 4);
		return raw;
	}
	return fetch_slow(c, ex);
}

/* ---- Decode ----
 *
 * An instruction is decoded once into a struct cpu_insn (cached by pc in
 * c->decoded, tagged with the word fetched, so rewritten code is simply
 * decoded again): an operation, its variant, the register numbers and one
 * immediate. Compressed instructions decode through their expansions. What
 * the CPU does not execute decodes to OP_ILLEGAL. */

/* Operations: one per case of exec(), grouped as the functions that do them. */
enum op {
	OP_ILLEGAL, /* 0: a zeroed cache entry is the decode of 0x0000, c.unimp */
	/* exec_alu: x[rd] = x[rs1] op (x[rs2] + imm). The immediate forms use the
	 * register ones with rs2 = 0 (x0); the register forms have imm = 0. */
	OP_ADD, OP_SUB, OP_SLL, OP_SLT, OP_SLTU, OP_XOR, OP_SRL, OP_SRA, OP_OR, OP_AND,
	OP_ADDW, OP_SUBW, OP_SLLW, OP_SRLW, OP_SRAW, OP_AUIPC,
	OP_LB, OP_LH, OP_LW, OP_LD, OP_LBU, OP_LHU, OP_LWU, /* exec_load, in funct3 order */
	OP_SB, OP_SH, OP_SW, OP_SD,                         /* exec_store, in funct3 order */
	OP_BEQ, OP_BNE, OP_BLT, OP_BGE, OP_BLTU, OP_BGEU,   /* exec_branch */
	OP_JAL, OP_JALR,                                    /* exec_jal, exec_jalr */
	OP_MULDIV, /* exec_muldiv; sub: funct3, + 8 for the W forms */
	OP_AMO,    /* exec_amo; sub: funct5 (RV_LR, RV_SC, RV_AMOADD ...); imm: the width */
	OP_SYSTEM, /* exec_system; sub: S_FENCE ... */
};

/* exec_alu operations by funct3, for OP with funct7 0 and for OP-IMM. */
static const uint8_t alu_ops[8] = {OP_ADD, OP_SLL, OP_SLT, OP_SLTU, OP_XOR, OP_SRL, OP_OR, OP_AND};

/* Branch operations by funct3 (2 and 3 do not exist). */
static const uint8_t branch_ops[8] = {OP_BEQ, OP_BNE, OP_ILLEGAL, OP_ILLEGAL, OP_BLT, OP_BGE, OP_BLTU, OP_BGEU};

enum { S_FENCE, S_FENCE_I, S_ECALL, S_EBREAK, S_COUNTER };

static inline void set_op(struct cpu_insn *d, enum op op, unsigned sub)
{
	d->op = (uint8_t)op;
	d->sub = (uint8_t)sub;
}

/* OP: register-register arithmetic, and the M extension. */
static void decode_op(uint32_t i, struct cpu_insn *d)
{
	unsigned f3 = rv_funct3(i), f7 = rv_funct7(i);
	if (f7 == RV_F7_BASE)
		set_op(d, alu_ops[f3], 0);
	else if (f7 == RV_MULDIV)
		set_op(d, OP_MULDIV, f3);
	else if (f7 == RV_F7_ALT && (f3 == RV_ADD || f3 == RV_SRL))
		set_op(d, f3 == RV_ADD ? OP_SUB : OP_SRA, 0);
}

/* OP-32: addw, subw, sllw, srlw, sraw, and the M extension's W forms. */
static void decode_op_32(uint32_t i, struct cpu_insn *d)
{
	unsigned f3 = rv_funct3(i), f7 = rv_funct7(i);
	if (f7 == RV_MULDIV && (f3 == RV_MUL || f3 >= RV_DIV))
		set_op(d, OP_MULDIV, f3 + 8);
	else if (f7 == RV_F7_BASE && (f3 == RV_ADD || f3 == RV_SLL || f3 == RV_SRL))
		set_op(d, f3 == RV_ADD ? OP_ADDW : f3 == RV_SLL ? OP_SLLW : OP_SRLW, 0);
	else if (f7 == RV_F7_ALT && (f3 == RV_ADD || f3 == RV_SRL))
		set_op(d, f3 == RV_ADD ? OP_SUBW : OP_SRAW, 0);
}

/* OP-IMM: the shifts need funct6 0 (or 0x10 for srai); the shift amount is
 * the immediate's low 6 bits. */
static void decode_op_imm(uint32_t i, struct cpu_insn *d)
{
	unsigned f3 = rv_funct3(i), funct6 = i >> 26;
	d->rs2 = 0;
	d->imm = (int32_t)rv_imm_i(i);
	if (f3 != RV_SLL && f3 != RV_SRL) {
		set_op(d, alu_ops[f3], 0);
		return;
	}
	d->imm &= 63;
	if (funct6 == 0)
		set_op(d, alu_ops[f3], 0);
	else if (f3 == RV_SRL && funct6 == RV_F7_ALT >> 1)
		set_op(d, OP_SRA, 0);
}

/* OP-IMM-32: addiw, and slliw, srliw, sraiw with a 5-bit shift amount. */
static void decode_op_imm_32(uint32_t i, struct cpu_insn *d)
{
	unsigned f3 = rv_funct3(i), f7 = rv_funct7(i);
	d->imm = f3 == RV_ADD ? (int32_t)rv_imm_i(i) : (int32_t)rv_rs2(i);
	d->rs2 = 0;
	if (f3 == RV_ADD)
		set_op(d, OP_ADDW, 0);
	else if (f3 == RV_SLL && f7 == RV_F7_BASE)
		set_op(d, OP_SLLW, 0);
	else if (f3 == RV_SRL && (f7 == RV_F7_BASE || f7 == RV_F7_ALT))
		set_op(d, f7 == RV_F7_BASE ? OP_SRLW : OP_SRAW, 0);
}

/* AMO: lr (rs2 must be 0), sc and the read-modify-write operations, .w or .d. */
static void decode_amo(uint32_t i, struct cpu_insn *d)
{
	unsigned f3 = rv_funct3(i), f5 = rv_funct5(i);
	bool ok;
	switch (f5) {
	case RV_LR: ok = rv_rs2(i) == 0; break;
	case RV_SC: case RV_AMOADD: case RV_AMOSWAP: case RV_AMOXOR: case RV_AMOOR: case RV_AMOAND:
	case RV_AMOMIN: case RV_AMOMAX: case RV_AMOMINU: case RV_AMOMAXU:
		ok = true;
		break;
	default: ok = false; break;
	}
	if (ok && (f3 == RV_AMO_W || f3 == RV_AMO_D)) {
		set_op(d, OP_AMO, f5);
		d->imm = f3 == RV_AMO_W ? 4 : 8;
	}
}

/* SYSTEM: ecall, ebreak, and reads of the user counters. The counters are
 * read-only: only csrrs/csrrc with rs1 = x0 and csrrsi/csrrci with 0 read
 * them; any other CSR access is illegal. */
static void decode_system(uint32_t i, struct cpu_insn *d)
{
	unsigned f3 = rv_funct3(i), csr = rv_csr(i);
	bool reads = f3 == RV_CSRRS || f3 == RV_CSRRC || f3 == RV_CSRRSI || f3 == RV_CSRRCI;
	if (i == RV_ECALL)
		set_op(d, OP_SYSTEM, S_ECALL);
	else if (i == RV_EBREAK)
		set_op(d, OP_SYSTEM, S_EBREAK);
	else if (reads && rv_rs1(i) == 0 && csr >= RV_CSR_CYCLE && csr <= RV_CSR_INSTRET)
		set_op(d, OP_SYSTEM, S_COUNTER);
	d->imm = (int32_t)csr;
}

/* LOAD, STORE, BRANCH, JAL and JALR: the operation by funct3, the immediate
 * of the format. */
static void decode_transfer(uint32_t i, struct cpu_insn *d)
{
	unsigned f3 = rv_funct3(i);
	switch (rv_opcode(i)) {
	case RV_LOAD:
		if (f3 != 7)
			set_op(d, OP_LB + f3, 0);
		d->imm = (int32_t)rv_imm_i(i);
		break;
	case RV_STORE:
		if (f3 <= RV_SD)
			set_op(d, OP_SB + f3, 0);
		d->imm = (int32_t)rv_imm_s(i);
		break;
	case RV_BRANCH:
		set_op(d, branch_ops[f3], 0);
		d->imm = (int32_t)rv_imm_b(i);
		break;
	case RV_JAL:
		set_op(d, OP_JAL, 0);
		d->imm = (int32_t)rv_imm_j(i);
		break;
	default: /* RV_JALR */
		if (f3 == 0)
			set_op(d, OP_JALR, 0);
		d->imm = (int32_t)rv_imm_i(i);
		break;
	}
}

/* Decodes a 32-bit instruction (len is the caller's). */
static void decode32(uint32_t i, struct cpu_insn *d)
{
	unsigned f3 = rv_funct3(i);
	set_op(d, OP_ILLEGAL, 0);
	d->rd = (uint8_t)rv_rd(i);
	d->rs1 = (uint8_t)rv_rs1(i);
	d->rs2 = (uint8_t)rv_rs2(i);
	d->imm = 0;
	switch (rv_opcode(i)) {
	case RV_OP: decode_op(i, d); break;
	case RV_OP_32: decode_op_32(i, d); break;
	case RV_OP_IMM: decode_op_imm(i, d); break;
	case RV_OP_IMM_32: decode_op_imm_32(i, d); break;
	case RV_LUI:
	case RV_AUIPC:
		set_op(d, rv_opcode(i) == RV_LUI ? OP_ADD : OP_AUIPC, 0);
		d->rs1 = d->rs2 = 0;
		d->imm = (int32_t)rv_imm_u(i);
		break;
	case RV_LOAD:
	case RV_STORE:
	case RV_BRANCH:
	case RV_JAL:
	case RV_JALR: decode_transfer(i, d); break;
	case RV_AMO: decode_amo(i, d); break;
	case RV_MISC_MEM:
		if (f3 == RV_FENCE || f3 == RV_FENCE_I)
			set_op(d, OP_SYSTEM, f3 == RV_FENCE ? S_FENCE : S_FENCE_I);
		break;
	case RV_SYSTEM: decode_system(i, d); break;
	default: break;
	}
}

/* Decodes raw (a 32-bit instruction, or a compressed one in the low half)
 * into d, with raw as its tag. */
COLD void decode(uint32_t raw, struct cpu_insn *d)
{
	if ((raw & 3) == 3) {
		decode32(raw, d);
		d->len = 4;
	} else {
		enum rvc_form form;
		decode32(rvc_expand(raw & 0xffff, &form), d); /* 0 (illegal) has no opcode */
		d->len = 2;
	}
	d->raw = raw;
}

/* The decode of the instruction at pc, whose fetched word is raw, from the
 * cache. The tag is the whole word, so a compressed instruction is decoded
 * again when the parcel after it changes. */
HOT const struct cpu_insn *decoded(struct cpu *c, uint32_t raw)
{
	struct cpu_insn *d = &c->decoded[(c->pc & (2 * CPU_DECODED - 2)) / 2];
	if (unlikely(d->raw != raw))
		decode(raw, d);
	return d;
}

/* The instruction a cache entry holds: 16-bit ones zero-extended. */
static inline uint32_t insn_word(const struct cpu_insn *d) { return d->len == 2 ? d->raw & 0xffff : d->raw; }

/* ---- Execute: RV64I and M computation ---- */

static inline uint64_t sra64(uint64_t a, uint64_t sh) { return (uint64_t)((int64_t)a >> (sh & 63)); }
static inline uint64_t sra32(uint64_t a, uint64_t sh) { return (uint64_t)(int64_t)((int32_t)a >> (sh & 31)); }

/* Writes rd and moves to the next instruction; the instruction retires. */
HOT bool retire(struct cpu *c, const struct cpu_insn *d, uint64_t v)
{
	c->x[d->rd] = v;
	c->pc += d->len;
	return true;
}

/* OP, OP-IMM, OP-32, OP-IMM-32, lui (add to x0) and auipc. Shifts use the low
 * 6 bits of the amount (5 for the W forms); W results are sign-extended. */
HOT bool exec_alu(struct cpu *c, const struct cpu_insn *d, enum op op)
{
	uint64_t a = c->x[d->rs1], b = c->x[d->rs2] + (uint64_t)(int64_t)d->imm;
	switch (op) {
	case OP_ADD: return retire(c, d, a + b);
	case OP_SUB: return retire(c, d, a - b);
	case OP_SLL: return retire(c, d, a << (b & 63));
	case OP_SLT: return retire(c, d, (int64_t)a < (int64_t)b);
	case OP_SLTU: return retire(c, d, a < b);
	case OP_XOR: return retire(c, d, a ^ b);
	case OP_SRL: return retire(c, d, a >> (b & 63));
	case OP_SRA: return retire(c, d, sra64(a, b));
	case OP_OR: return retire(c, d, a | b);
	case OP_AND: return retire(c, d, a & b);
	case OP_ADDW: return retire(c, d, sext32(a + b));
	case OP_SUBW: return retire(c, d, sext32(a - b));
	case OP_SLLW: return retire(c, d, sext32((uint32_t)a << (b & 31)));
	case OP_SRLW: return retire(c, d, sext32((uint32_t)a >> (b & 31)));
	case OP_SRAW: return retire(c, d, sra32(a, b));
	default: return retire(c, d, c->pc + b); /* OP_AUIPC */
	}
}

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
 * operands, the result sign-extended, the same edge cases on 32 bits. */
static uint64_t muldiv_w(unsigned f3, uint64_t a, uint64_t b)
{
	int32_t sa = (int32_t)a, sb = (int32_t)b;
	uint32_t ua = (uint32_t)a, ub = (uint32_t)b;
	bool overflow = sa == INT32_MIN && sb == -1;
	switch (f3) {
	case RV_MUL: return sext32(ua * ub);
	case RV_DIV: return ub == 0 ? ~0ull : overflow ? sext32(ua) : sext32((uint32_t)(sa / sb));
	case RV_DIVU: return ub == 0 ? ~0ull : sext32(ua / ub);
	case RV_REM: return ub == 0 ? sext32(ua) : overflow ? 0 : sext32((uint32_t)(sa % sb));
	default: return sext32(ub == 0 ? ua : ua % ub);
	}
}

/* mul, mulh, mulhsu, mulhu, div, divu, rem, remu and the W forms. */
static bool exec_muldiv(struct cpu *c, const struct cpu_insn *d)
{
	uint64_t a = c->x[d->rs1], b = c->x[d->rs2];
	return retire(c, d, d->sub < 8 ? muldiv(d->sub, a, b) : muldiv_w(d->sub - 8u, a, b));
}

/* ---- Execute: control transfer ---- */

/* beq, bne, blt, bge, bltu, bgeu. */
HOT bool exec_branch(struct cpu *c, const struct cpu_insn *d, enum op op)
{
	uint64_t a = c->x[d->rs1], b = c->x[d->rs2];
	bool taken;
	switch (op) {
	case OP_BEQ: taken = a == b; break;
	case OP_BNE: taken = a != b; break;
	case OP_BLT: taken = (int64_t)a < (int64_t)b; break;
	case OP_BGE: taken = (int64_t)a >= (int64_t)b; break;
	case OP_BLTU: taken = a < b; break;
	default: taken = a >= b; break; /* OP_BGEU */
	}
	c->pc += taken ? (uint64_t)(int64_t)d->imm : d->len;
	return true;
}

/* ---- Execute: jumps, and the shadow call stack ---- */

#define CALLS_MATCH 8

static bool links(unsigned r) { return r == 1 || r == 5; } /* ra, t0: the ABI's link registers */

static void call_push(struct cpu_calls *s, uint64_t target, uint64_t ret, uint64_t sp)
{
	while (s->n && s->v[s->n - 1].sp < sp)
		s->n--;
	if (s->n == s->cap) {
		if (s->cap == CPU_CALLS_MAX)
			return;
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	s->v[s->n++] = (struct cpu_call){target, ret, sp};
}

static void call_pop(struct cpu_calls *s, uint64_t to)
{
	for (uint32_t k = s->n; k > 0 && s->n - k < CALLS_MATCH; k--)
		if (s->v[k - 1].ret == to) {
			s->n = k - 1;
			return;
		}
}

/* The jump d makes from c->pc to target, on the shadow call stack. */
COLD void note_jump(struct cpu *c, const struct cpu_insn *d, uint64_t target)
{
	if (links(d->rd))
		call_push(c->calls, target, c->pc + d->len, c->x[2]);
	else if (d->rd == 0 && d->op == OP_JALR && links(d->rs1))
		call_pop(c->calls, target);
}

/* jal: jumps pc-relative, linking the next instruction's address in rd. */
HOT bool exec_jal(struct cpu *c, const struct cpu_insn *d)
{
	if (unlikely(c->calls != NULL))
		note_jump(c, d, c->pc + (uint64_t)(int64_t)d->imm);
	c->x[d->rd] = c->pc + d->len;
	c->pc += (uint64_t)(int64_t)d->imm;
	return true;
}

/* jalr: jumps to rs1 + imm with bit 0 cleared, linking in rd (rd may be rs1). */
HOT bool exec_jalr(struct cpu *c, const struct cpu_insn *d)
{
	uint64_t target = (c->x[d->rs1] + (uint64_t)(int64_t)d->imm) & ~1ull;
	if (unlikely(c->calls != NULL))
		note_jump(c, d, target);
	c->x[d->rd] = c->pc + d->len;
	c->pc = target;
	return true;
}

/* ---- Execute: loads and stores ---- */

/* A value of LOAD's width f3 read as zero-extended, extended as f3 says. */
static inline uint64_t load_extend(unsigned f3, uint64_t v)
{
	switch (f3) {
	case RV_LB: return rv_sext(v, 8);
	case RV_LH: return rv_sext(v, 16);
	case RV_LW: return sext32(v);
	default: return v;
	}
}

/* Reads a value of LOAD's width f3 at p, extended as f3 says: lb, lh, lw
 * sign-extend; ld, lbu, lhu, lwu do not. */
HOT uint64_t read_host(const uint8_t *p, unsigned f3)
{
	switch (f3) {
	case RV_LB: return (uint64_t)(int64_t)(int8_t)p[0];
	case RV_LH: { int16_t v; memcpy(&v, p, 2); return (uint64_t)(int64_t)v; }
	case RV_LW: { int32_t v; memcpy(&v, p, 4); return (uint64_t)(int64_t)v; }
	case RV_LD: { uint64_t v; memcpy(&v, p, 8); return v; }
	case RV_LBU: return p[0];
	case RV_LHU: { uint16_t v; memcpy(&v, p, 2); return v; }
	default: { uint32_t v; memcpy(&v, p, 4); return v; }
	}
}

/* Writes the low bytes of v of STORE's width f3 at p. */
HOT void write_host(uint8_t *p, unsigned f3, uint64_t v)
{
	switch (f3) {
	case RV_SB: *p = (uint8_t)v; break;
	case RV_SH: { uint16_t h = (uint16_t)v; memcpy(p, &h, 2); break; }
	case RV_SW: { uint32_t w = (uint32_t)v; memcpy(p, &w, 4); break; }
	default: memcpy(p, &v, 8); break;
	}
}

/* lb, lh, lw, ld, lbu, lhu, lwu (f3 says which), at any alignment. */
HOT bool exec_load(struct cpu *c, const struct cpu_insn *d, unsigned f3, struct cpu_exit *ex)
{
	vaddr_t va = c->x[d->rs1] + (uint64_t)(int64_t)d->imm;
	unsigned size = 1u << (f3 & 3);
	uint64_t v;
	if (likely(in_page(c, va, size))) {
		const uint8_t *p = data_ptr(c, va, size, ACCESS_READ, ex);
		if (unlikely(!p))
			return false;
		v = read_host(p, f3);
	} else {
		if (!load_cross(c, va, size, &v, ex))
			return false;
		v = load_extend(f3, v);
	}
	c->loads++;
	return retire(c, d, v);
}

/* sb, sh, sw, sd (f3 says which), at any alignment. */
HOT bool exec_store(struct cpu *c, const struct cpu_insn *d, unsigned f3, struct cpu_exit *ex)
{
	vaddr_t va = c->x[d->rs1] + (uint64_t)(int64_t)d->imm;
	uint64_t v = c->x[d->rs2];
	unsigned size = 1u << f3;
	if (likely(in_page(c, va, size))) {
		uint8_t *p = data_ptr(c, va, size, ACCESS_WRITE, ex);
		if (unlikely(!p))
			return false;
		write_host(p, f3, v);
	} else if (!store_cross(c, va, size, v, ex)) {
		return false;
	}
	c->stores++;
	c->pc += d->len;
	return true;
}

/* ---- Execute: the A extension ---- */

/* The new memory value of an AMO (other than lr/sc) on old and src, both
 * sign-extended from the access width. */
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
	default: return old > src ? old : src; /* RV_AMOMAXU */
	}
}

/* Sign-extends a value of size bytes (4 or 8). */
static inline uint64_t sext_size(uint64_t v, unsigned size) { return size == 4 ? sext32(v) : v; }

/* LR: loads and reserves the address. */
static bool exec_lr(struct cpu *c, const struct cpu_insn *d, unsigned size, struct cpu_exit *ex)
{
	vaddr_t va = c->x[d->rs1];
	struct span s;
	if (!xlate_span(c, va, size, ACCESS_READ, &s, ex))
		return false;
	uint64_t v = span_read(c, &s);
	c->loads++;
	c->reservation = va;
	c->reserved = true;
	return retire(c, d, sext_size(v, size));
}

/* SC: stores when the address is still reserved (rd = 0), else does nothing
 * (rd = 1); either way the reservation is gone. A fault keeps it, for the retry. */
static bool exec_sc(struct cpu *c, const struct cpu_insn *d, unsigned size, struct cpu_exit *ex)
{
	vaddr_t va = c->x[d->rs1];
	bool ok = c->reserved && c->reservation == va;
	struct span s;
	if (ok) {
		if (!xlate_span(c, va, size, ACCESS_WRITE, &s, ex))
			return false;
		span_write(c, &s, c->x[d->rs2]);
		c->stores++;
	}
	c->reserved = false;
	return retire(c, d, ok ? 0 : 1);
}

/* An atomic's address not aligned to its width: the address-misaligned
 * exception, raised before any translation (unprivileged spec, "A"
 * extension: LR/SC and AMOs need natural alignment). lr reads (cause 4);
 * sc and the AMOs write (cause 6), sc whether or not it holds a reservation. */
COLD bool misaligned(vaddr_t va, enum access acc, struct cpu_exit *ex)
{
	ex->fault = (struct fault){.kind = FAULT_NONE, .access = acc, .va = va, .level = -1, .priv = PRIV_USER};
	return stop(ex, CPU_MISALIGNED);
}

/* lr, sc and the read-modify-write operations, .w and .d (aq and rl need
 * nothing on one hart), at addresses aligned to their width. */
static bool exec_amo(struct cpu *c, const struct cpu_insn *d, struct cpu_exit *ex)
{
	unsigned size = (unsigned)d->imm;
	struct span s;
	if (unlikely(c->x[d->rs1] & (size - 1)))
		return misaligned(c->x[d->rs1], d->sub == RV_LR ? ACCESS_READ : ACCESS_WRITE, ex);
	if (d->sub == RV_LR)
		return exec_lr(c, d, size, ex);
	if (d->sub == RV_SC)
		return exec_sc(c, d, size, ex);
	if (!xlate_span(c, c->x[d->rs1], size, ACCESS_WRITE, &s, ex))
		return false;
	uint64_t old = sext_size(span_read(c, &s), size);
	span_write(c, &s, amo_value(d->sub, old, sext_size(c->x[d->rs2], size)));
	c->loads++;
	c->stores++;
	return retire(c, d, old);
}

/* ---- Execute: fences and the system instructions ---- */

/* The value of a user counter CSR (cycle and instret count retired
 * instructions; time is the machine's clock, or instret without one). */
static uint64_t read_counter(const struct cpu *c, unsigned csr)
{
	if (csr == RV_CSR_TIME)
		return c->time_ns ? c->time_ns(c->time_ctx) : c->instret;
	return c->instret;
}

/* fence (nothing to order on one hart), fence.i (drops the kept pages;
 * fetches read memory anyway, so stores are seen), ecall and ebreak (stops),
 * and the counter reads. */
static bool exec_system(struct cpu *c, const struct cpu_insn *d, struct cpu_exit *ex)
{
	switch (d->sub) {
	case S_ECALL: return stop(ex, CPU_ECALL);
	case S_EBREAK: return stop(ex, CPU_EBREAK);
	case S_COUNTER: return retire(c, d, read_counter(c, (unsigned)d->imm));
	case S_FENCE_I: cpu_flush_fetch(c); break;
	default: break;
	}
	c->pc += d->len;
	return true;
}

/* ---- The loop ---- */

/* Executes one decoded instruction: a table from operations to the functions
 * of their groups. Returns true when it retired; false with the stop in *ex. */
HOT bool exec(struct cpu *c, const struct cpu_insn *d, struct cpu_exit *ex)
{
	if (d->op > OP_SYSTEM)
		__builtin_unreachable(); /* decode makes no other */
	switch ((enum op)d->op) {
	case OP_ADD: return exec_alu(c, d, OP_ADD);
	case OP_SUB: return exec_alu(c, d, OP_SUB);
	case OP_SLL: return exec_alu(c, d, OP_SLL);
	case OP_SLT: return exec_alu(c, d, OP_SLT);
	case OP_SLTU: return exec_alu(c, d, OP_SLTU);
	case OP_XOR: return exec_alu(c, d, OP_XOR);
	case OP_SRL: return exec_alu(c, d, OP_SRL);
	case OP_SRA: return exec_alu(c, d, OP_SRA);
	case OP_OR: return exec_alu(c, d, OP_OR);
	case OP_AND: return exec_alu(c, d, OP_AND);
	case OP_ADDW: return exec_alu(c, d, OP_ADDW);
	case OP_SUBW: return exec_alu(c, d, OP_SUBW);
	case OP_SLLW: return exec_alu(c, d, OP_SLLW);
	case OP_SRLW: return exec_alu(c, d, OP_SRLW);
	case OP_SRAW: return exec_alu(c, d, OP_SRAW);
	case OP_AUIPC: return exec_alu(c, d, OP_AUIPC);
	case OP_LB: return exec_load(c, d, RV_LB, ex);
	case OP_LH: return exec_load(c, d, RV_LH, ex);
	case OP_LW: return exec_load(c, d, RV_LW, ex);
	case OP_LD: return exec_load(c, d, RV_LD, ex);
	case OP_LBU: return exec_load(c, d, RV_LBU, ex);
	case OP_LHU: return exec_load(c, d, RV_LHU, ex);
	case OP_LWU: return exec_load(c, d, RV_LWU, ex);
	case OP_SB: return exec_store(c, d, RV_SB, ex);
	case OP_SH: return exec_store(c, d, RV_SH, ex);
	case OP_SW: return exec_store(c, d, RV_SW, ex);
	case OP_SD: return exec_store(c, d, RV_SD, ex);
	case OP_BEQ: return exec_branch(c, d, OP_BEQ);
	case OP_BNE: return exec_branch(c, d, OP_BNE);
	case OP_BLT: return exec_branch(c, d, OP_BLT);
	case OP_BGE: return exec_branch(c, d, OP_BGE);
	case OP_BLTU: return exec_branch(c, d, OP_BLTU);
	case OP_BGEU: return exec_branch(c, d, OP_BGEU);
	case OP_JAL: return exec_jal(c, d);
	case OP_JALR: return exec_jalr(c, d);
	case OP_MULDIV: return exec_muldiv(c, d);
	case OP_AMO: return exec_amo(c, d, ex);
	case OP_SYSTEM: return exec_system(c, d, ex);
	case OP_ILLEGAL: break;
	}
	return illegal(ex);
}

/* As a run returns: pays what the CPU owes, and notes the TLBs and context
 * its kept pages are good for. */
static void run_end(struct cpu *c)
{
	owed_pay(c);
	pages_seen(c);
}

/* Between runs the kernel may have changed the TLB (flushes, its own
 * lookups) or the context: the kept pages are checked, the entry used last
 * is no longer known, and the fetch window is found again. */
static void run_begin(struct cpu *c)
{
	pages_check(c);
	window_load(c);
}

/* ---- Checked execution: the V bits of every instruction ----
 *
 * Under a checker (cpu_check_with) each instruction is looked at before it
 * executes: what it will make of the V bits (its result's, a store's), which
 * accesses and uses the checker hears of. When it retires, the V bits are
 * written (check_after). Only the V bits are decided here; what an
 * instruction computes stays in exec. */

/* An undefined bit makes every bit above it undefined (a carry may pass). */
static inline uint64_t smear_up(uint64_t v) { return v | -v; }

/* A V result of a 32-bit (W) operation, sign-extended as its value is. */
static inline uint64_t v_w(uint64_t v) { return sext32(v); }

/* The V bits of an exec_alu result, from a and b (imm added) and theirs. */
static uint64_t v_alu(enum op op, uint64_t a, uint64_t b, uint64_t va, uint64_t vb)
{
	uint64_t any = va | vb;
	switch (op) {
	case OP_ADD:
	case OP_SUB: return smear_up(any);
	case OP_ADDW:
	case OP_SUBW: return v_w(smear_up(any));
	case OP_AND: return any & ~((~va & ~a) | (~vb & ~b)); /* a defined 0 decides */
	case OP_OR: return any & ~((~va & a) | (~vb & b));    /* a defined 1 decides */
	case OP_XOR: return any;
	case OP_SLT:
	case OP_SLTU: return any ? 1 : 0;
	case OP_SLL: return vb & 63 ? ~0ull : va << (b & 63);
	case OP_SRL: return vb & 63 ? ~0ull : va >> (b & 63);
	case OP_SRA: return vb & 63 ? ~0ull : sra64(va, b);
	case OP_SLLW: return vb & 31 ? ~0ull : v_w((uint32_t)va << (b & 31));
	case OP_SRLW: return vb & 31 ? ~0ull : v_w((uint32_t)va >> (b & 31));
	case OP_SRAW: return vb & 31 ? ~0ull : sra32(va, b);
	default: return 0; /* OP_AUIPC, and lui (add of x0 and an immediate) */
	}
}

/* The V bits of a loaded value of LOAD's width f3: extended as the value is
 * (an undefined sign bit makes the bits above it undefined). */
static inline uint64_t v_load(unsigned f3, uint64_t v) { return load_extend(f3, v); }

/* What an instruction will do to the V bits once it retires. */
struct check_step {
	uint64_t v_rd;     /* rd's, when writes_rd */
	uint32_t o_rd;     /* and their origin */
	bool writes_rd;
	uint64_t sp;       /* sp before it */
};

static bool branch_decided(enum op op, uint64_t a, uint64_t b, uint64_t va, uint64_t vb)
{
	if (!(va | vb))
		return true;
	/* beq and bne are decided by any defined bit that differs */
	return (op == OP_BEQ || op == OP_BNE) && ((a ^ b) & ~(va | vb));
}

/* The origin of a result from rs1 and rs2: an undefined operand's. */
static inline uint32_t origin_of(const struct cpu_check *ch, const struct cpu_insn *d)
{
	return ch->v[d->rs1] ? ch->o[d->rs1] : ch->o[d->rs2];
}

/* An address from rs1: an undefined one is a use. */
static vaddr_t check_address(struct cpu *c, const struct cpu_insn *d, int64_t imm)
{
	const struct cpu_checker *k = c->check->ops;
	if (c->check->v[d->rs1])
		k->used(k->ctx, CPU_USE_ADDRESS, c->check->o[d->rs1]);
	return c->x[d->rs1] + (uint64_t)imm;
}

/* lr loads, sc may store, the others load and store (the new value's V bits:
 * the source's for a swap, else spread from either). */
COLD void check_amo(struct cpu *c, const struct cpu_insn *d, struct check_step *st)
{
	const struct cpu_checker *k = c->check->ops;
	unsigned size = (unsigned)d->imm;
	vaddr_t va = check_address(c, d, 0);
	uint64_t vs = c->check->v[d->rs2];
	uint32_t os = c->check->o[d->rs2], om;
	st->writes_rd = true;
	if (d->sub == RV_SC) {
		if (c->reserved && c->reservation == va)
			k->store(k->ctx, va, size, vs, os);
		return; /* rd: 0 or 1, defined */
	}
	uint64_t vm = k->load(k->ctx, va, size, &om);
	st->v_rd = sext_size(vm, size);
	st->o_rd = om;
	if (d->sub == RV_AMOSWAP)
		k->store(k->ctx, va, size, vs, os);
	else if (d->sub != RV_LR)
		k->store(k->ctx, va, size, smear_up(vm | vs), vm ? om : os);
}

/* The step of instruction d, telling the checker of its accesses and uses
 * (a store's V bits are given before it is made: one that faults is made
 * again, with the same). */
HOT struct check_step check_before(struct cpu *c, const struct cpu_insn *d)
{
	const struct cpu_checker *k = c->check->ops;
	const uint64_t *v = c->check->v;
	struct check_step st = {.sp = c->x[2]};
	enum op op = (enum op)d->op;
	if (op >= OP_ADD && op <= OP_AUIPC) {
		uint64_t b = c->x[d->rs2] + (uint64_t)(int64_t)d->imm;
		st.v_rd = v_alu(op, c->x[d->rs1], b, v[d->rs1], v[d->rs2]);
		st.o_rd = origin_of(c->check, d);
		st.writes_rd = true;
	} else if (op >= OP_LB && op <= OP_LWU) {
		unsigned f3 = op - OP_LB;
		vaddr_t va = check_address(c, d, d->imm);
		st.v_rd = v_load(f3, k->load(k->ctx, va, 1u << (f3 & 3), &st.o_rd));
		st.writes_rd = true;
	} else if (op >= OP_SB && op <= OP_SD) {
		vaddr_t va = check_address(c, d, d->imm);
		k->store(k->ctx, va, 1u << (op - OP_SB), v[d->rs2], c->check->o[d->rs2]);
	} else if (op >= OP_BEQ && op <= OP_BGEU) {
		if (!branch_decided(op, c->x[d->rs1], c->x[d->rs2], v[d->rs1], v[d->rs2]))
			k->used(k->ctx, CPU_USE_BRANCH, origin_of(c->check, d));
	} else if (op == OP_JAL || op == OP_JALR) {
		st.writes_rd = true; /* a return address: defined */
	} else if (op == OP_MULDIV) {
		st.v_rd = v[d->rs1] | v[d->rs2] ? ~0ull : 0;
		st.o_rd = origin_of(c->check, d);
		st.writes_rd = true;
	} else if (op == OP_AMO) {
		check_amo(c, d, &st);
	} else if (op == OP_SYSTEM) {
		st.writes_rd = d->sub == S_COUNTER; /* a counter: defined */
		if (d->sub == S_ECALL)
			c->check->v[10] = 0; /* the kernel's result replaces a0 */
	}
	return st;
}

/* The V bits of an instruction that retired with step st. */
HOT void check_after(struct cpu *c, const struct cpu_insn *d, const struct check_step *st)
{
	struct cpu_check *ch = c->check;
	if (st->writes_rd) {
		ch->v[d->rd] = st->v_rd;
		ch->o[d->rd] = st->o_rd;
	}
	ch->v[0] = 0;
	if (unlikely(c->x[2] < st->sp) && st->sp - c->x[2] <= CPU_STACK_SWITCH)
		ch->ops->stack_grew(ch->ops->ctx, c->x[2], st->sp);
}

/* The fetch-decode-execute loop; checked is a constant in each of its two
 * uses (cpu_run), so the unchecked loop carries nothing of the checker. */
HOT enum cpu_stop run_loop(struct cpu *c, uint64_t budget, struct cpu_exit *exit, bool checked)
{
	run_begin(c);
	for (uint64_t n = 0; n < budget; n++) {
		int64_t raw = fetch(c, exit);
		if (unlikely(raw < 0)) {
			exit->insn = 0;
			run_end(c);
			return exit->why;
		}
		const struct cpu_insn *d = decoded(c, (uint32_t)raw);
		struct check_step st;
		if (checked)
			st = check_before(c, d);
		if (unlikely(!exec(c, d, exit))) {
			exit->insn = insn_word(d);
			run_end(c);
			return exit->why;
		}
		c->x[0] = 0;
		c->instret++;
		if (checked)
			check_after(c, d, &st);
	}
	run_end(c);
	exit->why = CPU_BUDGET;
	return CPU_BUDGET;
}

enum cpu_stop cpu_run(struct cpu *c, uint64_t budget, struct cpu_exit *exit)
{
	if (unlikely(c->pc & 1)) { /* only a kernel can put pc there: jumps clear bit 0 */
		exit->insn = 0;
		exit->why = CPU_ILLEGAL;
		return CPU_ILLEGAL;
	}
	if (unlikely(c->check != NULL))
		return run_loop(c, budget, exit, true);
	return run_loop(c, budget, exit, false);
}
