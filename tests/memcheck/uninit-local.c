/* A local array read where it was never written: the value a function
 * returns is undefined, and the branch on it in main is the error; with
 * --track-origins the value was created by pick's stack allocation. */
#include <stdio.h>

__attribute__((noinline)) static int pick(int i)
{
	int x[8];

	x[0] = 1;
	return x[i];
}

int main(void)
{
	if (pick(5) > 0) /* x[5] was never written */
		printf("positive\n");
	return 0;
}
