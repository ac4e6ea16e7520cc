/* `vmlab trace`: replay a memory trace through the kernel and the MMU. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/options.h"
#include "cli/report.h"
#include "report/summary.h"
#include "trace/replay.h"

static const char trace_usage[] =
	"usage: vmlab trace [options] [FILE|-]\n"
	"Replays a memory trace (default: standard input) and prints what the TLB,\n"
	"the page tables and the kernel did.\n";

struct trace_args {
	struct machine_opts mo;
	struct trace_reader_opts ro;
	const char *path;
	const char *backing;
	const char *write_binary;  /* --write-binary OUT, or NULL */
	bool verbose, json;
	struct report_file report; /* --report */
	int argc;                  /* the command line, the report's title */
	char **argv;
	struct region regions[16];
	int region_pid[16];
	const char *region_text[16]; /* as given, for messages */
	int nregions;
};

static bool parse_addr(const char *s, char **end, uint64_t *out)
{
	errno = 0;
	*out = strtoull(s, end, 0);
	return errno == 0 && *end != s;
}

/* [PID:]START-END[:rwxs]; w implies r. The page-table format checks the
 * bounds later (regions_fit). */
static bool parse_region(struct trace_args *a, const char *v)
{
	char *end;
	uint64_t x, start, stop;
	int pid = -1;
	const char *s = v;
	if (a->nregions == 16)
		return false;
	if (!parse_addr(s, &end, &x))
		return false;
	if (*end == ':') {
		if (x > INT32_MAX)
			return false;
		pid = (int)x;
		s = end + 1;
		if (!parse_addr(s, &end, &x))
			return false;
	}
	start = x;
	if (*end != '-' || !parse_addr(end + 1, &end, &stop) || stop <= start)
		return false;
	unsigned prot = PTE_R | PTE_W;
	enum region_kind kind = REGION_ANON;
	if (*end == ':') {
		prot = 0;
		for (const char *c = end + 1; *c; c++) {
			if (*c == 'r')
				prot |= PTE_R;
			else if (*c == 'w')
				prot |= PTE_R | PTE_W; /* RISC-V has no write-only pages (as for ELF and mmap) */
			else if (*c == 'x')
				prot |= PTE_X;
			else if (*c == 's')
				kind = REGION_STACK;
			else if (*c != '-')
				return false;
		}
	} else if (*end) {
		return false;
	}
	a->regions[a->nregions] = (struct region){.start = start, .end = stop, .prot = prot, .kind = kind};
	a->region_text[a->nregions] = v;
	a->region_pid[a->nregions++] = pid;
	return true;
}

/* ---- trace options: one setter each ---- */

static bool set_format(void *ctx, const char *v, char *err, size_t errlen)
{
	struct trace_args *a = ctx;
	return trace_format_parse(v, &a->ro.format) ||
	       fail_msg(err, errlen, "expects auto, plain, pages, lackey, textbook or binary");
}

static bool set_backing_store(void *ctx, const char *v, char *err, size_t errlen)
{
	if (!opt_path(v, OPT_PATH_READ, err, errlen))
		return false;
	((struct trace_args *)ctx)->backing = v;
	return true;
}

static bool set_region(void *ctx, const char *v, char *err, size_t errlen)
{
	return parse_region(ctx, v) || fail_msg(err, errlen, "expects [PID:]START-END[:rwxs] (at most 16)");
}

static bool set_strict(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct trace_args *)ctx)->mo.k.strict = true;
	return true;
}

static bool set_skip_bad(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct trace_args *)ctx)->ro.skip_bad = true;
	return true;
}

static bool set_write_binary(void *ctx, const char *v, char *err, size_t errlen)
{
	if (!opt_path(v, OPT_PATH_WRITE, err, errlen))
		return false;
	((struct trace_args *)ctx)->write_binary = v;
	return true;
}

static bool set_report(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	((struct trace_args *)ctx)->report.path = v;
	return true;
}

static bool set_verbose(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct trace_args *)ctx)->verbose = true;
	return true;
}

static bool set_json(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct trace_args *)ctx)->json = true;
	return true;
}

/* One row per option (cli/opt.h): a new option is a row here and its setter
 * above. */
static const struct opt trace_rows[] = {
	{"format", 0, "F", "auto, plain, pages, lackey, textbook or binary", "auto", set_format},
	{"backing-store", 0, "FILE", "textbook format: the pages' contents", NULL, set_backing_store},
	{"region", 0, "[PID:]START-END[:rwxs]", "declare a region of whole pages (w implies r; s: a stack that "
	 "grows down; repeatable)", NULL, set_region},
	{"strict", 0, NULL, "an address outside every declared region is a segmentation fault", NULL, set_strict},
	{"skip-bad", 0, NULL, "report bad trace lines and carry on", NULL, set_skip_bad},
	{"write-binary", 0, "OUT", "also write the records read (bad lines skipped) to OUT as a binary trace, "
	 "which replays fastest", NULL, set_write_binary},
	{"report", 0, "FILE", "write an HTML report of the replay to FILE: physical memory over time, address "
	 "spaces, page tables, the TLB, faults and the working set over time", NULL, set_report},
	{NULL, 'v', NULL, "explain every access", NULL, set_verbose},
	{"json", 0, NULL, "print the summary as one JSON object", NULL, set_json},
};

static bool take_trace(void *ctx, const char *arg, char *err, size_t errlen)
{
	struct trace_args *a = ctx;
	if (a->path)
		return fail_msg(err, errlen, "one trace at a time ('%s' and '%s')", a->path, arg);
	a->path = arg;
	return true;
}

/* Returns 0 to go on, or the exit status (-1: the help was printed). */
static int parse_args(struct trace_args *a, int argc, char **argv)
{
	const struct opt_group groups[] = {
		{"trace options", trace_rows, ARRAY_LEN(trace_rows), a},
		machine_opts_group(&a->mo),
	};
	const struct opt_cmd cmd = {"trace", trace_usage, groups, ARRAY_LEN(groups), take_trace, a};
	switch (opt_parse(&cmd, argc, argv)) {
	case OPT_HELP: return -1;
	case OPT_USAGE: return CLI_USAGE;
	case OPT_OK: break;
	}
	char why[300];
	if (a->path && strcmp(a->path, "-") && !opt_path(a->path, OPT_PATH_READ, why, sizeof why)) {
		fprintf(stderr, "vmlab: trace: %s: %s\n", a->path, why);
		return CLI_USAGE;
	}
	return 0;
}

/* Opens the textbook backing store and checks it covers the address space;
 * false after a message. */
static bool open_backing(const struct trace_args *a, const struct pt_format *fmt, struct region *r)
{
	uint64_t need = 1ull << fmt->va_bits;
	char err[300];
	struct vfile *f = vfile_open(a->backing, err, sizeof err);
	if (!f) {
		fprintf(stderr, "vmlab: --backing-store %s\n", err);
		return false;
	}
	if (f->size < need) {
		fprintf(stderr, "vmlab: --backing-store %s: holds %" PRIu64 " bytes but the %u-bit address space needs %" PRIu64 "\n",
			a->backing, f->size, fmt->va_bits, need);
		vfile_put(f);
		return false;
	}
	*r = (struct region){.start = 0, .end = need, .prot = PTE_R, .kind = REGION_FILE, .file = f, .file_len = need};
	return true;
}

static void report_kill(void *ctx, const struct proc *p)
{
	(void)ctx;
	fprintf(stderr, "vmlab: pid %d: %s\n", p->pid, p->death);
}

static void textbook_trailer(const struct kernel *k, const struct replay_stats *st)
{
	uint64_t faults = k->c.minor_faults + k->c.major_faults;
	double n = st->refs ? (double)st->refs : 1;
	printf("Number of Translated Addresses = %" PRIu64 "\n", st->refs);
	printf("Page Faults = %" PRIu64 "\n", faults);
	printf("Page Fault Rate = %.3f\n", (double)faults / n);
	printf("TLB Hits = %" PRIu64 "\n", st->tlb_hits);
	printf("TLB Hit Rate = %.3f\n", (double)st->tlb_hits / n);
}

/* Whether the two paths name the same existing file. */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* --write-binary: the copy every record read goes to; NULL after a message
 * (or when not asked for: then *ok stays true). */
static struct trace_writer *open_copy(const struct trace_args *a, struct trace_reader *r, bool *ok)
{
	char err[400];
	*ok = true;
	if (!a->write_binary)
		return NULL;
	if (a->path && same_file(a->path, a->write_binary)) {
		fprintf(stderr, "vmlab: --write-binary %s: that is the trace being read\n", a->write_binary);
		*ok = false;
		return NULL;
	}
	struct trace_writer *w = trace_writer_open(a->write_binary, err, sizeof err);
	if (!w) {
		fprintf(stderr, "vmlab: --write-binary %s\n", err);
		*ok = false;
		return NULL;
	}
	trace_tee(r, w);
	return w;
}

/* What --report keeps of a process as it ends (the kernel's on_exit). */
static void at_exit(void *ctx, const struct proc *p) { html_proc_exit(ctx, p); }

/* Replays r and prints what happened; returns vmlab's exit status. */
static int replay_and_report(struct trace_args *a, struct kernel *k, struct trace_reader *r,
			     const struct region *backing, bool textbook)
{
	char err[400];
	static const int every_pid = -1;
	struct replay_opts ro = {
		.explain = a->verbose ? stdout : NULL,
		.textbook = textbook ? stdout : NULL,
		.regions = textbook ? backing : a->regions,
		.region_pids = textbook ? &every_pid : a->region_pid,
		.nregions = textbook ? 1 : a->nregions,
		.name = a->path && strcmp(a->path, "-") ? a->path : "<stdin>",
		.skip_bad = a->ro.skip_bad,
	};
	if (!report_open(&a->report, k, HTML_TRACE, a->argc, a->argv, NULL, NULL))
		return CLI_USAGE;
	if (a->report.h) {
		k->on_exit = at_exit;
		k->on_exit_ctx = a->report.h;
		ro.on_ref = html_ref;
		ro.on_ref_ctx = a->report.h;
	}
	struct replay_stats st;
	int failed = replay_run(k, r, &ro, &st, err, sizeof err);
	if (!report_close(&a->report))
		return CLI_FAILED;
	if (failed) {
		fprintf(stderr, "vmlab: %s\n", err);
		return k->error[0] ? CLI_FAILED : CLI_USAGE;
	}
	if (textbook) {
		textbook_trailer(k, &st);
		return CLI_OK;
	}
	struct summary_input in = {st.refs, st.tlb_hits, st.tlb_misses, kernel_sim_ns(k), false, 0};
	if (a->json)
		summary_json(stdout, k, &in);
	else
		summary_print(stdout, k, &in);
	return CLI_OK;
}

static int run_trace(struct trace_args *a)
{
	char err[400];
	struct region backing_region = {0};
	int status = CLI_USAGE;
	bool textbook = a->ro.format == TRACE_TEXTBOOK || a->backing, copy_ok;
	if (textbook) {
		a->ro.format = TRACE_TEXTBOOK;
		if (!a->backing) {
			fprintf(stderr, "vmlab: --format textbook needs --backing-store FILE\n");
			return CLI_USAGE;
		}
		if (!open_backing(a, &a->mo.k.fmt, &backing_region))
			return CLI_USAGE;
	}
	a->ro.page_shift = a->mo.k.fmt.page_shift;
	struct trace_reader *r = trace_open(a->path ? a->path : "-", &a->ro, err, sizeof err);
	if (!r) {
		fprintf(stderr, "vmlab: %s\n", err);
		goto out_fd;
	}
	struct trace_writer *copy = open_copy(a, r, &copy_ok);
	if (!copy_ok)
		goto out_reader;
	struct kernel *k = kernel_new(&a->mo.k, err, sizeof err);
	if (!k) {
		fprintf(stderr, "vmlab: %s\n", err);
	} else {
		k->on_kill = report_kill;
		status = replay_and_report(a, k, r, &backing_region, textbook);
		kernel_free(k);
	}
	bool said = copy && !trace_writer_ok(copy, NULL, 0); /* the replay stopped and said why */
	if (!trace_writer_close(copy, err, sizeof err)) {
		if (!said)
			fprintf(stderr, "vmlab: --write-binary %s\n", err);
		status = CLI_FAILED;
	}
out_reader:
	trace_close(r);
out_fd:
	vfile_put(backing_region.file);
	return status;
}

/* Whether every --region fits the page-table format (page-aligned, inside
 * the VA space); false after a message naming the first that does not. */
static bool regions_fit(const struct trace_args *a)
{
	char err[300];
	for (int i = 0; i < a->nregions; i++) {
		if (!replay_region_check(&a->mo.k.fmt, &a->regions[i], err, sizeof err)) {
			fprintf(stderr, "vmlab: --region %s: %s\n", a->region_text[i], err);
			return false;
		}
	}
	return true;
}

/* Fills *a from the command line and checks it; returns 0 to go on, or
 * the exit status (-1: the help was printed). */
static int trace_args_parse(struct trace_args *a, int argc, char **argv)
{
	memset(a, 0, sizeof *a);
	machine_opts_defaults(&a->mo);
	a->ro = (struct trace_reader_opts)TRACE_READER_OPTS_INIT;
	a->argc = argc, a->argv = argv;
	int st = parse_args(a, argc, argv);
	if (st)
		return st;
	if (!machine_opts_finish(&a->mo))
		return CLI_USAGE;
	return regions_fit(a) ? 0 : CLI_USAGE;
}

int cli_trace_check(int argc, char **argv)
{
	struct trace_args a;
	int st = trace_args_parse(&a, argc, argv);
	return st < 0 ? CLI_OK : st;
}

int cli_trace(int argc, char **argv)
{
	struct trace_args a;
	int st = trace_args_parse(&a, argc, argv);
	if (st)
		return st < 0 ? CLI_OK : st;
	return run_trace(&a);
}
