/* Writes a 64 GiB readable mapping to standard output again and again, each
 * count written to standard error: one write moves at most 0x7ffff000 bytes
 * (as on Linux), and the run's limits and Ctrl-C stop it midway. */
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
	unsigned long len = 64ul << 30;
	char *p = mmap(0, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		fprintf(stderr, "bigwrite: mmap of 64 GiB failed\n");
		return 1;
	}
	fprintf(stderr, "bigwrite: writing 64 GiB\n");
	for (;;)
		fprintf(stderr, "bigwrite: write returned %ld\n", (long)write(1, p, len));
}
