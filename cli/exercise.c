/* vmlab exercise: the OSTEP virtual-memory homework simulators, their flags
 * parsed as optparse parses them (cli/pyopt.h), their random choices drawn
 * as CPython's random module draws them (lib/pyrandom.h), their output byte
 * for byte; the answers come from vmlab's machine (the hw/ mechanisms). */
#include "cli/exercise.h"

#include <ctype.h>
#include <errno.h>
#include <gmp.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The n bytes at v into buf (cap bytes) without the underscores int()
 * takes, one between two digits ("1_000"); false for any other underscore
 * or when buf is too small. */
static bool drop_underscores(const char *v, size_t n, char *buf, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		bool grouping = v[i] == '_' && i > 0 && i + 1 < n && isdigit((unsigned char)v[i - 1]) &&
				isdigit((unsigned char)v[i + 1]);
		if (v[i] == '_' && !grouping)
			return false;
		if (!grouping && k + 1 < cap)
			buf[k++] = v[i];
		else if (!grouping)
			return false;
	}
	buf[k] = '\0';
	return true;
}

/* strtoll over the n bytes at v, with Python's blanks after and its digit
 * grouping: false when it does not take them all (or there is no digit);
 * *range tells an integer beyond 64 bits. */
static bool int_literal(const char *v, size_t n, int64_t *out, bool *range)
{
	char digits[64];
	*range = false;
	if (n == 0 || !drop_underscores(v, n, digits, sizeof digits))
		return false;
	char *end;
	errno = 0;
	long long x = strtoll(digits, &end, 10);
	bool none = end == digits || !isdigit((unsigned char)end[-1]);
	while (isspace((unsigned char)*end))
		end++;
	if (*end || none)
		return false;
	*range = errno == ERANGE;
	*out = x;
	return !*range;
}

bool py_seed_text(struct pyrandom *r, const char *v)
{
	const char *s = v + strspn(v, " \t\n\r\f\v"), *e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	s += *s == '+' || *s == '-';
	size_t n = (size_t)(e - s);
	char *digits = xmalloc(n + 1);
	bool ok = n && drop_underscores(s, n, digits, n + 1) && strspn(digits, "0123456789") == strlen(digits);
	if (ok) {
		mpz_t z;
		mpz_init_set_str(z, digits, 10);
		size_t words = (mpz_sizeinbase(z, 2) + 31) / 32, count = 0;
		uint32_t *key = xmalloc(words * sizeof *key);
		mpz_export(key, &count, -1, sizeof *key, 0, 0, z);
		pyrandom_seed_words(r, key, (unsigned)count);
		free(key);
		mpz_clear(z);
	}
	free(digits);
	return ok;
}

void py_seed(struct pyrandom *r, const struct pyopt *seed)
{
	char text[PYOPT_DECIMAL];
	if (!py_seed_text(r, pyopt_decimal(seed, text)))
		panic("optparse's int %s is not Python's", text);
}

bool py_int(const char *v, size_t n, int64_t *out)
{
	bool range;
	return int_literal(v, n, out, &range);
}

/* The length of v without convert()'s k, m or g suffix, and the suffix's multiplier. */
static size_t size_digits(const char *v, int64_t *mult)
{
	size_t n = strlen(v);
	*mult = 1;
	if (n && strchr("kKmMgG", v[n - 1])) {
		*mult = (v[n - 1] == 'k' || v[n - 1] == 'K') ? 1 << 10 : (v[n - 1] == 'm' || v[n - 1] == 'M') ? 1 << 20 : 1 << 30;
		n--;
	}
	return n;
}

int64_t py_random_limit(struct pyrandom *r, int64_t asize)
{
	volatile double quarter = (double)asize / 4.0, part = quarter * pyrandom_random(r), sum = quarter + part;
	return (int64_t)sum;
}

struct mmu *ex_machine(const char *name, const struct mmu_config *cfg, uint64_t bytes, const struct pt_format *fmt,
		       const struct mmu_context *ctx, struct physmem *pm)
{
	char err[200];
	bytes = (bytes + 4095) & ~(uint64_t)4095;
	fflush(stdout);
	if (physmem_init(pm, bytes, 12) != PHYSMEM_OK) {
		fprintf(stderr, "vmlab: exercise %s: no host memory for %" PRIu64 " bytes of physical memory\n", name, bytes);
		return NULL;
	}
	struct mmu *m = mmu_new(cfg, pm, fmt, err, sizeof err);
	if (m && mmu_load_context(m, ctx, err, sizeof err) == MMU_OK)
		return m;
	fprintf(stderr, "vmlab: exercise %s: %s\n", name, err);
	mmu_free(m);
	physmem_fini(pm);
	return NULL;
}

bool py_size(const char *v, int64_t *out)
{
	int64_t mult, x;
	size_t n = size_digits(v, &mult);
	if (!py_int(v, n, &x) || (x > 0 && x > INT64_MAX / mult) || (x < 0 && x < INT64_MIN / mult))
		return false;
	*out = x * mult;
	return true;
}

const char *py_hex08(int64_t v, char buf[32])
{
	if (v < 0)
		snprintf(buf, 32, "-%07" PRIx64, (uint64_t)0 - (uint64_t)v);
	else
		snprintf(buf, 32, "%08" PRIx64, (uint64_t)v);
	return buf;
}

int py_raise(const char *prog, const char *exception, const char *what)
{
	fflush(stdout);
	if (*what)
		fprintf(stderr, "%s: %s: %s\n", prog, exception, what);
	else
		fprintf(stderr, "%s: %s\n", prog, exception);
	return 1;
}

/* A number Python holds but int64_t does not: vmlab's limit, not an error of the script. */
static int too_big(const char *prog, const char *v, size_t n)
{
	fflush(stdout);
	fprintf(stderr, "vmlab: exercise: %.*s: integers beyond 64 bits are not simulated (%s takes them)\n", (int)n, v,
		prog);
	return 1;
}

int bad_int(const char *prog, const char *v, size_t n)
{
	char what[200];
	int64_t x;
	bool range;
	if (!int_literal(v, n, &x, &range) && range)
		return too_big(prog, v, n);
	snprintf(what, sizeof what, "invalid literal for int() with base 10: '%.*s'", (int)n, v);
	return py_raise(prog, "ValueError", what);
}

int bad_size(const char *prog, const char *v)
{
	int64_t mult, x;
	size_t n = size_digits(v, &mult);
	if (!*v)
		return py_raise(prog, "IndexError", "string index out of range");
	if (py_int(v, n, &x)) /* the suffix's multiple overflowed */
		return too_big(prog, v, strlen(v));
	return bad_int(prog, v, n);
}

/* ---- the questions an exercise asks ---- */

bool ex_solve(const struct ex_run *run, bool flag)
{
	return run->mode == EX_EXPLAIN || (run->mode == EX_PRINT && flag);
}

bool ex_answering(const struct ex_run *run, bool flag)
{
	return flag || run->mode != EX_PRINT;
}

static char *vformat(const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0)
		panic("cannot format \"%s\"", fmt);
	char *s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, again);
	va_end(again);
	return s;
}

static void ask(struct ex_run *run, const char *word, int64_t value, const char *fmt, va_list ap)
{
	if (run->nq == run->cap) {
		run->cap = run->cap ? 2 * run->cap : 16;
		run->q = xrealloc(run->q, run->cap * sizeof *run->q);
	}
	run->q[run->nq++] = (struct ex_question){vformat(fmt, ap), word ? xstrdup(word) : NULL, value, xstrdup("")};
}

void ex_ask_number(struct ex_run *run, int64_t value, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ask(run, NULL, value, fmt, ap);
	va_end(ap);
}

void ex_ask_word(struct ex_run *run, const char *word, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ask(run, word, 0, fmt, ap);
	va_end(ap);
}

void ex_explain(struct ex_run *run, const char *fmt, ...)
{
	if (!run->nq)
		panic("working explained before a question");
	if (run->mode == EX_PRINT)
		return;
	struct ex_question *q = &run->q[run->nq - 1];
	va_list ap;
	va_start(ap, fmt);
	char *line = vformat(fmt, ap);
	va_end(ap);
	size_t n = strlen(q->working), m = strlen(line);
	q->working = xrealloc(q->working, n + m + 2);
	memcpy(q->working + n, line, m);
	memcpy(q->working + n + m, "\n", 2);
	free(line);
}

const char *ex_bits(uint64_t v, unsigned width, unsigned split, char buf[80])
{
	char *p = buf;
	for (unsigned i = width; i-- > 0 && p < buf + 78;) {
		*p++ = (char)('0' + ((v >> i) & 1));
		if (width - i == split && i)
			*p++ = ' ';
	}
	*p = '\0';
	return buf;
}

const char *ex_fields(uint64_t v, const unsigned *widths, unsigned n, char buf[160])
{
	unsigned below = 0;
	for (unsigned k = 0; k < n; k++)
		below += widths[k];
	if (below > 64 || n > 16)
		panic("%u bits in %u fields", below, n);
	char *p = buf;
	for (unsigned k = 0; k < n; k++) {
		below -= widths[k];
		char bits[80];
		uint64_t field = below < 64 ? v >> below : 0;
		p += sprintf(p, "%s%s", k ? " | " : "", widths[k] ? ex_bits(field, widths[k], 0, bits) : "-");
	}
	*p = '\0';
	return buf;
}

static void free_questions(struct ex_run *run)
{
	for (size_t i = 0; i < run->nq; i++) {
		free(run->q[i].ask);
		free(run->q[i].word);
		free(run->q[i].working);
	}
	free(run->q);
}

/* The answer of q as a student would write it. */
static const char *answer_text(const struct ex_run *run, const struct ex_question *q, char buf[40])
{
	if (q->word)
		return q->word;
	if (run->hex && q->value >= 0)
		snprintf(buf, 40, "0x%" PRIx64, (uint64_t)q->value);
	else
		snprintf(buf, 40, "%" PRId64, q->value);
	return buf;
}

/* Each line of text, indented by ind spaces. */
static void indented(FILE *out, const char *text, int ind)
{
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		fprintf(out, "%*s%.*s\n", ind, "", (int)n, p);
		p += n + (nl != NULL);
	}
}

static void print_working(const struct ex_run *run)
{
	char buf[40];
	printf("How each answer is found:\n");
	for (size_t i = 0; i < run->nq; i++) {
		const struct ex_question *q = &run->q[i];
		printf("\n%zu. %s: %s\n", i + 1, q->ask, answer_text(run, q, buf));
		indented(stdout, q->working, 3);
	}
}

/* ---- --check FILE ---- */

/* One answer as a student wrote it: a number (decimal, -decimal or
 * 0x-hex) or one of the exercise's words (any case). */
struct ex_given {
	bool is_word;
	char word[16];
	int64_t value;
};

static bool is_word_of(const char *words, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = words; *p; p += strspn(p, " ")) {
		size_t m = strcspn(p, " ");
		if (m == n && !strncmp(p, w, n))
			return true;
		p += m;
	}
	return false;
}

static bool parse_given(const struct ex_run *run, const char *tok, struct ex_given *g)
{
	char *end;
	errno = 0;
	bool hex = (tok[0] == '0' && (tok[1] == 'x' || tok[1] == 'X'));
	if (hex ? isxdigit((unsigned char)tok[2]) : (isdigit((unsigned char)tok[0]) || (tok[0] == '-' && isdigit((unsigned char)tok[1])))) {
		unsigned long long u = hex ? strtoull(tok + 2, &end, 16) : 0;
		long long v = hex ? (long long)u : strtoll(tok, &end, 10);
		*g = (struct ex_given){.value = v};
		return !*end && errno != ERANGE && (!hex || u <= INT64_MAX);
	}
	size_t n = strlen(tok);
	if (n >= sizeof g->word)
		return false;
	*g = (struct ex_given){.is_word = true};
	for (size_t i = 0; i < n; i++)
		g->word[i] = (char)tolower((unsigned char)tok[i]);
	return is_word_of(run->words, g->word);
}

static bool given_right(const struct ex_question *q, const struct ex_given *g)
{
	return q->word ? g->is_word && !strcmp(g->word, q->word) : !g->is_word && g->value == q->value;
}

/* What a malformed line answering q should have been: what a question of
 * its kind takes (never what its answer is, which would give it away). */
static void expected_form(const struct ex_run *run, const struct ex_question *q, FILE *out)
{
	bool word = run->mixed || q->word, number = run->mixed || !q->word;
	if (number)
		fprintf(out, "a number (decimal or 0x-hex)");
	if (word)
		fprintf(out, "%s%s%s", number ? " or " : "", strchr(run->words, ' ') ? "one of: " : "", run->words);
}

static void report_wrong(const struct ex_run *run, size_t i, const char *said)
{
	char buf[40];
	const struct ex_question *q = &run->q[i];
	printf("question %zu, %s: %s; the answer is %s\n", i + 1, q->ask, said, answer_text(run, q, buf));
	indented(stdout, q->working, 4);
}

/* The text of an answer line without its comment, its end of line and
 * the blanks around it ("" for a blank line). */
static char *answer_of(char *line)
{
	line[strcspn(line, "#\r\n")] = '\0';
	char *text = line + strspn(line, " \t");
	size_t n = strlen(text);
	while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		text[--n] = '\0';
	return text;
}

/* The answer lines of f (blank lines and # comments skipped), each
 * graded against the next question; returns the number right, *extra the
 * answers beyond the last question. A read error stops the grading, its
 * errno in *read_errno (else 0), for the caller to report. */
static size_t grade(const struct ex_run *run, FILE *f, const char *path, size_t *extra, int *read_errno)
{
	char *line = NULL;
	size_t cap = 0, right = 0, next = 0;
	*extra = 0;
	for (unsigned lineno = 1; getline(&line, &cap, f) > 0; lineno++) {
		char *tok = answer_of(line);
		if (!*tok)
			continue;
		bool one_word = !tok[strcspn(tok, " \t")];
		if (next == run->nq) {
			printf("%s:%u: an answer beyond the last question (there are %zu)\n", path, lineno, run->nq);
			++*extra;
			continue;
		}
		struct ex_given g;
		char said[128];
		if (!one_word || !parse_given(run, tok, &g)) {
			printf("%s:%u: \"%.40s\" is not an answer: expected ", path, lineno, tok);
			expected_form(run, &run->q[next], stdout);
			printf("\n");
			snprintf(said, sizeof said, "line %u cannot be read", lineno);
			report_wrong(run, next++, said);
		} else if (given_right(&run->q[next], &g)) {
			right++, next++;
		} else {
			snprintf(said, sizeof said, "you answered %.40s", tok);
			report_wrong(run, next++, said);
		}
	}
	*read_errno = ferror(f) ? (errno ? errno : EIO) : 0;
	free(line);
	if (*read_errno)
		return right;
	for (; next < run->nq; next++)
		report_wrong(run, next, "no answer");
	return right;
}

static int check(const struct ex_run *run)
{
	FILE *f = fopen(run->check_file, "r");
	if (!f) {
		fprintf(stderr, "vmlab: exercise %s: --check %s: %s\n", run->name, run->check_file, strerror(errno));
		return CLI_USAGE;
	}
	size_t extra;
	int read_errno;
	size_t right = grade(run, f, run->check_file, &extra, &read_errno);
	fclose(f);
	if (read_errno) {
		fflush(stdout);
		fprintf(stderr, "vmlab: exercise %s: --check %s: %s\n", run->name, run->check_file, strerror(read_errno));
		return CLI_USAGE;
	}
	printf("score %zu/%zu", right, run->nq);
	if (extra)
		printf(" (and %zu answer%s beyond the last question)", extra, extra == 1 ? "" : "s");
	printf("\n");
	return right == run->nq && !extra ? 0 : 1;
}

/* ---- --json ---- */

static void json_lines(FILE *out, const char *text)
{
	fputc('[', out);
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		char *line = strndup(p, n);
		if (p != text)
			fputs(", ", out);
		json_string(out, line);
		free(line);
		p += n + (p[n] == '\n');
	}
	fputc(']', out);
}

static void json(const struct ex_run *run, int argc, char **argv, const char *text)
{
	printf("{\"exercise\": ");
	json_string(stdout, run->name);
	printf(", \"flags\": [");
	for (int i = 0; i < argc; i++) {
		printf(i ? ", " : "");
		json_string(stdout, argv[i]);
	}
	printf("], \"problem\": ");
	json_string(stdout, text);
	printf(", \"questions\": [");
	for (size_t i = 0; i < run->nq; i++) {
		const struct ex_question *q = &run->q[i];
		printf("%s{\"question\": ", i ? ", " : "");
		json_string(stdout, q->ask);
		if (q->word) {
			printf(", \"answer\": ");
			json_string(stdout, q->word);
		} else {
			printf(", \"answer\": %" PRId64, q->value);
		}
		printf(", \"working\": ");
		json_lines(stdout, q->working);
		printf("}");
	}
	printf("]}\n");
}

/* ---- the command ---- */

struct exercise {
	const char *name;
	const char *summary;
	int (*run)(struct ex_run *run, int argc, char **argv);
};

static const struct exercise exercises[] = {
	{"relocation", "base and bounds (OSTEP ch. 15, relocation.py)", ex_relocation},
	{"segmentation", "two segments, one growing down (OSTEP ch. 16, segmentation.py)", ex_segmentation},
	{"malloc", "a free list: best, worst and first fit (OSTEP ch. 17, malloc.py)", ex_malloc},
	{"paging-linear", "linear page tables (OSTEP ch. 18, paging-linear-translate.py)", ex_paging_linear},
	{"paging-multilevel", "two-level page table (OSTEP ch. 20, vm-smalltables)", ex_paging_multilevel},
	{"paging-policy", "replacement policies (OSTEP ch. 22, paging-policy.py)", ex_paging_policy},
	{"tlb", "a TLB's hits, misses and access time (vmlab's own, OSTEP ch. 19)", ex_tlb},
	{"sv39", "a RISC-V Sv39 three-level page table (vmlab's own)", ex_sv39},
};

static void list(FILE *out)
{
	fprintf(out, "usage: vmlab exercise NAME [the simulator's flags] [--explain | --check FILE | --json]\n"
		     "Prints what the OSTEP homework simulator NAME prints for the same flags, byte for\n"
		     "byte (-c: the answers); NAME -h lists its flags. tlb and sv39 are vmlab's own,\n"
		     "in the same style.\n\n"
		     "  --explain     the answers, then how each is found, step by step\n"
		     "  --check FILE  grade the answers in FILE, one per line in question order (an\n"
		     "                address or fault; hit or miss; a returned address or -1); blank\n"
		     "                lines and # comments are skipped; exit 0 when all are right\n"
		     "  --json        the problem, the answers and the working as one JSON object\n\n"
		     "exercises:\n");
	for (size_t i = 0; i < sizeof exercises / sizeof exercises[0]; i++)
		fprintf(out, "  %-18s %s\n", exercises[i].name, exercises[i].summary);
}

/* Takes vmlab's own flags out of argv (before any "--"), setting the
 * mode; false after a message when they cannot go together. */
static bool own_flags(struct ex_run *run, int *argc, char **argv)
{
	int n = 0;
	bool rest = false;
	for (int i = 0; i < *argc; i++) {
		enum ex_mode mode = EX_PRINT;
		const char *file = NULL;
		rest = rest || !strcmp(argv[i], "--");
		if (rest)
			;
		else if (!strcmp(argv[i], "--explain"))
			mode = EX_EXPLAIN;
		else if (!strcmp(argv[i], "--json"))
			mode = EX_JSON;
		else if (!strncmp(argv[i], "--check=", 8))
			mode = EX_CHECK, file = argv[i] + 8;
		else if (!strcmp(argv[i], "--check")) {
			if (i + 1 == *argc) {
				fprintf(stderr, "vmlab: exercise %s: --check needs a FILE of answers\n", run->name);
				return false;
			}
			mode = EX_CHECK, file = argv[++i];
		}
		if (mode == EX_PRINT) {
			argv[n++] = argv[i];
			continue;
		}
		if (run->mode != EX_PRINT && run->mode != mode) {
			fprintf(stderr, "vmlab: exercise %s: --explain, --check and --json go one at a time\n", run->name);
			return false;
		}
		run->mode = mode;
		run->check_file = file;
	}
	*argc = n;
	return true;
}

/* Runs the exercise in run's mode: its text goes to standard output, or,
 * for --check and --json, into a buffer that is printed only when the
 * exercise fails (its error is then what the user needs). */
static int run_exercise(const struct exercise *e, struct ex_run *run, int argc, char **argv)
{
	char *text = NULL;
	size_t len = 0;
	bool buffered = run->mode == EX_CHECK || run->mode == EX_JSON;
	run->out = buffered ? open_memstream(&text, &len) : stdout;
	if (!run->out)
		panic("out of host memory");
	int st = e->run(run, argc, argv);
	if (buffered)
		fclose(run->out);
	if (st == 0 && run->mode == EX_EXPLAIN)
		print_working(run);
	else if (st == 0 && run->mode == EX_CHECK)
		st = check(run);
	else if (st == 0 && run->mode == EX_JSON)
		json(run, argc, argv, text);
	else if (buffered)
		fwrite(text, 1, len, stdout);
	free(text);
	return st;
}

int cli_exercise(int argc, char **argv)
{
	if (argc < 2) {
		list(stderr);
		return CLI_USAGE;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		list(stdout);
		return CLI_OK;
	}
	for (size_t i = 0; i < sizeof exercises / sizeof exercises[0]; i++) {
		if (strcmp(argv[1], exercises[i].name))
			continue;
		struct ex_run run = {.name = exercises[i].name, .words = ""};
		int n = argc - 2;
		if (!own_flags(&run, &n, argv + 2))
			return CLI_USAGE;
		int st = run_exercise(&exercises[i], &run, n, argv + 2);
		free_questions(&run);
		return st;
	}
	fprintf(stderr, "vmlab: exercise: no exercise %s (vmlab exercise --help lists them)\n", argv[1]);
	return CLI_USAGE;
}
