/* Writes one byte at the address argv[1] (hex), or 64 KiB past the program
 * break: under base-bounds or segmentation, beyond the bounds or the heap
 * segment's limit, the hardware refuses it and the kernel kills the process. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	char *p = argc > 1 ? (char *)strtoul(argv[1], NULL, 16) : (char *)sbrk(0) + 0x10000;
	printf("poke: writing at %p\n", (void *)p);
	fflush(stdout);
	*(volatile char *)p = 1;
	printf("poke: the write went through\n");
	return 0;
}
