/* The swap device: a real file divided into page-sized slots, with a slot
 * allocator (lowest free slot first). By default an unlinked temporary file.
 * Host I/O errors are reported, never ignored. */
#ifndef OS_SWAP_H
#define OS_SWAP_H

#include "lib/types.h"
#include "lib/util.h"

struct swap {
	int fd;
	char path[256];     /* for messages; "(temporary)" when unlinked */
	uint64_t page_size;
	uint64_t nslots;
	uint64_t *bitmap;   /* bit set = slot in use */
	uint32_t *refs;     /* holders of each slot (address spaces sharing a page after fork) */
	uint64_t hint;      /* no free slot below this word */
	uint64_t used;
};

/* Opens (creating or truncating) path, or an unlinked temporary file when path
 * is NULL, for nslots pages. Returns false with "path: reason" in err. */
WARN_UNUSED bool swap_open(struct swap *s, const char *path, uint64_t nslots, uint64_t page_size, char *err,
			   size_t errlen);
void swap_close(struct swap *s);

/* The lowest free slot, with one holder; false when swap is full. */
WARN_UNUSED bool swap_alloc(struct swap *s, uint64_t *slot);
/* One more holder of a slot in use. */
void swap_dup(struct swap *s, uint64_t slot);
/* One holder fewer; the slot is free when none is left. */
void swap_free(struct swap *s, uint64_t slot);
/* Holders of a slot (0 when free). */
static inline uint32_t swap_holders(const struct swap *s, uint64_t slot) { return s->refs[slot]; }

/* Page I/O; false with a message naming the file, the slot and strerror. */
WARN_UNUSED bool swap_write(struct swap *s, uint64_t slot, const void *page, char *err, size_t errlen);
WARN_UNUSED bool swap_read(struct swap *s, uint64_t slot, void *page, char *err, size_t errlen);

#endif
