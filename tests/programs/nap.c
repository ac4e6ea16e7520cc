/* Sleeps argv[1] virtual milliseconds, says so and exits 0: processes that
 * end at chosen times, to leave holes in memory. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char *argv[])
{
	long ms = argc > 1 ? atol(argv[1]) : 0;
	struct timespec t = {ms / 1000, (ms % 1000) * 1000000};
	nanosleep(&t, NULL);
	printf("nap: pid %d slept %ld ms\n", (int)getpid(), ms);
	return 0;
}
