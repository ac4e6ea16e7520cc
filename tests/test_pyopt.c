/* optparse's -h as cli/pyopt prints it: help text wrapped as Python's
 * textwrap wraps it (at blanks, after a hyphen between letters, a word
 * longer than the line cut), and the kinds of option malloc.py's table has
 * parsed as optparse parses them. The expected texts are textwrap.wrap's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/pyopt.h"
#include "tests/harness.h"

/* What -h prints for one option -x with help, after optparse's own lines. */
static char *help_of(const char *help)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	CHECK(out != NULL);
	struct pyopt o[] = {{'x', "xx", PYOPT_STRING, "xx", help, 0, "", false}};
	struct pyopt_parser p = {"t.py", o, 1, out, stderr, NULL};
	char *argv[] = {"-h"};
	CHECK_EQ(pyopt_parse(&p, 1, argv), 0);
	fclose(out);
	const char *head = "Usage: t.py [options]\n\nOptions:\n  -h, --help            show this help message and exit\n"
			   "  -x XX, --xx=XX        ";
	CHECK(!strncmp(text, head, strlen(head)));
	memmove(text, text + strlen(head), len - strlen(head) + 1);
	return text;
}

#define IND "                        "

TEST(help_breaks_after_a_hyphen_between_letters)
{
	char *t = help_of("list order (ADDRSORT, SIZESORT+, SIZESORT-, INSERT-FRONT, INSERT-BACK)");
	CHECK_STR(t, "list order (ADDRSORT, SIZESORT+, SIZESORT-, INSERT-\n" IND "FRONT, INSERT-BACK)\n");
	free(t);
}

TEST(help_does_not_break_at_a_hyphen_next_to_a_digit_or_sign)
{
	char *t = help_of("align allocated units to size then more words; -1->no align");
	CHECK_STR(t, "align allocated units to size then more words; -1->no\n" IND "align\n");
	free(t);
	t = help_of("one two three four five six seven eight nine ten ab-1c");
	CHECK_STR(t, "one two three four five six seven eight nine ten ab-1c\n");
	free(t);
}

TEST(help_breaks_a_chain_of_hyphenated_letters_after_two_letters)
{
	char *t = help_of("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa a-b-c x9-yy ab-cd-ef-gh-ij-kl-mn");
	CHECK_STR(t, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa a-b-c x9-yy ab-\n" IND "cd-ef-gh-ij-kl-mn\n");
	free(t);
}

TEST(help_breaks_at_the_last_blank_that_fits)
{
	char *t = help_of("instead of random, list of ops (+10,-0,etc) and some more words to wrap");
	CHECK_STR(t, "instead of random, list of ops (+10,-0,etc) and some\n" IND "more words to wrap\n");
	free(t);
}

TEST(malloc_py_option_kinds_parse_as_optparse)
{
	struct pyopt o[] = {
		{'p', "policy", PYOPT_STRING, "policy", "h", 0, "BEST", false},
		{'C', "coalesce", PYOPT_TRUE, "coalesce", "h", 0, NULL, false},
		{'S', "size", PYOPT_INT, "heapSize", "h", 100, NULL, false},
		{'A', "allocList", PYOPT_STRING, "opsList", "h", 0, "", false},
	};
	struct pyopt_parser p = {"t.py", o, 4, stdout, stderr, NULL};
	char *argv[] = {"-CpWORST", "--si=0x10", "-A", "-0,+5"};
	CHECK_EQ(pyopt_parse(&p, 4, argv), -1);
	CHECK_STR(o[0].s, "WORST");
	CHECK(o[1].flag);
	CHECK_EQ(o[2].i, 16);
	CHECK_STR(o[3].s, "-0,+5");
}

TEST(help_cuts_a_word_longer_than_the_line)
{
	char *t = help_of("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx yz");
	CHECK_STR(t, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n" IND "xxxxxx yz\n");
	free(t);
}
