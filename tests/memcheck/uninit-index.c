/* An uninitialised value used as an address (an index into a table):
 * valgrind's "Use of uninitialised value of size 8". The value loaded from
 * the table is defined (the table is), so the branch on it is no error. */
#include <stdio.h>
#include <stdlib.h>

static int table[256];

int main(void)
{
	unsigned char *p = malloc(4);

	table[3] = 7;
	if (table[p[1]] == 7) /* p[1] was never written */
		printf("seven\n");
	free(p);
	return 0;
}
