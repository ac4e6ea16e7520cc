/* forklimit: forks children that sleep until fork fails, and prints how many
 * it made and the errno (vmlab run --max-procs N: N - 1 children, then
 * EAGAIN, as under Linux's RLIMIT_NPROC). Reaping one lets one more fork
 * succeed. Then the same with children that exit at once and stay zombies
 * until reaped: zombies count too. Exits 1 if anything else happens. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_CHILDREN 100000

static pid_t kids[MAX_CHILDREN];

/* Forks children (sleeping, or exiting at once) until fork fails; prints
 * the count and the error. Returns the count. */
static int fork_until_failure(const char *what, int sleepers)
{
	int n = 0;
	for (;;) {
		pid_t pid = n < MAX_CHILDREN ? fork() : -1;
		if (pid == 0) {
			while (sleepers)
				sleep(1000);
			_exit(0);
		}
		if (pid < 0)
			break;
		kids[n++] = pid;
		if (!sleepers)
			usleep(1000); /* the child exits meanwhile: a zombie */
	}
	int e = errno;
	printf("forklimit: %s: %d children, then fork failed: %s%s\n", what, n, e == EAGAIN ? "EAGAIN: " : "",
	       strerror(e));
	return n;
}

/* Kills (when kill is set) and reaps children [from, n); false if one is missing. */
static int reap(int from, int n, int kill_them)
{
	for (int i = from; i < n; i++) {
		int status;
		if (kill_them)
			kill(kids[i], SIGKILL);
		if (waitpid(kids[i], &status, 0) != kids[i]) {
			printf("forklimit: child %d was not reaped\n", i);
			return 0;
		}
	}
	return 1;
}

/* After reaping the first child, one fork succeeds again; then every child
 * is reaped (killed first when they sleep). */
static int one_more(int n, int sleepers)
{
	if (!reap(0, 1, sleepers))
		return 0;
	pid_t pid = fork();
	if (pid == 0)
		_exit(0);
	if (pid < 0) {
		printf("forklimit: fork after a reap failed: %s\n", strerror(errno));
		return 0;
	}
	kids[0] = pid;
	printf("forklimit: after one reap, fork works again\n");
	return reap(0, n, sleepers);
}

int main(void)
{
	int n = fork_until_failure("sleepers", 1);
	if (n == 0 || !one_more(n, 1))
		return 1;
	n = fork_until_failure("zombies", 0);
	if (n == 0 || !one_more(n, 0))
		return 1;
	printf("forklimit: every child reaped\n");
	return 0;
}
