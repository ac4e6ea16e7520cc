/* Swap slots in a file, allocated from a bitmap. */
#include "os/swap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int temp_file(char *err, size_t errlen)
{
	const char *dir = getenv("TMPDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/vmlab-swap-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create a swap file: %s", path, strerror(errno));
		return -1;
	}
	unlink(path);
	return fd;
}

bool swap_open(struct swap *s, const char *path, uint64_t nslots, uint64_t page_size, char *err, size_t errlen)
{
	*s = (struct swap){0};
	s->fd = path ? open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : temp_file(err, errlen);
	if (s->fd < 0) {
		if (path)
			snprintf(err, errlen, "%s: cannot open the swap file: %s", path, strerror(errno));
		return false;
	}
	snprintf(s->path, sizeof s->path, "%s", path ? path : "(temporary swap file)");
	s->page_size = page_size;
	s->nslots = nslots;
	s->bitmap = xcalloc((nslots + 63) / 64, sizeof *s->bitmap);
	s->refs = xcalloc(nslots ? nslots : 1, sizeof *s->refs);
	return true;
}

void swap_close(struct swap *s)
{
	if (s->fd >= 0)
		close(s->fd);
	free(s->bitmap);
	free(s->refs);
	s->fd = -1;
	s->bitmap = NULL;
	s->refs = NULL;
}

bool swap_alloc(struct swap *s, uint64_t *slot)
{
	uint64_t words = (s->nslots + 63) / 64;
	for (uint64_t w = s->hint; w < words; w++) {
		if (s->bitmap[w] == ~0ull)
			continue;
		uint64_t bit = (uint64_t)__builtin_ctzll(~s->bitmap[w]), i = w * 64 + bit;
		if (i >= s->nslots)
			return false;
		s->bitmap[w] |= 1ull << bit;
		s->refs[i] = 1;
		s->hint = w;
		s->used++;
		*slot = i;
		return true;
	}
	return false;
}

void swap_dup(struct swap *s, uint64_t slot)
{
	if (slot >= s->nslots || !s->refs[slot])
		panic("sharing swap slot %llu that is not in use", (unsigned long long)slot);
	s->refs[slot]++;
}

void swap_free(struct swap *s, uint64_t slot)
{
	uint64_t w = slot / 64, bit = 1ull << (slot % 64);
	if (slot >= s->nslots || !(s->bitmap[w] & bit))
		panic("freeing swap slot %llu that is not in use", (unsigned long long)slot);
	if (--s->refs[slot])
		return;
	s->bitmap[w] &= ~bit;
	if (w < s->hint)
		s->hint = w;
	s->used--;
}

/* Full pread/pwrite of one page, retrying short transfers. */
static bool transfer(struct swap *s, uint64_t slot, void *page, bool write, char *err, size_t errlen)
{
	uint8_t *p = page;
	off_t off = (off_t)(slot * s->page_size);
	size_t left = s->page_size;
	while (left) {
		ssize_t n = write ? pwrite(s->fd, p, left, off) : pread(s->fd, p, left, off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			snprintf(err, errlen, "%s: %s of swap slot %llu failed: %s", s->path, write ? "write" : "read",
				 (unsigned long long)slot, n < 0 ? strerror(errno) : "unexpected end of file");
			return false;
		}
		p += n, off += n, left -= (size_t)n;
	}
	return true;
}

bool swap_write(struct swap *s, uint64_t slot, const void *page, char *err, size_t errlen)
{
	return transfer(s, slot, (void *)page, true, err, errlen);
}

bool swap_read(struct swap *s, uint64_t slot, void *page, char *err, size_t errlen)
{
	return transfer(s, slot, page, false, err, errlen);
}
