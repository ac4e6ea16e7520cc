/* mem.c, from OSTEP chapter 2 (virtualizing memory): allocates an int,
 * prints its address, then adds one to it every second, forever. Run two
 * copies at once: both print the SAME address, yet each counts on its own,
 * because each process has its own private virtual address space.
 *
 *   vmlab run --time 5s "examples/mem.c 0" "examples/mem.c 0"
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "common.h"

int main(int argc, char *argv[])
{
	if (argc != 2) {
		fprintf(stderr, "usage: mem <value>\n");
		exit(1);
	}
	int *p = malloc(sizeof(int));
	assert(p != NULL);
	printf("(%d) addr pointed to by p: %p\n", (int)getpid(), (void *)p);
	*p = atoi(argv[1]);	/* assign value to addr stored in p */
	while (1) {
		Spin(1);
		*p = *p + 1;
		printf("(%d) value of p: %d\n", getpid(), *p);
	}
	return 0;
}
