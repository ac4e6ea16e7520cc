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

#include "check/memcheck.h"
#include "cli/cli.h"
#include "cli/guestcc.h"
#include "cli/options.h"
#include "cli/report.h"
#include "os/cmem.h"
#include "os/elf.h"
#include "os/sched.h"
#include "report/summary.h"
#include "report/vmstat.h"
#include "trace/record.h"

static const char run_usage[] =
	"usage: vmlab run [options] PROGRAM...\n"
	"Runs each PROGRAM (an argument string: \"mem 0\") as a process. A program is a\n"
	"RISC-V ELF executable, or a .c file that vmlab compiles against its guest runtime.\n";

/* One program string, split into words, and the executable it runs. */
struct program {
	char **words;     /* NULL-terminated */
	int nwords;
	char *path;       /* the ELF file */
	char *name;       /* what execve finds it by: "mem" for examples/mem.c */
};

struct run_args {
	struct machine_opts mo;
	struct sched_config sc;
	const char **programs;   /* the program strings, in order */
	int nprograms;
	const char **path_dirs;  /* --path */
	int npath;
	const char *cflags;      /* --cflags, or NULL for the default */
	char malloc_env[32];     /* VMLAB_MALLOC=... */
	bool json, show_pt;
	bool show_mmu;           /* --show-mmu: each process's MMU context (under paging, its page table) */
	bool show_va;
	vaddr_t va;
	const char *record;      /* --record FILE, or NULL */
	bool memcheck;           /* --memcheck */
	struct memcheck_opts mc;
	int error_exitcode;      /* --error-exitcode: the status when memcheck found errors (0: none) */
	uint64_t vmstat_ns;      /* --vmstat: its interval of virtual time (0: none) */
	struct report_file report; /* --report */
	int argc;                /* the command line, the report's title */
	char **argv;
	struct kernel *k;        /* the machine, while it runs */
	struct vmstat *vm;       /* --vmstat's lines, while it runs */
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
	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	*va = strtoull(s, &end, 0);
	return errno == 0 && end != s && *end == '\0';
}

/* Appends p to the array *v of *n pointers (grown as needed). */
static void push_ptr(const char ***v, int *n, const char *p)
{
	if ((*n & (*n - 1)) == 0) /* 0, 1, 2, 4, ...: full */
		*v = xrealloc(*v, (size_t)(*n ? 2 * *n : 1) * sizeof **v);
	(*v)[(*n)++] = p;
}

/* ---- run options: one setter each ---- */

static bool set_time(void *ctx, const char *v, char *err, size_t errlen)
{
	struct run_args *a = ctx;
	if (!parse_duration(v, &a->sc.max_ns) || !a->sc.max_ns)
		return fail_msg(err, errlen, "expects a duration such as 5s, 200ms or 1m, from 1ns to %" PRIu64 "s",
				UINT64_MAX / 1000000000);
	return true;
}

static bool set_vmstat(void *ctx, const char *v, char *err, size_t errlen)
{
	struct run_args *a = ctx;
	if (!parse_duration(v, &a->vmstat_ns) || !a->vmstat_ns)
		return fail_msg(err, errlen, "expects a duration such as 1s, 10ms or 100us, from 1ns to %" PRIu64 "s",
				UINT64_MAX / 1000000000);
	return true;
}

static bool set_report(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	((struct run_args *)ctx)->report.path = v;
	return true;
}

static bool set_max_insns(void *ctx, const char *v, char *err, size_t errlen)
{
	return opt_number(v, 1, UINT64_MAX, &((struct run_args *)ctx)->sc.max_insns, err, errlen);
}

static bool set_quantum(void *ctx, const char *v, char *err, size_t errlen)
{
	return opt_number(v, 1, UINT64_MAX, &((struct run_args *)ctx)->sc.quantum_insns, err, errlen);
}

static bool set_max_procs(void *ctx, const char *v, char *err, size_t errlen)
{
	return opt_number(v, 1, SCHED_MAX_PROCS_LIMIT, &((struct run_args *)ctx)->sc.max_procs, err, errlen);
}

static bool set_path(void *ctx, const char *v, char *err, size_t errlen)
{
	struct run_args *a = ctx;
	if (!opt_path(v, OPT_PATH_DIR, err, errlen))
		return false;
	push_ptr(&a->path_dirs, &a->npath, v);
	return true;
}

static bool set_cflags(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	((struct run_args *)ctx)->cflags = v;
	return true;
}

static bool set_show_pagetables(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct run_args *)ctx)->show_pt = true;
	return true;
}

static bool set_show_mmu(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct run_args *)ctx)->show_mmu = true;
	return true;
}

static bool set_show_va(void *ctx, const char *v, char *err, size_t errlen)
{
	struct run_args *a = ctx;
	if (!parse_address(v, &a->va))
		return fail_msg(err, errlen, "expects an address such as 0x12010, from 0 to 0xffffffffffffffff");
	a->show_va = true;
	return true;
}

/* --malloc: the guest runtime reads VMLAB_MALLOC from its environment. */
static bool set_malloc(void *ctx, const char *v, char *err, size_t errlen)
{
	static const char *const policies[] = {"first", "next", "best", "worst"};
	struct run_args *a = ctx;
	for (size_t i = 0; i < ARRAY_LEN(policies); i++) {
		if (!strcmp(v, policies[i])) {
			snprintf(a->malloc_env, sizeof a->malloc_env, "VMLAB_MALLOC=%s", v);
			return true;
		}
	}
	return fail_msg(err, errlen, "expects first, next, best or worst");
}

static bool set_aslr(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct run_args *)ctx)->mo.k.aslr = true;
	return true;
}

static bool set_record(void *ctx, const char *v, char *err, size_t errlen)
{
	if (!strcmp(v, "-"))
		return fail_msg(err, errlen, "expects a file: the programs' output goes to standard output");
	if (!opt_path(v, OPT_PATH_WRITE, err, errlen))
		return false;
	((struct run_args *)ctx)->record = v;
	return true;
}

static bool set_memcheck(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct run_args *)ctx)->memcheck = true;
	return true;
}

static bool set_leak_check(void *ctx, const char *v, char *err, size_t errlen)
{
	static const char *const names[] = {"no", "summary", "full"};
	for (size_t i = 0; i < ARRAY_LEN(names); i++) {
		if (!strcmp(v, names[i])) {
			((struct run_args *)ctx)->mc.leak_check = (enum memcheck_leaks)i;
			return true;
		}
	}
	return fail_msg(err, errlen, "'%s' is not no, summary or full", v);
}

static bool set_show_leak_kinds(void *ctx, const char *v, char *err, size_t errlen)
{
	if (!memcheck_parse_kinds(v, &((struct run_args *)ctx)->mc.show_kinds))
		return fail_msg(err, errlen, "'%s' is not a list of definite, indirect, possible and reachable, or all or none",
				v);
	return true;
}

static bool set_error_exitcode(void *ctx, const char *v, char *err, size_t errlen)
{
	uint64_t n;
	if (!parse_u64(v, &n) || n > 255)
		return fail_msg(err, errlen, "'%s' is not an exit status from 0 to 255", v);
	((struct run_args *)ctx)->error_exitcode = (int)n;
	return true;
}

static bool set_track_origins(void *ctx, const char *v, char *err, size_t errlen)
{
	if (strcmp(v, "yes") && strcmp(v, "no"))
		return fail_msg(err, errlen, "'%s' is not yes or no", v);
	((struct run_args *)ctx)->mc.track_origins = !strcmp(v, "yes");
	return true;
}

static bool set_quiet(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct run_args *)ctx)->mc.quiet = true;
	return true;
}

static bool set_json(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct run_args *)ctx)->json = true;
	return true;
}

/* One row per option (cli/opt.h): a new option is a row here and its setter
 * above. */
static const struct opt run_rows[] = {
	{"time", 0, "DURATION", "stop after this much virtual time (5s, 200ms, 1m)", NULL, set_time},
	{"vmstat", 0, "DURATION", "print a vmstat line on stderr every DURATION of virtual time: processes "
	 "running and blocked, swap used, free memory, swap-ins and -outs, faults and TLB misses per second, "
	 "user/system/idle time", NULL, set_vmstat},
	{"report", 0, "FILE", "write an HTML report of the run to FILE: physical memory over time, address spaces, "
	 "page tables, the TLB, a timeline of faults and swapping, memory pressure", NULL, set_report},
	{"max-insns", 0, "N", "stop after N instructions in all", NULL, set_max_insns},
	{"quantum", 0, "N", "time slice in instructions", "100000", set_quantum},
	{"max-procs", 0, "N", "at most N processes at once, zombies too; beyond, fork fails with EAGAIN",
	 "4096", set_max_procs},
	{"path", 0, "DIR", "where execve finds programs (repeatable); programs see no other host file", NULL, set_path},
	{"cflags", 0, "FLAGS", "compiler flags for .c programs, in place of the default ones", GUESTCC_DEFAULT_CFLAGS,
	 set_cflags},
	{"show-pagetables", 0, NULL, "print each process's page table when it exits", NULL, set_show_pagetables},
	{"show-mmu", 0, NULL, "print each process's translation registers when it exits (its base and "
	 "bounds, partition or segments; under paging its page table)", NULL, set_show_mmu},
	{"show-va", 0, "ADDR", "print where ADDR is mapped in each process at its end", NULL, set_show_va},
	{"malloc", 0, "POLICY", "the guest malloc's fit: first, next, best or worst", "first", set_malloc},
	{"aslr", 0, NULL, "randomise each process's stack, heap and mmap bases (seeded by -s)", NULL, set_aslr},
	{"record", 0, "FILE", "write every reference (fetch, load, store, kernel copy) and address-space event "
	 "as a binary trace, for vmlab trace FILE (opt, other machines)", NULL, set_record},
	{"json", 0, NULL, "print the summary as JSON on stdout (default: text on stderr); with --memcheck, its report "
	 "too, one JSON object per line on stderr", NULL, set_json},
	{"memcheck", 0, NULL, "check every program as valgrind's memcheck does: invalid reads, writes and frees, "
	 "uses of undefined values, leaks at exit; the report goes to stderr, each line \"==PID== \"", NULL,
	 set_memcheck},
	{"leak-check", 0, "WHAT", "with --memcheck: no, summary or full (every loss record with its stack)", "full",
	 set_leak_check},
	{"show-leak-kinds", 0, "KINDS", "with --memcheck: the loss records shown, a list of definite, indirect, "
	 "possible and reachable, or all or none", "definite,possible", set_show_leak_kinds},
	{"error-exitcode", 0, "N", "with --memcheck: exit with status N when it found errors", "0 (the program's status)",
	 set_error_exitcode},
	{"track-origins", 0, "YES|NO", "with --memcheck: say where each undefined value was made (a heap or stack "
	 "allocation)", "no", set_track_origins},
	{"quiet", 'q', NULL, "with --memcheck: print errors only", NULL, set_quiet},
};

/* Takes a program string; its first word must name a file a program can
 * be (a .c file, or an ELF file no larger than vmlab accepts). */
static bool take_program(void *ctx, const char *arg, char *err, size_t errlen)
{
	struct run_args *a = ctx;
	char file[4096], why[300];
	const char *s = arg + strspn(arg, " \t");
	size_t n = strcspn(s, " \t");
	struct stat st;
	snprintf(file, sizeof file, "%.*s", (int)n, s);
	if (n && !opt_path(file, OPT_PATH_READ, why, sizeof why))
		return fail_msg(err, errlen, "program %s: %s", file, why);
	if (n && stat(file, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > ELF_MAX_FILE_SIZE)
		return fail_msg(err, errlen, "program %s: %lld bytes, larger than the %u MiB vmlab accepts for a program",
				file, (long long)st.st_size, ELF_MAX_FILE_SIZE >> 20);
	push_ptr(&a->programs, &a->nprograms, arg);
	return true;
}

/* Returns 0 to go on, or the exit status (-1: the help was printed). */
static int parse_args(struct run_args *a, int argc, char **argv)
{
	const struct opt_group groups[] = {
		{"run options", run_rows, ARRAY_LEN(run_rows), a},
		machine_opts_group(&a->mo),
	};
	const struct opt_cmd cmd = {"run", run_usage, groups, ARRAY_LEN(groups), take_program, a};
	switch (opt_parse(&cmd, argc, argv)) {
	case OPT_HELP: return -1;
	case OPT_USAGE: return CLI_USAGE;
	case OPT_OK: break;
	}
	if (!a->nprograms) {
		fprintf(stderr, "vmlab: run: name at least one program (try 'vmlab run --help')\n");
		return CLI_USAGE;
	}
	a->sc.path_dirs = a->path_dirs;
	a->sc.npath = a->npath;
	if (a->malloc_env[0])
		a->sc.env[a->sc.nenv++] = a->malloc_env;
	return 0;
}

/* Splits a program string into words at blanks (no quoting). */
static void split_words(const char *s, struct program *p)
{
	const char **words = NULL;
	int n = 0;
	while (*s) {
		s += strspn(s, " \t");
		size_t len = strcspn(s, " \t");
		if (!len)
			break;
		char *w = xmalloc(len + 1);
		memcpy(w, s, len);
		w[len] = '\0';
		push_ptr(&words, &n, w);
		s += len;
	}
	push_ptr(&words, &n, NULL);
	p->words = (char **)words;
	p->nwords = n - 1;
}

static void programs_free(struct program *progs, int n)
{
	for (int i = 0; i < n; i++) {
		for (int w = 0; w < progs[i].nwords; w++)
			free(progs[i].words[w]);
		free(progs[i].words);
		free(progs[i].path);
		free(progs[i].name);
	}
	free(progs);
}

/* Splits each program string into words and finds (or compiles) its
 * executable, registering it for execve under its name. Returns false after
 * a message; progs (a->nprograms of them) are filled as far as they got. */
static bool prepare_programs(struct run_args *a, struct program *progs, struct sched_program *sp)
{
	for (int i = 0; i < a->nprograms; i++) {
		split_words(a->programs[i], &progs[i]);
		if (!progs[i].nwords) {
			fprintf(stderr, "vmlab: run: an empty program string\n");
			return false;
		}
		char err[1024], path[4096];
		const char *word = progs[i].words[0];
		int same = 0; /* a program named before is compiled once */
		while (same < i && strcmp(progs[same].words[0], word))
			same++;
		if (same < i)
			snprintf(path, sizeof path, "%s", progs[same].path);
		else if (!guestcc_resolve(word, a->cflags, guestcc_layout(&a->mo.k.mmu), a->memcheck, path, sizeof path,
					  err, sizeof err)) {
			fprintf(stderr, "vmlab: %s\n", err);
			return false;
		}
		const char *base = strrchr(word, '/') ? strrchr(word, '/') + 1 : word;
		size_t n = strlen(base);
		if (n > 2 && !strcmp(base + n - 2, ".c"))
			n -= 2;
		progs[i].path = xstrdup(path);
		progs[i].name = xmalloc(n + 1);
		memcpy(progs[i].name, base, n);
		progs[i].name[n] = '\0';
		sp[i] = (struct sched_program){.name = progs[i].name, .word = progs[i].words[0], .path = progs[i].path};
	}
	a->sc.programs = sp;
	a->sc.nprograms = a->nprograms;
	return true;
}

static void report_kill(void *ctx, const struct proc *p)
{
	(void)ctx;
	fflush(stdout);
	fprintf(stderr, "vmlab: pid %d (%s): %s\n", p->pid, p->name, p->death);
}

/* --show-va: the leaf PTE mapping the address in p, or how the registers
 * of a contiguous mechanism translate it; one line. */
static void print_mapping(const struct run_args *a, const struct proc *p)
{
	struct pt_leaf leaf;
	char flags[16], how[200];
	vaddr_t va = a->va;
	if (a->k->cm) {
		cmem_explain_va(a->k, p, va, how, sizeof how);
		fprintf(stderr, "vmlab: pid %d (%s): %s%s\n", p->pid, p->name, strncmp(how, "va ", 3) ? "va: " : "", how);
		return;
	}
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

static void print_page_table(const struct proc *p)
{
	fprintf(stderr, "vmlab: pid %d (%s) exits; its page table:\n", p->pid, p->name);
	pt_print(&p->as.pt, stderr);
}

/* --show-mmu: p's translation registers as it exits (when), or its page
 * table under paging (as --show-pagetables, once when both are given). */
static void print_mmu(const struct run_args *a, const struct proc *p, const char *when)
{
	if (!a->k->cm) {
		if (!a->show_pt)
			print_page_table(p);
		return;
	}
	fprintf(stderr, "vmlab: pid %d (%s) %s; its %s registers:\n", p->pid, p->name, when, a->k->cfg.mmu.mech->name);
	cmem_describe_regs(a->k, p, "  ", stderr);
}

/* What --show-pagetables, --show-mmu and --show-va print as a process
 * ends, and what --report keeps of it. */
static void at_exit(void *ctx, const struct proc *p)
{
	const struct run_args *a = ctx;
	if (a->report.h)
		html_proc_exit(a->report.h, p);
	if (!a->show_va && !a->show_pt && !a->show_mmu)
		return;
	fflush(stdout);
	if (a->show_va)
		print_mapping(a, p);
	if (a->show_pt)
		print_page_table(p);
	if (a->show_mmu)
		print_mmu(a, p, "exits");
}

/* The exit status of vmlab for the first process (the first created, whose
 * record the kernel keeps after it is freed): its own, 128 + a signal. */
static int first_status(const struct kernel *k, int first_pid)
{
	struct proc_record r;
	if (k->nprocs == 0)
		return CLI_FAILED;
	kernel_listed_record(k, 0, &r);
	if (r.pid != first_pid)
		return CLI_FAILED;
	int st = r.wait_status;
	return (st & 0x7f) ? 128 + (st & 0x7f) : (st >> 8) & 0xff;
}

/* Starts every program on k; false after a message. */
static bool start_programs(struct sched *s, const struct program *progs, int n, int *first_pid)
{
	char err[600];
	for (int i = 0; i < n; i++) {
		int pid = sched_start(s, progs[i].path, progs[i].words, progs[i].nwords, err, sizeof err);
		if (!pid) {
			fprintf(stderr, "vmlab: %s\n", err);
			return false;
		}
		if (!*first_pid)
			*first_pid = pid;
	}
	return true;
}

/* Says how the run ended; returns vmlab's exit status. */
static int report_end(const struct run_args *a, struct sched *s, enum sched_end end, int first_pid)
{
	struct kernel *k = s->k;
	if (end == SCHED_HOST_ERROR) {
		fprintf(stderr, "vmlab: %s\n", k->error);
		return CLI_FAILED;
	}
	if (end == SCHED_LIMIT || end == SCHED_INTERRUPTED) {
		for (struct proc *p = k->alive; p; p = p->next_alive) {
			if (p->state == PROC_ZOMBIE)
				continue;
			if (a->show_va)
				print_mapping(a, p);
			if (a->show_mmu && k->cm)
				print_mmu(a, p, "at the end");
		}
		fprintf(stderr, "vmlab: stopped %s after %.3f s of virtual time\n",
			end == SCHED_LIMIT ? "by the limit" : "by Ctrl-C", (double)sched_now_ns(s) / 1e9);
		return 124;
	}
	return first_status(k, first_pid);
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

/* After each time slice: --vmstat's lines and --report's points. */
static void after_slice(void *ctx)
{
	struct run_args *a = ctx;
	if (a->vm)
		vmstat_tick(a->vm);
	if (a->report.h)
		html_tick(a->report.h);
}

static uint64_t run_clock(const void *ctx) { return sched_now_ns(ctx); }

/* Runs the machine to its end (recording it with --record) and prints the
 * summary; returns vmlab's exit status. */
static int run_machine(struct run_args *a, struct kernel *k, const struct program *progs)
{
	char err[600];
	k->on_kill = report_kill;
	a->k = k;
	k->on_exit = at_exit;
	k->on_exit_ctx = a;
	struct recorder *rec = NULL;
	if (a->record && !(rec = record_start(k, a->record, err, sizeof err))) {
		fprintf(stderr, "vmlab: --record %s\n", err);
		return CLI_USAGE;
	}
	a->mc.json = a->json; /* the errors as data too */
	struct memcheck *mc = a->memcheck ? memcheck_new(k, &a->mc, stderr) : NULL;
	for (int i = 0; mc && i < a->nprograms; i++) {
		if (!memcheck_add_program(mc, progs[i].path, err, sizeof err)) {
			fprintf(stderr, "vmlab: --memcheck: %s\n", err);
			memcheck_free(mc);
			return CLI_FAILED;
		}
	}
	struct sched s;
	struct vmstat vm;
	sched_init(&s, k, &a->sc);
	s.cfg.on_slice = after_slice;
	s.cfg.on_slice_ctx = a;
	if (a->vmstat_ns) {
		vmstat_init(&vm, &s, a->vmstat_ns, stderr);
		a->vm = &vm;
	}
	int first_pid = 0, status = CLI_USAGE;
	enum sched_end end = SCHED_DONE;
	if (report_open(&a->report, k, HTML_RUN, a->argc, a->argv, run_clock, &s) &&
	    start_programs(&s, progs, a->nprograms, &first_pid)) {
		end = sched_run(&s);
		if (a->vmstat_ns)
			vmstat_finish(&vm);
		fflush(stdout);
		status = report_end(a, &s, end, first_pid);
		print_summary(a, &s);
	}
	if (!report_close(&a->report) && status == CLI_OK)
		status = CLI_FAILED;
	sched_fini(&s);
	if (mc && a->error_exitcode && memcheck_errors(mc))
		status = a->error_exitcode;
	memcheck_free(mc);
	if (!record_finish(rec, err, sizeof err) && end != SCHED_HOST_ERROR) {
		fprintf(stderr, "vmlab: --record %s\n", err);
		status = CLI_FAILED;
	}
	return status;
}

static int run_programs(struct run_args *a)
{
	char err[600];
	int status = CLI_USAGE;
	struct program *progs = xcalloc((size_t)a->nprograms, sizeof *progs);
	struct sched_program *sp = xcalloc((size_t)a->nprograms, sizeof *sp);
	if (prepare_programs(a, progs, sp)) {
		struct kernel *k = kernel_new(&a->mo.k, err, sizeof err);
		if (k) {
			status = run_machine(a, k, progs);
			kernel_free(k);
		} else {
			fprintf(stderr, "vmlab: %s\n", err);
		}
	}
	programs_free(progs, a->nprograms);
	free(sp);
	return status;
}

/* Whether a running program can give the policy what it needs: not the
 * future (opt, unopt) nor a report of every reference (mru); false after a
 * message saying how to get it. */
static bool policy_knowable(const struct policy_ops *pol)
{
	if (!pol->needs_future && !pol->needs_touch)
		return true;
	fprintf(stderr, "vmlab: run: --policy %s needs %s, which a running program does not %s;\n"
			"record the run and replay the recording: vmlab run --record prog.vmt ... PROGRAM,\n"
			"then vmlab trace --policy %s prog.vmt (with the same machine options)\n",
		pol->name, pol->needs_future ? "the future" : "every reference reported", pol->needs_future ? "know" : "give",
		pol->name);
	return false;
}

/* --show-pagetables and --show-va read page tables: only under paging;
 * false after a message naming the option and the mechanism. */
static bool shows_fit_mechanism(const struct run_args *a)
{
	const struct mmu_mech *mech = a->mo.k.mmu.mech;
	if (mech->kind == MMU_MECH_PAGING || !a->show_pt)
		return true;
	fprintf(stderr, "vmlab: run: --show-pagetables: %s has no page tables (--show-mmu prints its registers)\n",
		mech->name);
	return false;
}

/* --memcheck reads page tables and watches a run it does not record; its
 * options mean nothing without it. false after a message. */
static bool memcheck_fits(const struct run_args *a)
{
	const char *why = NULL;
	if (a->memcheck && a->record)
		why = "--memcheck and --record cannot go together: the checker's requests are not in a trace";
	else if (a->memcheck && a->mo.k.mmu.mech->kind != MMU_MECH_PAGING)
		why = "--memcheck needs paging (its checks read page tables)";
	else if (a->vmstat_ns && a->mo.k.mmu.mech->kind != MMU_MECH_PAGING)
		why = "--vmstat needs paging (its columns count frames and pages)";
	else if (!a->memcheck && (a->error_exitcode || a->mc.quiet || a->mc.leak_check != MEMCHECK_LEAKS_FULL ||
				  a->mc.show_kinds != MEMCHECK_SHOW_DEFAULT || a->mc.track_origins))
		why = "--leak-check, --show-leak-kinds, --error-exitcode, --track-origins and -q go with --memcheck";
	if (why)
		fprintf(stderr, "vmlab: run: %s\n", why);
	return why == NULL;
}

/* Fills *a from the command line and checks it; returns 0 to go on, or
 * the exit status (-1: the help was printed). Free a's arrays with
 * run_args_free either way. */
static int run_args_parse(struct run_args *a, int argc, char **argv)
{
	memset(a, 0, sizeof *a);
	a->mc.leak_check = MEMCHECK_LEAKS_FULL;
	a->mc.show_kinds = MEMCHECK_SHOW_DEFAULT;
	machine_opts_defaults(&a->mo);
	a->sc.quantum_insns = 100000;
	a->sc.max_procs = SCHED_DEFAULT_MAX_PROCS;
	a->sc.insn_ns = 1;
	a->sc.out = stdout;
	a->sc.err = stderr;
	a->sc.in = stdin;
	a->sc.interrupted = &interrupted;
	a->argc = argc, a->argv = argv;
	int st = parse_args(a, argc, argv);
	if (st)
		return st;
	a->mo.k.strict = true; /* programs have real regions: anything else is a segmentation fault */
	return machine_opts_finish(&a->mo) && machine_opts_fit_programs(&a->mo) && policy_knowable(a->mo.k.policy) &&
			       shows_fit_mechanism(a) && memcheck_fits(a)
		       ? 0
		       : CLI_USAGE;
}

static void run_args_free(struct run_args *a)
{
	free(a->programs);
	free(a->path_dirs);
}

int cli_run_check(int argc, char **argv)
{
	struct run_args a;
	int st = run_args_parse(&a, argc, argv);
	run_args_free(&a);
	return st < 0 ? CLI_OK : st;
}

int cli_run(int argc, char **argv)
{
	struct run_args a;
	int st = run_args_parse(&a, argc, argv);
	if (!st) {
		/* from here on Ctrl-C stops the run cleanly; without SA_RESTART it
		 * also ends a host read the programs wait in (their stdin) */
		struct sigaction sa = {.sa_handler = on_sigint};
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
		st = run_programs(&a);
	}
	run_args_free(&a);
	return st < 0 ? CLI_OK : st;
}
