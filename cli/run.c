/* `vmlab run`: runs RISC-V programs as processes, each given as one argument
 * string ("mem 0" is the shell's `./mem 0`), all at once on one machine. */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/guestcc.h"
#include "cli/options.h"
#include "os/sched.h"
#include "report/summary.h"
#include "trace/record.h"

#define MAX_WORDS 64

static const char run_help[] =
	"usage: vmlab run [options] PROGRAM...\n"
	"Runs each PROGRAM (an argument string: \"mem 0\") as a process. A program is a\n"
	"RISC-V ELF executable, or a .c file that vmlab compiles against its guest runtime.\n\n"
	"run options:\n"
	"  --time DURATION      stop after this much virtual time (5s, 200ms, 1m)\n"
	"  --max-insns N        stop after N instructions in all\n"
	"  --quantum N          time slice in instructions (default 100000)\n"
	"  --path DIR           where execve finds programs (repeatable)\n"
	"  --show-pagetables    print each process's page table when it exits\n"
	"  --show-va ADDR       print where ADDR is mapped in each process at its end\n"
	"  --malloc POLICY      the guest malloc's fit: first (default), next, best, worst\n"
	"  --aslr               randomise each process's stack, heap and mmap bases (seeded by -s)\n"
	"  --record FILE        write every reference (fetch, load, store, kernel copy) as a\n"
	"                       binary trace, for `vmlab trace FILE` (opt, curves, other machines)\n"
	"  --json               print the summary as JSON on stdout (default: text on stderr)\n\n";

struct run_args {
	struct machine_opts mo;
	struct sched_config sc;
	char *programs[SCHED_MAX_PROGRAMS];
	int nprograms;
	bool json, show_pt;
	bool show_va;
	vaddr_t va;
	const char *record;   /* --record FILE, or NULL */
};

static volatile sig_atomic_t interrupted;
static void on_sigint(int sig) { (void)sig, interrupted = 1; }

/* Parses "5s", "200ms", "1m", "30us", "100ns" (a bare number is seconds). */
static bool parse_duration(const char *s, uint64_t *ns)
{
	uint64_t n;
	char num[32];
	size_t digits = strspn(s, "0123456789");
	if (!digits || digits >= sizeof num)
		return false;
	memcpy(num, s, digits);
	num[digits] = '\0';
	if (!parse_u64(num, &n))
		return false;
	static const struct {
		const char *unit;
		uint64_t ns;
	} units[] = {{"", 1000000000}, {"s", 1000000000}, {"ms", 1000000}, {"us", 1000}, {"ns", 1}, {"m", 60000000000}};
	for (size_t i = 0; i < ARRAY_LEN(units); i++) {
		if (!strcmp(s + digits, units[i].unit)) {
			if (n > UINT64_MAX / units[i].ns)
				return false;
			*ns = n * units[i].ns;
			return true;
		}
	}
	return false;
}

/* A hex (0x...) or decimal address. */
static bool parse_address(const char *s, vaddr_t *va)
{
	char *end;
	errno = 0;
	*va = strtoull(s, &end, 0);
	return errno == 0 && end != s && *end == '\0';
}

/* --malloc: the guest runtime reads VMLAB_MALLOC from its environment. */
static bool set_malloc_policy(struct run_args *a, const char *v)
{
	static char var[32];
	static const char *const policies[] = {"first", "next", "best", "worst"};
	for (size_t i = 0; i < ARRAY_LEN(policies); i++) {
		if (!strcmp(v, policies[i])) {
			snprintf(var, sizeof var, "VMLAB_MALLOC=%s", v);
			a->sc.env[a->sc.nenv++] = var;
			return true;
		}
	}
	return false;
}

static int run_option(struct run_args *a, int argc, char **argv, int *i)
{
	const char *opt = argv[*i];
	if (!strcmp(opt, "--json"))
		return a->json = true, 1;
	if (!strcmp(opt, "--show-pagetables"))
		return a->show_pt = true, 1;
	if (!strcmp(opt, "--aslr"))
		return a->mo.k.aslr = true, 1;
	bool valued = !strcmp(opt, "--time") || !strcmp(opt, "--max-insns") || !strcmp(opt, "--quantum") ||
		      !strcmp(opt, "--path") || !strcmp(opt, "--malloc") || !strcmp(opt, "--show-va") ||
		      !strcmp(opt, "--record");
	if (!valued)
		return 0;
	if (*i + 1 >= argc) {
		fprintf(stderr, "vmlab: %s needs a value\n", opt);
		return -1;
	}
	const char *v = argv[++*i];
	bool ok = true;
	if (!strcmp(opt, "--time"))
		ok = parse_duration(v, &a->sc.max_ns) && a->sc.max_ns;
	else if (!strcmp(opt, "--max-insns"))
		ok = parse_u64(v, &a->sc.max_insns) && a->sc.max_insns;
	else if (!strcmp(opt, "--quantum"))
		ok = parse_u64(v, &a->sc.quantum_insns) && a->sc.quantum_insns;
	else if (!strcmp(opt, "--malloc"))
		ok = set_malloc_policy(a, v);
	else if (!strcmp(opt, "--show-va"))
		ok = a->show_va = parse_address(v, &a->va);
	else if (!strcmp(opt, "--record"))
		a->record = v;
	else if (a->sc.npath < (int)ARRAY_LEN(a->sc.path_dirs))
		a->sc.path_dirs[a->sc.npath++] = v;
	else
		ok = false;
	if (!ok)
		fprintf(stderr, "vmlab: %s %s: expects %s\n", opt, v,
			!strcmp(opt, "--time") ? "a duration such as 5s, 200ms or 1m" :
			!strcmp(opt, "--malloc") ? "first, next, best or worst" :
			!strcmp(opt, "--show-va") ? "an address such as 0x12010" :
			!strcmp(opt, "--path") ? "at most 8 directories" : "a positive number");
	return ok ? 1 : -1;
}

static int parse_args(struct run_args *a, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		int got = machine_opts_parse(&a->mo, argc, argv, &i);
		if (got == 0)
			got = run_option(a, argc, argv, &i);
		if (got < 0)
			return CLI_USAGE;
		if (got > 0)
			continue;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			printf("%s%s", run_help, machine_opts_help);
			return -1;
		}
		if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "vmlab: run: unknown option '%s' (try 'vmlab run --help')\n", argv[i]);
			return CLI_USAGE;
		}
		if (a->nprograms == SCHED_MAX_PROGRAMS) {
			fprintf(stderr, "vmlab: run: at most %d programs\n", SCHED_MAX_PROGRAMS);
			return CLI_USAGE;
		}
		a->programs[a->nprograms++] = argv[i];
	}
	if (!a->nprograms) {
		fprintf(stderr, "vmlab: run: name at least one program (try 'vmlab run --help')\n");
		return CLI_USAGE;
	}
	return 0;
}

/* Splits a program string into words at blanks (no quoting). */
static int split_words(char *s, char **words)
{
	int n = 0;
	for (char *w = strtok(s, " \t"); w && n < MAX_WORDS; w = strtok(NULL, " \t"))
		words[n++] = w;
	return n;
}

/* Splits each program string into words and finds (or compiles) its
 * executable, registering it for execve under its name. Returns false after a
 * message. */
static bool prepare_programs(struct run_args *a, char *words[][MAX_WORDS], int *nwords, char paths[][512],
			     char names[][64])
{
	for (int i = 0; i < a->nprograms; i++) {
		nwords[i] = split_words(a->programs[i], words[i]);
		if (!nwords[i]) {
			fprintf(stderr, "vmlab: run: an empty program string\n");
			return false;
		}
		char err[1024];
		if (!guestcc_resolve(words[i][0], paths[i], sizeof paths[i], err, sizeof err)) {
			fprintf(stderr, "vmlab: %s\n", err);
			return false;
		}
		const char *base = strrchr(words[i][0], '/') ? strrchr(words[i][0], '/') + 1 : words[i][0];
		size_t n = strlen(base);
		snprintf(names[i], sizeof names[i], "%.*s", (int)(n > 2 && !strcmp(base + n - 2, ".c") ? n - 2 : n), base);
		a->sc.programs[a->sc.nprograms].name = names[i];
		a->sc.programs[a->sc.nprograms++].path = paths[i];
	}
	return true;
}

static void report_kill(void *ctx, const struct proc *p)
{
	(void)ctx;
	fflush(stdout);
	fprintf(stderr, "vmlab: pid %d (%s): %s\n", p->pid, p->name, p->death);
}

/* --show-va: the leaf PTE mapping the address in p, one line. */
static void print_mapping(const struct proc *p, vaddr_t va)
{
	struct pt_leaf leaf;
	char flags[16];
	if (pt_lookup(&p->as.pt, va, &leaf) != PT_OK) {
		fprintf(stderr, "vmlab: pid %d (%s): va 0x%" PRIx64 " is not mapped\n", p->pid, p->name, va);
		return;
	}
	unsigned shift = p->as.pt.fmt->page_shift;
	ptfmt_flag_string(leaf.flags, flags);
	fprintf(stderr, "vmlab: pid %d (%s): va 0x%" PRIx64 " is in virtual page 0x%" PRIx64 ", mapped to frame 0x%" PRIx64
			" (pa 0x%" PRIx64 ") %s\n",
		p->pid, p->name, va, va >> shift, leaf.pfn, (leaf.pfn << shift) + (va - leaf.va), flags);
}

/* What --show-pagetables and --show-va print as a process ends. */
static void show_at_exit(void *ctx, const struct proc *p)
{
	const struct run_args *a = ctx;
	fflush(stdout);
	if (a->show_va)
		print_mapping(p, a->va);
	if (a->show_pt) {
		fprintf(stderr, "vmlab: pid %d (%s) exits; its page table:\n", p->pid, p->name);
		pt_print(&p->as.pt, stderr);
	}
}

/* The exit status of vmlab for the first process: its own, 128 + a signal. */
static int first_status(const struct proc *p)
{
	if (!p)
		return CLI_FAILED;
	int st = p->wait_status;
	return (st & 0x7f) ? 128 + (st & 0x7f) : (st >> 8) & 0xff;
}

/* Starts every program as a process; returns the first one's pid, or 0
 * after a message. */
static int start_programs(struct run_args *a, struct sched *s, char *words[][MAX_WORDS], const int *nwords,
			  char paths[][512])
{
	char err[600];
	int first_pid = 0;
	for (int i = 0; i < a->nprograms; i++) {
		struct proc *p = sched_start(s, paths[i], words[i], nwords[i], err, sizeof err);
		if (!p) {
			fprintf(stderr, "vmlab: %s\n", err);
			return 0;
		}
		if (!first_pid)
			first_pid = p->pid;
	}
	return first_pid;
}

/* Says how the run ended; returns vmlab's exit status. */
static int report_end(struct run_args *a, struct sched *s, enum sched_end end, int first_pid)
{
	struct kernel *k = s->k;
	if (end == SCHED_HOST_ERROR) {
		fprintf(stderr, "vmlab: %s\n", k->error);
		return CLI_FAILED;
	}
	if (end == SCHED_LIMIT || end == SCHED_INTERRUPTED) {
		for (size_t i = 0; a->show_va && i < k->nprocs; i++)
			if (k->procs[i]->state != PROC_ZOMBIE && k->procs[i]->state != PROC_DEAD)
				print_mapping(k->procs[i], a->va);
		fprintf(stderr, "vmlab: stopped %s after %.3f s of virtual time\n",
			end == SCHED_LIMIT ? "by the limit" : "by Ctrl-C", (double)sched_now_ns(s) / 1e9);
		return 124;
	}
	return first_status(kernel_proc(k, first_pid));
}

static void print_summary(const struct run_args *a, struct sched *s)
{
	struct summary_input in = {.sim_ns = sched_now_ns(s), .programs = true, .instructions = s->insns};
	mmu_tlb_totals(s->k->mmu, &in.tlb_hits, &in.tlb_misses);
	in.references = in.tlb_hits + in.tlb_misses;
	if (a->json)
		summary_json(stdout, s->k, &in);
	else
		summary_print(stderr, s->k, &in);
}

static int run_programs(struct run_args *a)
{
	static char *words[SCHED_MAX_PROGRAMS][MAX_WORDS];
	static char paths[SCHED_MAX_PROGRAMS][512], names[SCHED_MAX_PROGRAMS][64];
	int nwords[SCHED_MAX_PROGRAMS];
	char err[600];
	if (!prepare_programs(a, words, nwords, paths, names))
		return CLI_USAGE;
	struct kernel *k = kernel_new(&a->mo.k, err, sizeof err);
	if (!k) {
		fprintf(stderr, "vmlab: %s\n", err);
		return CLI_USAGE;
	}
	k->on_kill = report_kill;
	if (a->show_pt || a->show_va) {
		k->on_exit = show_at_exit;
		k->on_exit_ctx = a;
	}
	struct recorder *rec = NULL;
	if (a->record && !(rec = record_start(k, a->record, err, sizeof err))) {
		fprintf(stderr, "vmlab: --record %s\n", err);
		kernel_free(k);
		return CLI_USAGE;
	}
	struct sched s;
	sched_init(&s, k, &a->sc);
	int first_pid = start_programs(a, &s, words, nwords, paths), status = CLI_USAGE;
	if (first_pid) {
		enum sched_end end = sched_run(&s);
		fflush(stdout);
		status = report_end(a, &s, end, first_pid);
		print_summary(a, &s);
		if (!record_finish(rec, err, sizeof err) && end != SCHED_HOST_ERROR) {
			fprintf(stderr, "vmlab: --record %s\n", err);
			status = CLI_FAILED;
		}
	} else if (!record_finish(rec, err, sizeof err)) {
		fprintf(stderr, "vmlab: --record %s\n", err);
	}
	kernel_free(k);
	return status;
}

int cli_run(int argc, char **argv)
{
	struct run_args a;
	memset(&a, 0, sizeof a);
	machine_opts_defaults(&a.mo);
	a.sc.quantum_insns = 100000;
	a.sc.insn_ns = 1;
	a.sc.out = stdout;
	a.sc.err = stderr;
	a.sc.in = stdin;
	a.sc.interrupted = &interrupted;
	int st = parse_args(&a, argc, argv);
	if (st)
		return st < 0 ? CLI_OK : st;
	signal(SIGINT, on_sigint); /* from here on Ctrl-C stops the run cleanly */
	a.mo.k.strict = true; /* programs have real regions: anything else is a segmentation fault */
	if (!machine_opts_finish(&a.mo))
		return CLI_USAGE;
	if (a.mo.k.policy->needs_future) {
		fprintf(stderr, "vmlab: run: --policy %s needs the future, which a running program does not know;\n"
				"record the run and replay the recording: vmlab run --record prog.vmt ... PROGRAM,\n"
				"then vmlab trace --policy %s prog.vmt (with the same machine options)\n",
			a.mo.k.policy->name, a.mo.k.policy->name);
		return CLI_USAGE;
	}
	return run_programs(&a);
}
