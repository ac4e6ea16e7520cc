/* The lowest 64 KiB cannot be mapped (Linux's vm.mmap_min_addr): MAP_FIXED
 * there fails with EPERM, a hint there is moved up, a free hint above it is
 * taken as it is, and NULL stays a fault after all that. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>

static void *map(uintptr_t addr, unsigned long len, int flags)
{
	errno = 0;
	return mmap((void *)addr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | flags, -1, 0);
}

static void fixed(uintptr_t addr, unsigned long len)
{
	void *p = map(addr, len, MAP_FIXED);
	printf("lowmap: MAP_FIXED at 0x%lx, %lu bytes: %s\n", (unsigned long)addr, len,
	       p == MAP_FAILED ? (errno == EPERM ? "EPERM" : "another error") : "mapped");
}

static void hint(uintptr_t addr)
{
	uintptr_t p = (uintptr_t)map(addr, 4096, 0);
	printf("lowmap: hint 0x%lx: %s\n", (unsigned long)addr,
	       p == (uintptr_t)MAP_FAILED ? "failed" : p == addr ? "taken as it is" :
	       p >= 0x10000 ? "moved to 64 KiB or above" : "BELOW 64 KiB");
}

int main(void)
{
	fixed(0, 4096);
	fixed(0x1000, 4096);
	fixed(0xf000, 4096);
	fixed(0x8000, 0x10000); /* ends above the limit, starts below it */
	fixed(0x40000000, 4096);
	hint(0x1000);
	hint(0xf000);
	hint(0x50000000);
	volatile int *null = 0;
	printf("lowmap: writing through NULL\n");
	*null = 1;
	printf("lowmap: still alive?\n");
	return 0;
}
