/* assert: a true assertion does nothing; with NDEBUG (the header included
 * again) the expression is not even evaluated; a false one kills the
 * process with SIGABRT after its message on stderr (checked in children,
 * so that this program itself exits 0). Exits 1 if any check fails. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#define NDEBUG
#include <assert.h>

static int evaluations;

static void disabled(void)
{
	assert(++evaluations < 0);
}

#undef NDEBUG
#include <assert.h>

/* Runs a false assertion in a child; true when it died of SIGABRT. */
static int child_asserts(int which)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		printf("child %d: asserting something false\n", which);
		if (which == 1)
			assert(1 + 1 == 3);
		else
			assert(evaluations == 42 && "the answer");
		printf("child %d: not reached\n", which);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid)
		return 0;
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

int main(void)
{
	int ok;

	static_assert(sizeof(long) == 8, "lp64");
	disabled();
	printf("with NDEBUG the expression was evaluated %d times\n", evaluations);
	assert(evaluations == 0);
	printf("a true assertion returns\n");
	ok = child_asserts(1);
	printf("the child died of SIGABRT: %s\n", ok ? "yes" : "NO");
	ok &= child_asserts(2);
	printf("the child died of SIGABRT: %s\n", ok ? "yes" : "NO");
	return ok ? 0 : 1;
}
