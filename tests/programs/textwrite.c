/* Writes over its own code, which is mapped read and execute only. */
#include <stdio.h>

int main(void)
{
	volatile unsigned char *code = (volatile unsigned char *)main;
	printf("textwrite: writing over main's first instruction\n");
	code[0] = 0;
	printf("textwrite: still alive?\n");
	return 0;
}
