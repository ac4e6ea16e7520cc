/* The option-table engine (cli/opt.c) on a small table: setters called in
 * command-line order, operands in order, --name=value, abbreviations,
 * refusals and bad usage, generated help; and the machine options' table
 * (cli/options.c): every default its help states, given explicitly, changes
 * nothing; the memory mechanisms' options, each taken under the mechanisms
 * that have it and refused under the others; and the subcommands' command
 * lines checked without running. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static const struct mmu_mech *const user_mechs[] = {&mmu_paging, &mmu_partition, &mmu_base_bounds,
						  &mmu_segmentation};

/* machine_opts_finish with its messages (stderr) silenced. */
static bool quiet_finish(struct machine_opts *mo)
{
	fflush(stderr);
	int saved = dup(2), null = open("/dev/null", O_WRONLY);
	dup2(null, 2);
	bool ok = machine_opts_finish(mo);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(null);
	return ok;
}

/* Every row with a stated default, given it under each mechanism: refused
 * under some (an option that mechanism lacks, which other cases check), but
 * under at least one taken, and where taken it changes nothing. */
TEST(every_stated_machine_default_given_explicitly_changes_nothing)
{
	struct machine_opts base, given;
	struct opt_group g = machine_opts_group(&given);
	int checked = 0;
	for (size_t r = 0; r < g.nrows; r++) {
		const struct opt *o = &g.rows[r];
		if (!o->def || (o->name && described_default(o->name)))
			continue;
		int taken = 0;
		for (size_t m = 0; m < ARRAY_LEN(user_mechs); m++) {
			if (o->name && !strcmp(o->name, "mmu") && user_mechs[m] != &mmu_paging)
				continue; /* --mmu paging under another mechanism is a change, by design */
			char err[400] = "";
			machine_opts_defaults(&base);
			base.k.mmu.mech = user_mechs[m];
			CHECK(machine_opts_finish(&base));
			machine_opts_defaults(&given);
			given.k.mmu.mech = user_mechs[m];
			if (!o->set(&given, o->def, err, sizeof err))
				FAIL("--%s %s (its stated default) is refused: %s", o->name, o->def, err);
			if (!quiet_finish(&given))
				continue;
			if (o->name && !strncmp(o->name, "cache-", 6)) { /* these turn the cache model on, by design */
				CHECK(given.k.mmu.caches);
				given.k.mmu.caches = false;
			}
			if (memcmp(&given.k, &base.k, sizeof base.k))
				FAIL("--%s %s (its stated default) changes the %s configuration", o->name ? o->name : "-s",
				     o->def, user_mechs[m]->name);
			taken++;
		}
		if (!taken)
			FAIL("--%s %s (its stated default) finishes under no mechanism", o->name ? o->name : "-s", o->def);
		checked++;
	}
	CHECK(checked >= 19);
}

/* Parses words (argv[0] is the command's name) as machine options into mo
 * and finishes them. */
static bool machine_parse(struct machine_opts *mo, const char *const *words)
{
	char *argv[32];
	int argc = 0;
	for (; words[argc]; argc++)
		argv[argc] = (char *)words[argc];
	argv[argc] = NULL;
	machine_opts_defaults(mo);
	const struct opt_group groups[] = {machine_opts_group(mo)};
	const struct opt_cmd cmd = {"test", "usage: vmlab test\n", groups, 1, NULL, NULL};
	return opt_parse(&cmd, argc, argv) == OPT_OK && quiet_finish(mo);
}

TEST(mmu_names_each_mechanism_a_user_may_choose)
{
	struct machine_opts mo;
	machine_opts_defaults(&mo);
	CHECK(mo.k.mmu.mech == &mmu_paging);
	for (size_t m = 0; m < ARRAY_LEN(user_mechs); m++) {
		const char *argv[] = {"test", "--mmu", user_mechs[m]->name, NULL};
		CHECK(machine_parse(&mo, argv));
		CHECK(mo.k.mmu.mech == user_mechs[m]);
	}
	char err[200] = "";
	machine_opts_defaults(&mo);
	struct opt_group g = machine_opts_group(&mo);
	const struct opt *row = NULL;
	for (size_t r = 0; r < g.nrows; r++)
		if (g.rows[r].name && !strcmp(g.rows[r].name, "mmu"))
			row = &g.rows[r];
	CHECK(row != NULL);
	CHECK(!row->set(&mo, "bare", err, sizeof err)); /* the kernel's, not offered */
	CHECK_STR(err, "expects paging, partition, base-bounds or segmentation");
	CHECK(!row->set(&mo, "Paging", err, sizeof err));
	CHECK(mo.k.mmu.mech == &mmu_paging);
}

TEST(contiguous_options_set_the_kernel_configuration)
{
	struct machine_opts mo;
	const char *part[] = {"test", "--mmu", "partition", "--partitions", "16", "--swap-processes", NULL};
	CHECK(machine_parse(&mo, part));
	CHECK_EQ(mo.k.mmu.part.count, 16);
	CHECK(mo.k.swap_processes);
	const char *bb[] = {"test", "--mmu", "base-bounds", "--as-size", "64k", "--fit", "best", "--compact", NULL};
	CHECK(machine_parse(&mo, bb));
	CHECK_EQ(mo.k.as_size, 64 << 10);
	CHECK_EQ(mo.k.fit, CONTIG_BEST_FIT);
	CHECK(mo.k.compact);
	CHECK(!mo.k.swap_processes);
	static const char *const fits[] = {"first", "next", "best", "worst"};
	static const enum contig_fit fit_of[] = {CONTIG_FIRST_FIT, CONTIG_NEXT_FIT, CONTIG_BEST_FIT, CONTIG_WORST_FIT};
	for (size_t i = 0; i < ARRAY_LEN(fits); i++) {
		const char *seg[] = {"test", "--fit", fits[i], "--mmu", "segmentation", NULL};
		CHECK(machine_parse(&mo, seg));
		CHECK_EQ(mo.k.fit, fit_of[i]);
		CHECK(!mo.k.compact);
	}
	const char *big[] = {"test", "--mmu", "base-bounds", "--ram", "16m", "--as-size", "16m", NULL};
	CHECK(machine_parse(&mo, big)); /* the whole RAM is one address space */
	CHECK_EQ(mo.k.as_size, 16 << 20);
}

TEST(the_default_address_space_is_whole_pages_and_at_least_sixteen)
{
	struct machine_opts mo;
	const char *small_pages[] = {"test", "--mmu", "base-bounds", NULL};
	CHECK(machine_parse(&mo, small_pages));
	CHECK_EQ(mo.k.as_size, 1 << 20);
	const char *big_pages[] = {"test", "--mmu", "base-bounds", "--page-size", "128k", NULL};
	CHECK(machine_parse(&mo, big_pages));
	CHECK_EQ(mo.k.as_size, 16 * (128 << 10));
	const char *paging[] = {"test", NULL};
	CHECK(machine_parse(&mo, paging));
	CHECK_EQ(mo.k.as_size, 1 << 20); /* untouched: it means nothing there */
}

TEST(the_page_size_is_the_granule_of_every_mechanism)
{
	struct machine_opts mo;
	for (size_t m = 1; m < ARRAY_LEN(user_mechs); m++) {
		const char *big[] = {"test", "--mmu", user_mechs[m]->name, "--page-size", "64k", "--ram", "4m", NULL};
		CHECK(machine_parse(&mo, big));
		CHECK_EQ(mo.k.fmt.page_shift, 16);
		CHECK_EQ(mo.k.user_frames, 64);
		const char *plain[] = {"test", "--mmu", user_mechs[m]->name, NULL};
		CHECK(machine_parse(&mo, plain));
		CHECK_STR(mo.k.fmt.name, "sv39"); /* as paging's: the default machine stays the same */
	}
	const char *paging[] = {"test", "--page-size", "64k", NULL};
	CHECK(!machine_parse(&mo, paging)); /* sv39's pages are 4 KiB, as before */
}

/* cli_trace_check of words with stderr in a file: the exit status, and
 * what it printed in msg. */
static int trace_check(const char *const *words, char *msg, size_t size)
{
	char *argv[16];
	int argc = 0;
	for (; words[argc]; argc++)
		argv[argc] = (char *)words[argc];
	argv[argc] = NULL;
	FILE *tmp = tmpfile();
	if (!tmp)
		FAIL("no temporary file");
	fflush(stderr);
	int saved = dup(2);
	dup2(fileno(tmp), 2);
	int st = cli_trace_check(argc, argv);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(tmp);
	size_t n = fread(msg, 1, size - 1, tmp);
	msg[n] = '\0';
	fclose(tmp);
	return st;
}

/* The mechanisms an option means something under. */
#define P (1u << MMU_MECH_PAGING)
#define PART (1u << MMU_MECH_PARTITION)
#define BB (1u << MMU_MECH_BASE_BOUNDS)
#define SEG (1u << MMU_MECH_SEGMENTATION)
#define ALL (P | PART | BB | SEG)

/* Every option that only some mechanisms have, given under every
 * mechanism: taken where it means something; elsewhere refused (exit 2)
 * with one line naming the option and the mechanism. The rest work under
 * all of them. */
TEST(options_are_taken_under_the_mechanisms_that_have_them_and_refused_under_the_others)
{
	static const struct {
		const char *option, *value;
		unsigned mechs;
	} cases[] = {
		{"--pt", "sv39", P}, {"--va-bits", "39", P}, {"--pt-bits", "9,9,9", P}, {"--pte-size", "8", P},
		{"--tlb-entries", "32", P}, {"--tlb-ways", "1", P}, {"--tlb-policy", "fifo", P},
		{"--tlb-split", NULL, P}, {"--tlb-l2", "128", P}, {"--tlb-refill", "sw", P}, {"--no-asid", NULL, P},
		{"--sw-ad", NULL, P}, {"--policy", "lru", P}, {"--scope", "local", P},
		{"--partitions", "16", PART}, {"--as-size", "64k", BB}, {"--fit", "worst", BB | SEG},
		{"--compact", NULL, BB | SEG}, {"--swap-processes", NULL, PART | BB | SEG},
		{"--ram", "4m", ALL}, {"--frames", "512", ALL}, {"--page-size", "4k", ALL}, {"--swap-size", "0", ALL},
		{"--caches", NULL, ALL}, {"--cache-l1", "64k:8", ALL}, {"--cache-line", "32", ALL},
		{"--latency", "dram=100", ALL}, {"-s", "7", ALL},
	};
	char msg[600];
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		for (size_t m = 0; m < ARRAY_LEN(user_mechs); m++) {
			const char *mech = user_mechs[m]->name;
			const char *words[] = {"trace", "--mmu", mech, cases[i].option, cases[i].value,
					       "tests/data/trace/lackey_hello.txt", NULL};
			if (!cases[i].value)
				words[4] = words[5], words[5] = NULL;
			int st = trace_check(words, msg, sizeof msg);
			bool has = cases[i].mechs & (1u << user_mechs[m]->kind);
			if (has && st != CLI_OK)
				FAIL("%s under %s is refused: %s", cases[i].option, mech, msg);
			if (!has && st != CLI_USAGE)
				FAIL("%s under %s is taken", cases[i].option, mech);
			char want[80];
			snprintf(want, sizeof want, "vmlab: %s: ", cases[i].option);
			if (!has && (strncmp(msg, want, strlen(want)) || !strstr(msg, mech) || strchr(msg, '\n') != msg + strlen(msg) - 1))
				FAIL("%s under %s: the message does not name both on one line: %s", cases[i].option, mech, msg);
		}
	}
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
	char *show_mmu[] = {"run", "--mmu", "base-bounds", "--show-mmu", "tests/programs/hello.c", NULL};
	char *show_pt[] = {"run", "--mmu", "base-bounds", "--show-pagetables", "tests/programs/hello.c", NULL};
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
		CHECK_EQ(cli_run_check(5, show_mmu), CLI_OK);
		CHECK_EQ(cli_run_check(5, show_pt), CLI_USAGE); /* no page tables to show */
	}
}
