/* Prints its first argument and its pid, then exits 0: a hundred copies run
 * at once in tests/golden/run-100-programs.t. */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	printf("%s: pid %d\n", argc > 1 ? argv[1] : "(no argument)", (int)getpid());
	return 0;
}
