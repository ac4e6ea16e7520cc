/* maplimit: maps single pages until mmap fails, as a guest that would
 * exhaust the host's memory with regions; vmlab, like Linux with its
 * vm.max_map_count, stops it at 262,144 regions with ENOMEM. At the
 * limit, cutting a hole in a region (munmap) or a part of it (mprotect) fails
 * the same way, and unmapping a whole region makes room again. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

static void *map(size_t len)
{
	return mmap(0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static void report(const char *what, int r)
{
	printf("maplimit: %s: %s\n", what, r == 0 ? "ok" : strerror(errno));
}

int main(void)
{
	char *three = map(3 * 4096), *last = 0, *p;
	long n = 1;
	while ((p = map(4096)) != MAP_FAILED) {
		last = p;
		n++;
	}
	printf("maplimit: %ld maps, then mmap failed: %s\n", n, strerror(errno));
	report("munmap of the middle page of a region", munmap(three + 4096, 4096));
	report("mprotect of the middle page of a region", mprotect(three + 4096, 4096, PROT_READ));
	report("munmap of the first page of a region", munmap(three, 4096));
	report("munmap of a whole region", munmap(last, 4096));
	printf("maplimit: mmap after it: %s\n", map(4096) == MAP_FAILED ? strerror(errno) : "ok");
	return 0;
}
