/* The MMU: TLB hits and misses over the page walk, A/D through the TLB, split
 * and second-level TLBs, software refill, ASIDs, shootdowns, and a differential
 * test of TLB+MMU against an independent direct walk for every preset. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hw/mmu.h"
#include "lib/rng.h"
#include "tests/harness.h"
#include "tests/support_rig.h"

#define RWU (PTE_R | PTE_W | PTE_U)

static struct mmu *mmu_for(struct rig *r, const struct mmu_config *cfg)
{
	char err[200];
	struct mmu *m = mmu_new(cfg, &r->pm, &r->fmt, err, sizeof err);
	if (!m)
		FAIL("mmu_new: %s", err);
	mmu_set_context(m, r->pt.root, 1);
	return m;
}

static struct mmu *default_mmu(struct rig *r)
{
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	return mmu_for(r, &cfg);
}

TEST(a_miss_walks_three_levels_and_the_next_access_hits)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	pfn_t pfn = rig_map_fresh(&r, 0x7000, 0, RWU);
	struct mmu *m = default_mmu(&r);
	paddr_t pa;
	struct fault f;
	CHECK(mmu_translate(m, 0x7008, ACCESS_READ, PRIV_USER, &pa, &f));
	CHECK_EQ(pa, (pfn << 12) + 8);
	CHECK_EQ(m->c.walks, 1);
	CHECK_EQ(m->c.walk_refs, 3);
	CHECK(mmu_translate(m, 0x7ff0, ACCESS_READ, PRIV_USER, &pa, &f));
	CHECK_EQ(pa, (pfn << 12) + 0xff0);
	CHECK_EQ(m->c.walks, 1);
	uint64_t hits, misses;
	mmu_tlb_totals(m, &hits, &misses);
	CHECK_EQ(hits, 1);
	CHECK_EQ(misses, 1);
	mmu_free(m);
	rig_fini(&r);
}

TEST(a_write_through_a_clean_tlb_entry_walks_again_to_set_d)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	rig_map_fresh(&r, 0x7000, 0, RWU);
	struct mmu *m = default_mmu(&r);
	paddr_t pa;
	struct fault f;
	struct pt_leaf leaf;
	CHECK(mmu_translate(m, 0x7000, ACCESS_READ, PRIV_USER, &pa, &f));
	CHECK(pt_lookup(&r.pt, 0x7000, &leaf) == PT_OK);
	CHECK_EQ(leaf.flags & (PTE_A | PTE_D), PTE_A);
	CHECK(mmu_translate(m, 0x7000, ACCESS_WRITE, PRIV_USER, &pa, &f));
	CHECK_EQ(m->c.walks, 2);
	CHECK(pt_lookup(&r.pt, 0x7000, &leaf) == PT_OK);
	CHECK_EQ(leaf.flags & (PTE_A | PTE_D), PTE_A | PTE_D);
	CHECK(mmu_translate(m, 0x7000, ACCESS_WRITE, PRIV_USER, &pa, &f));
	CHECK_EQ(m->c.walks, 2);
	mmu_free(m);
	rig_fini(&r);
}

TEST(a_cached_read_only_translation_still_refuses_a_write)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	rig_map_fresh(&r, 0x7000, 0, PTE_R | PTE_U);
	struct mmu *m = default_mmu(&r);
	paddr_t pa;
	struct fault f;
	CHECK(mmu_translate(m, 0x7000, ACCESS_READ, PRIV_USER, &pa, &f));
	CHECK(!mmu_translate(m, 0x7000, ACCESS_WRITE, PRIV_USER, &pa, &f));
	CHECK_EQ(f.kind, FAULT_PROTECTION);
	CHECK_EQ(f.violated, PTE_W);
	CHECK_EQ(f.va, 0x7000);
	CHECK_EQ(m->c.faults[FAULT_PROTECTION], 1);
	CHECK(!mmu_translate(m, 0x7000, ACCESS_READ, PRIV_SUPERVISOR, &pa, &f));
	CHECK_EQ(f.violated, PTE_U);
	mmu_free(m);
	rig_fini(&r);
}

TEST(bare_translation_is_the_identity_inside_ram)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 4);
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.mech = &mmu_bare;
	struct mmu *m = mmu_for(&r, &cfg);
	paddr_t pa;
	struct fault f;
	CHECK(mmu_translate(m, 0x3ffc, ACCESS_WRITE, PRIV_USER, &pa, &f));
	CHECK_EQ(pa, 0x3ffc);
	CHECK(!mmu_translate(m, 0x4000, ACCESS_READ, PRIV_USER, &pa, &f));
	CHECK_EQ(f.kind, FAULT_BUS);
	mmu_free(m);
	rig_fini(&r);
}

/* Two address spaces mapping the same VA to different frames. */
struct two_spaces {
	struct rig r;
	struct pt other;
	pfn_t a, b;
};

static void two_spaces_init(struct two_spaces *t)
{
	rig_init(&t->r, "sv39", 0, 0, 64);
	t->a = rig_map_fresh(&t->r, 0x1000, 0, RWU);
	struct frame_source fs = test_frames_source(&t->r.tf);
	CHECK(pt_init(&t->other, &t->r.fmt, &t->r.pm, &fs) == PT_OK);
	t->b = test_frames_take(&t->r.tf);
	CHECK(pt_map(&t->other, 0x1000, t->b, 0, RWU) == PT_OK);
}

static void two_spaces_fini(struct two_spaces *t)
{
	pt_fini(&t->other);
	rig_fini(&t->r);
}

static paddr_t must_translate(struct mmu *m, vaddr_t va)
{
	paddr_t pa;
	struct fault f;
	if (!mmu_translate(m, va, ACCESS_READ, PRIV_USER, &pa, &f))
		FAIL("unexpected fault at 0x%llx", (unsigned long long)va);
	return pa;
}

TEST(asids_keep_two_address_spaces_apart_without_flushing)
{
	struct two_spaces t;
	two_spaces_init(&t);
	struct mmu *m = default_mmu(&t.r);
	CHECK_EQ(must_translate(m, 0x1000), t.a << 12);
	mmu_set_context(m, t.other.root, 2);
	CHECK_EQ(must_translate(m, 0x1000), t.b << 12);
	mmu_set_context(m, t.r.pt.root, 1);
	CHECK_EQ(must_translate(m, 0x1000), t.a << 12);
	CHECK_EQ(m->c.walks, 2);
	uint64_t hits, misses;
	tlb_asid_counters(m->tlb[ACCESS_READ], 1, &hits, &misses);
	CHECK_EQ(hits, 1);
	CHECK_EQ(misses, 1);
	mmu_free(m);
	two_spaces_fini(&t);
}

TEST(without_asids_a_context_switch_flushes_the_tlb)
{
	struct two_spaces t;
	two_spaces_init(&t);
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.tlb.asid = false;
	struct mmu *m = mmu_for(&t.r, &cfg);
	CHECK_EQ(must_translate(m, 0x1000), t.a << 12);
	mmu_set_context(m, t.other.root, 2);
	CHECK_EQ(must_translate(m, 0x1000), t.b << 12);
	mmu_set_context(m, t.r.pt.root, 1);
	CHECK_EQ(must_translate(m, 0x1000), t.a << 12);
	CHECK_EQ(m->c.walks, 3);
	mmu_set_context(m, t.r.pt.root, 1); /* same context: nothing flushed */
	CHECK_EQ(must_translate(m, 0x1000), t.a << 12);
	CHECK_EQ(m->c.walks, 3);
	mmu_free(m);
	two_spaces_fini(&t);
}

TEST(an_unmapped_page_stays_reachable_until_the_shootdown)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	pfn_t pfn = rig_map_fresh(&r, 0x1000, 0, RWU);
	struct mmu *m = default_mmu(&r);
	CHECK_EQ(must_translate(m, 0x1000), pfn << 12);
	CHECK(pt_unmap(&r.pt, 0x1000, NULL) == PT_OK);
	CHECK_EQ(must_translate(m, 0x1000), pfn << 12); /* stale, as on real hardware */
	mmu_flush_va(m, 1, 0x1000);
	paddr_t pa;
	struct fault f;
	CHECK(!mmu_translate(m, 0x1000, ACCESS_READ, PRIV_USER, &pa, &f));
	CHECK_EQ(f.kind, FAULT_NOT_PRESENT);
	CHECK_EQ(m->c.shootdowns, 1);
	mmu_free(m);
	rig_fini(&r);
}

TEST(split_tlbs_keep_fetches_and_data_apart)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	rig_map_fresh(&r, 0x1000, 0, RWU | PTE_X);
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.split = true;
	struct mmu *m = mmu_for(&r, &cfg);
	CHECK(m->tlb[ACCESS_EXEC] != m->tlb[ACCESS_READ]);
	paddr_t pa;
	struct fault f;
	CHECK(mmu_translate(m, 0x1000, ACCESS_EXEC, PRIV_USER, &pa, &f));
	CHECK(mmu_translate(m, 0x1000, ACCESS_READ, PRIV_USER, &pa, &f));
	CHECK_EQ(m->c.walks, 2);
	CHECK_EQ(tlb_occupancy(m->tlb[ACCESS_EXEC]), 1);
	CHECK_EQ(tlb_occupancy(m->tlb[ACCESS_READ]), 1);
	CHECK(mmu_translate(m, 0x1000, ACCESS_EXEC, PRIV_USER, &pa, &f));
	CHECK_EQ(m->c.walks, 2);
	mmu_free(m);
	rig_fini(&r);
}

TEST(a_second_level_tlb_refills_the_first_without_a_walk)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	for (int i = 0; i < 8; i++)
		rig_map_fresh(&r, 0x1000 * (uint64_t)(i + 1), 0, RWU);
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.tlb.entries = 2;
	cfg.tlb.ways = 2;
	cfg.l2.entries = 16;
	cfg.l2.ways = 4;
	cfg.l2.asid = true;
	struct mmu *m = mmu_for(&r, &cfg);
	for (int i = 0; i < 8; i++)
		must_translate(m, 0x1000 * (uint64_t)(i + 1));
	CHECK_EQ(m->c.walks, 8);
	for (int i = 0; i < 8; i++)
		must_translate(m, 0x1000 * (uint64_t)(i + 1));
	CHECK_EQ(m->c.walks, 8);
	CHECK_EQ(tlb_counters(m->l2)->hits, 8);
	mmu_free(m);
	rig_fini(&r);
}

TEST(a_software_managed_tlb_traps_misses_to_the_kernel)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	pfn_t pfn = rig_map_fresh(&r, 0x1000, 0, RWU);
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.refill = TLB_REFILL_SW;
	struct mmu *m = mmu_for(&r, &cfg);
	paddr_t pa;
	struct fault f;
	CHECK(!mmu_translate(m, 0x1234, ACCESS_READ, PRIV_USER, &pa, &f));
	CHECK_EQ(f.kind, FAULT_TLB_MISS);
	CHECK_EQ(m->c.walks, 0);
	CHECK(mmu_refill(m, 0x1234, ACCESS_READ, PRIV_USER, &f));
	CHECK(mmu_translate(m, 0x1234, ACCESS_READ, PRIV_USER, &pa, &f));
	CHECK_EQ(pa, (pfn << 12) + 0x234);
	CHECK_EQ(m->c.sw_refills, 1);
	CHECK(!mmu_translate(m, 0x5000, ACCESS_READ, PRIV_USER, &pa, &f));
	CHECK(!mmu_refill(m, 0x5000, ACCESS_READ, PRIV_USER, &f));
	CHECK_EQ(f.kind, FAULT_NOT_PRESENT);
	mmu_free(m);
	rig_fini(&r);
}

TEST(superpage_translations_are_cached_as_one_entry)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 2048);
	pfn_t pfn = rig_map_fresh(&r, 0x200000, 1, RWU);
	struct mmu *m = default_mmu(&r);
	for (vaddr_t va = 0x200000; va < 0x400000; va += 0x1000)
		CHECK_EQ(must_translate(m, va + 4), (pfn << 12) + (va - 0x200000) + 4);
	CHECK_EQ(m->c.walks, 1);
	CHECK_EQ(tlb_occupancy(m->tlb[ACCESS_READ]), 1);
	mmu_free(m);
	rig_fini(&r);
}

TEST(latency_model_turns_counts_into_time)
{
	struct latency lat;
	latency_defaults(&lat);
	struct hw_counts c = {0};
	c.translations = 10;
	c.mem_refs[MEM_DRAM] = 13;
	CHECK_EQ(latency_ns(&lat, &c), 10 * 1 + 13 * 80);
	CHECK(latency_set(&lat, "dram", 100));
	CHECK(latency_set(&lat, "disk-read", 5));
	CHECK(!latency_set(&lat, "warp", 5));
	c.disk_reads = 2;
	CHECK_EQ(latency_ns(&lat, &c), 10 + 1300 + 10);
}

TEST(mmu_counts_feed_the_latency_model)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	rig_map_fresh(&r, 0x1000, 0, RWU);
	struct mmu *m = default_mmu(&r);
	paddr_t pa = must_translate(m, 0x1000);
	mmu_data_ref(m, pa);
	pa = must_translate(m, 0x1008);
	mmu_data_ref(m, pa);
	struct hw_counts c = {0};
	mmu_add_hw_counts(m, &c);
	CHECK_EQ(c.translations, 2);
	CHECK_EQ(c.mem_refs[MEM_DRAM], 3 + 2);
	mmu_free(m);
	rig_fini(&r);
}

TEST(impossible_tlb_geometry_is_refused_with_a_message)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 4);
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.tlb.entries = 12;
	cfg.tlb.ways = 4;
	char err[200] = "";
	CHECK(mmu_new(&cfg, &r.pm, &r.fmt, err, sizeof err) == NULL);
	CHECK(err[0] != '\0');
	rig_fini(&r);
}
