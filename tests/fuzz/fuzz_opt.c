/* libFuzzer target: the option parsers (cli/opt.c's engine, the machine
 * options of cli/options.c, and the run and trace tables), through
 * cli_run_check and cli_trace_check, which parse and check a command line as
 * `vmlab run` and `vmlab trace` do and run nothing.
 *
 * Input: byte 0 picks the subcommand (even: trace, odd: run); the rest is its
 * arguments, separated by NUL bytes (at most MAX_WORDS; each a copy of its
 * own, so that reading past one is caught). The result must be an exit
 * status the subcommand documents. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "tests/fuzz/fuzz_input.h"

#define MAX_WORDS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = {data, size};
	bool run = fuzz_byte(&in) & 1;
	char *argv[MAX_WORDS + 2];
	int argc = 0;
	argv[argc++] = strdup(run ? "run" : "trace");
	while (in.n && argc <= MAX_WORDS) {
		const uint8_t *nul = memchr(in.p, 0, in.n);
		size_t len = nul ? (size_t)(nul - in.p) : in.n;
		char *w = malloc(len + 1);
		if (!w)
			abort();
		memcpy(w, in.p, len);
		w[len] = '\0';
		argv[argc++] = w;
		in.p += len + (nul != NULL);
		in.n -= len + (nul != NULL);
	}
	argv[argc] = NULL;
	char *words[MAX_WORDS + 2];
	memcpy(words, argv, sizeof words); /* getopt_long permutes argv */
	int st = run ? cli_run_check(argc, argv) : cli_trace_check(argc, argv);
	if (st != CLI_OK && st != CLI_USAGE) {
		fprintf(stderr, "fuzz_opt: exit status %d\n", st);
		abort();
	}
	fflush(stdout);
	for (int i = 0; i < argc; i++)
		free(words[i]);
	return 0;
}
