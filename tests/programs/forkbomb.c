/* forkbomb: every process forks for ever, ignoring failures, so the number
 * of processes doubles until the process limit (vmlab run --max-procs) makes
 * fork fail with EAGAIN. Run it under --time: it never ends by itself. The
 * test script bounds vmlab's host time and peak RSS. */
#include <unistd.h>

int main(void)
{
	for (;;)
		fork();
}
