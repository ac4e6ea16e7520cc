/* Copying a struct copies its padding, which was never written: not an
 * error, because nothing decides on it. Deciding on the fields is fine. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec {
	char tag;    /* then 7 bytes of padding */
	long value;
};

int main(void)
{
	struct rec *a = malloc(sizeof *a), *b = malloc(sizeof *b), c;

	a->tag = 'r';
	a->value = 42;
	*b = *a;
	memcpy(&c, b, sizeof c);
	if (c.tag == 'r' && c.value == 42)
		printf("copied: %c %ld\n", c.tag, c.value);
	free(a);
	free(b);
	return 0;
}
