/* A first-fit frame allocator over a physmem, for hardware tests that need a
 * frame_source before the kernel exists. Counts frames in use for leak checks. */
#ifndef TESTS_SUPPORT_FRAMES_H
#define TESTS_SUPPORT_FRAMES_H

#include "hw/pt.h"

struct test_frames {
	uint8_t *used;
	uint64_t n;
	uint64_t in_use;
};

/* Frames [first, first+n) are managed; others are never handed out. */
void test_frames_init(struct test_frames *tf, uint64_t first, uint64_t n);
void test_frames_fini(struct test_frames *tf);
struct frame_source test_frames_source(struct test_frames *tf);
/* Allocates one data frame (not through a page table); panics when none is left. */
pfn_t test_frames_take(struct test_frames *tf);

#endif
