/* forkfree.c: a block malloc'd before fork is the child's too: the child
 * frees its copy (no invalid free), then reads it (an invalid read in the
 * child only); the parent's copy stays live, and is leaked. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	char *p = malloc(8);
	int status;

	p[0] = 'x';
	if (fork() == 0) {
		free(p);
		return p[0] == 'x';
	}
	wait(&status);
	printf("parent: %c\n", p[0]);
	p = NULL;
	return 0;
}
