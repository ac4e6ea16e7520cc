/* The option-table engine over getopt_long, and the value parsers setters
 * share. A row's getopt value is its short name, or 256 + its position among
 * all rows for a long-only option, so a result leads back to its row. */
#include "cli/opt.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HELP_COLUMN 23   /* where help text starts in --help ... */
#define HELP_WIDTH 79    /* ... and the column it stays left of */
#define LONG_VAL 256     /* getopt values of long-only rows start here */

static const struct opt help_row = {"help", 'h', NULL, "show this help", NULL, NULL};

/* The rows of every group, flattened, with the group each belongs to. */
struct rowref {
	const struct opt *row;
	void *ctx;
};

struct table {
	struct rowref *refs;
	size_t n;
	struct option *longs; /* n + 1 entries, the last all zero */
	char *shorts;         /* ":" then each short name, ':' after those with a value */
};

static int row_val(const struct table *t, size_t i)
{
	return t->refs[i].row->short_name ? t->refs[i].row->short_name : LONG_VAL + (int)i;
}

/* Builds the getopt tables; panics on a table that names an option twice. */
static void table_build(struct table *t, const struct opt_cmd *cmd)
{
	size_t n = 1;
	for (size_t g = 0; g < cmd->ngroups; g++)
		n += cmd->groups[g].nrows;
	t->refs = xcalloc(n, sizeof *t->refs);
	t->longs = xcalloc(n + 1, sizeof *t->longs);
	t->shorts = xcalloc(2 * n + 2, 1);
	t->n = 0;
	for (size_t g = 0; g < cmd->ngroups; g++)
		for (size_t r = 0; r < cmd->groups[g].nrows; r++)
			t->refs[t->n++] = (struct rowref){&cmd->groups[g].rows[r], cmd->groups[g].ctx};
	t->refs[t->n++] = (struct rowref){&help_row, NULL};
	char *s = t->shorts;
	*s++ = ':';
	size_t nl = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct opt *o = t->refs[i].row;
		for (size_t j = 0; j < i; j++)
			if ((o->name && t->refs[j].row->name && !strcmp(o->name, t->refs[j].row->name)) ||
			    (o->short_name && o->short_name == t->refs[j].row->short_name))
				panic("option %s is in the table twice", o->name ? o->name : "(short)");
		if (o->short_name) {
			*s++ = o->short_name;
			if (o->arg)
				*s++ = ':';
		}
		if (o->name)
			t->longs[nl++] = (struct option){o->name, o->arg ? required_argument : no_argument, NULL,
							 row_val(t, i)};
	}
}

static void table_free(struct table *t)
{
	free(t->refs);
	free(t->longs);
	free(t->shorts);
}

/* The row getopt returned val for, or SIZE_MAX. */
static size_t find_val(const struct table *t, int val)
{
	for (size_t i = 0; i < t->n; i++)
		if (row_val(t, i) == val)
			return i;
	return SIZE_MAX;
}

/* "--name" or "-s", as the user would type it. */
static void spelled(const struct opt *o, char *buf, size_t size)
{
	if (o->name)
		snprintf(buf, size, "--%s", o->name);
	else
		snprintf(buf, size, "-%c", o->short_name);
}

/* How many long names start with the first len characters of name; with
 * out, also lists them there (", "-separated). */
static size_t prefix_matches(const struct table *t, const char *name, size_t len, FILE *out)
{
	size_t n = 0;
	for (size_t i = 0; i < t->n; i++) {
		const char *row = t->refs[i].row->name;
		if (row && !strncmp(row, name, len)) {
			if (out)
				fprintf(out, "%s--%s", n ? ", " : "", row);
			n++;
		}
	}
	return n;
}

/* An unknown long option (word is "--name" or "--name=value"): names the
 * options it abbreviates when there are several. */
static void unknown_long(const struct opt_cmd *cmd, const struct table *t, const char *word)
{
	int len = (int)strcspn(word, "=");
	if (prefix_matches(t, word + 2, (size_t)len - 2, NULL) < 2) {
		fprintf(stderr, "vmlab: %s: unknown option '%.*s' (try 'vmlab %s --help')\n", cmd->name, len, word,
			cmd->name);
		return;
	}
	fprintf(stderr, "vmlab: %s: ambiguous option '%.*s' (could be ", cmd->name, len, word);
	prefix_matches(t, word + 2, (size_t)len - 2, stderr);
	fprintf(stderr, ")\n");
}

/* getopt's '?' or ':' for the option just scanned: says what was wrong. */
static void bad_option(const struct opt_cmd *cmd, const struct table *t, int c, int argc, char **argv)
{
	size_t i = optopt ? find_val(t, optopt) : SIZE_MAX;
	const char *word = optind > 0 && optind - 1 < argc ? argv[optind - 1] : "";
	char name[80];
	if (i != SIZE_MAX) {
		spelled(t->refs[i].row, name, sizeof name);
		if (c == ':')
			fprintf(stderr, "vmlab: %s needs a value (%s)\n", name, t->refs[i].row->arg);
		else
			fprintf(stderr, "vmlab: %s takes no value\n", name);
	} else if (optopt > 0 && optopt < LONG_VAL) {
		fprintf(stderr, "vmlab: %s: unknown option '-%c' (try 'vmlab %s --help')\n", cmd->name, optopt, cmd->name);
	} else if (!strncmp(word, "--", 2)) {
		unknown_long(cmd, t, word);
	} else {
		fprintf(stderr, "vmlab: %s: unknown option '%s' (try 'vmlab %s --help')\n", cmd->name, word, cmd->name);
	}
}

/* Calls the row's setter; false after printing its message. */
static bool apply(const struct rowref *ref, const char *value)
{
	char err[400] = "", name[80];
	if (ref->row->set(ref->ctx, value, err, sizeof err))
		return true;
	spelled(ref->row, name, sizeof name);
	if (value)
		fprintf(stderr, "vmlab: %s %s: %s\n", name, value, err);
	else
		fprintf(stderr, "vmlab: %s: %s\n", name, err);
	return false;
}

static enum opt_status take_operands(const struct opt_cmd *cmd, int argc, char **argv)
{
	char err[400];
	for (int i = optind; i < argc; i++) {
		err[0] = '\0';
		if (!cmd->operand(cmd->operand_ctx, argv[i], err, sizeof err)) {
			fprintf(stderr, "vmlab: %s: %s\n", cmd->name, err);
			return OPT_USAGE;
		}
	}
	return OPT_OK;
}

enum opt_status opt_parse(const struct opt_cmd *cmd, int argc, char **argv)
{
	struct table t;
	enum opt_status st = OPT_OK;
	int c;
	table_build(&t, cmd);
	optind = 0; /* glibc: start afresh (a process may parse several command lines) */
	opterr = 0;
	while (st == OPT_OK && (c = getopt_long(argc, argv, t.shorts, t.longs, NULL)) != -1) {
		size_t i = c == '?' || c == ':' ? SIZE_MAX : find_val(&t, c);
		if (i == SIZE_MAX) {
			bad_option(cmd, &t, c, argc, argv);
			st = OPT_USAGE;
		} else if (t.refs[i].row == &help_row) {
			opt_help(cmd, stdout);
			st = OPT_HELP;
		} else if (!apply(&t.refs[i], t.refs[i].row->arg ? optarg : NULL)) {
			st = OPT_USAGE;
		}
	}
	if (st == OPT_OK)
		st = take_operands(cmd, argc, argv);
	table_free(&t);
	return st;
}

/* Prints text from column HELP_COLUMN on, wrapped at blanks before
 * HELP_WIDTH columns (a '\n' in it breaks the line too). */
static void print_wrapped(const char *text, FILE *out)
{
	int col = HELP_COLUMN;
	for (const char *s = text; *s;) {
		if (*s == '\n' || *s == ' ') {
			size_t next = strcspn(s + 1, " \n");
			if (*s == '\n' || col + 1 + (int)next > HELP_WIDTH) {
				fprintf(out, "\n%*s", HELP_COLUMN, "");
				col = HELP_COLUMN;
			} else {
				fputc(' ', out);
				col++;
			}
			s++;
			continue;
		}
		size_t len = strcspn(s, " \n");
		fprintf(out, "%.*s", (int)len, s);
		col += (int)len;
		s += len;
	}
	fputc('\n', out);
}

/* One row of --help: the spelling, then the help and the default from
 * HELP_COLUMN (on the next line when the spelling is longer). */
static void help_row_print(const struct opt *o, FILE *out)
{
	char left[96], text[600];
	int n;
	if (o->name && o->short_name)
		n = snprintf(left, sizeof left, "-%c, --%s%s%s", o->short_name, o->name, o->arg ? " " : "",
			     o->arg ? o->arg : "");
	else if (o->name)
		n = snprintf(left, sizeof left, "--%s%s%s", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
	else
		n = snprintf(left, sizeof left, "-%c%s%s", o->short_name, o->arg ? " " : "", o->arg ? o->arg : "");
	fprintf(out, "  %s", left);
	if (2 + n + 1 > HELP_COLUMN)
		fprintf(out, "\n%*s", HELP_COLUMN, "");
	else
		fprintf(out, "%*s", HELP_COLUMN - 2 - n, "");
	snprintf(text, sizeof text, "%s%s%s%s", o->help, o->def ? " (default " : "", o->def ? o->def : "",
		 o->def ? ")" : "");
	print_wrapped(text, out);
}

void opt_help(const struct opt_cmd *cmd, FILE *out)
{
	fputs(cmd->usage, out);
	for (size_t g = 0; g < cmd->ngroups; g++) {
		fprintf(out, "\n%s:\n", cmd->groups[g].title);
		for (size_t r = 0; r < cmd->groups[g].nrows; r++)
			help_row_print(&cmd->groups[g].rows[r], out);
		if (g == 0)
			help_row_print(&help_row, out);
	}
}

/* ---- values ---- */

/* The decimal number at the start of s; *end is what follows it. */
static bool leading_u64(const char *s, uint64_t *out, char **end)
{
	if (!s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	unsigned long long v = strtoull(s, end, 10);
	*out = v;
	return errno == 0;
}

bool parse_u64(const char *s, uint64_t *out)
{
	char *end;
	return leading_u64(s, out, &end) && *end == '\0';
}

bool parse_size(const char *s, uint64_t *out)
{
	char *end;
	uint64_t v;
	if (!leading_u64(s, &v, &end))
		return false;
	unsigned shift = 0;
	switch (*end) {
	case '\0': break;
	case 'k': case 'K': shift = 10; break;
	case 'm': case 'M': shift = 20; break;
	case 'g': case 'G': shift = 30; break;
	case 't': case 'T': shift = 40; break;
	default: return false;
	}
	if (*end && end[1] != '\0' && !((end[1] == 'b' || end[1] == 'B') && end[2] == '\0'))
		return false;
	if (shift && v > (UINT64_MAX >> shift))
		return false;
	*out = v << shift;
	return true;
}

bool opt_number(const char *v, uint64_t min, uint64_t max, uint64_t *out, char *err, size_t errlen)
{
	uint64_t n;
	if (!parse_u64(v, &n) || n < min || n > max)
		return fail_msg(err, errlen, "must be a number from %" PRIu64 " to %" PRIu64, min, max);
	*out = n;
	return true;
}

void opt_size_text(uint64_t bytes, char *buf, size_t size)
{
	static const char *const units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
	unsigned u = 0;
	while (bytes && u + 1 < ARRAY_LEN(units) && bytes % 1024 == 0)
		bytes /= 1024, u++;
	snprintf(buf, size, "%" PRIu64 " %s", bytes, bytes == 1 && u == 0 ? "byte" : units[u]);
}

bool opt_size(const char *v, uint64_t min, uint64_t max, uint64_t *out, char *err, size_t errlen)
{
	uint64_t n;
	if (parse_size(v, &n) && n >= min && n <= max) {
		*out = n;
		return true;
	}
	char lo[32], hi[32];
	opt_size_text(min, lo, sizeof lo);
	opt_size_text(max, hi, sizeof hi);
	return fail_msg(err, errlen, "must be a size from %s to %s (such as 4096, 64k, 16m or 1g)", lo, hi);
}

/* ---- files ---- */

/* The directory a file that does not exist yet would be created in must
 * exist and be writable. */
static bool parent_writable(const char *path, char *err, size_t errlen)
{
	char dir[4096];
	const char *slash = strrchr(path, '/');
	struct stat st;
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else
		snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
	if (stat(dir, &st) != 0)
		return fail_msg(err, errlen, "%s", strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return fail_msg(err, errlen, "%s", strerror(ENOTDIR));
	if (access(dir, W_OK | X_OK) != 0)
		return fail_msg(err, errlen, "%s", strerror(errno));
	return true;
}

/* A regular file vmlab reads can be opened for reading (other kinds, pipes
 * and FIFOs, are not opened: that could block or take a writer's data). */
static bool readable(const char *path, const struct stat *st, char *err, size_t errlen)
{
	if (!S_ISREG(st->st_mode))
		return true;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return fail_msg(err, errlen, "%s", strerror(errno));
	close(fd);
	return true;
}

bool opt_path(const char *path, enum opt_path need, char *err, size_t errlen)
{
	struct stat st;
	if (!*path)
		return fail_msg(err, errlen, "expects a file name");
	if (stat(path, &st) != 0) {
		if (need == OPT_PATH_WRITE && errno == ENOENT)
			return parent_writable(path, err, errlen);
		return fail_msg(err, errlen, "%s", strerror(errno));
	}
	if (need == OPT_PATH_DIR) {
		int fd = S_ISDIR(st.st_mode) ? open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
		if (fd >= 0)
			close(fd);
		return fd >= 0 || fail_msg(err, errlen, "%s", S_ISDIR(st.st_mode) ? strerror(errno) : "is not a directory");
	}
	if (S_ISDIR(st.st_mode))
		return fail_msg(err, errlen, "is a directory, not a file");
	if (need == OPT_PATH_WRITE)
		return access(path, W_OK) == 0 || fail_msg(err, errlen, "%s", strerror(errno));
	return readable(path, &st, err, errlen);
}
