/* The harness's runner: forks one child per case and counts the results. */
#define _GNU_SOURCE
#include "tests/harness.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_TESTS 512
#define CASE_TIMEOUT_S 300 /* a safety net against hangs, not a timing check */

static struct {
	const char *name;
	test_fn fn;
} tests[MAX_TESTS];
static int ntests;

void test_register(const char *name, test_fn fn)
{
	if (ntests == MAX_TESTS) {
		fprintf(stderr, "harness: too many tests\n");
		exit(2);
	}
	tests[ntests].name = name;
	tests[ntests].fn = fn;
	ntests++;
}

void test_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "  %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* Runs one case in a child; returns 1 when it passed. */
static int run_forked(int i)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		perror("harness: fork");
		return 0;
	}
	if (pid == 0) {
		alarm(CASE_TIMEOUT_S);
		tests[i].fn();
		fflush(NULL);
		_exit(0);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 1;
	if (WIFSIGNALED(status))
		fprintf(stderr, "  killed by signal %d (%s)\n", WTERMSIG(status), strsignal(WTERMSIG(status)));
	return 0;
}

static int selected(int i, int argc, char **argv)
{
	int any = 0;
	for (int a = 1; a < argc; a++) {
		if (argv[a][0] == '-')
			continue;
		any = 1;
		if (strcmp(argv[a], tests[i].name) == 0)
			return 1;
	}
	return !any;
}

int main(int argc, char **argv)
{
	int no_fork = 0, verbose = 0, passed = 0, failed = 0;
	for (int a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--no-fork") == 0)
			no_fork = 1;
		else if (strcmp(argv[a], "-v") == 0)
			verbose = 1;
		else if (strcmp(argv[a], "--list") == 0) {
			for (int i = 0; i < ntests; i++)
				printf("%s\n", tests[i].name);
			return 0;
		}
	}
	const char *prog = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	for (int i = 0; i < ntests; i++) {
		if (!selected(i, argc, argv))
			continue;
		if (verbose)
			fprintf(stderr, "%s: %s\n", prog, tests[i].name);
		int ok;
		if (no_fork) {
			tests[i].fn();
			ok = 1;
		} else {
			ok = run_forked(i);
		}
		if (ok) {
			passed++;
		} else {
			failed++;
			fprintf(stderr, "FAIL %s: %s\n", prog, tests[i].name);
		}
	}
	printf("%s: %d passed, %d failed\n", prog, passed, failed);
	return failed ? 1 : 0;
}
