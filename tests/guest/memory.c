/* The runtime's memory calls: the program break (sbrk/brk) above _end, the
 * bump malloc with calloc and realloc, and anonymous mmap/munmap/mprotect.
 * Prints one yes/no line per property, never an address; exits 1 if any
 * property fails. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGE 4096

extern char _end[];	/* from guest.ld: the end of .bss */
static int failures;

static void check(const char *what, int ok)
{
	printf("%-4s %s\n", ok ? "ok" : "FAIL", what);
	failures += !ok;
}

static int all_bytes(const uint8_t *p, size_t n, uint8_t v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return 0;
	return 1;
}

static void program_break(void)
{
	uint8_t *start = sbrk(0), *old;

	check("the break starts at or above _end", start >= (uint8_t *)_end);
	old = sbrk(3 * PAGE);
	check("sbrk(3 pages) returns the old break", old == start);
	check("the break moved by 3 pages", (uint8_t *)sbrk(0) == start + 3 * PAGE);
	memset(old, 0x5a, 3 * PAGE);
	check("the new pages hold what was written", all_bytes(old, 3 * PAGE, 0x5a));
	check("sbrk(-2 pages) shrinks the break", sbrk(-2 * PAGE) == start + 3 * PAGE
	      && (uint8_t *)sbrk(0) == start + PAGE);
	check("brk back to the start", brk(start) == 0 && sbrk(0) == start);
}

static void heap(void)
{
	uint8_t *blocks[200];
	int aligned = 1, intact = 1;
	uint8_t *big, *z, *r;

	for (int i = 0; i < 200; i++) {
		size_t n = (size_t)(i * 37 % 300) + 1;
		blocks[i] = malloc(n);
		aligned &= blocks[i] && (uintptr_t)blocks[i] % 16 == 0;
		memset(blocks[i], i, n);
	}
	for (int i = 0; i < 200; i++)
		intact &= all_bytes(blocks[i], (size_t)(i * 37 % 300) + 1, (uint8_t)i);
	check("200 malloc blocks are 16-byte aligned", aligned);
	check("200 malloc blocks do not overlap", intact);
	for (int i = 0; i < 200; i++)
		free(blocks[i]);
	big = malloc(1 << 20);
	if (big)
		for (size_t i = 0; i < 1 << 20; i += PAGE)
			big[i] = (uint8_t)(i >> 12);
	check("a 1 MiB block can be written on every page", big && big[255 * PAGE] == 255);
	z = calloc(1000, 8);
	check("calloc returns zeroed memory", z && all_bytes(z, 8000, 0));
	memset(z, 0x77, 8000);
	r = realloc(z, 20000);
	check("realloc keeps the contents", r && all_bytes(r, 8000, 0x77));
	check("calloc refuses an overflowing size", calloc(SIZE_MAX / 2, 4) == NULL);
	free(r);
	free(big);
}

static void mappings(void)
{
	uint8_t *m = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	check("mmap of 3 anonymous pages succeeds", m != MAP_FAILED);
	if (m == MAP_FAILED)
		return;
	check("the mapping is page-aligned", (uintptr_t)m % PAGE == 0);
	check("anonymous pages read as zero", all_bytes(m, 3 * PAGE, 0));
	memset(m, 0xc3, 3 * PAGE);
	check("the pages hold what was written", all_bytes(m, 3 * PAGE, 0xc3));
	check("mprotect the middle page read-only", mprotect(m + PAGE, PAGE, PROT_READ) == 0);
	check("  it still reads back", all_bytes(m + PAGE, PAGE, 0xc3));
	check("mprotect it read-write again", mprotect(m + PAGE, PAGE, PROT_READ | PROT_WRITE) == 0);
	m[PAGE] = 1;
	check("  and it can be written", m[PAGE] == 1);
	check("munmap the middle page", munmap(m + PAGE, PAGE) == 0);
	check("the other two pages are intact", all_bytes(m, PAGE, 0xc3) && all_bytes(m + 2 * PAGE, PAGE, 0xc3));
	check("munmap the rest", munmap(m, PAGE) == 0 && munmap(m + 2 * PAGE, PAGE) == 0);
	errno = 0;
	check("mmap of length 0 fails with EINVAL",
	      mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED && errno == EINVAL);
	errno = 0;
	check("munmap of an unaligned address fails with EINVAL",
	      munmap((uint8_t *)m + 1, PAGE) == -1 && errno == EINVAL);
}

int main(void)
{
	program_break();
	heap();
	mappings();
	printf("memory: %d failures\n", failures);
	return failures ? 1 : 0;
}
