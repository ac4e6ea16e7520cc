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
