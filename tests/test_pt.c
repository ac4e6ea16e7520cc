/* Page tables in physical memory: formats, the VA split, map/unmap/update,
 * frame accounting, and every rule of the hardware walk. */
#include <stdlib.h>
#include <string.h>

#include "lib/rng.h"
#include "tests/harness.h"
#include "tests/support_rig.h"

#define RW (PTE_R | PTE_W)
#define RWU (PTE_R | PTE_W | PTE_U)
#define KiB(x) ((uint64_t)(x) << 10)
#define MiB(x) ((uint64_t)(x) << 20)
#define GiB(x) ((uint64_t)(x) << 30)

TEST(linear_course_example_splits_0x0110_into_vpn_1_offset_0x10)
{
	struct rig r;
	rig_init(&r, "linear", 8, 16, 64);
	CHECK_EQ(r.fmt.levels, 1);
	CHECK_EQ(r.fmt.level_bits[0], 8);
	CHECK_EQ(ptfmt_index(&r.fmt, 0x0110, 0), 1);
	CHECK_EQ(0x0110 & ((1u << r.fmt.page_shift) - 1), 0x10);
	CHECK(pt_map(&r.pt, 0x0100, 5, 0, RWU) == PT_OK);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, 0x0110, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NONE);
	CHECK_EQ(w.pa, 0x510);
	CHECK_EQ(rig_walk(&r, 0x10000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_VA_RANGE);
	rig_fini(&r);
}

TEST(sv39_splits_the_va_into_three_9_bit_indices)
{
	struct pt_format f;
	char err[100];
	CHECK(ptfmt_preset(&f, "sv39", 0, 0, err, sizeof err) == PTFMT_OK);
	vaddr_t va = GiB(3) + MiB(2) * 5 + KiB(4) * 7 + 0x123;
	CHECK_EQ(ptfmt_index(&f, va, 2), 3);
	CHECK_EQ(ptfmt_index(&f, va, 1), 5);
	CHECK_EQ(ptfmt_index(&f, va, 0), 7);
	CHECK_EQ(ptfmt_level_bytes(&f, 1), MiB(2));
	CHECK_EQ(ptfmt_level_bytes(&f, 2), GiB(1));
}

TEST(presets_have_their_geometry)
{
	struct pt_format f;
	char err[100];
	CHECK(ptfmt_preset(&f, "sv48", 0, 0, err, sizeof err) == PTFMT_OK);
	CHECK_EQ(f.levels, 4);
	CHECK_EQ(f.va_bits, 48);
	CHECK(ptfmt_preset(&f, "sv32", 0, 0, err, sizeof err) == PTFMT_OK);
	CHECK_EQ(f.pte_size, 4);
	CHECK_EQ(ptfmt_level_bytes(&f, 1), MiB(4));
	CHECK(ptfmt_preset(&f, "x86-64", 0, 0, err, sizeof err) == PTFMT_OK);
	CHECK_EQ(f.style, PTE_STYLE_X86);
	CHECK(ptfmt_preset(&f, "ostep-2level", 0, 0, err, sizeof err) == PTFMT_OK);
	CHECK_EQ(f.va_bits, 15);
	CHECK_EQ(f.page_shift, 5);
	CHECK_EQ(f.pte_size, 1);
	CHECK(ptfmt_preset(&f, "nope", 0, 0, err, sizeof err) == PTFMT_EINVAL);
	CHECK(strstr(err, "nope") != NULL);
}

TEST(custom_formats_are_checked)
{
	struct pt_format f;
	char err[200];
	unsigned bits[3] = {10, 10, 10};
	CHECK(ptfmt_custom(&f, 12, 42, 3, bits, 4, err, sizeof err) == PTFMT_OK);
	CHECK_EQ(f.level_bits[2], 10);
	CHECK_EQ(ptfmt_table_frames(&f, 0), 1);
	CHECK(ptfmt_custom(&f, 12, 40, 3, bits, 4, err, sizeof err) == PTFMT_EINVAL);
	CHECK(strstr(err, "40-bit") != NULL);
	CHECK(ptfmt_custom(&f, 12, 42, 3, bits, 2, err, sizeof err) == PTFMT_EINVAL);
	CHECK(ptfmt_custom(&f, 12, 42, 7, bits, 8, err, sizeof err) == PTFMT_EINVAL);
	unsigned unequal[2] = {3, 4};
	CHECK(ptfmt_custom(&f, 8, 15, 2, unequal, 8, err, sizeof err) == PTFMT_OK);
	CHECK_EQ(f.level_bits[1], 3); /* given root first */
	CHECK_EQ(f.level_bits[0], 4);
}

TEST(one_page_in_sv39_costs_three_table_frames)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	CHECK_EQ(r.pt.frames, 1);
	rig_map_fresh(&r, 0x1000, 0, RWU);
	CHECK_EQ(r.pt.frames, 3);
	rig_map_fresh(&r, 0x2000, 0, RWU);
	CHECK_EQ(r.pt.frames, 3);
	rig_fini(&r);
}

TEST(512_aligned_pages_cost_three_table_frames_and_513_cost_four)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 2048);
	vaddr_t base = GiB(1) + MiB(2) * 3;
	for (int i = 0; i < 512; i++)
		CHECK(pt_map(&r.pt, base + KiB(4) * i, 1000 + i, 0, RWU) == PT_OK);
	CHECK_EQ(r.pt.frames, 3);
	CHECK(pt_map(&r.pt, base + KiB(4) * 512, 1600, 0, RWU) == PT_OK);
	CHECK_EQ(r.pt.frames, 4);
	rig_fini(&r);
}

TEST(fini_returns_every_table_frame)
{
	struct rig r;
	rig_init(&r, "sv48", 0, 0, 256);
	uint64_t before = r.tf.in_use;
	for (int i = 0; i < 20; i++)
		CHECK(pt_map(&r.pt, GiB(1) * (uint64_t)i * 37 + KiB(4) * (uint64_t)i, 200, 0, RW) == PT_OK);
	CHECK(r.tf.in_use > before);
	CHECK_EQ(r.tf.in_use, r.pt.frames);
	pt_fini(&r.pt);
	CHECK_EQ(r.tf.in_use, 0);
	CHECK_EQ(r.pt.frames, 0);
	test_frames_fini(&r.tf);
	physmem_fini(&r.pm);
}

TEST(a_linear_table_larger_than_a_page_takes_contiguous_frames)
{
	struct rig r;
	rig_init(&r, "linear", 12, 32, 2048); /* 2^20 entries x 4 bytes = 1024 frames */
	CHECK_EQ(r.pt.frames, 1024);
	CHECK(pt_map(&r.pt, 0xfffff000, 1500, 0, RWU) == PT_OK);
	struct pt_leaf leaf;
	CHECK(pt_lookup(&r.pt, 0xfffff123, &leaf) == PT_OK);
	CHECK_EQ(leaf.pte_pa, ((uint64_t)r.pt.root << 12) + 0xfffff * 4);
	rig_fini(&r);
}

TEST(superpages_map_and_translate_at_levels_1_and_2)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, GiB(3) >> 12);
	pfn_t mega = rig_map_fresh(&r, GiB(5) + MiB(2) * 7, 1, RWU);
	CHECK_EQ(r.pt.frames, 2);
	pfn_t giga = rig_map_fresh(&r, GiB(9), 2, RWU);
	CHECK_EQ(r.pt.frames, 2);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, GiB(5) + MiB(2) * 7 + 0x12345, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NONE);
	CHECK_EQ(w.level, 1);
	CHECK_EQ(w.pa, (mega << 12) + 0x12345);
	CHECK_EQ(rig_walk(&r, GiB(9) + 0x3456789, ACCESS_WRITE, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NONE);
	CHECK_EQ(w.level, 2);
	CHECK_EQ(w.pa, (giga << 12) + 0x3456789);
	struct pt_leaf leaf;
	CHECK(pt_lookup(&r.pt, GiB(9) + 5, &leaf) == PT_OK);
	CHECK_EQ(leaf.level, 2);
	CHECK_EQ(leaf.va, GiB(9));
	CHECK(leaf.flags & PTE_D);
	rig_fini(&r);
}

TEST(map_refuses_overlaps_misalignment_and_bad_flags)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 4096);
	rig_map_fresh(&r, MiB(2), 1, RWU);
	CHECK(pt_map(&r.pt, MiB(2) + KiB(4), 10, 0, RWU) == PT_EXISTS);
	CHECK(pt_map(&r.pt, MiB(2), 10, 0, RWU) == PT_EXISTS);
	CHECK(pt_map(&r.pt, KiB(4), 10, 0, RWU) == PT_OK);
	CHECK(pt_map(&r.pt, KiB(4), 11, 0, RWU) == PT_EXISTS);
	CHECK(pt_map(&r.pt, 0, 1024, 1, RWU) == PT_EXISTS); /* a table is already there */
	CHECK(pt_map(&r.pt, KiB(4) + 1, 10, 0, RWU) == PT_EINVAL);
	CHECK(pt_map(&r.pt, MiB(8), 513, 1, RWU) == PT_EINVAL);
	CHECK(pt_map(&r.pt, KiB(8), 12, 0, PTE_W) == PT_EINVAL);
	CHECK(pt_map(&r.pt, KiB(8), 12, 0, PTE_U) == PT_EINVAL);
	CHECK(pt_map(&r.pt, 1ull << 39, 12, 0, RW) == PT_EINVAL);
	CHECK(pt_map(&r.pt, KiB(8), 12, 3, RW) == PT_EINVAL);
	rig_fini(&r);
}

TEST(unmap_returns_the_old_leaf_and_the_walk_then_faults_at_level_0)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	pfn_t pfn = rig_map_fresh(&r, 0x5000, 0, RWU);
	struct pt_leaf old;
	CHECK(pt_unmap(&r.pt, 0x5abc, &old) == PT_OK);
	CHECK_EQ(old.pfn, pfn);
	CHECK_EQ(old.va, 0x5000);
	CHECK(pt_unmap(&r.pt, 0x5abc, &old) == PT_ENOENT);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, 0x5000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NOT_PRESENT);
	CHECK_EQ(f.level, 0);
	rig_fini(&r);
}

/* map_leaf, then reread, update and unmap at the leaf's PTE, for preset. */
static void leaf_ops_follow_the_pte(const char *preset)
{
	struct rig r;
	rig_init(&r, preset, 0, 0, 64);
	pfn_t pfn = test_frames_take(&r.tf);
	struct pt_leaf leaf, found;
	CHECK(pt_map_leaf(&r.pt, 0x7000, pfn, 0, RWU, &leaf) == PT_OK);
	CHECK(pt_lookup(&r.pt, 0x7000, &found) == PT_OK);
	CHECK_EQ(leaf.va, 0x7000);
	CHECK_EQ(leaf.pfn, pfn);
	CHECK_EQ(leaf.level, 0);
	CHECK_EQ(leaf.pte_pa, found.pte_pa);
	CHECK_EQ(leaf.flags, found.flags);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, 0x7008, ACCESS_WRITE, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NONE);
	CHECK(pt_reread(&r.pt, &leaf) == PT_OK); /* sees what the hardware set */
	CHECK_EQ(leaf.flags & (PTE_A | PTE_D), PTE_A | PTE_D);
	pt_update_leaf(&r.pt, &leaf, 0, PTE_A);
	CHECK(pt_lookup(&r.pt, 0x7000, &found) == PT_OK);
	CHECK_EQ(found.flags & (PTE_A | PTE_D), PTE_D);
	CHECK_EQ(found.pfn, pfn);
	CHECK(pt_unmap_leaf(&r.pt, &leaf) == PT_OK);
	CHECK(pt_lookup(&r.pt, 0x7000, &found) == PT_ENOENT);
	CHECK(pt_reread(&r.pt, &leaf) == PT_ENOENT);
	CHECK(pt_unmap_leaf(&r.pt, &leaf) == PT_ENOENT);
	CHECK(pt_map(&r.pt, 0x7000, pfn, 0, RWU) == PT_OK); /* the same PTE again */
	CHECK(pt_reread(&r.pt, &leaf) == PT_OK);
	CHECK_EQ(leaf.pfn, pfn);
	rig_fini(&r);
}

TEST(leaf_operations_follow_the_pte_without_a_walk_in_every_style)
{
	leaf_ops_follow_the_pte("sv39");
	leaf_ops_follow_the_pte("x86-64");
	leaf_ops_follow_the_pte("sv32");
}

TEST(invalid_pte_faults_at_the_level_where_the_walk_stopped)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	struct walk_result w;
	struct fault f;
	uint64_t refs = 0;
	CHECK(!pt_walk(&r.fmt, &r.pm, r.pt.root, 0x1000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f, &refs));
	CHECK_EQ(f.kind, FAULT_NOT_PRESENT);
	CHECK_EQ(f.level, 2);
	CHECK_EQ(refs, 1);
	rig_map_fresh(&r, 0x1000, 0, RWU);
	CHECK_EQ(rig_walk(&r, GiB(1) * 2, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NOT_PRESENT);
	CHECK_EQ(f.level, 2);
	CHECK_EQ(rig_walk(&r, MiB(2) * 9, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NOT_PRESENT);
	CHECK_EQ(f.level, 1);
	refs = 0;
	CHECK(!pt_walk(&r.fmt, &r.pm, r.pt.root, 0x2000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f, &refs));
	CHECK_EQ(f.level, 0);
	CHECK_EQ(refs, 3);
	CHECK_EQ(f.va, 0x2000);
	rig_fini(&r);
}

/* Overwrites the leaf PTE of va with a raw value. */
static void poke_leaf(struct rig *r, vaddr_t va, pte_t raw)
{
	struct pt_leaf leaf;
	CHECK(pt_lookup(&r->pt, va, &leaf) == PT_OK);
	physmem_store(&r->pm, leaf.pte_pa, r->fmt.pte_size, raw);
}

TEST(w_without_r_is_a_reserved_encoding)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	pfn_t pfn = rig_map_fresh(&r, 0x1000, 0, RWU);
	poke_leaf(&r, 0x1000, (pfn << 10) | PTE_V | PTE_W | PTE_U | PTE_X);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_EXEC, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_RESERVED);
	CHECK_EQ(f.level, 0);
	rig_fini(&r);
}

TEST(a_pointer_at_the_last_level_is_reserved)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	pfn_t pfn = rig_map_fresh(&r, 0x1000, 0, RWU);
	poke_leaf(&r, 0x1000, (pfn << 10) | PTE_V);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_RESERVED);
	rig_fini(&r);
}

TEST(reserved_high_bits_in_an_sv39_pte_fault)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	pfn_t pfn = rig_map_fresh(&r, 0x1000, 0, RWU);
	poke_leaf(&r, 0x1000, (1ull << 60) | (pfn << 10) | PTE_V | RWU);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_RESERVED);
	rig_fini(&r);
}

TEST(a_leaf_at_each_level_ends_the_walk_there)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, GiB(3) >> 12);
	rig_map_fresh(&r, 0x1000, 0, RWU);
	rig_map_fresh(&r, MiB(4), 1, RWU);
	rig_map_fresh(&r, GiB(2), 2, RWU);
	struct walk_result w;
	struct fault f;
	uint64_t refs = 0;
	CHECK(pt_walk(&r.fmt, &r.pm, r.pt.root, 0x1000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f, &refs));
	CHECK_EQ(w.level, 0);
	CHECK_EQ(refs, 3);
	refs = 0;
	CHECK(pt_walk(&r.fmt, &r.pm, r.pt.root, MiB(4) + 77, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f, &refs));
	CHECK_EQ(w.level, 1);
	CHECK_EQ(refs, 2);
	refs = 0;
	CHECK(pt_walk(&r.fmt, &r.pm, r.pt.root, GiB(2) + 77, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f, &refs));
	CHECK_EQ(w.level, 2);
	CHECK_EQ(refs, 1);
	rig_fini(&r);
}

TEST(a_misaligned_superpage_faults)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 4096);
	rig_map_fresh(&r, MiB(2), 1, RWU);
	poke_leaf(&r, MiB(2), (1ull << 10) | PTE_V | RWU | PTE_A | PTE_D);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, MiB(2), ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_MISALIGNED);
	CHECK_EQ(f.level, 1);
	rig_fini(&r);
}

TEST(u_bit_decides_user_and_supervisor_access)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	rig_map_fresh(&r, 0x1000, 0, RW | PTE_X);
	rig_map_fresh(&r, 0x2000, 0, RWU | PTE_X);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_PROTECTION);
	CHECK_EQ(f.violated, PTE_U);
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_READ, PRIV_SUPERVISOR, WALK_HW_AD, &w, &f), FAULT_NONE);
	CHECK_EQ(rig_walk(&r, 0x2000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NONE);
	CHECK_EQ(rig_walk(&r, 0x2000, ACCESS_READ, PRIV_SUPERVISOR, WALK_HW_AD, &w, &f), FAULT_PROTECTION);
	CHECK_EQ(f.violated, PTE_U);
	CHECK_EQ(rig_walk(&r, 0x2000, ACCESS_WRITE, PRIV_SUPERVISOR, WALK_HW_AD | WALK_SUM, &w, &f), FAULT_NONE);
	CHECK_EQ(rig_walk(&r, 0x2000, ACCESS_EXEC, PRIV_SUPERVISOR, WALK_HW_AD | WALK_SUM, &w, &f), FAULT_PROTECTION);
	rig_fini(&r);
}

TEST(r_w_x_each_allow_only_their_access)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	rig_map_fresh(&r, 0x1000, 0, PTE_R | PTE_U);
	rig_map_fresh(&r, 0x2000, 0, PTE_X | PTE_U);
	rig_map_fresh(&r, 0x3000, 0, RWU);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NONE);
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_WRITE, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_PROTECTION);
	CHECK_EQ(f.violated, PTE_W);
	CHECK_EQ(f.access, ACCESS_WRITE);
	CHECK_EQ(fault_cause(&f), CAUSE_STORE_PAGE_FAULT);
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_EXEC, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_PROTECTION);
	CHECK_EQ(f.violated, PTE_X);
	CHECK_EQ(fault_cause(&f), CAUSE_FETCH_PAGE_FAULT);
	CHECK_EQ(rig_walk(&r, 0x2000, ACCESS_EXEC, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NONE);
	CHECK_EQ(rig_walk(&r, 0x2000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_PROTECTION);
	CHECK_EQ(fault_cause(&f), CAUSE_LOAD_PAGE_FAULT);
	CHECK_EQ(rig_walk(&r, 0x2000, ACCESS_READ, PRIV_USER, WALK_HW_AD | WALK_MXR, &w, &f), FAULT_NONE);
	CHECK_EQ(rig_walk(&r, 0x3000, ACCESS_WRITE, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NONE);
	CHECK_EQ(rig_walk(&r, 0x3000, ACCESS_EXEC, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_PROTECTION);
	rig_fini(&r);
}

TEST(hardware_sets_a_on_access_and_d_on_write)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	rig_map_fresh(&r, 0x1000, 0, RWU);
	struct pt_leaf leaf;
	struct walk_result w;
	struct fault f;
	CHECK(pt_lookup(&r.pt, 0x1000, &leaf) == PT_OK);
	CHECK_EQ(leaf.flags & (PTE_A | PTE_D), 0);
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NONE);
	CHECK(pt_lookup(&r.pt, 0x1000, &leaf) == PT_OK);
	CHECK_EQ(leaf.flags & (PTE_A | PTE_D), PTE_A);
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_WRITE, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NONE);
	CHECK(pt_lookup(&r.pt, 0x1000, &leaf) == PT_OK);
	CHECK_EQ(leaf.flags & (PTE_A | PTE_D), PTE_A | PTE_D);
	CHECK(pt_update(&r.pt, 0x1000, 0, PTE_A | PTE_D) == PT_OK);
	CHECK(pt_lookup(&r.pt, 0x1000, &leaf) == PT_OK);
	CHECK_EQ(leaf.flags & (PTE_A | PTE_D), 0);
	rig_fini(&r);
}

TEST(software_managed_a_d_bits_fault_instead)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	rig_map_fresh(&r, 0x1000, 0, RWU);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_READ, PRIV_USER, 0, &w, &f), FAULT_AD);
	CHECK(pt_update(&r.pt, 0x1000, PTE_A, 0) == PT_OK);
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_READ, PRIV_USER, 0, &w, &f), FAULT_NONE);
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_WRITE, PRIV_USER, 0, &w, &f), FAULT_AD);
	struct pt_leaf leaf;
	CHECK(pt_lookup(&r.pt, 0x1000, &leaf) == PT_OK);
	CHECK_EQ(leaf.flags & PTE_D, 0);
	rig_fini(&r);
}

TEST(addresses_beyond_the_va_width_or_not_canonical_fault)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, 1ull << 39, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_VA_RANGE);
	CHECK_EQ(rig_walk(&r, 0x0000008000000000ull, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_VA_RANGE);
	CHECK_EQ(rig_walk(&r, 0x8000000000001000ull, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_VA_RANGE);
	vaddr_t high = 0xffffffffc0001000ull; /* canonical: the top GiB */
	rig_map_fresh(&r, high, 0, RW);
	CHECK_EQ(ptfmt_index(&r.fmt, high, 2), 511);
	CHECK_EQ(rig_walk(&r, high + 8, ACCESS_READ, PRIV_SUPERVISOR, WALK_HW_AD, &w, &f), FAULT_NONE);
	rig_fini(&r);
	rig_init(&r, "sv32", 0, 0, 64);
	CHECK_EQ(rig_walk(&r, 1ull << 32, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_VA_RANGE);
	CHECK_EQ(rig_walk(&r, 0xfffff000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NOT_PRESENT);
	rig_fini(&r);
}

TEST(a_table_outside_physical_memory_is_a_bus_error)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	rig_map_fresh(&r, 0x1000, 0, RWU);
	physmem_store(&r.pm, (uint64_t)r.pt.root << 12, 8, (1000ull << 10) | PTE_V);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_BUS);
	CHECK_EQ(fault_cause(&f), CAUSE_LOAD_ACCESS);
	struct pt_leaf leaf;
	CHECK(pt_lookup(&r.pt, 0x1000, &leaf) == PT_ECORRUPT);
	physmem_store(&r.pm, (uint64_t)r.pt.root << 12, 8, 0);
	r.pt.frames = 1; /* the tables below were cut off by hand */
	rig_fini(&r);
}

TEST(sv32_has_4_mib_superpages_and_4_byte_ptes)
{
	struct rig r;
	rig_init(&r, "sv32", 0, 0, 4096);
	pfn_t pfn = rig_map_fresh(&r, MiB(8), 1, RWU);
	rig_map_fresh(&r, 0x1000, 0, RWU);
	CHECK_EQ(r.pt.frames, 2);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, MiB(8) + 0x123456, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NONE);
	CHECK_EQ(w.pa, (pfn << 12) + 0x123456);
	struct pt_leaf leaf;
	CHECK(pt_lookup(&r.pt, 0x1000, &leaf) == PT_OK);
	CHECK_EQ(physmem_load(&r.pm, leaf.pte_pa, 4) >> 10, leaf.pfn);
	rig_fini(&r);
}

/* Address of the entry for va in the table at level `level` (walking from the root). */
static paddr_t entry_pa(struct rig *r, vaddr_t va, unsigned level)
{
	paddr_t table = (paddr_t)r->pt.root << r->fmt.page_shift;
	for (unsigned l = r->fmt.levels - 1;; l--) {
		paddr_t pa = table + ptfmt_index(&r->fmt, va, l) * r->fmt.pte_size;
		if (l == level)
			return pa;
		struct pte_info info;
		ptfmt_decode(&r->fmt, physmem_load(&r->pm, pa, r->fmt.pte_size), l, &info);
		table = info.pfn << r->fmt.page_shift;
	}
}

TEST(x86_64_ands_write_and_user_down_the_walk_and_honours_nx)
{
	struct rig r;
	rig_init(&r, "x86-64", 0, 0, 64);
	rig_map_fresh(&r, 0x1000, 0, RWU);
	pte_t leaf = physmem_load(&r.pm, entry_pa(&r, 0x1000, 0), 8);
	CHECK(leaf & X86_NX);
	CHECK(leaf & X86_US);
	CHECK(leaf & X86_RW);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_WRITE, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NONE);
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_EXEC, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_PROTECTION);
	CHECK_EQ(f.violated, PTE_X);
	for (unsigned l = 1; l < 4; l++)
		CHECK(physmem_load(&r.pm, entry_pa(&r, 0x1000, l), 8) & X86_A);
	CHECK(physmem_load(&r.pm, entry_pa(&r, 0x1000, 0), 8) & X86_D);
	paddr_t pml4e = entry_pa(&r, 0x1000, 3);
	physmem_store(&r.pm, pml4e, 8, physmem_load(&r.pm, pml4e, 8) & ~X86_RW);
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_WRITE, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_PROTECTION);
	CHECK_EQ(f.violated, PTE_W);
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NONE);
	paddr_t pde = entry_pa(&r, 0x1000, 1);
	physmem_store(&r.pm, pde, 8, physmem_load(&r.pm, pde, 8) & ~X86_US);
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_PROTECTION);
	CHECK_EQ(f.violated, PTE_U);
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_READ, PRIV_SUPERVISOR, WALK_HW_AD, &w, &f), FAULT_NONE);
	physmem_store(&r.pm, pml4e, 8, physmem_load(&r.pm, pml4e, 8) | X86_PS);
	CHECK_EQ(rig_walk(&r, 0x1000, ACCESS_READ, PRIV_SUPERVISOR, WALK_HW_AD, &w, &f), FAULT_RESERVED);
	CHECK_EQ(f.level, 3);
	physmem_store(&r.pm, pml4e, 8, physmem_load(&r.pm, pml4e, 8) & ~X86_PS);
	rig_fini(&r);
}

TEST(x86_64_has_2_mib_pages_with_ps)
{
	struct rig r;
	rig_init(&r, "x86-64", 0, 0, 2048);
	pfn_t pfn = rig_map_fresh(&r, MiB(6), 1, RWU | PTE_X);
	CHECK(physmem_load(&r.pm, entry_pa(&r, MiB(6), 1), 8) & X86_PS);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, MiB(6) + 0x1234, ACCESS_EXEC, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NONE);
	CHECK_EQ(w.pa, (pfn << 12) + 0x1234);
	CHECK_EQ(w.level, 1);
	rig_fini(&r);
}

TEST(ostep_2level_uses_one_byte_entries_and_a_page_number_base)
{
	struct rig r;
	rig_init(&r, "ostep-2level", 0, 0, 128);
	CHECK_EQ(r.pm.size, 4096);
	pfn_t pfn = rig_map_fresh(&r, 0x611c & ~31u, 0, RW);
	/* PDE index is bits 14..10, PTE index bits 9..5 */
	CHECK_EQ(ptfmt_index(&r.fmt, 0x611c, 1), 0x18);
	CHECK_EQ(ptfmt_index(&r.fmt, 0x611c, 0), 0x08);
	uint8_t pde = (uint8_t)physmem_load(&r.pm, ((paddr_t)r.pt.root << 5) + 0x18, 1);
	CHECK_EQ(pde & 0x80, 0x80);
	uint8_t pte = (uint8_t)physmem_load(&r.pm, ((paddr_t)(pde & 0x7f) << 5) + 0x08, 1);
	CHECK_EQ(pte, 0x80 | pfn);
	struct walk_result w;
	struct fault f;
	CHECK_EQ(rig_walk(&r, 0x611c, ACCESS_WRITE, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NONE);
	CHECK_EQ(w.pa, (pfn << 5) | 0x1c);
	CHECK_EQ(rig_walk(&r, 0x8000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_VA_RANGE);
	CHECK_EQ(rig_walk(&r, 0x0000, ACCESS_READ, PRIV_USER, WALK_HW_AD, &w, &f), FAULT_NOT_PRESENT);
	CHECK_EQ(f.level, 1);
	rig_fini(&r);
}

TEST(print_shows_one_line_per_valid_entry_indented_by_level)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 16);
	CHECK(pt_map(&r.pt, 0x1000, 9, 0, RWU) == PT_OK);
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	pt_print(&r.pt, out);
	fclose(out);
	CHECK_STR(buf, "page table 0x0 (sv39)\n"
		       " ..0: pte 0x0000000000000401 pa 0x1000\n"
		       " .. ..0: pte 0x0000000000000801 pa 0x2000\n"
		       " .. .. ..1: pte 0x0000000000002417 pa 0x9000 VRW-U--- va 0x1000\n");
	free(buf);
	rig_fini(&r);
}

struct collect {
	vaddr_t va[4];
	int n;
};

static bool collect_leaf(void *ctx, const struct pt_leaf *leaf)
{
	struct collect *c = ctx;
	c->va[c->n++] = leaf->va;
	return c->n < 4;
}

TEST(for_each_leaf_visits_leaves_in_address_order_with_canonical_vas)
{
	struct rig r;
	rig_init(&r, "sv39", 0, 0, 64);
	CHECK(pt_map(&r.pt, 0xffffffffc0000000ull, 20, 0, RW) == PT_OK);
	CHECK(pt_map(&r.pt, 0x3000, 21, 0, RW) == PT_OK);
	CHECK(pt_map(&r.pt, 0x2000, 22, 0, RW) == PT_OK);
	struct collect c = {{0}, 0};
	pt_for_each_leaf(&r.pt, collect_leaf, &c);
	CHECK_EQ(c.n, 3);
	CHECK_EQ(c.va[0], 0x2000);
	CHECK_EQ(c.va[1], 0x3000);
	CHECK_EQ(c.va[2], 0xffffffffc0000000ull);
	rig_fini(&r);
}

struct leaf_list {
	vaddr_t va[64];
	unsigned level[64];
	int n;
};

static bool list_leaf(void *ctx, const struct pt_leaf *leaf)
{
	struct leaf_list *l = ctx;
	l->va[l->n] = leaf->va;
	l->level[l->n++] = leaf->level;
	return true;
}

/* Maps pages and superpages of preset around a few addresses, then checks
 * that a visit of [start, end) gives exactly the leaves of the full visit
 * that overlap it, in order, for random ranges. */
static void check_range_visits(const char *preset, const vaddr_t *where, int nwhere, unsigned top_level)
{
	struct rig r;
	struct rng g;
	rig_init(&r, preset, 0, 0, 8192);
	rng_seed(&g, 5);
	for (int i = 0; i < nwhere; i++)
		for (unsigned j = 0; j < 3; j++) {
			unsigned level = j == 2 ? top_level : 0;
			vaddr_t va = where[i] + (j ? ptfmt_level_bytes(&r.fmt, level) * 2 : 0xc000);
			va &= ~(ptfmt_level_bytes(&r.fmt, level) - 1);
			(void)rig_map_fresh(&r, va, level, RW);
		}
	struct leaf_list all = {.n = 0};
	pt_for_each_leaf(&r.pt, list_leaf, &all);
	CHECK(all.n >= nwhere * 2);
	for (int step = 0; step < 3000; step++) {
		vaddr_t a = where[rng_below(&g, (uint64_t)nwhere)] + (rng_below(&g, 1 << 24) << 4) - (1ull << 26);
		vaddr_t b = rng_below(&g, 4) ? a + 1 + rng_below(&g, 1ull << (rng_below(&g, 40))) : ~0ull;
		if (b <= a)
			continue;
		struct leaf_list got = {.n = 0}, want = {.n = 0};
		pt_for_each_leaf_in(&r.pt, a, b, list_leaf, &got);
		for (int i = 0; i < all.n; i++) {
			vaddr_t last = all.va[i] + ptfmt_level_bytes(&r.fmt, all.level[i]) - 1;
			if (all.va[i] <= b - 1 && last >= a)
				want.va[want.n++] = all.va[i];
		}
		CHECK_EQ(got.n, want.n);
		for (int i = 0; i < got.n; i++)
			CHECK_EQ(got.va[i], want.va[i]);
		got.n = 0;
		pt_for_each_leaf_in(&r.pt, all.va[step % all.n], all.va[step % all.n], list_leaf, &got);
		CHECK_EQ(got.n, 0); /* an empty range */
	}
	rig_fini(&r);
}

TEST(for_each_leaf_in_visits_only_the_leaves_that_overlap_the_range)
{
	static const vaddr_t sv39[] = {0x10000, 0x3fff000000ull, 0x40000000ull, 0xffffffc000000000ull,
				       0xfffffffff0000000ull};
	static const vaddr_t sv32[] = {0x10000, 0x7ff00000ull, 0xff000000ull};
	static const vaddr_t x86[] = {0x10000, 0x7fffff000000ull, 0xffff800000000000ull, 0xffffffffff000000ull};
	check_range_visits("sv39", sv39, 5, 1);
	check_range_visits("sv32", sv32, 3, 1);
	check_range_visits("x86-64", x86, 4, 1);
}
