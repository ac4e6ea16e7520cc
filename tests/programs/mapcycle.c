/* Maps 64 GiB, writes a page in every 256 MiB of it, makes it read-only and
 * unmaps it, forever: only a limit or Ctrl-C stops it. */
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
	unsigned long len = 64ul << 30;
	for (;;) {
		char *p = mmap(0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED) {
			fprintf(stderr, "mapcycle: mmap of 64 GiB failed\n");
			return 1;
		}
		for (unsigned long off = 0; off < len; off += 256ul << 20)
			p[off] = 1;
		if (mprotect(p, len, PROT_READ) || munmap(p, len)) {
			fprintf(stderr, "mapcycle: mprotect or munmap failed\n");
			return 1;
		}
	}
}
