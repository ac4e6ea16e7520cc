/* A machine for hardware tests: physical memory, a page-table format, a frame
 * allocator and one page table. */
#ifndef TESTS_SUPPORT_RIG_H
#define TESTS_SUPPORT_RIG_H

#include "hw/pt.h"
#include "tests/support_frames.h"

struct rig {
	struct physmem pm;
	struct pt_format fmt;
	struct test_frames tf;
	struct pt pt;
};

/* Builds a rig for a preset (linear takes page_shift and va_bits) with nframes
 * frames of RAM; panics on failure. */
void rig_init(struct rig *r, const char *preset, unsigned page_shift, unsigned va_bits, uint64_t nframes);
void rig_fini(struct rig *r);

/* Hardware walk with WALK_HW_AD for (va, acc, priv); returns the fault kind
 * (FAULT_NONE on success) and fills *res and *f. */
enum fault_kind rig_walk(struct rig *r, vaddr_t va, enum access acc, enum priv priv, unsigned opts,
			 struct walk_result *res, struct fault *f);

/* Maps one page of the given level to a fresh frame (or run of frames); returns its pfn. */
pfn_t rig_map_fresh(struct rig *r, vaddr_t va, unsigned level, unsigned flags);

#endif
