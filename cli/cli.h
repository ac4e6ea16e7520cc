/* The subcommands of vmlab and their shared exit statuses. */
#ifndef CLI_CLI_H
#define CLI_CLI_H

enum {
	CLI_OK = 0,
	CLI_FAILED = 1, /* the run failed */
	CLI_USAGE = 2,  /* bad usage or bad input */
};

struct cli_command {
	const char *name;
	const char *summary;
	int (*run)(int argc, char **argv);
};

int cli_help(int argc, char **argv);
int cli_trace(int argc, char **argv);
int cli_run(int argc, char **argv);
int cli_exercise(int argc, char **argv);

/* Parse and check a command line as cli_trace and cli_run do, messages
 * included, and run nothing: return CLI_OK when it would go on (or printed
 * the help), else its exit status. They keep no state between calls (for
 * the option parsers' fuzz target). */
int cli_trace_check(int argc, char **argv);
int cli_run_check(int argc, char **argv);

#endif
