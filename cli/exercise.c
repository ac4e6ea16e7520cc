/* vmlab exercise: the OSTEP virtual-memory homework simulators, their flags
 * parsed as optparse parses them (cli/pyopt.h), their random choices drawn
 * as CPython's random module draws them (lib/pyrandom.h), their output byte
 * for byte; the answers come from vmlab's machine (the hw/ mechanisms). */
#include "cli/cli.h"
#include "cli/pyopt.h"
#include "hw/mmu.h"
#include "lib/pyrandom.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct exercise {
	const char *name;
	const char *summary;
	int (*run)(int argc, char **argv);
};

/* The simulators' convert(): a size with an optional k, m or g suffix (of
 * 1024s), parsed as Python's int(); false when int() would raise. */
static bool py_size(const char *v, int64_t *out)
{
	size_t n = strlen(v);
	int64_t mult = 1;
	char digits[64];
	if (n && strchr("kKmMgG", v[n - 1])) {
		mult = (v[n - 1] == 'k' || v[n - 1] == 'K') ? 1 << 10 : (v[n - 1] == 'm' || v[n - 1] == 'M') ? 1 << 20 : 1 << 30;
		n--;
	}
	if (n == 0 || n >= sizeof digits)
		return false;
	memcpy(digits, v, n);
	digits[n] = '\0';
	char *end;
	errno = 0;
	long long x = strtoll(digits, &end, 10);
	while (*end == ' ' || *end == '\t' || *end == '\n')
		end++;
	if (errno || *end || end == digits || (x > 0 && x > INT64_MAX / mult) || (x < 0 && x < INT64_MIN / mult))
		return false;
	*out = x * mult;
	return true;
}

/* Python's '%08x' (a negative number keeps its sign in front). */
static const char *py_hex08(int64_t v, char buf[32])
{
	if (v < 0)
		snprintf(buf, 32, "-%07" PRIx64, (uint64_t)0 - (uint64_t)v);
	else
		snprintf(buf, 32, "%08" PRIx64, (uint64_t)v);
	return buf;
}

/* A size option Python could not convert: the traceback's last line, exit 1
 * (what the simulator prints on standard output is already out). */
static int bad_size(const char *prog, const char *v)
{
	fflush(stdout);
	fprintf(stderr, "%s: ValueError: invalid literal for int() with base 10: '%s'\n", prog, v);
	return 1;
}

/* ---- relocation (vm-mechanism/relocation.py) ---- */

/* The base-and-bounds MMU over psize bytes of physical memory, loaded with
 * base and limit: NULL (and a message) when the registers cannot be. */
static struct mmu *bb_machine(struct physmem *pm, int64_t psize, int64_t base, int64_t limit)
{
	char err[200];
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.mech = &mmu_base_bounds;
	uint64_t bytes = ((uint64_t)psize + 4095) & ~(uint64_t)4095;
	if (physmem_init(pm, bytes, 12) != PHYSMEM_OK) {
		fprintf(stderr, "vmlab: exercise relocation: no host memory for %" PRIu64 " bytes of physical memory\n", bytes);
		return NULL;
	}
	struct mmu *m = mmu_new(&cfg, pm, NULL, err, sizeof err);
	struct mmu_context ctx = {.kind = MMU_MECH_BASE_BOUNDS, .bb = {.base = (paddr_t)base, .bounds = (uint64_t)limit}};
	if (m && mmu_load_context(m, &ctx, err, sizeof err) == MMU_OK)
		return m;
	fprintf(stderr, "vmlab: exercise relocation: %s\n", err);
	mmu_free(m);
	physmem_fini(pm);
	return NULL;
}

static void relocation_trace(struct pyrandom *r, struct mmu *m, int64_t asize, int64_t num, bool solve)
{
	char h[32], ph[32];
	printf("Virtual Address Trace\n");
	for (int64_t i = 0; i < num; i++) {
		int64_t va = pyrandom_scaled(r, (double)asize);
		paddr_t pa;
		struct fault f;
		if (!solve)
			printf("  VA %2" PRId64 ": 0x%s (decimal: %4" PRId64 ") --> PA or segmentation violation?\n", i,
			       py_hex08(va, h), va);
		else if (!mmu_translate(m, (vaddr_t)va, ACCESS_READ, PRIV_USER, &pa, &f))
			printf("  VA %2" PRId64 ": 0x%s (decimal: %4" PRId64 ") --> SEGMENTATION VIOLATION\n", i,
			       py_hex08(va, h), va);
		else
			printf("  VA %2" PRId64 ": 0x%s (decimal: %4" PRId64 ") --> VALID: 0x%s (decimal: %4" PRId64 ")\n", i,
			       py_hex08(va, h), va, py_hex08((int64_t)pa, ph), (int64_t)pa);
	}
	printf("\n");
	if (!solve)
		printf("For each virtual address, either write down the physical address it translates to\n"
		       "OR write down that it is an out-of-bounds address (a segmentation violation). For\n"
		       "this problem, you should assume a simple virtual address space of a given size.\n\n");
}

static int ex_relocation(int argc, char **argv)
{
	struct pyopt o[] = {
		{'s', "seed", PYOPT_INT, "seed", "the random seed", 0, NULL, false},
		{'a', "asize", PYOPT_STRING, "asize", "address space size (e.g., 16, 64k, 32m, 1g)", 0, "1k", false},
		{'p', "physmem", PYOPT_STRING, "psize", "physical memory size (e.g., 16, 64k, 32m, 1g)", 0, "16k", false},
		{'n', "addresses", PYOPT_INT, "num", "number of virtual addresses to generate", 5, NULL, false},
		{'b', "b", PYOPT_STRING, "base", "value of base register", 0, "-1", false},
		{'l', "l", PYOPT_STRING, "limit", "value of limit register", 0, "-1", false},
		{'c', "compute", PYOPT_TRUE, "solve", "compute answers for me", 0, NULL, false},
	};
	struct pyopt_parser p = {"relocation.py", o, (int)(sizeof o / sizeof o[0]), stdout, stderr};
	int st = pyopt_parse(&p, argc, argv);
	if (st != -1)
		return st;
	int64_t seed = o[0].i, asize, psize, limit, base;
	printf("\nARG seed %" PRId64 "\nARG address space size %s\nARG phys mem size %s\n\n", seed, o[1].s, o[2].s);
	struct pyrandom r;
	pyrandom_seed(&r, seed < 0 ? (uint64_t)0 - (uint64_t)seed : (uint64_t)seed, seed < 0);
	if (!py_size(o[1].s, &asize))
		return bad_size(p.prog, o[1].s);
	if (!py_size(o[2].s, &psize))
		return bad_size(p.prog, o[2].s);
	if (psize <= 1)
		return printf("Error: must specify a non-zero physical memory size.\n"), 1;
	if (asize == 0)
		return printf("Error: must specify a non-zero address-space size.\n"), 1;
	if (psize <= asize)
		return printf("Error: physical memory size must be GREATER than address space size (for this simulation)\n"), 1;
	if (!py_size(o[5].s, &limit))
		return bad_size(p.prog, o[5].s);
	if (!py_size(o[4].s, &base))
		return bad_size(p.prog, o[4].s);
	if (limit == -1) {
		volatile double quarter = (double)asize / 4.0, part = quarter * pyrandom_random(&r), sum = quarter + part;
		limit = (int64_t)sum;
	}
	if (base == -1 && limit >= psize) {
		fflush(stdout);
		fprintf(stderr, "vmlab: exercise relocation: the limit (%" PRId64 ") is not below the physical memory size "
			"(%" PRId64 "): no base fits (relocation.py would look for one forever)\n", limit, psize);
		return 1;
	}
	if (base == -1)
		do
			base = pyrandom_scaled(&r, (double)psize);
		while (base + limit >= psize);
	char h[32];
	printf("Base-and-Bounds register information:\n\n  Base   : 0x%s (decimal %" PRId64 ")\n  Limit  : %" PRId64
	       "\n\n", py_hex08(base, h), base, limit);
	if (base + limit > psize) {
		printf("Error: address space does not fit into physical memory with those base/bounds values.\n");
		printf("Base + Limit: %" PRId64 "   Psize: %" PRId64 "\n", base + limit, psize);
		return 1;
	}
	struct physmem pm;
	struct mmu *m = bb_machine(&pm, psize, base, limit);
	if (!m)
		return 1;
	relocation_trace(&r, m, asize, o[3].i, o[6].flag);
	mmu_free(m);
	physmem_fini(&pm);
	return 0;
}

/* ---- the command ---- */

static const struct exercise exercises[] = {
	{"relocation", "base and bounds (OSTEP ch. 15, relocation.py)", ex_relocation},
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
