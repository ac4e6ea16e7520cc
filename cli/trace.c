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
#include "report/summary.h"
#include "trace/replay.h"

static const char trace_help[] =
	"usage: vmlab trace [options] [FILE|-]\n"
	"Replays a memory trace (default: standard input) and prints what the TLB,\n"
	"the page tables and the kernel did.\n\n"
	"trace options:\n"
	"  --format F           auto (default), plain, pages, lackey, textbook, binary\n"
	"  --backing-store FILE textbook format: the pages' contents\n"
	"  --region [PID:]START-END[:rwxs]  declare a region (s: a stack that grows down; repeatable)\n"
	"  --strict             an address outside every declared region is a segmentation fault\n"
	"  --skip-bad           report bad trace lines and carry on\n"
	"  --write-binary OUT   also write the records read (bad lines skipped) to OUT in the\n"
	"                       binary format, which replays fastest\n"
	"  -v                   explain every access\n"
	"  --json               print the summary as one JSON object\n\n";

struct trace_args {
	struct machine_opts mo;
	struct trace_reader_opts ro;
	const char *path;
	const char *backing;
	const char *write_binary;  /* --write-binary OUT, or NULL */
	bool verbose, json;
	struct region regions[16];
	int region_pid[16];
	int nregions;
};

static bool parse_addr(const char *s, char **end, uint64_t *out)
{
	errno = 0;
	*out = strtoull(s, end, 0);
	return errno == 0 && *end != s;
}

/* [PID:]START-END[:rwx] */
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
				prot |= PTE_W;
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
	a->region_pid[a->nregions++] = pid;
	return true;
}

static int parse_args(struct trace_args *a, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		int got = machine_opts_parse(&a->mo, argc, argv, &i);
		if (got < 0)
			return CLI_USAGE;
		if (got > 0)
			continue;
		const char *opt = argv[i];
		if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
			printf("%s%s", trace_help, machine_opts_help);
			return -1;
		} else if (!strcmp(opt, "-v")) {
			a->verbose = true;
		} else if (!strcmp(opt, "--json")) {
			a->json = true;
		} else if (!strcmp(opt, "--skip-bad")) {
			a->ro.skip_bad = true;
		} else if (!strcmp(opt, "--format") || !strcmp(opt, "--backing-store") || !strcmp(opt, "--region") ||
			   !strcmp(opt, "--write-binary")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "vmlab: %s needs a value\n", opt);
				return CLI_USAGE;
			}
			const char *v = argv[++i];
			if (!strcmp(opt, "--backing-store")) {
				a->backing = v;
			} else if (!strcmp(opt, "--write-binary")) {
				a->write_binary = v;
			} else if (!strcmp(opt, "--region")) {
				if (!parse_region(a, v)) {
					fprintf(stderr, "vmlab: --region %s: expects [PID:]START-END[:rwxs] (at most 16)\n", v);
					return CLI_USAGE;
				}
			} else if (!trace_format_parse(v, &a->ro.format)) {
				fprintf(stderr, "vmlab: --format %s: expects auto, plain, pages, lackey, textbook or binary\n", v);
				return CLI_USAGE;
			}
		} else if (opt[0] == '-' && opt[1] != '\0') {
			fprintf(stderr, "vmlab: trace: unknown option '%s' (try 'vmlab trace --help')\n", opt);
			return CLI_USAGE;
		} else if (a->path) {
			fprintf(stderr, "vmlab: trace: one trace at a time ('%s' and '%s')\n", a->path, opt);
			return CLI_USAGE;
		} else {
			a->path = opt;
		}
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
		fprintf(stderr, "vmlab: cannot open the backing store %s\n", err);
		return false;
	}
	if (f->size < need) {
		fprintf(stderr, "vmlab: %s: the backing store holds %" PRIu64 " bytes but the %u-bit address space needs %" PRIu64 "\n",
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
	struct replay_stats st;
	if (replay_run(k, r, &ro, &st, err, sizeof err) != 0) {
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

int cli_trace(int argc, char **argv)
{
	struct trace_args a;
	memset(&a, 0, sizeof a);
	machine_opts_defaults(&a.mo);
	a.ro = (struct trace_reader_opts)TRACE_READER_OPTS_INIT;
	int st = parse_args(&a, argc, argv);
	if (st)
		return st < 0 ? CLI_OK : st;
	if (!machine_opts_finish(&a.mo))
		return CLI_USAGE;
	return run_trace(&a);
}
