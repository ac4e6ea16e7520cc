/* mistake-double-free.c: freeing the same block twice. The second free
 * would put a block on the free list that is already there, so two later
 * mallocs could return the same memory. This malloc checks every pointer
 * it is given back: it reports the double free, naming the pointer, on
 * stderr and aborts (the process dies of SIGABRT, exit status 134). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	char *p = malloc(64);

	strcpy(p, "some data");
	printf("p = %p\n", (void *)p);
	free(p);
	printf("freed p once\n");
	free(p);			/* the mistake: p was freed already */
	printf("still running: only --memcheck reports the mistake and goes on\n");
	return 0;
}
