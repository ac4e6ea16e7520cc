/* Maps a small then a larger anonymous region, writes them, unmaps the first
 * and maps again: mmap finds room below the stack each time. */
#include <stdio.h>
#include <sys/mman.h>

static char *map(unsigned long len)
{
	char *p = mmap(0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		printf("mmaps: mmap of %lu bytes failed\n", len);
		return 0;
	}
	for (unsigned long i = 0; i < len; i += 4096)
		p[i] = (char)i;
	return p;
}

int main(void)
{
	char *a = map(200704), *b = map(303104);
	printf("mmaps: second below first: %s\n", b && b + 303104 <= a ? "yes" : "no");
	munmap(a, 200704);
	char *c = map(100000);
	printf("mmaps: third reuses the hole: %s\n", c == a + 200704 - 102400 ? "yes" : "no");
	return !(a && b && c);
}
