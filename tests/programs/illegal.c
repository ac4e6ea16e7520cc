/* Executes an instruction RISC-V does not have (all zeros is c.unimp). */
#include <stdio.h>

int main(void)
{
	printf("illegal: executing 0x0000\n");
	__asm__ volatile(".2byte 0");
	printf("illegal: still alive?\n");
	return 0;
}
