/* Swap slots in a file, allocated from a bitmap; a regular file is mapped
 * and grown ahead of the writes, anything else is read and written. */
#include "os/swap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define GROW_MIN_BYTES (1ull << 20) /* a mapped file grows by at least this much (or doubles) */

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

/* Maps the whole device when the file is a regular one; otherwise (or when
 * the host refuses) s->map stays NULL and I/O goes through pread/pwrite. The
 * file starts empty: nothing of it is allocated yet. */
static void map_file(struct swap *s)
{
	struct stat st;
	uint64_t len = s->nslots * s->page_size;
	if (len == 0 || len > SIZE_MAX || fstat(s->fd, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	void *p = mmap(NULL, (size_t)len, PROT_READ | PROT_WRITE, MAP_SHARED, s->fd, 0);
	if (p != MAP_FAILED)
		s->map = p;
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
	map_file(s);
	s->bitmap = xcalloc((nslots + 63) / 64, sizeof *s->bitmap);
	s->refs = xcalloc(nslots ? nslots : 1, sizeof *s->refs);
	return true;
}

void swap_close(struct swap *s)
{
	if (s->map)
		munmap(s->map, (size_t)(s->nslots * s->page_size));
	s->map = NULL;
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

static bool io_error(const struct swap *s, uint64_t slot, bool write, const char *why, char *err, size_t errlen)
{
	snprintf(err, errlen, "%s: %s of swap slot %llu failed: %s", s->path, write ? "write" : "read",
		 (unsigned long long)slot, why);
	return false;
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
		if (n <= 0)
			return io_error(s, slot, write, n < 0 ? strerror(errno) : "unexpected end of file", err, errlen);
		p += n, off += n, left -= (size_t)n;
	}
	return true;
}

static int allocate(int fd, uint64_t from, uint64_t to)
{
	int e;
	while ((e = posix_fallocate(fd, (off_t)from, (off_t)(to - from))) == EINTR)
		;
	return e;
}

/* Makes sure the first end bytes of a mapped file are allocated, growing it
 * by at least GROW_MIN_BYTES or doubling it (up to the device's size), or by
 * just what the write needs when the host refuses more; false with the
 * host's reason when even that fails. */
static bool back(struct swap *s, uint64_t end, uint64_t slot, char *err, size_t errlen)
{
	if (end <= s->backed)
		return true;
	uint64_t size = s->nslots * s->page_size, want = s->backed * 2;
	want = want > s->backed + GROW_MIN_BYTES ? want : s->backed + GROW_MIN_BYTES;
	want = want > end ? want : end;
	want = want < size ? want : size;
	if (allocate(s->fd, s->backed, want) == 0) {
		s->backed = want;
		return true;
	}
	int e = allocate(s->fd, s->backed, end);
	if (e)
		return io_error(s, slot, true, strerror(e), err, errlen);
	s->backed = end;
	return true;
}

static void check_slot(const struct swap *s, uint64_t slot)
{
	if (slot >= s->nslots)
		panic("swap slot %llu of %llu", (unsigned long long)slot, (unsigned long long)s->nslots);
}

bool swap_write(struct swap *s, uint64_t slot, const void *page, char *err, size_t errlen)
{
	check_slot(s, slot);
	if (!s->map)
		return transfer(s, slot, (void *)page, true, err, errlen);
	uint64_t off = slot * s->page_size;
	if (!back(s, off + s->page_size, slot, err, errlen))
		return false;
	memcpy(s->map + off, page, s->page_size);
	return true;
}

bool swap_read(struct swap *s, uint64_t slot, void *page, char *err, size_t errlen)
{
	check_slot(s, slot);
	if (!s->map)
		return transfer(s, slot, page, false, err, errlen);
	uint64_t off = slot * s->page_size;
	if (off + s->page_size > s->backed)
		return io_error(s, slot, false, "unexpected end of file", err, errlen);
	memcpy(page, s->map + off, s->page_size);
	return true;
}
