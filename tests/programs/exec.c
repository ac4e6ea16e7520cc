/* Replaces itself with the program named in argv[1], found with --path. */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	char *args[] = {argv[1], NULL};
	if (argc < 2)
		return 2;
	printf("exec: pid %d becomes %s\n", getpid(), argv[1]);
	execv(argv[1], args);
	printf("exec: execv failed\n");
	return 1;
}
