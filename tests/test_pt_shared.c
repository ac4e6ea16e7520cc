/* Page-table subtrees shared by several page tables (the kernel half): walks
 * and lookups reach them through every root that links them, only their last
 * user frees them, no table counts them as its own, and a change below one
 * makes it private to the table that changes (taken over or copied, even
 * when the copy runs out of frames half-way). */
#include <string.h>

#include "tests/harness.h"
#include "tests/support_frames.h"

#define TOP 0xfffffffffffff000ull    /* the last page: below root entry 511 */
#define NEXT 0xffffffffffffe000ull   /* the page before it, in the same lowest table */
#define LOW 0x1000ull                /* below another root entry */
#define KFRAME 9                     /* the frame TOP maps ... */
#define DFRAME 8                     /* ... and one more: neither is handed out to tables */
#define KRW (PTE_R | PTE_W | PTE_G | PTE_A | PTE_D)

/* Physical memory of 10 frames of which [0, table_frames) hold tables, a
 * format, and two page tables a (which maps TOP and shares what is below its
 * root entry) and b (which links that). */
struct shared_rig {
	struct physmem pm;
	struct pt_format fmt;
	struct test_frames tf;
	struct pt a, b;
	struct pt_shared sh;
};

static void shared_rig_init(struct shared_rig *r, const char *preset, uint64_t table_frames)
{
	char err[200];
	if (ptfmt_preset(&r->fmt, preset, 0, 0, err, sizeof err) != PTFMT_OK)
		FAIL("%s", err);
	if (physmem_init(&r->pm, 10ull << r->fmt.page_shift, r->fmt.page_shift) != PHYSMEM_OK)
		FAIL("physmem_init");
	test_frames_init(&r->tf, 0, table_frames);
	struct frame_source fs = test_frames_source(&r->tf);
	memset(&r->sh, 0, sizeof r->sh);
	CHECK(pt_init(&r->a, &r->fmt, &r->pm, &fs) == PT_OK);
	CHECK(pt_map(&r->a, TOP, KFRAME, 0, KRW) == PT_OK);
	CHECK(pt_share(&r->a, TOP, &r->sh) == PT_OK);
	CHECK(pt_init(&r->b, &r->fmt, &r->pm, &fs) == PT_OK);
	CHECK(pt_link(&r->b, &r->sh) == PT_OK);
}

static void shared_rig_fini(struct shared_rig *r)
{
	pt_fini(&r->a);
	pt_fini(&r->b);
	CHECK_EQ(r->tf.in_use, 0);
	CHECK_EQ(r->sh.users, 0);
	test_frames_fini(&r->tf);
	physmem_fini(&r->pm);
}

/* The frame a supervisor read of va finds through pt's root, or -1 on a fault. */
static int64_t walk_frame(struct shared_rig *r, const struct pt *pt, vaddr_t va)
{
	struct walk_result w;
	struct fault f;
	uint64_t refs = 0;
	if (!pt_walk(&r->fmt, &r->pm, pt->root, va, ACCESS_READ, PRIV_SUPERVISOR, WALK_HW_AD, &w, &f, &refs))
		return -1;
	return (int64_t)w.pfn;
}

static bool count_leaf(void *ctx, const struct pt_leaf *leaf)
{
	(void)leaf;
	++*(int *)ctx;
	return true;
}

TEST(a_shared_subtree_is_walked_through_every_root_but_counted_by_none)
{
	struct shared_rig r;
	shared_rig_init(&r, "sv39", 6);
	CHECK_EQ(r.sh.frames, 2);
	CHECK_EQ(r.sh.users, 2);
	CHECK_EQ(r.a.frames, 1);
	CHECK_EQ(r.b.frames, 1);
	CHECK_EQ(r.tf.in_use, 4); /* two roots and the shared two */
	CHECK_EQ(walk_frame(&r, &r.a, TOP), KFRAME);
	CHECK_EQ(walk_frame(&r, &r.b, TOP), KFRAME);
	struct pt_leaf leaf;
	CHECK(pt_lookup(&r.b, TOP + 0x123, &leaf) == PT_OK);
	CHECK_EQ(leaf.pfn, KFRAME);
	int leaves = 0;
	pt_for_each_leaf(&r.b, count_leaf, &leaves);
	CHECK_EQ(leaves, 1);
	shared_rig_fini(&r);
}

TEST(the_subtree_outlives_the_table_that_built_it_and_goes_with_the_last)
{
	struct shared_rig r;
	shared_rig_init(&r, "sv39", 6);
	pt_fini(&r.a);
	CHECK_EQ(r.sh.users, 1);
	CHECK_EQ(r.tf.in_use, 3);
	CHECK_EQ(walk_frame(&r, &r.b, TOP), KFRAME);
	pt_fini(&r.a); /* a second fini changes nothing */
	CHECK_EQ(r.sh.users, 1);
	pt_fini(&r.b);
	CHECK_EQ(r.sh.users, 0);
	CHECK_EQ(r.tf.in_use, 0);
	shared_rig_fini(&r);
}

TEST(share_and_link_refuse_what_they_cannot_do)
{
	struct shared_rig r;
	shared_rig_init(&r, "sv39", 6);
	struct pt_shared other = {0};
	CHECK(pt_share(&r.a, LOW, &other) == PT_EXISTS);   /* a shares one already */
	CHECK(pt_link(&r.b, &r.sh) == PT_EXISTS);          /* b links it already */
	struct pt c;
	struct frame_source fs = test_frames_source(&r.tf);
	CHECK(pt_init(&c, &r.fmt, &r.pm, &fs) == PT_OK);
	CHECK(pt_share(&c, TOP, &other) == PT_ENOENT);     /* nothing below that entry */
	CHECK(pt_link(&c, &other) == PT_EXISTS);           /* other shares nothing */
	pt_fini(&c);
	shared_rig_fini(&r);
}

TEST(a_new_page_below_a_shared_subtree_is_mapped_in_a_private_copy)
{
	struct shared_rig r;
	shared_rig_init(&r, "sv39", 6);
	CHECK(pt_map(&r.b, NEXT, DFRAME, 0, PTE_R | PTE_W) == PT_OK);
	CHECK(r.b.shared == NULL);
	CHECK_EQ(r.b.frames, 3); /* its root and its copies of the two */
	CHECK_EQ(r.sh.users, 1);
	CHECK_EQ(walk_frame(&r, &r.b, TOP), KFRAME);
	CHECK_EQ(walk_frame(&r, &r.b, NEXT), DFRAME);
	CHECK_EQ(walk_frame(&r, &r.a, NEXT), -1); /* a never sees it */
	struct pt_leaf leaf;
	CHECK(pt_lookup(&r.a, NEXT, &leaf) == PT_ENOENT);
	CHECK_EQ(r.tf.in_use, 6);
	shared_rig_fini(&r);
}

TEST(updating_or_unmapping_a_shared_leaf_changes_only_that_table)
{
	struct shared_rig r;
	shared_rig_init(&r, "sv39", 6);
	CHECK(pt_update(&r.b, TOP, 0, PTE_W) == PT_OK);
	struct pt_leaf leaf;
	CHECK(pt_lookup(&r.a, TOP, &leaf) == PT_OK);
	CHECK(leaf.flags & PTE_W);
	CHECK(pt_lookup(&r.b, TOP, &leaf) == PT_OK);
	CHECK(!(leaf.flags & PTE_W));
	CHECK(pt_unmap(&r.b, TOP, NULL) == PT_OK);
	CHECK_EQ(walk_frame(&r, &r.b, TOP), -1);
	CHECK_EQ(walk_frame(&r, &r.a, TOP), KFRAME);
	CHECK(pt_unmap(&r.a, NEXT, NULL) == PT_ENOENT); /* nothing there: a stays linked */
	CHECK(r.a.shared == &r.sh);
	shared_rig_fini(&r);
}

TEST(the_only_user_takes_the_subtree_over_instead_of_copying)
{
	struct shared_rig r;
	shared_rig_init(&r, "sv39", 6);
	pt_fini(&r.b);
	CHECK(pt_map(&r.a, NEXT, DFRAME, 0, PTE_R | PTE_W) == PT_OK);
	CHECK(r.a.shared == NULL);
	CHECK_EQ(r.sh.users, 0);
	CHECK_EQ(r.a.frames, 3);
	CHECK_EQ(r.tf.in_use, 3);
	CHECK_EQ(walk_frame(&r, &r.a, TOP), KFRAME);
	shared_rig_fini(&r);
}

TEST(a_copy_that_runs_out_of_frames_half_way_leaves_nothing_behind)
{
	struct shared_rig r;
	shared_rig_init(&r, "sv48", 7); /* two roots and three shared tables: two frames left */
	CHECK_EQ(r.sh.frames, 3);
	CHECK_EQ(r.tf.in_use, 5);
	CHECK(pt_map(&r.b, NEXT, DFRAME, 0, PTE_R | PTE_W) == PT_ENOMEM);
	CHECK_EQ(r.tf.in_use, 5);
	CHECK_EQ(r.b.frames, 1);
	CHECK(r.b.shared == &r.sh);
	CHECK_EQ(r.sh.users, 2);
	CHECK_EQ(walk_frame(&r, &r.b, TOP), KFRAME);
	CHECK_EQ(walk_frame(&r, &r.b, NEXT), -1);
	shared_rig_fini(&r);
}
