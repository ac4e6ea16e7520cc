/* vmlab exercise: the OSTEP virtual-memory homework simulators, their flags
 * parsed as optparse parses them (cli/pyopt.h), their random choices drawn
 * as CPython's random module draws them (lib/pyrandom.h), their output byte
 * for byte; the answers come from vmlab's machine (the hw/ mechanisms). */
#include "cli/exercise.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void py_seed(struct pyrandom *r, int64_t seed)
{
	pyrandom_seed(r, seed < 0 ? (uint64_t)0 - (uint64_t)seed : (uint64_t)seed, seed < 0);
}

/* strtoll over the n bytes at v, with Python's blanks after: false when it
 * does not take them all; *range tells an integer beyond 64 bits. */
static bool int_literal(const char *v, size_t n, int64_t *out, bool *range)
{
	char digits[64];
	*range = false;
	if (n == 0 || n >= sizeof digits)
		return false;
	memcpy(digits, v, n);
	digits[n] = '\0';
	char *end;
	errno = 0;
	long long x = strtoll(digits, &end, 10);
	while (*end == ' ' || *end == '\t' || *end == '\n')
		end++;
	if (*end || end == digits)
		return false;
	*range = errno == ERANGE;
	*out = x;
	return !*range;
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

struct mmu *ex_machine(const char *name, const struct mmu_config *cfg, uint64_t bytes, const struct mmu_context *ctx,
		       struct physmem *pm)
{
	char err[200];
	bytes = (bytes + 4095) & ~(uint64_t)4095;
	fflush(stdout);
	if (physmem_init(pm, bytes, 12) != PHYSMEM_OK) {
		fprintf(stderr, "vmlab: exercise %s: no host memory for %" PRIu64 " bytes of physical memory\n", name, bytes);
		return NULL;
	}
	struct mmu *m = mmu_new(cfg, pm, NULL, err, sizeof err);
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
	fprintf(stderr, "%s: %s: %s\n", prog, exception, what);
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

/* ---- the command ---- */

struct exercise {
	const char *name;
	const char *summary;
	int (*run)(int argc, char **argv);
};

static const struct exercise exercises[] = {
	{"relocation", "base and bounds (OSTEP ch. 15, relocation.py)", ex_relocation},
	{"segmentation", "two segments, one growing down (OSTEP ch. 16, segmentation.py)", ex_segmentation},
	{"paging-linear", "linear page tables (OSTEP ch. 18, paging-linear-translate.py)", ex_paging_linear},
	{"paging-multilevel", "two-level page table (OSTEP ch. 20, vm-smalltables)", ex_paging_multilevel},
};

static void list(FILE *out)
{
	fprintf(out, "usage: vmlab exercise NAME [the simulator's flags]\n"
		     "Prints what the OSTEP homework simulator NAME prints for the same flags, byte for\n"
		     "byte (-c: the answers); NAME -h lists its flags.\n\nexercises:\n");
	for (size_t i = 0; i < sizeof exercises / sizeof exercises[0]; i++)
		fprintf(out, "  %-18s %s\n", exercises[i].name, exercises[i].summary);
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
	for (size_t i = 0; i < sizeof exercises / sizeof exercises[0]; i++)
		if (!strcmp(argv[1], exercises[i].name))
			return exercises[i].run(argc - 2, argv + 2);
	fprintf(stderr, "vmlab: exercise: no exercise %s (vmlab exercise --help lists them)\n", argv[1]);
	return CLI_USAGE;
}
