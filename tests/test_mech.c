/* The mechanisms before paging (base and bounds, fixed partitions,
 * segmentation) and the plug-in interface they share with bare and paging:
 * each translate at its edges and its faults, context switches that load and
 * save the registers, the explain lines, and OSTEP's relocation.py and
 * segmentation.py answers (../shared/data/ostep) reproduced. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hw/mmu.h"
#include "tests/harness.h"

#define KIB 1024ull
#define RX (PTE_R | PTE_X)
#define RW (PTE_R | PTE_W)

/* A machine: physical memory and an MMU of one mechanism over it. */
struct machine {
	struct physmem pm;
	struct mmu *m;
};

static void machine_init_cfg(struct machine *x, uint64_t ram, const struct mmu_config *cfg)
{
	if (physmem_init(&x->pm, ram, 12) != PHYSMEM_OK)
		FAIL("physmem_init of 0x%" PRIx64 " bytes", ram);
	char err[200];
	x->m = mmu_new(cfg, &x->pm, NULL, err, sizeof err);
	if (!x->m)
		FAIL("mmu_new(%s): %s", cfg->mech->name, err);
}

static void machine_init(struct machine *x, uint64_t ram, const struct mmu_mech *mech)
{
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.mech = mech;
	machine_init_cfg(x, ram, &cfg);
}

static void machine_fini(struct machine *x)
{
	mmu_free(x->m);
	physmem_fini(&x->pm);
}

/* An sv39 paging MMU over pm, format in *fmt. */
static struct mmu *paging_mmu(struct physmem *pm, struct pt_format *fmt)
{
	char err[200];
	if (ptfmt_preset(fmt, "sv39", 0, 0, err, sizeof err) != PTFMT_OK)
		FAIL("ptfmt_preset: %s", err);
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	struct mmu *m = mmu_new(&cfg, pm, fmt, err, sizeof err);
	if (!m)
		FAIL("mmu_new: %s", err);
	return m;
}

static void load(struct mmu *m, const struct mmu_context *ctx)
{
	char err[200];
	if (mmu_load_context(m, ctx, err, sizeof err) != MMU_OK)
		FAIL("mmu_load_context: %s", err);
}

static struct mmu_context bb_ctx(paddr_t base, uint64_t bounds)
{
	return (struct mmu_context){.kind = MMU_MECH_BASE_BOUNDS, .bb = {.base = base, .bounds = bounds}};
}

/* The pa of a user access that must translate. */
static paddr_t pa_of(struct mmu *m, vaddr_t va, enum access acc)
{
	paddr_t pa;
	struct fault f;
	if (!mmu_translate(m, va, acc, PRIV_USER, &pa, &f)) {
		char why[160];
		fault_describe(&f, why, sizeof why);
		FAIL("va 0x%" PRIx64 " (%s) faulted: %s", va, access_name(acc), why);
	}
	return pa;
}

/* The fault of a user access that must fault. */
static struct fault fault_of(struct mmu *m, vaddr_t va, enum access acc)
{
	paddr_t pa;
	struct fault f;
	if (mmu_translate(m, va, acc, PRIV_USER, &pa, &f))
		FAIL("va 0x%" PRIx64 " (%s) translated to pa 0x%" PRIx64 "; a fault was expected", va,
		     access_name(acc), pa);
	return f;
}

static const char *described(const struct fault *f)
{
	static char buf[200];
	fault_describe(f, buf, sizeof buf);
	return buf;
}

static const char *explained(struct mmu *m, vaddr_t va, enum access acc)
{
	static char buf[200];
	mmu_describe(m, va, pa_of(m, va, acc), buf, sizeof buf);
	return buf;
}

/* ---- the plug-in interface ---- */

TEST(every_mechanism_is_found_by_its_name)
{
	const char *names[] = {"bare", "paging", "partition", "base-bounds", "segmentation"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const struct mmu_mech *mech = mmu_mech_lookup(names[i]);
		CHECK(mech != NULL);
		CHECK_STR(mech->name, names[i]);
	}
	CHECK(mmu_mech_lookup("segments") == NULL);
	CHECK_EQ(mmu_mech_lookup("base-bounds")->kind, MMU_MECH_BASE_BOUNDS);
}

TEST(a_context_of_another_mechanism_is_refused)
{
	struct machine x;
	machine_init(&x, 64 * KIB, &mmu_base_bounds);
	char err[200];
	struct mmu_context seg = {.kind = MMU_MECH_SEGMENTATION};
	CHECK_EQ(mmu_load_context(x.m, &seg, err, sizeof err), MMU_EKIND);
	CHECK_STR(err, "a context of another mechanism for the base-bounds MMU");
	machine_fini(&x);
}

TEST(the_contiguous_mechanisms_have_no_tlb_and_count_direct_translations)
{
	const struct mmu_mech *mechs[] = {&mmu_bare, &mmu_partition, &mmu_base_bounds, &mmu_segmentation};
	for (size_t i = 0; i < sizeof mechs / sizeof mechs[0]; i++) {
		struct machine x;
		machine_init(&x, 64 * KIB, mechs[i]);
		CHECK(x.m->tlb[ACCESS_READ] == NULL && x.m->tlb[ACCESS_EXEC] == NULL && x.m->l2 == NULL);
		paddr_t pa;
		struct fault f;
		for (int n = 0; n < 3; n++)
			(void)mmu_translate(x.m, 0x10, ACCESS_READ, PRIV_USER, &pa, &f);
		uint64_t hits, misses;
		mmu_tlb_totals(x.m, &hits, &misses);
		CHECK_EQ(hits + misses, 0);
		CHECK_EQ(x.m->c.direct, 3);
		struct hw_counts hw = {0};
		mmu_add_hw_counts(x.m, &hw);
		CHECK_EQ(hw.translations, 3);
		machine_fini(&x);
	}
}

TEST(a_fault_is_counted_once_by_its_kind)
{
	struct machine x;
	machine_init(&x, 64 * KIB, &mmu_bare);
	(void)fault_of(x.m, 64 * KIB, ACCESS_READ);
	CHECK_EQ(x.m->c.faults[FAULT_BUS], 1);
	machine_fini(&x);
	machine_init(&x, 64 * KIB, &mmu_base_bounds);
	load(x.m, &(struct mmu_context){.kind = MMU_MECH_BASE_BOUNDS, .bb = {0x1000, 0x1000}});
	(void)fault_of(x.m, 0x1000, ACCESS_WRITE);
	(void)fault_of(x.m, 0x2000, ACCESS_READ);
	CHECK_EQ(x.m->c.faults[FAULT_BOUNDS], 2);
	machine_fini(&x);
}

TEST(paging_saves_and_loads_satp_as_its_context)
{
	struct physmem pm;
	CHECK_EQ(physmem_init(&pm, 64 * KIB, 12), PHYSMEM_OK);
	struct pt_format fmt;
	struct mmu *m = paging_mmu(&pm, &fmt);
	char err[200];
	load(m, &(struct mmu_context){.kind = MMU_MECH_PAGING, .paging = {.root = 3, .asid = 7}});
	CHECK_EQ(m->root, 3);
	CHECK_EQ(m->asid, 7);
	mmu_set_context(m, 5, 9);
	struct mmu_context ctx;
	mmu_save_context(m, &ctx);
	CHECK_EQ(ctx.kind, MMU_MECH_PAGING);
	CHECK_EQ(ctx.paging.root, 5);
	CHECK_EQ(ctx.paging.asid, 9);
	struct mmu_context far = {.kind = MMU_MECH_PAGING, .paging = {.root = 16, .asid = 1}};
	CHECK_EQ(mmu_load_context(m, &far, err, sizeof err), MMU_ERANGE);
	CHECK_STR(err, "page-table root frame 0x10 beyond physical memory");
	CHECK_EQ(m->root, 5);
	mmu_free(m);
	physmem_fini(&pm);
}

TEST(paging_needs_a_format)
{
	struct physmem pm;
	CHECK_EQ(physmem_init(&pm, 64 * KIB, 12), PHYSMEM_OK);
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	char err[200];
	CHECK(mmu_new(&cfg, &pm, NULL, err, sizeof err) == NULL);
	CHECK_STR(err, "paging needs a page-table format");
	physmem_fini(&pm);
}

TEST(paging_explains_a_translation_by_its_frame)
{
	struct physmem pm;
	CHECK_EQ(physmem_init(&pm, 64 * KIB, 12), PHYSMEM_OK);
	struct pt_format fmt;
	struct mmu *m = paging_mmu(&pm, &fmt);
	char buf[200];
	mmu_set_context(m, 2, 1);
	mmu_describe(m, 0x1234, 0x9234, buf, sizeof buf);
	CHECK_STR(buf, "va 0x1234: vpn 0x1 -> pfn 0x9 + offset 0x234 = pa 0x9234 (root 0x2, asid 1)");
	mmu_free(m);
	physmem_fini(&pm);
}

TEST(bare_explains_that_it_does_not_translate)
{
	struct machine x;
	machine_init(&x, 64 * KIB, &mmu_bare);
	CHECK_STR(explained(x.m, 0x1234, ACCESS_READ), "va 0x1234 = pa 0x1234 (bare: no translation)");
	machine_fini(&x);
}

/* ---- base and bounds ---- */

TEST(base_bounds_relocates_below_the_bounds_and_faults_at_them)
{
	struct machine x;
	machine_init(&x, 512 * KIB, &mmu_base_bounds);
	load(x.m, &(struct mmu_context){.kind = MMU_MECH_BASE_BOUNDS, .bb = {0x40000, 0x10000}});
	CHECK_EQ(pa_of(x.m, 0, ACCESS_READ), 0x40000);
	CHECK_EQ(pa_of(x.m, 0xffff, ACCESS_WRITE), 0x4ffff); /* bounds - 1 works */
	CHECK_EQ(pa_of(x.m, 0x1234, ACCESS_EXEC), 0x41234);
	struct fault f = fault_of(x.m, 0x10000, ACCESS_WRITE); /* va == bounds faults */
	CHECK_EQ(f.kind, FAULT_BOUNDS);
	CHECK_EQ(f.va, 0x10000);
	CHECK_EQ(f.limit, 0x10000);
	CHECK_EQ(f.access, ACCESS_WRITE);
	CHECK_STR(described(&f), "bounds violation: write at va 0x10000, not below the bounds 0x10000");
	CHECK_EQ(fault_cause(&f), CAUSE_STORE_ACCESS);
	CHECK_STR(fault_kind_name(f.kind), "bounds");
	machine_fini(&x);
}

TEST(base_bounds_compares_unsigned_so_a_huge_va_faults)
{
	struct machine x;
	machine_init(&x, 512 * KIB, &mmu_base_bounds);
	load(x.m, &(struct mmu_context){.kind = MMU_MECH_BASE_BOUNDS, .bb = {0x40000, 0x10000}});
	CHECK_EQ(fault_of(x.m, UINT64_MAX, ACCESS_READ).kind, FAULT_BOUNDS);
	CHECK_EQ(fault_of(x.m, (vaddr_t)-0x10000, ACCESS_READ).kind, FAULT_BOUNDS);
	CHECK_EQ(fault_of(x.m, 1ull << 63, ACCESS_EXEC).kind, FAULT_BOUNDS);
	machine_fini(&x);
}

TEST(base_bounds_starts_with_bounds_zero_so_every_user_access_faults)
{
	struct machine x;
	machine_init(&x, 64 * KIB, &mmu_base_bounds);
	CHECK_EQ(fault_of(x.m, 0, ACCESS_READ).kind, FAULT_BOUNDS);
	struct mmu_context ctx;
	mmu_save_context(x.m, &ctx);
	CHECK_EQ(ctx.kind, MMU_MECH_BASE_BOUNDS);
	CHECK_EQ(ctx.bb.base, 0);
	CHECK_EQ(ctx.bb.bounds, 0);
	machine_fini(&x);
}

TEST(base_bounds_supervisor_accesses_are_not_relocated)
{
	struct machine x;
	machine_init(&x, 64 * KIB, &mmu_base_bounds);
	load(x.m, &(struct mmu_context){.kind = MMU_MECH_BASE_BOUNDS, .bb = {0x8000, 0x1000}});
	paddr_t pa;
	struct fault f;
	CHECK(mmu_translate(x.m, 0x3000, ACCESS_WRITE, PRIV_SUPERVISOR, &pa, &f));
	CHECK_EQ(pa, 0x3000);
	CHECK(!mmu_translate(x.m, 64 * KIB, ACCESS_READ, PRIV_SUPERVISOR, &pa, &f));
	CHECK_EQ(f.kind, FAULT_BUS);
	char buf[200];
	mmu_describe(x.m, 0x3000, 0x3000, buf, sizeof buf);
	CHECK_STR(buf, "va 0x3000 = pa 0x3000 (supervisor: not relocated)");
	machine_fini(&x);
}

TEST(base_bounds_refuses_registers_beyond_physical_memory)
{
	struct machine x;
	machine_init(&x, 64 * KIB, &mmu_base_bounds);
	load(x.m, &(struct mmu_context){.kind = MMU_MECH_BASE_BOUNDS, .bb = {0x1000, 0x1000}});
	char err[200];
	struct mmu_context over = bb_ctx(0xf000, 0x1001);
	CHECK_EQ(mmu_load_context(x.m, &over, err, sizeof err), MMU_ERANGE);
	CHECK_STR(err, "base 0xf000 and bounds 0x1001 reach beyond physical memory (0x10000 bytes)");
	struct mmu_context wrap = bb_ctx(UINT64_MAX - 0xfff, 0x2000); /* base + bounds wraps around */
	CHECK_EQ(mmu_load_context(x.m, &wrap, err, sizeof err), MMU_ERANGE);
	struct mmu_context all = bb_ctx(0, 64 * KIB);
	CHECK_EQ(pa_of(x.m, 0xfff, ACCESS_READ), 0x1fff); /* the registers did not change */
	load(x.m, &all);
	CHECK_EQ(pa_of(x.m, 0xffff, ACCESS_READ), 0xffff);
	machine_fini(&x);
}

TEST(base_bounds_context_switch_saves_and_loads_the_registers)
{
	struct machine x;
	machine_init(&x, 1024 * KIB, &mmu_base_bounds);
	struct mmu_context a = bb_ctx(0x40000, 0x10000), b = bb_ctx(0x80000, 0x4000), saved;
	load(x.m, &a);
	CHECK_EQ(pa_of(x.m, 0x123, ACCESS_READ), 0x40123);
	CHECK_EQ(pa_of(x.m, 0x8000, ACCESS_READ), 0x48000);
	mmu_save_context(x.m, &saved);
	CHECK(memcmp(&saved, &a, sizeof a) == 0);
	load(x.m, &b);
	CHECK_EQ(pa_of(x.m, 0x123, ACCESS_READ), 0x80123); /* the same va, another process */
	CHECK_EQ(fault_of(x.m, 0x8000, ACCESS_READ).limit, 0x4000);
	mmu_save_context(x.m, &saved);
	CHECK_EQ(saved.bb.base, 0x80000);
	CHECK_EQ(saved.bb.bounds, 0x4000);
	load(x.m, &a);
	CHECK_EQ(pa_of(x.m, 0x8000, ACCESS_READ), 0x48000);
	machine_fini(&x);
}

TEST(base_bounds_explains_base_plus_va)
{
	struct machine x;
	machine_init(&x, 512 * KIB, &mmu_base_bounds);
	load(x.m, &(struct mmu_context){.kind = MMU_MECH_BASE_BOUNDS, .bb = {0x40000, 0x10000}});
	CHECK_STR(explained(x.m, 0x1234, ACCESS_READ), "va 0x1234 + base 0x40000 = pa 0x41234 (bounds 0x10000)");
	machine_fini(&x);
}

/* ---- fixed partitions ---- */

TEST(partitions_cut_physical_memory_into_equal_parts)
{
	struct machine x;
	machine_init(&x, 1024 * KIB, &mmu_partition); /* the default 8 */
	CHECK_EQ(mmu_partition_count(x.m), 8);
	struct mmu_context ctx;
	mmu_partition_context(x.m, 3, &ctx);
	CHECK_EQ(ctx.kind, MMU_MECH_PARTITION);
	CHECK_EQ(ctx.part.base, 0x60000);
	CHECK_EQ(ctx.part.size, 0x20000);
	mmu_partition_context(x.m, 7, &ctx);
	CHECK_EQ(ctx.part.base + ctx.part.size, 1024 * KIB);
	machine_fini(&x);
}

TEST(partitions_start_at_first_and_are_whole_pages)
{
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.mech = &mmu_partition;
	cfg.part = (struct mmu_part_config){.first = 0x10000, .count = 7};
	struct machine x;
	machine_init_cfg(&x, 1024 * KIB, &cfg);
	struct mmu_context ctx;
	mmu_partition_context(x.m, 1, &ctx);
	CHECK_EQ(ctx.part.size, 0x22000); /* 0xf0000 / 7 = 0x22492, in whole pages */
	CHECK_EQ(ctx.part.base, 0x32000);
	machine_fini(&x);
}

TEST(an_impossible_partition_geometry_is_refused)
{
	struct physmem pm;
	CHECK_EQ(physmem_init(&pm, 64 * KIB, 12), PHYSMEM_OK);
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.mech = &mmu_partition;
	char err[200];
	cfg.part = (struct mmu_part_config){.count = 0};
	CHECK(mmu_new(&cfg, &pm, NULL, err, sizeof err) == NULL);
	CHECK_STR(err, "partition: needs a partition count");
	cfg.part = (struct mmu_part_config){.size = 0x5000, .count = 4};
	CHECK(mmu_new(&cfg, &pm, NULL, err, sizeof err) == NULL);
	CHECK_STR(err, "partition: 4 partitions of 0x5000 bytes from 0x0 do not fit in physical memory (0x10000 bytes)");
	cfg.part = (struct mmu_part_config){.count = 32}; /* less than a page each */
	CHECK(mmu_new(&cfg, &pm, NULL, err, sizeof err) == NULL);
	cfg.part = (struct mmu_part_config){.first = 0x20000, .count = 1};
	CHECK(mmu_new(&cfg, &pm, NULL, err, sizeof err) == NULL);
	CHECK_STR(err, "partition: the first partition lies beyond physical memory");
	physmem_fini(&pm);
}

TEST(a_partition_relocates_below_its_size_and_faults_at_it)
{
	struct machine x;
	machine_init(&x, 1024 * KIB, &mmu_partition);
	struct mmu_context ctx;
	mmu_partition_context(x.m, 3, &ctx);
	load(x.m, &ctx);
	CHECK_EQ(pa_of(x.m, 0, ACCESS_READ), 0x60000);
	CHECK_EQ(pa_of(x.m, 0x1ffff, ACCESS_WRITE), 0x7ffff);
	struct fault f = fault_of(x.m, 0x20000, ACCESS_READ);
	CHECK_EQ(f.kind, FAULT_BOUNDS);
	CHECK_EQ(f.limit, 0x20000);
	CHECK_EQ(fault_of(x.m, UINT64_MAX, ACCESS_EXEC).kind, FAULT_BOUNDS);
	CHECK_STR(described(&f), "bounds violation: read at va 0x20000, not below the bounds 0x20000");
	paddr_t pa;
	CHECK(mmu_translate(x.m, 0x90000, ACCESS_READ, PRIV_SUPERVISOR, &pa, &f)); /* the kernel's own */
	CHECK_EQ(pa, 0x90000);
	machine_fini(&x);
}

TEST(a_partition_context_must_be_one_of_the_partitions)
{
	struct machine x;
	machine_init(&x, 1024 * KIB, &mmu_partition);
	char err[200];
	struct mmu_context ctx = {.kind = MMU_MECH_PARTITION, .part = {0x61000, 0x20000}};
	CHECK_EQ(mmu_load_context(x.m, &ctx, err, sizeof err), MMU_ERANGE);
	CHECK_STR(err, "base 0x61000 size 0x20000 is not one of the 8 partitions of 0x20000 bytes from 0x0");
	ctx.part.base = 0x60000, ctx.part.size = 0x10000;
	CHECK_EQ(mmu_load_context(x.m, &ctx, err, sizeof err), MMU_ERANGE);
	ctx.part.base = 0x100000, ctx.part.size = 0x20000; /* the ninth */
	CHECK_EQ(mmu_load_context(x.m, &ctx, err, sizeof err), MMU_ERANGE);
	ctx.part.base = 0, ctx.part.size = 0; /* none */
	CHECK_EQ(mmu_load_context(x.m, &ctx, err, sizeof err), MMU_OK);
	CHECK_EQ(fault_of(x.m, 0, ACCESS_READ).kind, FAULT_BOUNDS);
	machine_fini(&x);
}

TEST(partition_context_switch_saves_and_loads_the_partition)
{
	struct machine x;
	machine_init(&x, 1024 * KIB, &mmu_partition);
	struct mmu_context a, b, saved;
	mmu_partition_context(x.m, 1, &a);
	mmu_partition_context(x.m, 6, &b);
	load(x.m, &a);
	CHECK_EQ(pa_of(x.m, 0x123, ACCESS_READ), 0x20123);
	mmu_save_context(x.m, &saved);
	CHECK(memcmp(&saved, &a, sizeof a) == 0);
	load(x.m, &b);
	CHECK_EQ(pa_of(x.m, 0x123, ACCESS_READ), 0xc0123);
	mmu_save_context(x.m, &saved);
	CHECK(memcmp(&saved, &b, sizeof b) == 0);
	load(x.m, &a);
	CHECK_EQ(pa_of(x.m, 0x123, ACCESS_READ), 0x20123);
	machine_fini(&x);
}

TEST(partition_explains_base_plus_va_and_the_partition)
{
	struct machine x;
	machine_init(&x, 1024 * KIB, &mmu_partition);
	struct mmu_context ctx;
	mmu_partition_context(x.m, 3, &ctx);
	load(x.m, &ctx);
	CHECK_STR(explained(x.m, 0x1234, ACCESS_READ), "va 0x1234 + base 0x60000 = pa 0x61234 (partition 3, size 0x20000)");
	machine_fini(&x);
}

/* ---- segmentation ---- */

/* OSTEP's Figure 16.3 in a 16 KiB address space (va_bits 14, 2 selector bits:
 * 4 KiB segments): code at 32K (2K), heap at 34K (3K), stack 2K below 28K. */
static void ostep_machine(struct machine *x)
{
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.mech = &mmu_segmentation;
	cfg.seg.va_bits = 14;
	machine_init_cfg(x, 64 * KIB, &cfg);
	struct mmu_context ctx = {.kind = MMU_MECH_SEGMENTATION};
	ctx.seg[0] = (struct mmu_segment){.base = 32 * KIB, .limit = 2 * KIB, .prot = RX};
	ctx.seg[1] = (struct mmu_segment){.base = 34 * KIB, .limit = 3 * KIB, .prot = RW};
	ctx.seg[3] = (struct mmu_segment){.base = 28 * KIB, .limit = 2 * KIB, .grows_down = true, .prot = RW};
	load(x->m, &ctx);
}

TEST(segmentation_chooses_the_segment_by_the_top_bits)
{
	struct machine x;
	ostep_machine(&x);
	CHECK_EQ(pa_of(x.m, 100, ACCESS_EXEC), 32868);   /* the book: code, offset 100 */
	CHECK_EQ(pa_of(x.m, 4200, ACCESS_READ), 34920);  /* heap (01), offset 104 */
	CHECK_EQ(pa_of(x.m, 0x3c00, ACCESS_WRITE), 27 * KIB); /* stack (11) */
	struct fault f = fault_of(x.m, 0x2000, ACCESS_READ); /* 10: unused */
	CHECK_EQ(f.kind, FAULT_SEGMENT);
	CHECK_STR(f.segment, "unused");
	CHECK_EQ(f.limit, 0);
	machine_fini(&x);
}

TEST(segmentation_faults_at_an_upward_segments_limit)
{
	struct machine x;
	ostep_machine(&x);
	CHECK_EQ(pa_of(x.m, 0x1000 + 3 * KIB - 1, ACCESS_WRITE), 37 * KIB - 1); /* limit - 1 works */
	struct fault f = fault_of(x.m, 0x1000 + 3 * KIB, ACCESS_WRITE);     /* limit faults */
	CHECK_EQ(f.kind, FAULT_SEGMENT);
	CHECK_STR(f.segment, "heap");
	CHECK_EQ(f.offset, 0xc00);
	CHECK_EQ(f.limit, 0xc00);
	CHECK_STR(described(&f), "segmentation violation: write at offset 0xc00 of the heap segment, beyond its limit 0xc00");
	CHECK_EQ(fault_cause(&f), CAUSE_STORE_ACCESS);
	CHECK_EQ(fault_of(x.m, 2 * KIB, ACCESS_EXEC).offset, 0x800); /* code */
	machine_fini(&x);
}

TEST(segmentation_takes_a_downward_segments_offset_minus_the_largest)
{
	struct machine x;
	ostep_machine(&x);
	/* offset 0xc00 - 4K = -1K: 28K - 1K */
	CHECK_EQ(pa_of(x.m, 0x3c00, ACCESS_READ), 0x6c00);
	CHECK_EQ(pa_of(x.m, 0x3fff, ACCESS_READ), 28 * KIB - 1);   /* -1: the top byte */
	CHECK_EQ(pa_of(x.m, 0x3800, ACCESS_WRITE), 26 * KIB);      /* -2K: the limit itself works */
	struct fault f = fault_of(x.m, 0x37ff, ACCESS_WRITE);      /* -2K - 1 faults */
	CHECK_EQ(f.kind, FAULT_SEGMENT);
	CHECK_EQ(f.offset, -0x801);
	CHECK_EQ(f.limit, 0x800);
	CHECK_STR(described(&f), "segmentation violation: write at offset -0x801 of the stack segment, beyond its limit 0x800");
	CHECK_EQ(fault_of(x.m, 0x3000, ACCESS_READ).offset, -0x1000); /* offset 0: -4K */
	machine_fini(&x);
}

TEST(segmentation_checks_each_segments_protection)
{
	struct machine x;
	ostep_machine(&x);
	struct fault f = fault_of(x.m, 0x10, ACCESS_WRITE); /* code is r-x */
	CHECK_EQ(f.kind, FAULT_SEG_PROT);
	CHECK_EQ(f.violated, PTE_W);
	CHECK_STR(f.segment, "code");
	CHECK_STR(described(&f), "segmentation violation: write at offset 0x10 of the code segment, which is not writable");
	CHECK_EQ(pa_of(x.m, 0x10, ACCESS_READ), 32 * KIB + 0x10);
	f = fault_of(x.m, 0x1010, ACCESS_EXEC); /* heap is rw- */
	CHECK_EQ(f.kind, FAULT_SEG_PROT);
	CHECK_EQ(f.violated, PTE_X);
	CHECK_EQ(fault_cause(&f), CAUSE_FETCH_ACCESS);
	CHECK_STR(described(&f), "segmentation violation: fetch at offset 0x10 of the heap segment, which is not executable");
	f = fault_of(x.m, 0x3ff0, ACCESS_EXEC); /* stack is rw- */
	CHECK_EQ(f.offset, -0x10);
	CHECK_STR(described(&f), "segmentation violation: fetch at offset -0x10 of the stack segment, which is not executable");
	CHECK_STR(fault_kind_name(FAULT_SEG_PROT), "segment-protection");
	CHECK_STR(fault_kind_name(FAULT_SEGMENT), "segment-limit");
	machine_fini(&x);
}

TEST(segmentation_limit_comes_before_protection)
{
	struct machine x;
	ostep_machine(&x);
	CHECK_EQ(fault_of(x.m, 0x900, ACCESS_WRITE).kind, FAULT_SEGMENT); /* code, beyond 2K, and read-only */
	machine_fini(&x);
}

TEST(segmentation_faults_beyond_the_address_width)
{
	struct machine x;
	ostep_machine(&x);
	struct fault f = fault_of(x.m, 0x4000, ACCESS_READ);
	CHECK_EQ(f.kind, FAULT_VA_RANGE);
	CHECK_EQ(fault_of(x.m, UINT64_MAX, ACCESS_READ).kind, FAULT_VA_RANGE);
	machine_fini(&x);
}

TEST(segmentation_report_names_segment_offset_and_limit)
{
	/* The kernel's later report: 32-bit va, 1 GiB segments, a heap of 8 KiB. */
	struct machine x;
	machine_init(&x, 1024 * KIB, &mmu_segmentation);
	struct mmu_context ctx = {.kind = MMU_MECH_SEGMENTATION};
	ctx.seg[1] = (struct mmu_segment){.base = 0x20000, .limit = 0x2000, .prot = RW};
	load(x.m, &ctx);
	CHECK_EQ(pa_of(x.m, 0x40001fff, ACCESS_WRITE), 0x21fff);
	struct fault f = fault_of(x.m, 0x40002010, ACCESS_WRITE);
	CHECK_STR(described(&f), "segmentation violation: write at offset 0x2010 of the heap segment, beyond its limit 0x2000");
	machine_fini(&x);
}

TEST(segmentation_names_segments_by_number_without_names)
{
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.mech = &mmu_segmentation;
	cfg.seg = (struct mmu_seg_config){.va_bits = 16, .sel_bits = 3};
	struct machine x;
	machine_init_cfg(&x, 64 * KIB, &cfg);
	struct mmu_context ctx = {.kind = MMU_MECH_SEGMENTATION};
	ctx.seg[5] = (struct mmu_segment){.base = 0x8000, .limit = 0x100, .prot = PTE_R};
	load(x.m, &ctx);
	CHECK_EQ(pa_of(x.m, 0xa0ff, ACCESS_READ), 0x80ff); /* selector 101, 8 KiB segments */
	struct fault f = fault_of(x.m, 0xa100, ACCESS_READ);
	CHECK_STR(f.segment, "seg5");
	CHECK_STR(fault_of(x.m, 0xe000, ACCESS_READ).segment, "seg7");
	machine_fini(&x);
}

TEST(segmentation_refuses_an_impossible_geometry)
{
	struct physmem pm;
	CHECK_EQ(physmem_init(&pm, 64 * KIB, 12), PHYSMEM_OK);
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.mech = &mmu_segmentation;
	char err[200];
	unsigned bad[][2] = {{32, 0}, {32, 4}, {2, 2}, {64, 2}};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cfg.seg.va_bits = bad[i][0];
		cfg.seg.sel_bits = bad[i][1];
		CHECK(mmu_new(&cfg, &pm, NULL, err, sizeof err) == NULL);
	}
	CHECK_STR(err, "segmentation: 2 selector bits of a 64-bit address (1 to 3 bits, below 64)");
	physmem_fini(&pm);
}

TEST(segmentation_refuses_segments_it_cannot_hold)
{
	struct machine x;
	ostep_machine(&x);
	char err[200];
	struct mmu_context ctx, before;
	mmu_save_context(x.m, &before);
	struct mmu_segment bad[] = {
		{.base = 60 * KIB, .limit = 0x1001, .prot = RW},                     /* beyond ram */
		{.base = 0, .limit = 0x1001, .prot = RW},                            /* larger than 4K */
		{.base = 0x800, .limit = 0x1000, .grows_down = true, .prot = RW},    /* below 0 */
		{.base = 68 * KIB, .limit = 0x1000, .grows_down = true, .prot = RW}, /* beyond ram */
		{.base = 0, .limit = 0x10, .prot = PTE_U},                           /* not r/w/x */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ctx = before;
		ctx.seg[1] = bad[i];
		if (mmu_load_context(x.m, &ctx, err, sizeof err) != MMU_ERANGE)
			FAIL("segment %zu was loaded", i);
	}
	CHECK_STR(err, "segment 1: base 0x0 limit 0x10 prot 0x10 beyond physical memory, the largest segment, or r/w/x");
	ctx = before;
	ctx.seg[5].limit = 0x10; /* only 4 segments */
	CHECK_EQ(mmu_load_context(x.m, &ctx, err, sizeof err), MMU_ERANGE);
	CHECK_STR(err, "segment 5: base 0x0 limit 0x10 prot 0x0 beyond the segments the selector chooses");
	mmu_save_context(x.m, &ctx);
	CHECK(memcmp(&ctx, &before, sizeof ctx) == 0); /* nothing changed */
	ctx.seg[3] = (struct mmu_segment){.base = 64 * KIB, .limit = 0x1000, .grows_down = true, .prot = RW};
	load(x.m, &ctx); /* the top of ram, the largest segment */
	CHECK_EQ(pa_of(x.m, 0x3000, ACCESS_READ), 60 * KIB);
	machine_fini(&x);
}

TEST(segmentation_context_switch_saves_and_loads_the_segment_table)
{
	struct machine x;
	ostep_machine(&x);
	struct mmu_context a, b;
	mmu_save_context(x.m, &a);
	CHECK_EQ(a.kind, MMU_MECH_SEGMENTATION);
	CHECK_EQ(a.seg[1].base, 34 * KIB);
	CHECK(a.seg[3].grows_down);
	b = a;
	b.seg[1].base = 40 * KIB; /* another process: its own heap, the same code */
	b.seg[3].base = 60 * KIB;
	load(x.m, &b);
	CHECK_EQ(pa_of(x.m, 4200, ACCESS_READ), 40 * KIB + 104);
	CHECK_EQ(pa_of(x.m, 0x3c00, ACCESS_READ), 59 * KIB);
	CHECK_EQ(pa_of(x.m, 100, ACCESS_EXEC), 32868);
	struct mmu_context saved;
	mmu_save_context(x.m, &saved);
	CHECK(memcmp(&saved, &b, sizeof b) == 0);
	load(x.m, &a);
	CHECK_EQ(pa_of(x.m, 4200, ACCESS_READ), 34920);
	machine_fini(&x);
}

TEST(segmentation_explains_the_segment_and_its_offset)
{
	struct machine x;
	ostep_machine(&x);
	CHECK_STR(explained(x.m, 4200, ACCESS_READ),
		  "va 0x1068: segment 1 (heap), offset 0x68 + base 0x8800 = pa 0x8868 (limit 0xc00, rw-)");
	CHECK_STR(explained(x.m, 0x3c00, ACCESS_WRITE),
		  "va 0x3c00: segment 3 (stack, grows down), offset 0xc00 - 0x1000 = -0x400, base 0x7000 - 0x400 = pa 0x6c00"
		  " (limit 0x800, rw-)");
	CHECK_STR(explained(x.m, 0x10, ACCESS_EXEC),
		  "va 0x10: segment 0 (code), offset 0x10 + base 0x8000 = pa 0x8010 (limit 0x800, r-x)");
	machine_fini(&x);
}

TEST(segmentation_supervisor_accesses_are_not_relocated)
{
	struct machine x;
	ostep_machine(&x);
	paddr_t pa;
	struct fault f;
	CHECK(mmu_translate(x.m, 0x10, ACCESS_WRITE, PRIV_SUPERVISOR, &pa, &f));
	CHECK_EQ(pa, 0x10);
	char buf[200];
	mmu_describe(x.m, 0x10, 0x10, buf, sizeof buf);
	CHECK_STR(buf, "va 0x10 = pa 0x10 (supervisor: not relocated)");
	machine_fini(&x);
}

/* ---- OSTEP's simulators: relocation.py and segmentation.py -c ---- */

#define OSTEP_DIR "../shared/data/ostep"

/* "16k", "1m", "512" */
static uint64_t ostep_size(const char *s)
{
	char *end;
	uint64_t n = strtoull(s, &end, 10);
	if (*end == 'k')
		n *= KIB;
	else if (*end == 'm')
		n *= KIB * KIB;
	return n;
}

/* One answered problem: the registers and the trace with its answers. */
struct ostep_problem {
	uint64_t asize, psize;
	uint64_t base[2], limit[2];
	unsigned nva;
	uint64_t va[64];
	int seg[64];      /* the answer: -1 valid (relocation), 0/1 the segment, ... */
	bool valid[64];
	uint64_t pa[64];
};

static void ostep_va_line(struct ostep_problem *p, const char *line)
{
	unsigned long long va, pa;
	int seg = -1;
	const char *arrow = strstr(line, "--> ");
	if (!arrow || sscanf(line, " VA %*d: 0x%llx", &va) != 1 || p->nva >= 64)
		FAIL("unexpected line: %s", line);
	unsigned i = p->nva++;
	p->va[i] = va;
	p->valid[i] = strncmp(arrow + 4, "VALID", 5) == 0;
	if (!p->valid[i])
		return;
	if (sscanf(arrow + 4, "VALID in SEG%d: 0x%llx", &seg, &pa) != 2 && sscanf(arrow + 4, "VALID: 0x%llx", &pa) != 1)
		FAIL("unexpected answer: %s", line);
	p->seg[i] = seg;
	p->pa[i] = pa;
}

/* Reads an answered .out; false for a question (no answers). */
static bool ostep_read(const char *path, struct ostep_problem *p)
{
	FILE *in = fopen(path, "r");
	if (!in)
		FAIL("%s not found (run from the repository root)", path);
	memset(p, 0, sizeof *p);
	char line[256], size[32];
	bool answered = false;
	unsigned long long v;
	int s;
	while (fgets(line, sizeof line, in)) {
		if (sscanf(line, "ARG address space size %31s", size) == 1)
			p->asize = ostep_size(size);
		else if (sscanf(line, "ARG phys mem size %31s", size) == 1)
			p->psize = ostep_size(size);
		else if (sscanf(line, "  Base   : 0x%llx", &v) == 1)
			p->base[0] = v;
		else if (sscanf(line, "  Limit  : %llu", &v) == 1)
			p->limit[0] = v;
		else if (sscanf(line, "  Segment %d base %*[^:]: 0x%llx", &s, &v) == 2 && (s == 0 || s == 1))
			p->base[s] = v;
		else if (sscanf(line, "  Segment %d limit : %llu", &s, &v) == 2 && (s == 0 || s == 1))
			p->limit[s] = v;
		else if (strstr(line, "-->")) {
			ostep_va_line(p, line);
			answered |= !strstr(line, "PA or segmentation violation?");
		}
	}
	fclose(in);
	return answered;
}

static unsigned log2_exact(uint64_t n)
{
	unsigned b = 0;
	while (((uint64_t)1 << b) < n)
		b++;
	if (((uint64_t)1 << b) != n)
		FAIL("0x%" PRIx64 " is not a power of two", n);
	return b;
}

/* Checks every answer of p against the MMU in its current context. */
static void ostep_check(struct mmu *m, const struct ostep_problem *p, const char *path)
{
	for (unsigned i = 0; i < p->nva; i++) {
		paddr_t pa;
		struct fault f;
		bool ok = mmu_translate(m, p->va[i], ACCESS_READ, PRIV_USER, &pa, &f);
		if (ok != p->valid[i] || (ok && pa != p->pa[i]))
			FAIL("%s: VA %u 0x%" PRIx64 ": %s 0x%" PRIx64 ", the simulator says %s 0x%" PRIx64, path, i, p->va[i],
			     ok ? "pa" : "fault", ok ? pa : 0, p->valid[i] ? "pa" : "violation", p->pa[i]);
	}
}

static uint64_t ram_for(uint64_t psize) { return psize < 4 * KIB ? 4 * KIB : psize; }

/* Each answered problem of dir checked by fn; returns how many there were. */
static unsigned ostep_each(const char *dir, void (*fn)(const char *path, const struct ostep_problem *p))
{
	unsigned n = 0;
	for (unsigned i = 0; i < 1000; i++) {
		char path[256];
		snprintf(path, sizeof path, "%s/%s/%03u.out", OSTEP_DIR, dir, i);
		FILE *probe = fopen(path, "r");
		if (!probe)
			break;
		fclose(probe);
		struct ostep_problem p;
		if (!ostep_read(path, &p))
			continue;
		fn(path, &p);
		n++;
	}
	return n;
}

static void relocation_problem(const char *path, const struct ostep_problem *p)
{
	struct machine x;
	machine_init(&x, ram_for(p->psize), &mmu_base_bounds);
	load(x.m, &(struct mmu_context){.kind = MMU_MECH_BASE_BOUNDS, .bb = {p->base[0], p->limit[0]}});
	ostep_check(x.m, p, path);
	machine_fini(&x);
}

TEST(base_bounds_gives_relocation_py_answers)
{
	CHECK_EQ(ostep_each("relocation", relocation_problem), 40);
}

static void segmentation_problem(const char *path, const struct ostep_problem *p)
{
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.mech = &mmu_segmentation;
	cfg.seg = (struct mmu_seg_config){.va_bits = log2_exact(p->asize), .sel_bits = 1};
	struct machine x;
	machine_init_cfg(&x, ram_for(p->psize), &cfg);
	struct mmu_context ctx = {.kind = MMU_MECH_SEGMENTATION};
	ctx.seg[0] = (struct mmu_segment){.base = p->base[0], .limit = p->limit[0], .prot = RW};
	ctx.seg[1] = (struct mmu_segment){.base = p->base[1], .limit = p->limit[1], .grows_down = true, .prot = RW};
	load(x.m, &ctx);
	ostep_check(x.m, p, path);
	for (unsigned i = 0; i < p->nva; i++)
		if (p->valid[i] && (unsigned)p->seg[i] != (p->va[i] >> (cfg.seg.va_bits - 1)))
			FAIL("%s: VA %u is in SEG%d", path, i, p->seg[i]);
	machine_fini(&x);
}

TEST(segmentation_gives_segmentation_py_answers)
{
	CHECK_EQ(ostep_each("segmentation", segmentation_problem), 25);
}
