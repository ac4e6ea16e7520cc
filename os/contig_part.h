/* Fixed partitions, contig's sibling: a physical range cut into N equal
 * partitions (the granule's multiple that fits N times; what is left over at
 * the top is never used), each taken whole by one owner, the lowest free one
 * first. The waste inside a partition, its size less the bytes its owner
 * uses, is the internal fragmentation. Owners are found by a scan of the N
 * partitions: N is small (one per process the machine can hold). */
#ifndef OS_CONTIG_PART_H
#define OS_CONTIG_PART_H

#include "os/contig.h"

struct contig_part_slot {
	bool taken;
	contig_id owner;
	uint64_t used; /* bytes the owner uses, at most the partition size */
};

struct contig_part_stats {
	uint64_t count, part_size;
	uint64_t leftover;       /* bytes of the range above the last partition */
	uint64_t taken;          /* partitions in use */
	uint64_t used_bytes;     /* by their owners */
	uint64_t internal_bytes; /* taken * part_size - used_bytes */
	uint64_t allocs, frees;
	uint64_t alloc_failures; /* contig_part_alloc finding every partition taken */
};

struct contig_part {
	uint64_t base, part_size, count, leftover;
	struct contig_part_slot *slot; /* count of them */
	struct contig_part_stats st;   /* the counters */
};

/* Cuts [base, base + size) into count partitions of the largest multiple of
 * granule (a power of two) that fits count times. CONTIG_BAD_CONFIG (p
 * untouched) when the granule is not a power of two, base is not a multiple
 * of it, count is 0, the range wraps or a partition would be empty. */
WARN_UNUSED enum contig_status contig_part_init(struct contig_part *p, uint64_t base, uint64_t size, uint64_t count,
						uint64_t granule);
void contig_part_fini(struct contig_part *p);

/* The lowest free partition for owner, who uses bytes of it: its index and
 * base. CONTIG_NO_SPACE (counted) when every partition is taken,
 * CONTIG_BAD_SIZE for 0 bytes or more than a partition, CONTIG_EXISTS. */
WARN_UNUSED enum contig_status contig_part_alloc(struct contig_part *p, contig_id owner, uint64_t bytes,
						 uint64_t *index, uint64_t *base);
/* Frees owner's partition. */
WARN_UNUSED enum contig_status contig_part_free(struct contig_part *p, contig_id owner);
/* Owner now uses bytes of its partition: CONTIG_BAD_SIZE (nothing changed)
 * for 0 or more than the partition holds, CONTIG_NO_BLOCK. */
WARN_UNUSED enum contig_status contig_part_resize(struct contig_part *p, contig_id owner, uint64_t bytes);
/* Owner's partition: true with its index and base (either may be NULL). */
bool contig_part_lookup(const struct contig_part *p, contig_id owner, uint64_t *index, uint64_t *base);

void contig_part_stats(const struct contig_part *p, struct contig_part_stats *st);

/* Panics unless the counters agree with the partitions, no owner holds two
 * and no partition is used beyond its size (for tests). */
void contig_part_check(const struct contig_part *p);

#endif
