/* The V bits of one address space for `vmlab run --memcheck`: per guest
 * byte, which of its bits are undefined (valgrind's memcheck's definedness,
 * bit-precise), kept sparsely in VBITS_PAGE pages made when a page first gets
 * an undefined bit. A byte of no page is defined: zero-filled pages, loaded
 * data and whatever the kernel wrote cost nothing. */
#ifndef CHECK_VBITS_H
#define CHECK_VBITS_H

#include <stdbool.h>
#include <stdint.h>

#include "lib/u64tree.h"

#define VBITS_PAGE 4096

#define VBITS_CACHED 16 /* pages looked up lately (misses too), direct-mapped */

struct vbits {
	struct u64tree pages;   /* va / VBITS_PAGE -> uint8_t[VBITS_PAGE] */
	struct u64tree origins; /* va / VBITS_PAGE -> uint32_t[VBITS_PAGE / 4]: the origin of each
				   4-byte granule's undefined bits (valgrind's granule), once set */
	struct {
		uint64_t key;   /* page number + 1 (0: empty) */
		uint8_t *page;  /* NULL: no page, all defined */
	} cache[VBITS_CACHED];
};

void vbits_init(struct vbits *s);
void vbits_fini(struct vbits *s);

/* The V bits of size (1 to 8) bytes at va, little-endian. */
uint64_t vbits_load(struct vbits *s, uint64_t va, unsigned size);

/* Sets the V bits of size (1 to 8) bytes at va from v, little-endian. */
void vbits_store(struct vbits *s, uint64_t va, unsigned size, uint64_t v);

/* Makes [va, va + len) all undefined, or all defined. */
void vbits_set(struct vbits *s, uint64_t va, uint64_t len, bool undefined);

/* The first byte of [va, va + len) with an undefined bit, in *at; false when
 * they are all defined. */
bool vbits_find_undefined(struct vbits *s, uint64_t va, uint64_t len, uint64_t *at);

/* The origin of the undefined bits of the granule holding va (0: none). */
uint32_t vbits_origin(const struct vbits *s, uint64_t va);

/* Sets the origin of every granule that [va, va + len) touches. */
void vbits_set_origin(struct vbits *s, uint64_t va, uint64_t len, uint32_t origin);

/* Makes dst (empty) a copy of src. */
void vbits_copy(struct vbits *dst, const struct vbits *src);

/* Forgets every V bit and origin: everything defined. */
void vbits_clear(struct vbits *s);

#endif
