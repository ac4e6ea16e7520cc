/* mistake-invalid-free.c: freeing a pointer that malloc never returned,
 * here one that points 16 bytes into a block (as after p += 16 while
 * walking a buffer). free needs the block's start to find its header; this
 * malloc checks the pointer, reports it on stderr and aborts (the process
 * dies of SIGABRT, exit status 134). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	char *buf = malloc(64);
	char *p = buf;

	strcpy(buf, "header: payload");
	p += 16;			/* walked past the header */
	printf("buf = %p, p = %p\n", (void *)buf, (void *)p);
	free(p);			/* the mistake: free(buf) */
	printf("still running: only --memcheck reports the mistake and goes on\n");
	return 0;
}
