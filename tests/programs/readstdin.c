/* Says so on standard error, then reads standard input once and prints what
 * read returned. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	char buf[100];
	fprintf(stderr, "readstdin: reading\n");
	printf("readstdin: read returned %ld\n", (long)read(0, buf, sizeof buf));
	return 0;
}
