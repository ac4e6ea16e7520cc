/* Fixed partitions: an array of slots, one per partition, scanned. */
#include "os/contig_part.h"

#include <stdlib.h>

enum contig_status contig_part_init(struct contig_part *p, uint64_t base, uint64_t size, uint64_t count,
				    uint64_t granule)
{
	if (!is_pow2(granule) || base % granule || count == 0 || base + size < base)
		return CONTIG_BAD_CONFIG;
	uint64_t part = size / count & ~(granule - 1);
	if (part == 0)
		return CONTIG_BAD_CONFIG;
	*p = (struct contig_part){.base = base, .part_size = part, .count = count, .leftover = size - part * count};
	p->slot = xcalloc(count, sizeof *p->slot);
	p->st.count = count;
	p->st.part_size = part;
	p->st.leftover = p->leftover;
	return CONTIG_OK;
}

void contig_part_fini(struct contig_part *p)
{
	free(p->slot);
	*p = (struct contig_part){0};
}

/* The index of owner's partition, or count when it has none. */
static uint64_t slot_of(const struct contig_part *p, contig_id owner)
{
	uint64_t i = 0;
	while (i < p->count && !(p->slot[i].taken && p->slot[i].owner == owner))
		i++;
	return i;
}

enum contig_status contig_part_alloc(struct contig_part *p, contig_id owner, uint64_t bytes, uint64_t *index,
				     uint64_t *base)
{
	if (bytes == 0 || bytes > p->part_size)
		return CONTIG_BAD_SIZE;
	if (slot_of(p, owner) < p->count)
		return CONTIG_EXISTS;
	uint64_t i = 0;
	while (i < p->count && p->slot[i].taken)
		i++;
	if (i == p->count) {
		p->st.alloc_failures++;
		return CONTIG_NO_SPACE;
	}
	p->slot[i] = (struct contig_part_slot){.taken = true, .owner = owner, .used = bytes};
	p->st.taken++;
	p->st.used_bytes += bytes;
	p->st.allocs++;
	*index = i;
	*base = p->base + i * p->part_size;
	return CONTIG_OK;
}

enum contig_status contig_part_free(struct contig_part *p, contig_id owner)
{
	uint64_t i = slot_of(p, owner);
	if (i == p->count)
		return CONTIG_NO_BLOCK;
	p->st.taken--;
	p->st.used_bytes -= p->slot[i].used;
	p->st.frees++;
	p->slot[i] = (struct contig_part_slot){0};
	return CONTIG_OK;
}

enum contig_status contig_part_resize(struct contig_part *p, contig_id owner, uint64_t bytes)
{
	uint64_t i = slot_of(p, owner);
	if (i == p->count)
		return CONTIG_NO_BLOCK;
	if (bytes == 0 || bytes > p->part_size)
		return CONTIG_BAD_SIZE;
	p->st.used_bytes += bytes - p->slot[i].used;
	p->slot[i].used = bytes;
	return CONTIG_OK;
}

bool contig_part_lookup(const struct contig_part *p, contig_id owner, uint64_t *index, uint64_t *base)
{
	uint64_t i = slot_of(p, owner);
	if (i == p->count)
		return false;
	if (index)
		*index = i;
	if (base)
		*base = p->base + i * p->part_size;
	return true;
}

void contig_part_stats(const struct contig_part *p, struct contig_part_stats *st)
{
	*st = p->st;
	st->internal_bytes = p->st.taken * p->part_size - p->st.used_bytes;
}

void contig_part_check(const struct contig_part *p)
{
	uint64_t taken = 0, used = 0;
	for (uint64_t i = 0; i < p->count; i++) {
		const struct contig_part_slot *s = &p->slot[i];
		if (!s->taken)
			continue;
		if (s->used == 0 || s->used > p->part_size)
			panic("partition %llu holds 0x%llx bytes of 0x%llx", (unsigned long long)i,
			      (unsigned long long)s->used, (unsigned long long)p->part_size);
		if (slot_of(p, s->owner) != i)
			panic("owner 0x%llx holds partitions %llu and %llu", (unsigned long long)s->owner,
			      (unsigned long long)slot_of(p, s->owner), (unsigned long long)i);
		taken++;
		used += s->used;
	}
	if (taken != p->st.taken || used != p->st.used_bytes)
		panic("the counters disagree with the partitions");
}
