/* write() of a local buffer never filled: the bytes are on the stack. */
#include <unistd.h>

__attribute__((noinline)) static void say(int n)
{
	char buf[32];

	buf[0] = 'a' + n % 26;
	buf[1] = '\n';
	write(1, buf, sizeof buf); /* bytes 2..31 were never written */
}

int main(void)
{
	say(2);
	return 0;
}
