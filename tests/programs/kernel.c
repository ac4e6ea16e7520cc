/* Reads the kernel region at the top of the address space (sv39), which every
 * address space maps without user permission. */
#include <stdio.h>

int main(void)
{
	volatile unsigned long *k = (volatile unsigned long *)0xffffffffffffc000ul;
	printf("kernel: reading the kernel region\n");
	printf("kernel: read %lu\n", *k);
	return 0;
}
