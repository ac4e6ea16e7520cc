/* Simulated physical memory: sizes, bounds, little-endian access, lazy reservation. */
#include "hw/physmem.h"
#include "tests/harness.h"

TEST(sizes_must_be_whole_frames)
{
	struct physmem pm;
	CHECK_EQ(physmem_init(&pm, 0, 12), PHYSMEM_EINVAL);
	CHECK_EQ(physmem_init(&pm, 4095, 12), PHYSMEM_EINVAL);
	CHECK_EQ(physmem_init(&pm, PHYSMEM_MAX_BYTES * 2, 12), PHYSMEM_EINVAL);
	CHECK_EQ(physmem_init(&pm, 4096 * 3, 12), PHYSMEM_OK);
	CHECK_EQ(pm.nframes, 3);
	physmem_fini(&pm);
}

TEST(a_few_hundred_bytes_of_ram_work)
{
	struct physmem pm;
	CHECK_EQ(physmem_init(&pm, 320, 5), PHYSMEM_OK); /* 10 frames of 32 bytes */
	CHECK_EQ(pm.nframes, 10);
	CHECK(physmem_contains(&pm, 319, 1));
	CHECK(!physmem_contains(&pm, 320, 1));
	CHECK(!physmem_contains(&pm, 316, 8));
	CHECK(physmem_ptr(&pm, 320, 1) == NULL);
	physmem_fini(&pm);
}

TEST(bounds_check_catches_wraparound)
{
	struct physmem pm;
	CHECK_EQ(physmem_init(&pm, 4096, 12), PHYSMEM_OK);
	CHECK(!physmem_contains(&pm, ~0ull, 2));
	CHECK(!physmem_contains(&pm, 8, ~0ull));
	CHECK(physmem_contains(&pm, 4096, 0));
	physmem_fini(&pm);
}

TEST(loads_and_stores_are_little_endian)
{
	struct physmem pm;
	CHECK_EQ(physmem_init(&pm, 4096, 12), PHYSMEM_OK);
	physmem_store(&pm, 8, 8, 0x1122334455667788ull);
	CHECK_EQ(physmem_load(&pm, 8, 1), 0x88);
	CHECK_EQ(physmem_load(&pm, 9, 2), 0x6677);
	CHECK_EQ(physmem_load(&pm, 12, 4), 0x11223344);
	CHECK_EQ(physmem_load(&pm, 8, 8), 0x1122334455667788ull);
	physmem_fini(&pm);
}

TEST(sixty_four_gib_costs_only_the_frames_touched)
{
	struct physmem pm;
	uint64_t size = 64ull << 30;
	CHECK_EQ(physmem_init(&pm, size, 12), PHYSMEM_OK);
	CHECK_EQ(pm.nframes, size >> 12);
	physmem_store(&pm, size - 8, 8, 42);
	physmem_store(&pm, 0, 8, 7);
	physmem_store(&pm, 32ull << 30, 8, 9);
	CHECK_EQ(physmem_load(&pm, size - 8, 8), 42);
	CHECK_EQ(physmem_load(&pm, 32ull << 30, 8), 9);
	/* three touches: three host pages, or three huge pages where the
	 * host gives transparent huge pages */
	CHECK(physmem_resident_bytes(&pm) <= 3 * (2u << 20) + 64 * 1024);
	physmem_fini(&pm);
}

TEST(zero_of_a_large_range_clears_it_and_releases_its_host_pages)
{
	struct physmem pm;
	uint64_t size = 4 * PHYSMEM_RELEASE_BYTES;
	CHECK_EQ(physmem_init(&pm, size, 12), PHYSMEM_OK);
	memset(pm.base, 0x5a, size);
	CHECK_EQ(physmem_resident_bytes(&pm), size);
	CHECK(physmem_zero(&pm, 100, size - 200));
	CHECK(physmem_resident_bytes(&pm) <= 2 * 4096);
	CHECK_EQ(physmem_load(&pm, 99, 1), 0x5a);
	CHECK_EQ(physmem_load(&pm, 100, 1), 0);
	CHECK_EQ(physmem_load(&pm, size / 2, 8), 0);
	CHECK_EQ(physmem_load(&pm, size - 101, 1), 0);
	CHECK_EQ(physmem_load(&pm, size - 100, 1), 0x5a);
	CHECK(!physmem_zero(&pm, size, 1));
	physmem_fini(&pm);
}

TEST(zero_of_a_frame_clears_it_in_place_keeping_its_host_page)
{
	struct physmem pm;
	CHECK_EQ(physmem_init(&pm, 16 * 4096, 12), PHYSMEM_OK);
	memset(pm.base, 0x5a, 16 * 4096);
	CHECK(physmem_zero(&pm, 3 * 4096, 4096));
	for (uint64_t pa = 3 * 4096; pa < 4 * 4096; pa += 8)
		CHECK_EQ(physmem_load(&pm, pa, 8), 0);
	CHECK_EQ(physmem_load(&pm, 3 * 4096 - 1, 1), 0x5a);
	CHECK_EQ(physmem_load(&pm, 4 * 4096, 1), 0x5a);
	CHECK_EQ(physmem_resident_bytes(&pm), 16 * 4096);
	CHECK(!physmem_zero(&pm, 16 * 4096 - 8, 16));
	physmem_fini(&pm);
}

TEST(junk_fills_freed_memory)
{
	struct physmem pm;
	CHECK_EQ(physmem_init(&pm, 4096, 12), PHYSMEM_OK);
	CHECK(physmem_junk(&pm, 0, 16));
	CHECK_EQ(physmem_load(&pm, 0, 8), 0xa5a5a5a5a5a5a5a5ull);
	CHECK(!physmem_junk(&pm, 4090, 16));
	physmem_fini(&pm);
}
