/* The frame allocator: user frames in order then last-freed first, zeroed
 * unless asked otherwise, junk in freed frames, an evicted frame reused in
 * place with the counts unchanged, frames known to hold zeros not cleared
 * again, and every frame coming back. */
#include <string.h>

#include "os/frames.h"
#include "tests/harness.h"

#define PAGE 4096

struct rig {
	struct physmem pm;
	struct frames fr;
};

static void rig_init(struct rig *r, uint64_t user, uint64_t kernel)
{
	if (physmem_init(&r->pm, (user + kernel) * PAGE, 12) != PHYSMEM_OK)
		FAIL("physmem_init");
	frames_init(&r->fr, &r->pm, user, kernel);
	r->fr.junk = true;
}

static void rig_fini(struct rig *r)
{
	frames_check(&r->fr);
	frames_fini(&r->fr);
	physmem_fini(&r->pm);
}

static uint8_t *frame_bytes(struct rig *r, pfn_t pfn) { return physmem_ptr(&r->pm, pfn_to_pa(&r->pm, pfn), PAGE); }

static bool all(const uint8_t *p, uint8_t v)
{
	for (unsigned i = 0; i < PAGE; i++)
		if (p[i] != v)
			return false;
	return true;
}

TEST(user_frames_come_in_order_then_last_freed_first)
{
	struct rig r;
	rig_init(&r, 4, 2);
	pfn_t f[4], g;
	for (int i = 0; i < 4; i++) {
		CHECK(frames_alloc_user(&r.fr, &f[i]));
		CHECK_EQ(f[i], i);
	}
	CHECK(!frames_alloc_user(&r.fr, &g));
	frames_free_user(&r.fr, 1);
	frames_free_user(&r.fr, 3);
	CHECK(frames_alloc_user(&r.fr, &g));
	CHECK_EQ(g, 3);
	CHECK(frames_alloc_user_unzeroed(&r.fr, &g));
	CHECK_EQ(g, 1);
	CHECK_EQ(r.fr.in_use[FRAME_USER], 4);
	CHECK_EQ(r.fr.peak[FRAME_USER], 4);
	for (int i = 0; i < 4; i++)
		frames_free_user(&r.fr, f[i]);
	CHECK_EQ(r.fr.in_use[FRAME_USER], 0);
	rig_fini(&r);
}

TEST(a_freed_frame_is_junk_and_comes_back_zeroed)
{
	struct rig r;
	rig_init(&r, 1, 1);
	pfn_t a, b;
	CHECK(frames_alloc_user(&r.fr, &a));
	memset(frame_bytes(&r, a), 0x11, PAGE);
	frames_free_user(&r.fr, a);
	CHECK(all(frame_bytes(&r, a), 0xa5));
	CHECK(frames_alloc_user(&r.fr, &b));
	CHECK_EQ(b, a);
	CHECK(all(frame_bytes(&r, b), 0));
	frames_free_user(&r.fr, b);
	rig_fini(&r);
}

TEST(an_unzeroed_frame_keeps_what_it_held)
{
	struct rig r;
	rig_init(&r, 1, 1);
	pfn_t a, b;
	CHECK(frames_alloc_user_unzeroed(&r.fr, &a)); /* never used: still the host's zeros */
	CHECK(all(frame_bytes(&r, a), 0));
	frames_free_user(&r.fr, a);
	CHECK(frames_alloc_user_unzeroed(&r.fr, &b));
	CHECK_EQ(b, a);
	CHECK(all(frame_bytes(&r, b), 0xa5)); /* the junk of its free time, for the caller to overwrite */
	frames_zero_user(&r.fr, b);
	CHECK(all(frame_bytes(&r, b), 0));
	frames_free_user(&r.fr, b);
	rig_fini(&r);
}

TEST(a_reused_frame_keeps_its_contents_and_counts_and_forgets_its_slot)
{
	struct rig r;
	rig_init(&r, 1, 1);
	pfn_t a, b;
	CHECK(frames_alloc_user(&r.fr, &a));
	frame_set_slot(frames_get(&r.fr, a), 7);
	memset(frame_bytes(&r, a), 0x3c, PAGE);
	frames_reuse_user(&r.fr, a, false);
	CHECK_EQ(frame_slot(frames_get(&r.fr, a)), NO_SLOT);
	CHECK_EQ(frames_get(&r.fr, a)->kind, FRAME_USER);
	CHECK(all(frame_bytes(&r, a), 0x3c)); /* no junk fill: nobody had it in between */
	CHECK_EQ(r.fr.in_use[FRAME_USER], 1);
	CHECK_EQ(r.fr.peak[FRAME_USER], 1);
	CHECK(!frames_alloc_user(&r.fr, &b)); /* it never was free */
	frames_free_user(&r.fr, a);
	CHECK_EQ(r.fr.in_use[FRAME_USER], 0);
	rig_fini(&r);
}

TEST(kernel_runs_are_zeroed_and_reused_by_size)
{
	struct rig r;
	rig_init(&r, 1, 8);
	pfn_t run, again;
	CHECK(frames_alloc_kernel(&r.fr, 3, FRAME_PT, &run));
	CHECK_EQ(run, 1);
	memset(frame_bytes(&r, run), 0x77, 3 * PAGE);
	frames_free_kernel(&r.fr, run, 3);
	CHECK(frames_alloc_kernel(&r.fr, 3, FRAME_PT, &again));
	CHECK_EQ(again, run);
	for (int i = 0; i < 3; i++)
		CHECK(all(frame_bytes(&r, run + (pfn_t)i), 0));
	CHECK_EQ(r.fr.in_use[FRAME_PT], 3);
	frames_free_kernel(&r.fr, again, 3);
	CHECK_EQ(r.fr.in_use[FRAME_PT], 0);
	rig_fini(&r);
}

TEST(frames_never_used_are_not_cleared_and_cost_no_host_memory)
{
	struct rig r;
	rig_init(&r, 64, 8);
	pfn_t f;
	for (int i = 0; i < 64; i++)
		CHECK(frames_alloc_user(&r.fr, &f));
	CHECK(frames_alloc_kernel(&r.fr, 8, FRAME_PT, &f));
	CHECK_EQ(physmem_resident_bytes(&r.pm), 0);
	CHECK(all(frame_bytes(&r, 5), 0)); /* read back as the host's zeros */
	for (pfn_t i = 0; i < 64; i++)
		frames_free_user(&r.fr, i);
	frames_free_kernel(&r.fr, f, 8);
	rig_fini(&r);
}

/* Reuses frame a after a page that left it with its first byte set to 1
 * behind the allocator's back; returns that byte after frames_zero_user. */
static uint8_t reuse_and_zero(bool clean, bool written)
{
	struct rig r;
	rig_init(&r, 1, 1);
	pfn_t a;
	CHECK(frames_alloc_user(&r.fr, &a));
	if (written)
		frames_written(&r.fr, a);
	frame_bytes(&r, a)[0] = 1;
	frames_reuse_user(&r.fr, a, clean);
	frames_zero_user(&r.fr, a);
	uint8_t b = frame_bytes(&r, a)[0];
	frames_free_user(&r.fr, a);
	rig_fini(&r);
	return b;
}

TEST(a_frame_known_to_hold_zeros_is_not_cleared_again)
{
	CHECK_EQ(reuse_and_zero(true, false), 1);  /* taken at its word: the kernel saw no write */
	CHECK_EQ(reuse_and_zero(false, false), 0); /* a dirty page left it */
	CHECK_EQ(reuse_and_zero(true, true), 0);   /* the kernel had filled it */
}

TEST(freed_and_kernel_frames_stop_being_known_zero)
{
	struct rig r;
	rig_init(&r, 1, 2);
	pfn_t a, k;
	r.fr.junk = false;
	CHECK(frames_alloc_user(&r.fr, &a));
	frame_bytes(&r, a)[0] = 1;
	frames_free_user(&r.fr, a); /* no junk: the byte stays */
	CHECK(!frames_get(&r.fr, a)->zero);
	CHECK(frames_alloc_user(&r.fr, &a));
	CHECK_EQ(frame_bytes(&r, a)[0], 0);
	CHECK(frames_alloc_kernel(&r.fr, 1, FRAME_PT, &k));
	CHECK(!frames_get(&r.fr, k)->zero);
	frame_bytes(&r, k)[0] = 1;
	frames_free_kernel(&r.fr, k, 1);
	CHECK(frames_alloc_kernel(&r.fr, 1, FRAME_PT, &k));
	CHECK_EQ(frame_bytes(&r, k)[0], 0);
	frames_free_kernel(&r.fr, k, 1);
	frames_free_user(&r.fr, a);
	rig_fini(&r);
}
