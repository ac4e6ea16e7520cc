/* Writes through a NULL pointer: vmlab kills it with a segmentation fault. */
#include <stdio.h>

int main(void)
{
	volatile int *p = 0;
	printf("null: writing through NULL\n");
	*p = 42;
	printf("null: still alive?\n");
	return 0;
}
