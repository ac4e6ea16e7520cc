/* The swap device: a real file divided into page-sized slots, with a slot
 * allocator (lowest free slot first). By default an unlinked temporary file.
 * A regular file is mapped into memory (MAP_SHARED), so that a page in or out
 * is a memcpy in the host's page cache, not a system call; other files (a
 * device such as /dev/full) and files the host cannot map are read and written
 * with pread/pwrite. Host I/O errors are reported, never ignored, with two
 * exceptions a mapped file cannot report: the file cut short by someone else
 * while vmlab runs, and a disk that fails to read back a page the host had
 * written out of its cache; the host then stops vmlab with SIGBUS. */
#ifndef OS_SWAP_H
#define OS_SWAP_H

#include "lib/types.h"
#include "lib/util.h"

struct swap {
	int fd;
	char path[256];     /* for messages; "(temporary)" when unlinked */
	uint64_t page_size;
	uint64_t nslots;
	uint8_t *map;       /* the file's nslots pages mapped shared, or NULL: pread/pwrite */
	uint64_t backed;    /* mapped: bytes at the file's start allocated on disk */
	uint64_t *bitmap;   /* bit set = slot in use */
	uint32_t *refs;     /* holders of each slot (address spaces sharing a page after fork) */
	uint64_t hint;      /* no free slot below this word */
	uint64_t used;
};

/* Opens (creating or truncating) path, or an unlinked temporary file when path
 * is NULL, for nslots pages, and maps it when it is a regular file the host
 * can map. Returns false with "path: reason" in err; nothing stays open. */
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

/* Page I/O of one slot (< nslots); false with a message naming the file, the
 * slot and strerror. A mapped file grows by posix_fallocate before a write
 * beyond its allocated part touches the map, so that a full disk or a file
 * size limit is a write error, not a SIGBUS; reading beyond what was ever
 * allocated is an error ("unexpected end of file"), as with pread. */
WARN_UNUSED bool swap_write(struct swap *s, uint64_t slot, const void *page, char *err, size_t errlen);
WARN_UNUSED bool swap_read(struct swap *s, uint64_t slot, void *page, char *err, size_t errlen);

#endif
