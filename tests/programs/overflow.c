/* Recurses without end: the stack grows to its limit and the next page (the
 * guard page) is a segmentation fault. */
#include <stdio.h>

static unsigned long depth(unsigned long n)
{
	volatile char frame[1024];
	frame[0] = (char)n;
	return depth(n + 1) + frame[0];
}

int main(void)
{
	printf("overflow: recursing forever\n");
	return (int)depth(0);
}
