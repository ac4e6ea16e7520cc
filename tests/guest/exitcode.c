/* The exit status of main reaches the parent: returns 42 after printing. */
#include <stdio.h>

int main(void)
{
	printf("exitcode: returning 42 from main\n");
	return 42;
}
