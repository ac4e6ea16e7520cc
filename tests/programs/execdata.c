/* Jumps into a data array, which is mapped read and write but not execute. */
#include <stdio.h>

static unsigned int data[4] = {0x00000013, 0x00000013, 0x00008067, 0}; /* nop, nop, ret */

int main(void)
{
	void (*f)(void) = (void (*)(void))(unsigned long)data;
	printf("execdata: calling into the data segment\n");
	f();
	printf("execdata: still alive?\n");
	return 0;
}
