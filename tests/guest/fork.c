/* fork: parent and child each write their own value at the same virtual
 * address and see only their own; a 64 KiB array shared copy-on-write
 * stays intact in the parent while the child rewrites it. The parent waits
 * before printing anything after the fork, so the output order is fixed;
 * pids are compared, never printed. Then three children are reaped in
 * order with waitpid, one killed by SIGKILL, and wait with no child left
 * fails with ECHILD. Exits 1 if any check fails. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static long value = 100;
static uint8_t shared[64 * 1024];
static int failures;

static void check(const char *who, const char *what, int ok)
{
	printf("%s: %s: %s\n", who, what, ok ? "yes" : "NO");
	failures += !ok;
}

static uint64_t sum_shared(void)
{
	uint64_t sum = 0;

	for (size_t i = 0; i < sizeof shared; i++)
		sum = sum * 31 + shared[i];
	return sum;
}

static _Noreturn void child(pid_t parent)
{
	value = 200;
	for (size_t i = 0; i < sizeof shared; i += 512)
		shared[i] ^= 0xff;
	printf("child: value = %ld at %p\n", value, (void *)&value);
	check("child", "getppid() is the parent's pid", getppid() == parent);
	check("child", "getpid() is not the parent's pid", getpid() != parent);
	printf("child: array checksum 0x%016lx after rewriting it\n", sum_shared());
	exit(7);
}

/* Forks children that exit with 1, 2, 3, and one that kills itself; reaps
 * them with waitpid in creation order. */
static void several_children(void)
{
	pid_t pids[4];
	int status;

	for (int i = 0; i < 4; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			if (i == 3)
				kill(getpid(), SIGKILL);
			_exit(i + 1);
		}
	}
	for (int i = 0; i < 3; i++) {
		pid_t w = waitpid(pids[i], &status, 0);
		printf("parent: child %d: exited %s, status %d\n", i + 1,
		       w == pids[i] && WIFEXITED(status) ? "normally" : "ABNORMALLY",
		       WEXITSTATUS(status));
		failures += w != pids[i] || !WIFEXITED(status) || WEXITSTATUS(status) != i + 1;
	}
	check("parent", "child 4 was killed by SIGKILL",
	      waitpid(pids[3], &status, 0) == pids[3] && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	check("parent", "wait with no children left fails with ECHILD",
	      wait(&status) == -1 && errno == ECHILD);
}

int main(void)
{
	pid_t parent = getpid(), pid, w;
	uint64_t before;
	int status;

	for (size_t i = 0; i < sizeof shared; i++)
		shared[i] = (uint8_t)(i * 13 + 1);
	before = sum_shared();
	printf("before fork: value = %ld at %p, array checksum 0x%016lx\n", value, (void *)&value,
	       before);
	pid = fork();
	if (pid < 0) {
		printf("fork failed\n");
		return 2;
	}
	if (pid == 0)
		child(parent);
	value = 300;
	w = wait(&status);
	printf("parent: value = %ld at %p\n", value, (void *)&value);
	check("parent", "wait returned the child's pid", w == pid);
	check("parent", "the child exited normally with status 7",
	      WIFEXITED(status) && WEXITSTATUS(status) == 7);
	check("parent", "its array is unchanged", sum_shared() == before);
	several_children();
	printf("fork: %d failures\n", failures);
	return failures ? 1 : 0;
}
