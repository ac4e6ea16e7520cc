/* Simulated physical memory: an array of page-sized frames, reserved from the
 * host lazily (a MAP_NORESERVE mapping, so host memory grows only with the
 * frames touched). Every access is bounds-checked; guest memory is little-endian. */
#ifndef HW_PHYSMEM_H
#define HW_PHYSMEM_H

#include <string.h>

#include "lib/types.h"
#include "lib/util.h"

#define PHYSMEM_MAX_BYTES (1ull << 40) /* 1 TiB of simulated RAM */

struct physmem {
	uint8_t *base;      /* host mapping of the whole simulated RAM */
	uint64_t size;      /* bytes, a whole number of frames */
	unsigned page_shift;
	uint64_t nframes;
	size_t map_len;     /* host bytes mapped (size rounded up to host pages) */
};

enum physmem_status {
	PHYSMEM_OK = 0,
	PHYSMEM_EINVAL, /* size not a positive multiple of the page size, or too big */
	PHYSMEM_ENOMEM, /* the host refused the reservation */
};

/* Reserves size bytes of RAM made of 2^page_shift-byte frames, all zero.
 * On failure nothing is reserved. */
WARN_UNUSED enum physmem_status physmem_init(struct physmem *pm, uint64_t size, unsigned page_shift);
void physmem_fini(struct physmem *pm);
const char *physmem_strerror(enum physmem_status st);

static inline paddr_t pfn_to_pa(const struct physmem *pm, pfn_t pfn) { return pfn << pm->page_shift; }
static inline pfn_t pa_to_pfn(const struct physmem *pm, paddr_t pa) { return pa >> pm->page_shift; }

/* True when [pa, pa+len) lies inside RAM. */
static inline bool physmem_contains(const struct physmem *pm, paddr_t pa, uint64_t len)
{
	return pa <= pm->size && len <= pm->size - pa;
}

/* Host pointer to [pa, pa+len), or NULL when any of it lies outside RAM. */
static inline uint8_t *physmem_ptr(const struct physmem *pm, paddr_t pa, uint64_t len)
{
	return physmem_contains(pm, pa, len) ? pm->base + pa : NULL;
}

/* Little-endian loads and stores of 1, 2, 4 or 8 bytes at an address the
 * caller has bounds-checked (physmem_contains). */
static inline uint64_t physmem_load(const struct physmem *pm, paddr_t pa, unsigned size)
{
	const uint8_t *p = pm->base + pa;
	switch (size) {
	case 1: return p[0];
	case 2: { uint16_t v; memcpy(&v, p, 2); return v; }
	case 4: { uint32_t v; memcpy(&v, p, 4); return v; }
	default: { uint64_t v; memcpy(&v, p, 8); return v; }
	}
}

static inline void physmem_store(const struct physmem *pm, paddr_t pa, unsigned size, uint64_t v)
{
	uint8_t *p = pm->base + pa;
	switch (size) {
	case 1: p[0] = (uint8_t)v; break;
	case 2: { uint16_t x = (uint16_t)v; memcpy(p, &x, 2); break; }
	case 4: { uint32_t x = (uint32_t)v; memcpy(p, &x, 4); break; }
	default: memcpy(p, &v, 8); break;
	}
}

/* Zeroes [pa, pa+len) and gives whole host pages inside it back to the host.
 * Returns false (and changes nothing) when the range is outside RAM. */
WARN_UNUSED bool physmem_zero(struct physmem *pm, paddr_t pa, uint64_t len);

/* Fills [pa, pa+len) with a junk pattern so that use of freed memory shows.
 * Returns false when the range is outside RAM. */
WARN_UNUSED bool physmem_junk(struct physmem *pm, paddr_t pa, uint64_t len);

/* Host bytes currently resident for the simulated RAM (from mincore). */
uint64_t physmem_resident_bytes(const struct physmem *pm);

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "vmlab assumes a little-endian host (guest memory is little-endian)"
#endif

#endif
