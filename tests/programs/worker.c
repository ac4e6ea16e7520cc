/* Counts to five, sleeping a virtual second between steps, and exits 0: it
 * keeps running while the process started beside it is killed. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	for (int i = 1; i <= 5; i++) {
		sleep(1);
		printf("worker: %d\n", i);
	}
	return 0;
}
