/* mistake-use-after-free.c: a dangling pointer. After free(p), p still
 * holds the address, but the block belongs to malloc again: the free list's
 * links now sit in its first 16 bytes, and the next malloc of a similar
 * size hands the same block to someone else. Reading through p then shows
 * the new owner's data, and writing through p silently changes it. Each
 * byte is read once and the write is one store, so valgrind's report
 * depends on the program, not on how a compiler or a libc does it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void dump(const char *what, const char *p)
{
	printf("%-32s", what);
	for (int i = 0; i < 24; i++) {
		char c = p[i];

		printf("%c", c >= 32 && c < 127 ? c : '.');
	}
	printf("\n");
}

int main(void)
{
	char *password = malloc(32);

	strcpy(password, "hunter2 (the secret text)");
	printf("password at %p\n", (void *)password);
	dump("before free:", password);
	free(password);
	dump("after free (the mistake):", password);	/* links overwrote the start */

	char *name = malloc(32);			/* someone else's data */
	strcpy(name, "Alice");
	printf("name at %p (%s)\n", (void *)name, name == password ? "the freed block" : "elsewhere");
	dump("password now reads:", password);
	password[0] = 'J';				/* writing through the dangling pointer */
	printf("after password[0] = 'J', name = \"%s\"\n", name);
	free(name);
	return 0;
}
