/* The failure path of assert(): one message written straight to file
 * descriptor 2 (no stdio, so it works beside xv6's printf too), then abort. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

_Noreturn void __assert_fail(const char *expr, const char *file, int line, const char *func)
{
	char msg[512];
	int n = snprintf(msg, sizeof msg, "Assertion failed: %s, file %s, line %d, function %s\n",
			 expr, file, line, func);

	if (n >= (int)sizeof msg) {	/* a long expression: keep the end of the line */
		n = sizeof msg - 1;
		msg[n - 1] = '\n';
	}
	fflush(stdout);
	write(STDERR_FILENO, msg, (size_t)n);
	abort();
}
