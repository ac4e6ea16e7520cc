/* Physical memory reserved with mmap(MAP_NORESERVE): the host commits a page only
 * when the guest first writes it, so a 64 GiB machine costs what it touches.
 * The reservation is aligned to 2 MiB and asks for transparent huge pages, so
 * the host faults once per 2 MiB and its TLB covers page tables spread over
 * many frames (many processes). Frames are zeroed in user space; only ranges
 * of 2 MiB or more go back. */
#include "hw/physmem.h"

#include <sys/mman.h>
#include <unistd.h>

#define HUGE_BYTES ((size_t)2 << 20)

static size_t host_page(void) { return (size_t)sysconf(_SC_PAGESIZE); }

enum physmem_status physmem_init(struct physmem *pm, uint64_t size, unsigned page_shift)
{
	if (page_shift > 30 || size == 0 || size > PHYSMEM_MAX_BYTES || (size & mask_bits(page_shift)))
		return PHYSMEM_EINVAL;
	size_t hp = host_page();
	size_t len = (size_t)((size + hp - 1) & ~(uint64_t)(hp - 1));
	uint8_t *p = mmap(NULL, len + HUGE_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED)
		return PHYSMEM_ENOMEM;
	size_t head = (size_t)(-(uintptr_t)p & (HUGE_BYTES - 1));
	if (head)
		munmap(p, head);
	munmap(p + head + len, HUGE_BYTES - head);
	p += head;
	madvise(p, len, MADV_HUGEPAGE); /* a hint: without it, ordinary pages */
	pm->base = p;
	pm->size = size;
	pm->page_shift = page_shift;
	pm->nframes = size >> page_shift;
	pm->map_len = len;
	return PHYSMEM_OK;
}

void physmem_fini(struct physmem *pm)
{
	if (pm->base)
		munmap(pm->base, pm->map_len);
	pm->base = NULL;
}

const char *physmem_strerror(enum physmem_status st)
{
	switch (st) {
	case PHYSMEM_OK: return "ok";
	case PHYSMEM_EINVAL: return "physical memory size must be a positive multiple of the page size, at most 1 TiB";
	case PHYSMEM_ENOMEM: return "the host could not reserve that much address space";
	}
	return "?";
}

bool physmem_zero(struct physmem *pm, paddr_t pa, uint64_t len)
{
	if (!physmem_contains(pm, pa, len))
		return false;
	if (len < PHYSMEM_RELEASE_BYTES) {
		memset(pm->base + pa, 0, len);
		return true;
	}
	uint64_t hp = host_page();
	uint64_t first = (pa + hp - 1) & ~(hp - 1), last = (pa + len) & ~(hp - 1);
	if (first >= last) {
		memset(pm->base + pa, 0, len);
		return true;
	}
	memset(pm->base + pa, 0, first - pa);
	if (madvise(pm->base + first, last - first, MADV_DONTNEED) != 0)
		memset(pm->base + first, 0, last - first);
	memset(pm->base + last, 0, pa + len - last);
	return true;
}

bool physmem_junk(struct physmem *pm, paddr_t pa, uint64_t len)
{
	if (!physmem_contains(pm, pa, len))
		return false;
	memset(pm->base + pa, 0xa5, len);
	return true;
}

uint64_t physmem_resident_bytes(const struct physmem *pm)
{
	size_t hp = host_page(), pages = pm->map_len / hp;
	uint64_t resident = 0;
	unsigned char vec[4096];
	for (size_t i = 0; i < pages; i += sizeof vec) {
		size_t n = pages - i < sizeof vec ? pages - i : sizeof vec;
		if (mincore(pm->base + i * hp, n * hp, vec) != 0)
			return 0;
		for (size_t j = 0; j < n; j++)
			resident += vec[j] & 1;
	}
	return resident * hp;
}
