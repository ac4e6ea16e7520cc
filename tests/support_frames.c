/* First-fit contiguous frame allocation for tests. */
#include "tests/support_frames.h"

#include <stdlib.h>

void test_frames_init(struct test_frames *tf, uint64_t first, uint64_t n)
{
	tf->n = first + n;
	tf->used = xcalloc(tf->n, 1);
	for (uint64_t i = 0; i < first; i++)
		tf->used[i] = 1;
	tf->in_use = 0;
}

void test_frames_fini(struct test_frames *tf) { free(tf->used); }

static bool alloc(void *ctx, uint64_t n, pfn_t *first)
{
	struct test_frames *tf = ctx;
	uint64_t run = 0;
	for (uint64_t i = 0; i < tf->n; i++) {
		run = tf->used[i] ? 0 : run + 1;
		if (run == n) {
			for (uint64_t j = i + 1 - n; j <= i; j++)
				tf->used[j] = 1;
			tf->in_use += n;
			*first = i + 1 - n;
			return true;
		}
	}
	return false;
}

static void release(void *ctx, pfn_t first, uint64_t n)
{
	struct test_frames *tf = ctx;
	for (uint64_t i = first; i < first + n; i++) {
		if (i >= tf->n || !tf->used[i])
			panic("freeing frame %llu that is not allocated", (unsigned long long)i);
		tf->used[i] = 0;
	}
	tf->in_use -= n;
}

struct frame_source test_frames_source(struct test_frames *tf)
{
	return (struct frame_source){alloc, release, tf};
}

pfn_t test_frames_take(struct test_frames *tf)
{
	pfn_t pfn;
	if (!alloc(tf, 1, &pfn))
		panic("out of test frames");
	return pfn;
}
