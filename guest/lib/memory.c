/* The program break and memory mappings. The kernel's brk(addr) returns the
 * new break on success and the unchanged break on failure; brk(0) asks. */
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#include "internal.h"

static uintptr_t cur_brk; /* 0 until the first call asks the kernel */

int brk(void *addr)
{
	uintptr_t got = (uintptr_t)syscall1(SYS_brk, (long)addr);

	cur_brk = got;
	if (got != (uintptr_t)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

void *sbrk(intptr_t inc)
{
	uintptr_t old;

	if (cur_brk == 0)
		cur_brk = (uintptr_t)syscall1(SYS_brk, 0);
	old = cur_brk;
	if (inc == 0)
		return (void *)old;
	if ((inc > 0 && old + (uintptr_t)inc < old) || (inc < 0 && (uintptr_t)-inc > old)) {
		errno = ENOMEM;
		return (void *)-1;
	}
	if (brk((void *)(old + (uintptr_t)inc)) != 0)
		return (void *)-1;
	return (void *)old;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	long r = syscall6(SYS_mmap, (long)addr, (long)len, prot, flags, fd, off);

	if (sysret(r) == -1)
		return MAP_FAILED;
	return (void *)r;
}

int munmap(void *addr, size_t len)
{
	return (int)sysret(syscall2(SYS_munmap, (long)addr, (long)len));
}

int mprotect(void *addr, size_t len, int prot)
{
	return (int)sysret(syscall3(SYS_mprotect, (long)addr, (long)len, prot));
}
