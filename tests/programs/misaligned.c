/* An atomic at an odd address: `misaligned amo` does amoadd.d, `misaligned
 * sc` an sc.d with no reservation (the spec raises the exception before the
 * reservation is looked at). vmlab kills it with SIGBUS, as Linux does. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t words[2];

int main(int argc, char *argv[])
{
	uintptr_t a = (uintptr_t)words + 3;
	long r;
	if (argc < 2)
		return 2;
	printf("misaligned: %s at an odd address\n", argv[1]);
	if (!strcmp(argv[1], "sc"))
		__asm__ volatile("sc.d %0, %1, (%2)" : "=r"(r) : "r"(5L), "r"(a) : "memory");
	else
		__asm__ volatile("amoadd.d %0, %1, (%2)" : "=r"(r) : "r"(5L), "r"(a) : "memory");
	printf("misaligned: still alive? (%ld)\n", r);
	return 0;
}
