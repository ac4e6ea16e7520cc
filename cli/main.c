/* vmlab's command line: one binary, one subcommand per workload. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const struct cli_command commands[] = {
	{"run", "run RISC-V programs as processes", cli_run},
	{"trace", "replay a memory trace through the TLB, page tables and kernel", cli_trace},
	{"exercise", "the OSTEP virtual-memory homework, byte for byte", cli_exercise},
	{"help", "show this help", cli_help},
};

static void usage(FILE *out)
{
	fprintf(out, "usage: vmlab COMMAND [options]\n\ncommands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
}

int cli_help(int argc, char **argv)
{
	(void)argc, (void)argv;
	usage(stdout);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return CLI_USAGE;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cli_help(argc - 1, argv + 1);
	fprintf(stderr, "vmlab: unknown command '%s' (try 'vmlab help')\n", argv[1]);
	return CLI_USAGE;
}
