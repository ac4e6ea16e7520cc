/* The option-table engine (cli/opt.c) on a small table: setters called in
 * command-line order, operands in order, --name=value, abbreviations,
 * refusals and bad usage, generated help; and the machine options' table
 * (cli/options.c): every default its help states, given explicitly, changes
 * nothing; and the subcommands' command lines checked without running. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "tests/harness.h"

struct seen {
	char log[512];      /* "name=value;" per setter call, in order */
	int operands;
};

static void note(struct seen *s, const char *name, const char *v)
{
	size_t n = strlen(s->log);
	snprintf(s->log + n, sizeof s->log - n, "%s=%s;", name, v ? v : "(flag)");
}

static bool set_count(void *ctx, const char *v, char *err, size_t errlen)
{
	uint64_t n;
	if (!opt_number(v, 1, 10, &n, err, errlen))
		return false;
	note(ctx, "count", v);
	return true;
}

static bool set_verbose(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	note(ctx, "verbose", v);
	return true;
}

static bool set_seed(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	note(ctx, "seed", v);
	return true;
}

static bool set_colour(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	note(ctx, "colour", v);
	return true;
}

static bool set_columns(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	note(ctx, "columns", v);
	return true;
}

static bool take_operand(void *ctx, const char *arg, char *err, size_t errlen)
{
	struct seen *s = ctx;
	if (!strcmp(arg, "refused"))
		return fail_msg(err, errlen, "this operand is refused");
	s->operands++;
	note(s, "operand", arg);
	return true;
}

static const struct opt rows[] = {
	{"count", 0, "N", "how many, 1 to 10", "3", set_count},
	{"verbose", 'v', NULL, "say more", NULL, set_verbose},
	{NULL, 's', "SEED", "seed", "1", set_seed},
	{"colour", 0, "C", "a colour", NULL, set_colour},
	{"columns", 0, "N", "a width\nthat wraps", NULL, set_columns},
};

/* Parses the words (argv[0] is the command's name) into s. */
static enum opt_status parse(struct seen *s, const char *const *words)
{
	char *argv[32];
	int argc = 0;
	memset(s, 0, sizeof *s);
	for (; words[argc]; argc++)
		argv[argc] = (char *)words[argc];
	argv[argc] = NULL;
	const struct opt_group groups[] = {{"test options", rows, ARRAY_LEN(rows), s}};
	const struct opt_cmd cmd = {"test", "usage: vmlab test\n", groups, 1, take_operand, s};
	if (!freopen("/dev/null", "w", stderr)) /* the messages are not what these cases check */
		FAIL("cannot silence stderr");
	return opt_parse(&cmd, argc, argv);
}

TEST(setters_run_in_command_line_order_and_operands_keep_theirs)
{
	struct seen s;
	const char *argv[] = {"test", "a", "--count", "4", "b", "-v", "-s", "9", "--colour=red", "c", NULL};
	CHECK_EQ(parse(&s, argv), OPT_OK);
	CHECK_STR(s.log, "count=4;verbose=(flag);seed=9;colour=red;operand=a;operand=b;operand=c;");
	CHECK_EQ(s.operands, 3);
}

TEST(long_names_may_be_abbreviated_when_unambiguous)
{
	struct seen s;
	const char *ok[] = {"test", "--cou", "2", "--colu", "80", "--verb", NULL};
	CHECK_EQ(parse(&s, ok), OPT_OK);
	CHECK_STR(s.log, "count=2;columns=80;verbose=(flag);");
	const char *ambiguous[] = {"test", "--co", "2", NULL};
	CHECK_EQ(parse(&s, ambiguous), OPT_USAGE);
	CHECK_STR(s.log, "");
}

TEST(a_double_dash_ends_the_options)
{
	struct seen s;
	const char *argv[] = {"test", "-v", "--", "--count", "-s", NULL};
	CHECK_EQ(parse(&s, argv), OPT_OK);
	CHECK_STR(s.log, "verbose=(flag);operand=--count;operand=-s;");
}

TEST(a_refused_value_stops_before_later_options_and_operands)
{
	struct seen s;
	const char *argv[] = {"test", "x", "--count", "11", "-v", NULL};
	CHECK_EQ(parse(&s, argv), OPT_USAGE);
	CHECK_STR(s.log, "");
	const char *zero[] = {"test", "--count", "0", NULL};
	CHECK_EQ(parse(&s, zero), OPT_USAGE);
}

TEST(bad_usage_is_reported_not_ignored)
{
	struct seen s;
	const char *missing[] = {"test", "--count", NULL};
	CHECK_EQ(parse(&s, missing), OPT_USAGE);
	const char *missing_short[] = {"test", "-s", NULL};
	CHECK_EQ(parse(&s, missing_short), OPT_USAGE);
	const char *unknown[] = {"test", "--frobnicate", NULL};
	CHECK_EQ(parse(&s, unknown), OPT_USAGE);
	const char *unknown_short[] = {"test", "-q", NULL};
	CHECK_EQ(parse(&s, unknown_short), OPT_USAGE);
	const char *flag_value[] = {"test", "--verbose=yes", NULL};
	CHECK_EQ(parse(&s, flag_value), OPT_USAGE);
	const char *operand[] = {"test", "refused", NULL};
	CHECK_EQ(parse(&s, operand), OPT_USAGE);
	CHECK_STR(s.log, "");
}

TEST(a_second_parse_in_one_process_starts_afresh)
{
	struct seen s;
	const char *first[] = {"test", "-v", "a", NULL};
	const char *second[] = {"test", "--count", "5", "b", NULL};
	CHECK_EQ(parse(&s, first), OPT_OK);
	CHECK_EQ(parse(&s, second), OPT_OK);
	CHECK_STR(s.log, "count=5;operand=b;");
}

TEST(help_lists_every_row_with_its_default_and_stops_the_parse)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	const struct opt_group groups[] = {{"test options", rows, ARRAY_LEN(rows), NULL}};
	const struct opt_cmd cmd = {"test", "usage: vmlab test\n", groups, 1, take_operand, NULL};
	opt_help(&cmd, out);
	fclose(out);
	CHECK_STR(text, "usage: vmlab test\n"
			"\n"
			"test options:\n"
			"  --count N            how many, 1 to 10 (default 3)\n"
			"  -v, --verbose        say more\n"
			"  -s SEED              seed (default 1)\n"
			"  --colour C           a colour\n"
			"  --columns N          a width\n"
			"                       that wraps\n"
			"  -h, --help           show this help\n");
	free(text);
	struct seen s;
	if (!freopen("/dev/null", "w", stdout))
		FAIL("cannot silence stdout");
	const char *argv[] = {"test", "-v", "--help", "--count", "4", NULL};
	CHECK_EQ(parse(&s, argv), OPT_HELP);
	CHECK_STR(s.log, "verbose=(flag);");
}

TEST(sizes_and_numbers_name_their_range)
{
	char err[200];
	uint64_t n;
	CHECK(opt_size("16m", 4096, 1ull << 40, &n, err, sizeof err) && n == 16ull << 20);
	CHECK(opt_size("1t", 4096, 1ull << 40, &n, err, sizeof err) && n == 1ull << 40);
	CHECK(!opt_size("2t", 4096, 1ull << 40, &n, err, sizeof err));
	CHECK_STR(err, "must be a size from 4 KiB to 1 TiB (such as 4096, 64k, 16m or 1g)");
	CHECK(!opt_number("-1", 0, 5, &n, err, sizeof err));
	CHECK_STR(err, "must be a number from 0 to 5");
	CHECK(!opt_number("18446744073709551616", 0, UINT64_MAX, &n, err, sizeof err));
	CHECK(opt_number("18446744073709551615", 0, UINT64_MAX, &n, err, sizeof err) && n == UINT64_MAX);
	char text[32];
	opt_size_text(1536, text, sizeof text);
	CHECK_STR(text, "1536 bytes");
	opt_size_text(3ull << 30, text, sizeof text);
	CHECK_STR(text, "3 GiB");
	opt_size_text(1, text, sizeof text);
	CHECK_STR(text, "1 byte");
}

/* Defaults --help states in words, not as a value the option takes. */
static bool described_default(const char *name)
{
	return !strcmp(name, "va-bits") || !strcmp(name, "swap") || !strcmp(name, "swap-size");
}

TEST(every_stated_machine_default_given_explicitly_changes_nothing)
{
	struct machine_opts base, given;
	machine_opts_defaults(&base);
	CHECK(machine_opts_finish(&base));
	struct opt_group g = machine_opts_group(&given);
	int checked = 0;
	for (size_t r = 0; r < g.nrows; r++) {
		const struct opt *o = &g.rows[r];
		if (!o->def || (o->name && described_default(o->name)))
			continue;
		char err[400] = "";
		machine_opts_defaults(&given);
		if (!o->set(&given, o->def, err, sizeof err))
			FAIL("--%s %s (its stated default) is refused: %s", o->name, o->def, err);
		if (!machine_opts_finish(&given))
			FAIL("--%s %s (its stated default) does not finish", o->name, o->def);
		if (o->name && !strncmp(o->name, "cache-", 6)) { /* these turn the cache model on, by design */
			CHECK(given.k.mmu.caches);
			given.k.mmu.caches = false;
		}
		if (memcmp(&given.k, &base.k, sizeof base.k))
			FAIL("--%s %s (its stated default) changes the configuration", o->name ? o->name : "-s", o->def);
		checked++;
	}
	CHECK(checked >= 15);
}

TEST(machine_ranges_refuse_zero_instead_of_meaning_the_default)
{
	static const char *const zero_refused[] = {"page-size", "va-bits", "tlb-entries", "tlb-l2", "cache-line"};
	struct machine_opts mo;
	struct opt_group g = machine_opts_group(&mo);
	for (size_t i = 0; i < ARRAY_LEN(zero_refused); i++) {
		const struct opt *o = NULL;
		for (size_t r = 0; r < g.nrows; r++)
			if (g.rows[r].name && !strcmp(g.rows[r].name, zero_refused[i]))
				o = &g.rows[r];
		CHECK(o != NULL);
		char err[400] = "";
		machine_opts_defaults(&mo);
		if (o->set(&mo, "0", err, sizeof err))
			FAIL("--%s 0 is accepted", o->name);
		CHECK(strstr(err, " to ") != NULL); /* the message states the range */
	}
	machine_opts_defaults(&mo);
	mo.ram = "0";
	if (!freopen("/dev/null", "w", stderr))
		FAIL("cannot silence stderr");
	CHECK(!machine_opts_finish(&mo));
	machine_opts_defaults(&mo);
	mo.frames = "0";
	CHECK(!machine_opts_finish(&mo));
}

/* Whether opt_path accepts path for need; the message when it does not. */
static bool path_ok(const char *path, enum opt_path need, char *err, size_t errlen)
{
	err[0] = '\0';
	return opt_path(path, need, err, errlen);
}

TEST(file_options_refuse_directories_missing_files_and_missing_parents_at_once)
{
	char err[200];
	CHECK(path_ok("tests/test_opt.c", OPT_PATH_READ, err, sizeof err));
	CHECK(path_ok("/dev/null", OPT_PATH_READ, err, sizeof err)); /* not regular: checked when opened */
	CHECK(!path_ok("tests", OPT_PATH_READ, err, sizeof err));
	CHECK_STR(err, "is a directory, not a file");
	CHECK(!path_ok("tests/no-such-file", OPT_PATH_READ, err, sizeof err));
	CHECK_STR(err, "No such file or directory");
	CHECK(!path_ok("", OPT_PATH_READ, err, sizeof err));
	CHECK(path_ok("tests/no-such-file", OPT_PATH_WRITE, err, sizeof err)); /* created in tests/ */
	CHECK(path_ok("/dev/null", OPT_PATH_WRITE, err, sizeof err));
	CHECK(!path_ok("/tmp", OPT_PATH_WRITE, err, sizeof err));
	CHECK_STR(err, "is a directory, not a file");
	CHECK(!path_ok("/no-such-dir/out", OPT_PATH_WRITE, err, sizeof err));
	CHECK_STR(err, "No such file or directory");
	CHECK(!path_ok("tests/test_opt.c/out", OPT_PATH_WRITE, err, sizeof err));
	CHECK_STR(err, "Not a directory");
	CHECK(path_ok("tests", OPT_PATH_DIR, err, sizeof err));
	CHECK(path_ok("/", OPT_PATH_DIR, err, sizeof err));
	CHECK(!path_ok("tests/test_opt.c", OPT_PATH_DIR, err, sizeof err));
	CHECK_STR(err, "is not a directory");
	CHECK(!path_ok("tests/no-such-dir", OPT_PATH_DIR, err, sizeof err));
	CHECK_STR(err, "No such file or directory");
}

/* cli_trace_check and cli_run_check (what the option parsers' fuzz target
 * calls): the subcommands' own parse and checks, nothing run, nothing kept
 * from one call to the next (getopt stopped inside "-vq" starts afresh). */
TEST(command_lines_are_checked_without_running_anything)
{
	char *bad_short[] = {"trace", "-vq", NULL};
	char *good[] = {"trace", "-v", "--frames", "3", "--policy", "opt", "tests/data/trace/lackey_hello.txt", NULL};
	char *no_such_trace[] = {"trace", "/nonexistent/x.trace", NULL};
	char *bad_machine[] = {"trace", "--pt", "custom", NULL};
	char *help[] = {"trace", "--help", NULL};
	char *no_program[] = {"run", NULL};
	char *opt_run[] = {"run", "--policy", "opt", "/nonexistent/prog.c", NULL};
	char *run[] = {"run", "--ram", "64k", "--time", "1s", "tests/programs/hello.c", "tests/programs/loop.c", NULL};
	char *no_such_program[] = {"run", "/nonexistent/prog.c", NULL};
	if (!freopen("/dev/null", "w", stderr) || !freopen("/dev/null", "w", stdout))
		FAIL("cannot silence stdout and stderr");
	for (int round = 0; round < 2; round++) {
		CHECK_EQ(cli_trace_check(2, bad_short), CLI_USAGE);
		CHECK_EQ(cli_trace_check(7, good), CLI_OK);
		CHECK_EQ(cli_trace_check(2, no_such_trace), CLI_USAGE);
		CHECK_EQ(cli_trace_check(3, bad_machine), CLI_USAGE);
		CHECK_EQ(cli_trace_check(2, help), CLI_OK);
		CHECK_EQ(cli_run_check(1, no_program), CLI_USAGE);
		CHECK_EQ(cli_run_check(4, opt_run), CLI_USAGE);
		CHECK_EQ(cli_run_check(6, run), CLI_OK);
		CHECK_EQ(cli_run_check(2, no_such_program), CLI_USAGE); /* programs are checked as parsed */
	}
}
