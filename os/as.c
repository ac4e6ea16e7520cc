/* Regions of an address space, kept sorted by start address. */
#include "os/as.h"

#include <stdlib.h>
#include <string.h>

const char *region_kind_name(enum region_kind k)
{
	static const char *const names[] = {"text", "data", "heap", "stack", "mmap", "kernel", "anon", "file"};
	return (unsigned)k < ARRAY_LEN(names) ? names[k] : "?";
}

void region_prot_string(unsigned prot, char *buf)
{
	buf[0] = (prot & PTE_R) ? 'r' : '-';
	buf[1] = (prot & PTE_W) ? 'w' : '-';
	buf[2] = (prot & PTE_X) ? 'x' : '-';
	buf[3] = '\0';
}

struct region *as_find_region(struct aspace *as, vaddr_t va)
{
	size_t lo = 0, hi = as->nregions;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		struct region *r = &as->regions[mid];
		if (va < r->start)
			hi = mid;
		else if (va >= r->end)
			lo = mid + 1;
		else
			return r;
	}
	return NULL;
}

bool as_add_region(struct aspace *as, const struct region *r)
{
	if (r->start >= r->end)
		return false;
	size_t i = 0;
	while (i < as->nregions && as->regions[i].start < r->start)
		i++;
	if ((i > 0 && as->regions[i - 1].end > r->start) || (i < as->nregions && as->regions[i].start < r->end))
		return false;
	if (as->nregions == as->cap) {
		as->cap = as->cap ? as->cap * 2 : 8;
		as->regions = xrealloc(as->regions, as->cap * sizeof *as->regions);
	}
	memmove(&as->regions[i + 1], &as->regions[i], (as->nregions - i) * sizeof *as->regions);
	as->regions[i] = *r;
	as->nregions++;
	return true;
}

void as_gap(const struct aspace *as, vaddr_t va, vaddr_t min, vaddr_t max, vaddr_t *lo, vaddr_t *hi)
{
	*lo = min;
	*hi = max;
	for (size_t i = 0; i < as->nregions; i++) {
		const struct region *r = &as->regions[i];
		if (r->end <= va && r->end > *lo)
			*lo = r->end;
		if (r->start > va && r->start < *hi)
			*hi = r->start;
	}
}

/* Splits the region containing va (if any, and va is inside it, not at its
 * start) into [start, va) and [va, end). */
static void split_at(struct aspace *as, vaddr_t va)
{
	struct region *r = as_find_region(as, va);
	if (!r || r->start == va)
		return;
	struct region right = *r;
	right.start = va;
	if (r->file) {
		uint64_t cut = va - r->start;
		right.file_off += cut;
		right.file_len = r->file_len > cut ? r->file_len - cut : 0;
		vfile_get(r->file);
	}
	r->end = va;
	r->file_len = r->file_len < va - r->start ? r->file_len : va - r->start;
	if (!as_add_region(as, &right))
		panic("split region overlaps");
}

void as_remove_range(struct aspace *as, vaddr_t start, vaddr_t end)
{
	split_at(as, start);
	split_at(as, end);
	size_t out = 0;
	for (size_t i = 0; i < as->nregions; i++) {
		struct region *r = &as->regions[i];
		if (r->start >= start && r->end <= end)
			vfile_put(r->file);
		else
			as->regions[out++] = *r;
	}
	as->nregions = out;
}

bool as_covered(const struct aspace *as, vaddr_t start, vaddr_t end)
{
	vaddr_t at = start;
	for (size_t i = 0; i < as->nregions && at < end; i++) {
		const struct region *r = &as->regions[i];
		if (r->end <= at)
			continue;
		if (r->start > at)
			return false;
		at = r->end;
	}
	return at >= end;
}

bool as_protect_range(struct aspace *as, vaddr_t start, vaddr_t end, unsigned prot)
{
	if (!as_covered(as, start, end))
		return false;
	split_at(as, start);
	split_at(as, end);
	for (size_t i = 0; i < as->nregions; i++)
		if (as->regions[i].start >= start && as->regions[i].end <= end)
			as->regions[i].prot = prot;
	return true;
}
