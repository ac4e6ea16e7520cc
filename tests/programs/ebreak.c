/* Stops at a breakpoint instruction; with no debugger attached it is fatal. */
#include <stdio.h>

int main(void)
{
	printf("ebreak: hitting a breakpoint\n");
	__asm__ volatile("ebreak");
	return 0;
}
