/* Kept pages are invisible in the model: the same program run with them and
 * with every fetch, load and store translated in full (no_page_cache) leaves,
 * at every return of cpu_run, identical TLB counters (global and per ASID),
 * identical TLB contents and replacement order, identical MMU counters and the
 * frames' reference stamps in the same order (the order exact LRU evicts in),
 * for every policy and geometry, split and second-level TLBs, software
 * refill, superpages, kernel flushes and context switches between runs. Also:
 * the TLB generation and tlb_hit_slot. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cpu/cpu.h"
#include "tests/test_cpu_rig.h"

#define DATA_PAGES 17

/* ---- The workload ---- */

/* A loop over three code pages: calls across pages, a 4-byte instruction
 * straddling two code pages, a compressed one in the last bytes of a page,
 * loads and stores over DATA_PAGES data pages (some crossing pages), an AMO
 * and an LR/SC pair. s2 must hold the data base.
 *
 *   code + 0x0000  main: s0 = 200; loop { f1(); f2(); f3(); } while (--s0); ecall
 *   code + 0x0ffc  f3: c.li a3, 3; c.jr ra          (c.jr in the last 2 bytes)
 *   code + 0x1010  f1: touch data page s0 & 15 and the next one
 *   code + 0x1ffe  f2: addi straddling into code + 0x2000, then atomics */
static void build_program(struct crig *t, vaddr_t code)
{
	uint32_t main_[] = {
		ADDI(S0, ZERO, 200),
		JAL(RA, 0x100c),    /* +0x04 -> f1 at +0x1010 */
		JAL(RA, 0x1ff6),    /* +0x08 -> f2 at +0x1ffe */
		JAL(RA, 0x0ff0),    /* +0x0c -> f3 at +0x0ffc */
		ADDI(S0, S0, -1),
		BR(1, S0, ZERO, -16),
		ECALL,
	};
	uint32_t f1[] = {
		OPIMM(7, T0, S0, 15), OPIMM(1, T0, T0, 12), ADD(T0, T0, S2),
		LOAD(3, T1, T0, 0), ADDI(T1, T1, 1), STORE(3, T1, T0, 0),
		ADDI(T3, T0, 2047),
		STORE(3, T1, T3, 2047),   /* t0 + 4094: crosses into the next page */
		LOAD(3, T2, T3, 2044),    /* t0 + 4091: crosses too */
		ADD(A2, A2, T2),
		JALR(ZERO, RA, 0),
	};
	uint32_t f2_tail[] = {
		AMO(0x00, 3, A4, S2, A0), /* amoadd.d a4, a0, (s2) */
		AMO(0x02, 3, A5, S2, 0),  /* lr.d a5, (s2) */
		AMO(0x03, 3, A6, S2, A1), /* sc.d a6, a1, (s2) */
		JALR(ZERO, RA, 0),
	};
	uint16_t f3[] = {0x468d /* c.li a3, 3 */, 0x8082 /* c.jr ra */};
	uint32_t straddle = ADDI(A0, A0, 1);
	uint16_t tail16[] = {0x0001 /* c.nop */, (uint16_t)straddle, (uint16_t)(straddle >> 16),
			     0x0585 /* c.addi a1, 1 */};
	crig_code(t, code, main_, ARRAY_LEN(main_));
	crig_code16(t, code + 0xffc, f3, 2);
	crig_code(t, code + 0x1010, f1, ARRAY_LEN(f1));
	crig_code16(t, code + 0x1ffc, tail16, ARRAY_LEN(tail16));
	crig_code(t, code + 0x2004, f2_tail, ARRAY_LEN(f2_tail));
}

/* A machine with the workload: code at `code` (three base pages, or one
 * level-1 superpage when super is set) and the data pages at DATA. */
static void machine(struct crig *t, const struct mmu_config *cfg, vaddr_t code, bool super, bool cached,
		    bool stamps)
{
	crig_init_with(t, cfg, super ? 4096 : 256);
	if (super) {
		rig_map_fresh(&t->r, code, 1, PTE_R | PTE_X | PTE_U);
	} else {
		for (unsigned i = 0; i < 3; i++)
			rig_map_fresh(&t->r, code + 0x1000 * i, 0, PTE_R | PTE_X | PTE_U);
	}
	for (unsigned i = 0; i < DATA_PAGES; i++)
		rig_map_fresh(&t->r, DATA + 0x1000 * i, 0, PTE_R | PTE_W | PTE_U);
	build_program(t, code);
	t->c.pc = code;
	t->c.x[S2] = DATA;
	t->c.no_page_cache = !cached;
	if (stamps)
		mmu_stamps_on(t->m, t->r.pm.nframes);
}

/* Between slices of the run, what a kernel might do: shoot down a page,
 * switch address space (ASID 1 <-> 2, same tables), flush everything. */
static void kernel_event(struct crig *t, unsigned slice, vaddr_t code)
{
	if (slice % 5 == 4)
		mmu_flush_va(t->m, t->m->asid, code + 0x1000);
	if (slice % 7 == 6)
		mmu_set_context(t->m, t->r.pt.root, t->m->asid == 1 ? 2 : 1);
	if (slice % 11 == 10)
		mmu_flush_all(t->m);
}

/* Runs one slice of the workload, refilling the TLB like a kernel when the
 * MMU wants software refill. Returns true when the workload is done. */
static bool run_slice(struct crig *t, uint64_t slice)
{
	enum cpu_stop st = crig_run(t, slice);
	if (st == CPU_ECALL)
		return true;
	if (st == CPU_FAULT && t->ex.fault.kind == FAULT_TLB_MISS) {
		struct fault f;
		if (!mmu_refill(t->m, t->ex.fault.va, t->ex.fault.access, PRIV_USER, &f))
			FAIL("refill of %#llx failed", (unsigned long long)t->ex.fault.va);
	} else if (st != CPU_BUDGET) {
		FAIL("stopped with %d at %#llx", (int)st, (unsigned long long)t->c.pc);
	}
	return false;
}

/* ---- Comparing two machines ---- */

/* Writes the first difference into why; returns false when there is one. */
PRINTF_LIKE(2, 3) static bool differ(char *why, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, 200, fmt, ap);
	va_end(ap);
	return false;
}

static bool same_counters(const struct tlb *a, const struct tlb *b, char *why)
{
	const struct tlb_counters *x = tlb_counters(a), *y = tlb_counters(b);
	if (x->hits != y->hits || x->misses != y->misses || x->evictions != y->evictions ||
	    x->flushes != y->flushes || x->flushed_entries != y->flushed_entries)
		return differ(why, "counters: hits %llu/%llu misses %llu/%llu evictions %llu/%llu",
			      (unsigned long long)x->hits, (unsigned long long)y->hits,
			      (unsigned long long)x->misses, (unsigned long long)y->misses,
			      (unsigned long long)x->evictions, (unsigned long long)y->evictions);
	for (asid_t asid = 1; asid <= 2; asid++) {
		uint64_t ha, ma, hb, mb;
		tlb_asid_counters(a, asid, &ha, &ma);
		tlb_asid_counters(b, asid, &hb, &mb);
		if (ha != hb || ma != mb)
			return differ(why, "ASID %u: hits %llu/%llu misses %llu/%llu", asid, (unsigned long long)ha,
				      (unsigned long long)hb, (unsigned long long)ma, (unsigned long long)mb);
	}
	return true;
}

/* Whether the valid slots of a scanned set are in the same order of stamps
 * (LRU: last use; FIFO: fill) in both TLBs. The values may differ: touching
 * the entry used last again changes no order, and the CPU skips it. */
static bool same_stamp_order(const struct tlb *a, const struct tlb *b, unsigned set)
{
	unsigned base = set * a->ways;
	for (unsigned i = base; i < base + a->ways; i++) {
		for (unsigned j = base; j < base + a->ways; j++) {
			if (!a->key[i].id || !a->key[j].id)
				continue;
			if ((a->stamp[i] < a->stamp[j]) != (b->stamp[i] < b->stamp[j]))
				return false;
		}
	}
	return true;
}

/* The slots and the replacement state, field by field (the TLB's internals:
 * the order of stamps, PLRU bits, per-set lists; the list links of invalid
 * slots mean nothing). */
static bool same_state(const struct tlb *a, const struct tlb *b, char *why)
{
	unsigned n = tlb_config(a)->entries, sets = n / a->ways;
	for (unsigned i = 0; i < n; i++) {
		if (a->key[i].tag != b->key[i].tag || a->key[i].id != b->key[i].id)
			return differ(why, "slot %u holds different entries", i);
		if (a->next && a->key[i].id && (a->next[i] != b->next[i] || a->prev[i] != b->prev[i]))
			return differ(why, "slot %u: different list neighbours", i);
	}
	for (unsigned set = 0; a->stamp && set < sets; set++)
		if (!same_stamp_order(a, b, set))
			return differ(why, "set %u: the stamps are in another order", set);
	for (unsigned s = 0; s < sets; s++) {
		if (a->head && (a->head[s] != b->head[s] || a->tail[s] != b->tail[s]))
			return differ(why, "set %u: different list ends", s);
		for (unsigned w = 0; a->plru && w < a->plru_words; w++)
			if (a->plru[s * a->plru_words + w] != b->plru[s * a->plru_words + w])
				return differ(why, "set %u: PLRU bits differ", s);
	}
	return true;
}

static bool same_tlb(const struct tlb *a, const struct tlb *b, char *why)
{
	char err[200];
	if (!a || !b)
		return a == b || differ(why, "one TLB is missing");
	if (!tlb_check(a, err, sizeof err) || !tlb_check(b, err, sizeof err))
		return differ(why, "tlb_check: %s", err);
	return same_counters(a, b, why) && same_state(a, b, why);
}

/* The frames with a reference stamp, oldest reference first. */
static uint64_t stamp_order(const struct mmu *m, pfn_t *out)
{
	uint64_t n = 0;
	for (pfn_t f = 0; f < m->nstamps; f++) {
		if (!m->stamp[f])
			continue;
		uint64_t i = n++;
		for (; i > 0 && m->stamp[out[i - 1]] > m->stamp[f]; i--)
			out[i] = out[i - 1];
		out[i] = f;
	}
	return n;
}

static bool same_stamps(const struct mmu *a, const struct mmu *b, char *why)
{
	static pfn_t oa[4096], ob[4096];
	uint64_t na = stamp_order(a, oa), nb = stamp_order(b, ob);
	if (na != nb || memcmp(oa, ob, na * sizeof *oa))
		return differ(why, "the frames' reference stamps are in another order (%llu and %llu frames)",
			      (unsigned long long)na, (unsigned long long)nb);
	return true;
}

static bool same_machine(const struct crig *a, const struct crig *b, char *why)
{
	static const int which[] = {ACCESS_READ, ACCESS_EXEC};
	for (unsigned i = 0; i < ARRAY_LEN(which); i++)
		if (!same_tlb(a->m->tlb[which[i]], b->m->tlb[which[i]], why))
			return false;
	if ((a->m->l2 || b->m->l2) && !same_tlb(a->m->l2, b->m->l2, why))
		return false;
	const struct mmu_counts *x = &a->m->c, *y = &b->m->c;
	if (x->walks != y->walks || x->walk_refs != y->walk_refs || x->data_refs != y->data_refs ||
	    x->direct != y->direct || x->sw_refills != y->sw_refills)
		return differ(why, "MMU counters: walks %llu/%llu", (unsigned long long)x->walks,
			      (unsigned long long)y->walks);
	if (memcmp(a->c.x, b->c.x, sizeof a->c.x) || a->c.pc != b->c.pc || a->c.instret != b->c.instret ||
	    a->c.loads != b->c.loads || a->c.stores != b->c.stores || a->c.fetches != b->c.fetches)
		return differ(why, "CPU state differs");
	return same_stamps(a->m, b->m, why);
}

/* ---- The configurations ---- */

struct variant {
	const char *name;
	unsigned entries, ways;
	enum tlb_policy policy;
	bool split, l2, sw_refill, no_asid;
};

static const struct variant variants[] = {
	{"lru 4 fully associative", 4, 0, TLB_LRU, false, false, false, false},
	{"fifo 4 fully associative", 4, 0, TLB_FIFO, false, false, false, false},
	{"plru 4 fully associative", 4, 0, TLB_PLRU, false, false, false, false},
	{"random 4 fully associative", 4, 0, TLB_RANDOM, false, false, false, false},
	{"lru 16 2-way", 16, 2, TLB_LRU, false, false, false, false},
	{"fifo 16 2-way", 16, 2, TLB_FIFO, false, false, false, false},
	{"plru 16 4-way", 16, 4, TLB_PLRU, false, false, false, false},
	{"lru 64 fully associative (hashed)", 64, 0, TLB_LRU, false, false, false, false},
	{"fifo 64 fully associative (hashed)", 64, 0, TLB_FIFO, false, false, false, false},
	{"plru 64 fully associative (hashed)", 64, 0, TLB_PLRU, false, false, false, false},
	{"lru 16 fully associative (hashed)", 16, 0, TLB_LRU, false, false, false, false},
	{"plru 16 fully associative (hashed)", 16, 0, TLB_PLRU, false, false, false, false},
	{"lru 32 16-way (hashed, 2 sets)", 32, 16, TLB_LRU, false, false, false, false},
	{"fifo 32 16-way (hashed, 2 sets)", 32, 16, TLB_FIFO, false, false, false, false},
	{"plru 32 16-way (hashed, 2 sets)", 32, 16, TLB_PLRU, false, false, false, false},
	{"lru 4 split I and D", 4, 0, TLB_LRU, true, false, false, false},
	{"plru 8 split I and D", 8, 0, TLB_PLRU, true, false, false, false},
	{"lru 4 with a 64-entry L2", 4, 0, TLB_LRU, false, true, false, false},
	{"lru 8 software refill", 8, 0, TLB_LRU, false, false, true, false},
	{"fifo 16 software refill", 16, 0, TLB_FIFO, false, false, true, false},
	{"lru 8 without ASIDs", 8, 0, TLB_LRU, false, false, false, true},
};

static void variant_config(const struct variant *v, struct mmu_config *cfg)
{
	mmu_config_defaults(cfg);
	cfg->tlb.entries = v->entries;
	cfg->tlb.ways = v->ways;
	cfg->tlb.policy = v->policy;
	cfg->tlb.seed = 7;
	cfg->tlb.asid = !v->no_asid;
	cfg->split = v->split;
	cfg->refill = v->sw_refill ? TLB_REFILL_SW : TLB_REFILL_HW;
	if (v->l2) {
		cfg->l2 = cfg->tlb;
		cfg->l2.entries = 64;
	}
}

/* Runs the workload with and without kept pages, in lockstep slices of
 * `slice` instructions, and compares the two machines after every slice;
 * fails naming the variant, the slice and the first difference. */
static void check_exact_with(const struct variant *v, vaddr_t code, bool super, bool events, uint64_t slice,
			     bool stamps)
{
	struct mmu_config cfg;
	struct crig a, b;
	char why[200];
	variant_config(v, &cfg);
	machine(&a, &cfg, code, super, true, stamps);
	machine(&b, &cfg, code, super, false, stamps);
	for (unsigned n = 0;; n++) {
		if (n == 100000)
			FAIL("%s: the workload never finished", v->name);
		bool done = run_slice(&a, slice);
		if (run_slice(&b, slice) != done || !same_machine(&a, &b, why))
			FAIL("%s%s%s, slice %u of %llu: %s", v->name, super ? " (superpage code)" : "",
			     stamps ? " (stamps)" : "", n, (unsigned long long)slice, why);
		if (done)
			break;
		if (events) {
			kernel_event(&a, n, code);
			kernel_event(&b, n, code);
		}
	}
	CHECK(a.c.instret > 200 * 20);
	crig_fini(&a);
	crig_fini(&b);
}

/* check_exact_with the frames' reference stamps off and on. */
static void check_exact(const struct variant *v, vaddr_t code, bool super, bool events, uint64_t slice)
{
	check_exact_with(v, code, super, events, slice, false);
	check_exact_with(v, code, super, events, slice, true);
}

TEST(kept_pages_are_exact_for_every_policy_and_geometry)
{
	for (unsigned i = 0; i < ARRAY_LEN(variants); i++) {
		check_exact(&variants[i], CODE, false, false, 37);
		check_exact(&variants[i], CODE, false, false, 1000);
	}
}

TEST(kept_pages_are_exact_across_flushes_and_context_switches_between_runs)
{
	for (unsigned i = 0; i < ARRAY_LEN(variants); i++) {
		check_exact(&variants[i], CODE, false, true, 37);
		check_exact(&variants[i], CODE, false, true, 501);
	}
}

TEST(kept_pages_are_exact_when_the_code_is_a_superpage)
{
	for (unsigned i = 0; i < ARRAY_LEN(variants); i++)
		check_exact(&variants[i], 0x200000, true, true, 37);
}

/* ---- What the cache does ---- */

TEST(sequential_fetches_count_one_tlb_hit_each)
{
	struct crig t;
	crig_init(&t);
	uint32_t p[64];
	for (unsigned i = 0; i < 63; i++)
		p[i] = NOP;
	p[63] = ECALL;
	crig_code(&t, CODE, p, 64);
	CHECK_EQ(crig_run(&t, 1000), CPU_ECALL);
	const struct tlb_counters *k = tlb_counters(t.m->tlb[ACCESS_EXEC]);
	CHECK_EQ(k->misses, 1);
	CHECK_EQ(k->hits, 63); /* 63 nops and the ecall, the first fetch a miss */
	CHECK_EQ(t.c.win_va, CODE);
	uint64_t hits, misses;
	tlb_asid_counters(t.m->tlb[ACCESS_EXEC], 1, &hits, &misses);
	CHECK_EQ(hits, 63);
	crig_fini(&t);
}

TEST(a_kernel_shootdown_between_runs_makes_the_next_fetch_walk)
{
	struct crig t;
	crig_init(&t);
	uint32_t loop = JAL(ZERO, 0);
	crig_code(&t, CODE, &loop, 1);
	CHECK_EQ(crig_run(&t, 10), CPU_BUDGET);
	CHECK_EQ(t.m->c.walks, 1);
	mmu_flush_va(t.m, 1, CODE);
	CHECK_EQ(crig_run(&t, 10), CPU_BUDGET);
	CHECK_EQ(t.m->c.walks, 2);
	CHECK_EQ(tlb_counters(t.m->tlb[ACCESS_EXEC])->misses, 2);
	crig_fini(&t);
}

TEST(a_context_switch_between_runs_drops_the_kept_pages)
{
	struct crig t;
	crig_init(&t);
	uint32_t loop = JAL(ZERO, 0);
	crig_code(&t, CODE, &loop, 1);
	CHECK_EQ(crig_run(&t, 10), CPU_BUDGET);
	mmu_set_context(t.m, t.r.pt.root, 2);
	CHECK_EQ(crig_run(&t, 10), CPU_BUDGET);
	uint64_t hits, misses;
	tlb_asid_counters(t.m->tlb[ACCESS_EXEC], 2, &hits, &misses);
	CHECK_EQ(misses, 1);
	CHECK_EQ(hits, 9);
	tlb_asid_counters(t.m->tlb[ACCESS_EXEC], 1, &hits, &misses);
	CHECK_EQ(misses, 1);
	CHECK_EQ(hits, 9);
	CHECK_EQ(t.c.seen_asid, 2);
	crig_fini(&t);
}

TEST(without_a_tlb_every_fetch_is_translated)
{
	struct mmu_config cfg;
	struct crig t;
	mmu_config_defaults(&cfg);
	cfg.tlb.entries = 0;
	crig_init_with(&t, &cfg, 64);
	rig_map_fresh(&t.r, CODE, 0, PTE_R | PTE_X | PTE_U);
	rig_map_fresh(&t.r, DATA, 0, PTE_R | PTE_W | PTE_U);
	t.c.x[A1] = DATA;
	uint32_t p[] = {ADDI(A0, ZERO, 3), STORE(3, A0, A1, 0), LOAD(3, A2, A1, 0), ECALL};
	crig_code(&t, CODE, p, 4);
	CHECK_EQ(crig_run(&t, 100), CPU_ECALL);
	CHECK_EQ(t.c.x[A2], 3);
	CHECK_EQ(t.c.win_va, 1);
	CHECK_EQ(t.m->c.direct, 6); /* four fetches, a store and a load */
	CHECK_EQ(t.m->c.walks, 6);
	crig_fini(&t);
}

TEST(the_bare_mechanism_runs_code_at_physical_addresses)
{
	struct mmu_config cfg;
	struct crig t;
	mmu_config_defaults(&cfg);
	cfg.mech = &mmu_bare;
	crig_init_with(&t, &cfg, 64);
	uint32_t p[] = {ADDI(A0, ZERO, 5), ADDI(A1, ZERO, 0x100), STORE(3, A0, A1, 0), ECALL};
	memcpy(t.r.pm.base + CODE, p, sizeof p);
	t.c.pc = CODE;
	CHECK_EQ(crig_run(&t, 100), CPU_ECALL);
	uint64_t v;
	memcpy(&v, t.r.pm.base + 0x100, 8);
	CHECK_EQ(v, 5);
	t.c.pc = 64 * 4096 - 2; /* the last parcel of RAM: a 4-byte fetch would run off it */
	memset(t.r.pm.base + 64 * 4096 - 2, 0xff, 2);
	CHECK_EQ(crig_run(&t, 100), CPU_FAULT);
	CHECK_EQ(t.ex.fault.kind, FAULT_BUS);
	crig_fini(&t);
}

TEST(a_page_write_protected_between_runs_faults_on_the_next_store)
{
	struct crig t;
	crig_init(&t);
	t.c.x[A1] = DATA;
	uint32_t loop[] = {STORE(3, A0, A1, 0), ADDI(A0, A0, 1), JAL(ZERO, -8)};
	crig_code(&t, CODE, loop, 3);
	CHECK_EQ(crig_run(&t, 30), CPU_BUDGET);
	CHECK_EQ(crig_read(&t, DATA, 8), 9);
	/* what a kernel does for copy-on-write: clear W, shoot the page down */
	CHECK(pt_update(&t.r.pt, DATA, 0, PTE_W) == PT_OK);
	mmu_flush_va(t.m, 1, DATA);
	CHECK_EQ(crig_run(&t, 30), CPU_FAULT);
	CHECK_EQ(t.ex.fault.kind, FAULT_PROTECTION);
	CHECK_EQ(t.ex.fault.access, ACCESS_WRITE);
	CHECK_EQ(t.c.pc, CODE);
	CHECK_EQ(crig_read(&t, DATA, 8), 9);
	crig_fini(&t);
}

TEST(the_first_store_to_a_page_kept_for_loads_still_walks_to_set_d)
{
	struct crig t;
	crig_init(&t);
	t.c.x[A1] = DATA;
	t.c.x[A2] = 7;
	uint32_t p[] = {LOAD(3, A0, A1, 0), LOAD(3, A0, A1, 8), STORE(3, A2, A1, 16), LOAD(3, A3, A1, 16), ECALL};
	crig_code(&t, CODE, p, 5);
	CHECK_EQ(crig_run(&t, 10), CPU_ECALL);
	struct pt_leaf leaf;
	CHECK(pt_lookup(&t.r.pt, DATA, &leaf) == PT_OK);
	CHECK(leaf.flags & PTE_D);
	CHECK_EQ(t.m->c.walks, 3); /* code, data for reading, data again for the first write */
	CHECK_EQ(t.c.x[A3], 7);
	crig_fini(&t);
}

TEST(the_counts_are_settled_at_every_kind_of_return)
{
	/* loads and fetches through kept pages, then each kind of stop: the TLB has
	 * counted one lookup per fetch and per data access made so far */
	const uint32_t last[] = {ECALL, EBREAK, 0xffffffff, LOAD(3, A0, ZERO, 0), NOP};
	for (unsigned k = 0; k < ARRAY_LEN(last); k++) {
		struct crig t;
		crig_init(&t);
		t.c.x[A1] = DATA;
		uint32_t p[] = {LOAD(3, A0, A1, 0), LOAD(3, A0, A1, 8), STORE(3, A0, A1, 16), LOAD(3, A0, A1, 24),
				NOP, last[k]};
		crig_code(&t, CODE, p, 6);
		crig_run(&t, 6);
		uint64_t hits, misses;
		mmu_tlb_totals(t.m, &hits, &misses);
		uint64_t data = 4 + (last[k] == LOAD(3, A0, ZERO, 0)); /* that one faults on page 0 */
		CHECK_EQ(t.c.fetches, 6);
		CHECK_EQ(hits + misses, 6 + data);
		CHECK_EQ(t.c.loads + t.c.stores, 4);
		crig_fini(&t);
	}
}

/* ---- The TLB's support for it ---- */

TEST(the_tlb_generation_changes_on_every_insert_and_flush_only)
{
	static const unsigned shifts[] = {0, 9, 18};
	struct tlb_config cfg = {.entries = 8, .ways = 0, .policy = TLB_LRU, .asid = true};
	struct tlb *t = tlb_new(&cfg, shifts, 3, NULL, 0);
	struct tlb_entry e = {.pfn = 5, .allow = 0x3f};
	uint64_t g = tlb_gen(t);
	tlb_insert(t, 1, 10, &e);
	CHECK(tlb_gen(t) != g);
	g = tlb_gen(t);
	CHECK(tlb_lookup(t, 1, 10) != NULL);
	CHECK(tlb_lookup(t, 1, 11) == NULL);
	CHECK(tlb_probe(t, 1, 10) != NULL);
	CHECK_EQ(tlb_gen(t), g);
	tlb_flush_va(t, 1, 99);
	CHECK(tlb_gen(t) != g);
	g = tlb_gen(t);
	tlb_flush_asid(t, 3);
	CHECK(tlb_gen(t) != g);
	g = tlb_gen(t);
	tlb_flush_all(t);
	CHECK(tlb_gen(t) != g);
	tlb_free(t);
}

TEST(tlb_hit_slot_does_what_a_lookup_hit_does)
{
	static const unsigned shifts[] = {0, 9, 18};
	static const enum tlb_policy policies[] = {TLB_LRU, TLB_FIFO, TLB_PLRU};
	static const unsigned ways[] = {4, 0}; /* scanned 4-way sets; one hashed 16-way set */
	for (unsigned p = 0; p < ARRAY_LEN(policies); p++) {
		for (unsigned w = 0; w < ARRAY_LEN(ways); w++) {
			struct tlb_config cfg = {.entries = 16, .ways = ways[w], .policy = policies[p], .asid = true};
			struct tlb *a = tlb_new(&cfg, shifts, 3, NULL, 0), *b = tlb_new(&cfg, shifts, 3, NULL, 0);
			struct tlb_entry e = {.pfn = 1, .allow = 0x3f};
			char why[200];
			for (vpn_t v = 0; v < 16; v++) {
				tlb_insert(a, 1, v * 4, &e);
				tlb_insert(b, 1, v * 4, &e);
			}
			for (vpn_t v = 0; v < 40; v++) {
				vpn_t vpn = (v * 7 % 16) * 4;
				asid_t asid = 1 + v % 2;
				const struct tlb_entry *there = tlb_probe(b, asid, vpn);
				if (tlb_lookup(a, asid, vpn) == NULL) { /* a miss in both, refilled */
					CHECK(there == NULL && tlb_lookup(b, asid, vpn) == NULL);
					tlb_insert(a, asid, vpn, &e);
					tlb_insert(b, asid, vpn, &e);
				} else {
					CHECK(there != NULL);
					tlb_hit_slot(b, asid, tlb_entry_slot(b, there));
				}
			}
			if (!same_counters(a, b, why) || !same_state(a, b, why))
				FAIL("%s, %u ways: %s", tlb_policy_name(policies[p]), ways[w], why);
			tlb_free(a);
			tlb_free(b);
		}
	}
}
