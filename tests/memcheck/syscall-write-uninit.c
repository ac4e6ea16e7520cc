/* write() of a buffer only partly written: valgrind's "Syscall param
 * write(buf) points to uninitialised byte(s)", at the first such byte. */
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
	char *buf = malloc(16);

	buf[0] = 'x';
	buf[1] = '\n';
	write(1, buf, 16); /* bytes 2..15 were never written */
	free(buf);
	return 0;
}
