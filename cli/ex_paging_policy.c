/* paging-policy: vm-beyondphys-policy/paging-policy.py (OSTEP ch. 22), a
 * reference string through a page cache, every replacement chosen by the
 * kernel's own policy (os/policy.h) over frames that are the cache's slots:
 * FIFO fifo, LRU lru, MRU mru, OPT opt and UNOPT unopt (ties by insertion, as
 * the script scans its list), RAND random and CLOCK rclock (drawing from the
 * script's random stream; CLOCK's -b counters are the frames' reference
 * bits). The exercise keeps what the script prints: which page is in which
 * frame, and the order its list shows them in (of insertion; of last use for
 * LRU and MRU). */
#include "cli/exercise.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "os/policy.h"

#define PROG "paging-policy.py"
#define NEVER UINT64_MAX

/* A policy as the script names it, and how its list is shown. */
struct pp_policy {
	const char *name;
	const struct policy_ops *ops;
	const char *left, *right; /* the ends of the list in the trace */
	bool by_recency;          /* the list is in order of last use (else of insertion) */
	const char *empty;        /* the IndexError of a replacement in an empty cache */
};

static const struct pp_policy pp_policies[] = {
	{"FIFO", &policy_fifo_ops, "FirstIn", "Lastin ", false, "pop from empty list"},
	{"LRU", &policy_lru_ops, "LRU", "MRU", true, "pop from empty list"},
	{"MRU", &policy_mru_ops, "LRU", "MRU", true, "pop from empty list"},
	{"OPT", &policy_opt_ops, "Left ", "Right", false, "pop from empty list"},
	{"RAND", &policy_random_ops, "Left ", "Right", false, "pop from empty list"},
	{"UNOPT", &policy_unopt_ops, "Left ", "Right", false, "pop from empty list"},
	{"CLOCK", &policy_rclock_ops, "Left ", "Right", false, "list index out of range"},
};

static const struct pp_policy *pp_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(pp_policies); i++)
		if (!strcmp(pp_policies[i].name, name))
			return &pp_policies[i];
	return NULL;
}

/* The reference string: each entry's page, or (bad) the text int() refuses. */
struct pp_refs {
	int64_t *page;
	const char **text; /* -a's entries (NULL for generated or read ones) */
	size_t *len;
	bool *bad;
	uint64_t *next_use; /* the index of the page's next reference, or NEVER */
	size_t n, cap;
};

static void refs_add(struct pp_refs *rs, int64_t page, const char *text, size_t len, bool bad)
{
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? 2 * rs->cap : 16;
		rs->page = xrealloc(rs->page, rs->cap * sizeof *rs->page);
		rs->text = xrealloc(rs->text, rs->cap * sizeof *rs->text);
		rs->len = xrealloc(rs->len, rs->cap * sizeof *rs->len);
		rs->bad = xrealloc(rs->bad, rs->cap * sizeof *rs->bad);
	}
	rs->page[rs->n] = page;
	rs->text[rs->n] = text;
	rs->len[rs->n] = len;
	rs->bad[rs->n++] = bad;
}

static void refs_free(struct pp_refs *rs)
{
	free(rs->page);
	free(rs->text);
	free(rs->len);
	free(rs->bad);
	free(rs->next_use);
}

/* next_use of every entry: the next entry with the same page (bad ones
 * match nothing), by a scan from each entry (the script's own cost). */
static void refs_next_uses(struct pp_refs *rs)
{
	rs->next_use = xmalloc((rs->n ? rs->n : 1) * sizeof *rs->next_use);
	for (size_t i = 0; i < rs->n; i++) {
		rs->next_use[i] = NEVER;
		for (size_t j = i + 1; j < rs->n && !rs->bad[i]; j++)
			if (!rs->bad[j] && rs->page[j] == rs->page[i]) {
				rs->next_use[i] = j;
				break;
			}
	}
}

/* -a's comma-separated entries, each int() of its text. */
static void refs_split(struct pp_refs *rs, const char *list)
{
	for (const char *p = list;; p++) {
		size_t n = strcspn(p, ",");
		int64_t page = 0;
		bool ok = py_int(p, n, &page);
		refs_add(rs, page, p, n, !ok);
		p += n;
		if (!*p)
			break;
	}
}

/* Python's repr of a str of plain characters ('5x\n'). */
static void py_repr(char *out, size_t cap, const char *s, size_t n)
{
	char q = memchr(s, '\'', n) && !memchr(s, '"', n) ? '"' : '\'';
	size_t k = 0;
	out[k++] = q;
	for (size_t i = 0; i < n && k + 5 < cap; i++) {
		const char *esc = s[i] == '\n' ? "\\n" : s[i] == '\t' ? "\\t" : s[i] == '\r' ? "\\r" : s[i] == '\\' ? "\\\\" : NULL;
		if (s[i] == q)
			out[k++] = '\\', out[k++] = q;
		else if (esc)
			k += (size_t)snprintf(out + k, cap - k, "%s", esc);
		else
			out[k++] = s[i];
	}
	out[k++] = q;
	out[k] = '\0';
}

/* open() of the script's address file failing: its OSError. */
static int bad_file(const char *path, int err)
{
	char what[600];
	const char *name = err == ENOENT ? "FileNotFoundError" : err == EISDIR ? "IsADirectoryError"
			 : err == EACCES ? "PermissionError" : "OSError";
	snprintf(what, sizeof what, "[Errno %d] %s: '%.500s'", err, strerror(err), path);
	return py_raise(PROG, name, what);
}

/* int() of a line of -f refused it: its ValueError, the line shown as
 * Python's repr (or, for digits beyond 64 bits, vmlab's message). */
static int bad_line(const char *line, size_t n)
{
	char what[300];
	size_t t = strcspn(line, "\n"), sign = line[0] == '-' || line[0] == '+';
	if (t > 18 && strspn(line + sign, "0123456789") == t - sign)
		return bad_int(PROG, line, t);
	snprintf(what, sizeof what, "invalid literal for int() with base 10: ");
	py_repr(what + strlen(what), sizeof what - strlen(what), line, n);
	return py_raise(PROG, "ValueError", what);
}

/* -f's lines, each int() of the line; 0, or the exit status after the exception. */
static int refs_read(struct pp_refs *rs, const char *path)
{
	struct stat st;
	FILE *f = fopen(path, "r");
	if (!f)
		return bad_file(path, errno);
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		return bad_file(path, EISDIR);
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	int status = 0;
	while (status == 0 && (got = getline(&line, &cap, f)) > 0) {
		int64_t page;
		if (py_int(line, (size_t)got, &page)) {
			refs_add(rs, page, NULL, 0, false);
			continue;
		}
		status = bad_line(line, (size_t)got);
	}
	free(line);
	fclose(f);
	return status;
}

/* ---- the cache: the policy's frames ---- */

struct pp_cache {
	const struct pp_policy *pol;
	struct policy policy;
	struct ex_run *run;
	struct pyrandom *r;
	int64_t cachesize, clockbits;
	uint64_t nframes, count;  /* frames, and pages in them */
	int64_t *page_of;         /* per frame: its page */
	uint64_t *inserted;       /* per frame: when its page came in */
	uint64_t *last_use;       /* per frame: its page's last reference (env.last_use) */
	uint64_t *next_of;        /* per frame: its page's next reference */
	int64_t *ref;             /* per frame: CLOCK's reference count */
	uint64_t now;             /* references so far */
	uint64_t drawn, of;       /* the last draw: int(of * random()) */
	bool explain;             /* the callbacks explain their answers */
};

/* CLOCK's counters as the frames' reference bits: a probe takes one off. */
static bool pp_take_reference(void *ctx, pfn_t f)
{
	struct pp_cache *c = ctx;
	bool spared = c->ref[f] >= 1;
	if (c->explain)
		ex_explain(c->run, "probe position int(%" PRIu64 " * random()) = %" PRIu64 ": page %" PRId64
			   ", reference count %" PRId64 "%s", c->of, c->drawn, c->page_of[f], c->ref[f],
			   spared ? ", taken down by one: spared" : ": the victim");
	if (spared)
		c->ref[f]--;
	return spared;
}

static bool pp_no_bit(void *ctx, pfn_t f) { (void)ctx, (void)f; return false; }

/* int(n * random.random()), the script's draws for RAND and CLOCK. */
static uint64_t pp_random_below(void *ctx, uint64_t n)
{
	struct pp_cache *c = ctx;
	c->of = n;
	return c->drawn = (uint64_t)pyrandom_scaled(c->r, (double)n);
}

static void pp_init(struct pp_cache *c, const struct pp_policy *pol, struct ex_run *run, struct pyrandom *r,
		       int64_t cachesize, int64_t clockbits, size_t nrefs)
{
	memset(c, 0, sizeof *c);
	c->pol = pol, c->run = run, c->r = r, c->cachesize = cachesize, c->clockbits = clockbits;
	/* more frames than references never fill; a cache of size <= 0 never replaces */
	c->nframes = cachesize > 0 && (uint64_t)cachesize < nrefs ? (uint64_t)cachesize : cachesize == 0 ? 0 : nrefs;
	uint64_t n = c->nframes ? c->nframes : 1;
	c->page_of = xcalloc(n, sizeof *c->page_of);
	c->inserted = xcalloc(n, sizeof *c->inserted);
	c->last_use = xcalloc(n, sizeof *c->last_use);
	c->next_of = xcalloc(n, sizeof *c->next_of);
	c->ref = xcalloc(n, sizeof *c->ref);
	c->explain = run->mode != EX_PRINT;
	struct policy_env env = {
		.nframes = c->nframes,
		.random_below = pp_random_below,
		.random_ctx = c,
		.ties = POLICY_TIES_INSERTION,
		.test_and_clear_accessed = pp_take_reference,
		.is_accessed = pp_no_bit,
		.is_dirty = pp_no_bit,
		.ctx = c,
		.last_use = c->last_use,
	};
	policy_init(&c->policy, pol->ops, &env);
}

static void pp_fini(struct pp_cache *c)
{
	policy_fini(&c->policy);
	free(c->page_of);
	free(c->inserted);
	free(c->last_use);
	free(c->next_of);
	free(c->ref);
}

/* The frame holding page, or NONE. */
static uint64_t pp_lookup(const struct pp_cache *c, int64_t page)
{
	for (uint64_t f = 0; f < c->count; f++)
		if (c->page_of[f] == page)
			return f;
	return POLICY_NONE;
}

struct pp_slot {
	uint64_t key;
	int64_t page;
};

static int slot_cmp(const void *a, const void *b)
{
	uint64_t x = ((const struct pp_slot *)a)->key, y = ((const struct pp_slot *)b)->key;
	return (x > y) - (x < y);
}

/* The script's list, as Python prints it ("[8, 7, 4]"): the pages in order
 * of insertion (of last use for LRU and MRU). The caller frees it. */
static char *pp_list(const struct pp_cache *c)
{
	struct pp_slot *order = xmalloc((c->count ? c->count : 1) * sizeof *order);
	const uint64_t *key = c->pol->by_recency ? c->last_use : c->inserted;
	for (uint64_t f = 0; f < c->count; f++)
		order[f] = (struct pp_slot){.key = key[f], .page = c->page_of[f]};
	qsort(order, c->count, sizeof *order, slot_cmp);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	if (!out)
		panic("out of host memory");
	fputc('[', out);
	for (uint64_t i = 0; i < c->count; i++)
		fprintf(out, "%s%" PRId64, i ? ", " : "", order[i].page);
	fputc(']', out);
	fclose(out);
	free(order);
	return text;
}

/* Why the policy's victim (in frame v) is the one the script replaces. */
static void explain_victim(struct pp_cache *c, uint64_t v)
{
	const char *name = c->pol->name;
	int64_t page = c->page_of[v];
	uint64_t nevers = 0;
	for (uint64_t f = 0; f < c->count; f++)
		nevers += c->next_of[f] == NEVER;
	if (!strcmp(name, "FIFO"))
		ex_explain(c->run, "FIFO replaces page %" PRId64 ", the first in (since access %" PRIu64 ")", page, c->inserted[v]);
	else if (!strcmp(name, "LRU"))
		ex_explain(c->run, "LRU replaces page %" PRId64 ", the least recently used (last at access %" PRIu64 ")", page,
			   c->last_use[v]);
	else if (!strcmp(name, "MRU"))
		ex_explain(c->run, "MRU replaces page %" PRId64 ", the most recently used (at access %" PRIu64 ")", page,
			   c->last_use[v]);
	else if (!strcmp(name, "OPT") && c->next_of[v] != NEVER)
		ex_explain(c->run, "OPT replaces page %" PRId64 ", the one used furthest in the future (next at access %" PRIu64 ")",
			   page, c->next_of[v] + 1);
	else if (!strcmp(name, "OPT"))
		ex_explain(c->run, "OPT replaces page %" PRId64 ", never used again%s", page,
			   nevers > 1 ? " (of the pages never used again, the one brought in last)" : "");
	else if (!strcmp(name, "UNOPT") && c->next_of[v] != NEVER)
		ex_explain(c->run, "UNOPT replaces page %" PRId64 ", the one needed soonest (next at access %" PRIu64 ")", page,
			   c->next_of[v] + 1);
	else if (!strcmp(name, "UNOPT"))
		ex_explain(c->run, "UNOPT replaces page %" PRId64 ": no page is used again, and it was brought in first", page);
	else if (!strcmp(name, "RAND"))
		ex_explain(c->run, "RAND replaces page %" PRId64 ", at position int(%" PRIu64 " * random()) = %" PRIu64
			   " of the list", page, c->of, c->drawn);
	else
		ex_explain(c->run, "CLOCK replaces page %" PRId64 ", the first probed with no reference left", page);
}

/* OPT's and UNOPT's look into the future converts the entries up to each
 * page's next reference: a bad one before some page's is int()'s error. */
static bool future_bad(const struct pp_cache *c, const struct pp_refs *rs, size_t i, size_t *bad)
{
	if (!c->pol->ops->needs_future)
		return false;
	for (size_t j = i + 1; j < rs->n; j++)
		if (rs->bad[j]) {
			for (uint64_t f = 0; f < c->count; f++)
				if (c->next_of[f] > j) {
					*bad = j;
					return true;
				}
			return false;
		}
	return false;
}

/* A miss with the cache full: the policy's victim leaves its frame, which is
 * returned; -1 after the script's exception. */
static int64_t pp_replace(struct pp_cache *c, const struct pp_refs *rs, size_t i, int64_t *victim)
{
	pfn_t v;
	size_t bad;
	if (future_bad(c, rs, i, &bad))
		return bad_int(PROG, rs->text[bad], rs->len[bad]), -1;
	if (!policy_victim(&c->policy, &v))
		return py_raise(PROG, "IndexError", c->pol->empty), -1;
	explain_victim(c, v);
	*victim = c->page_of[v];
	policy_remove(&c->policy, v);
	return (int64_t)v;
}

/* One reference: lookup, replacement and the reference's bookkeeping; the
 * trace line unless notrace. 0, or the exit status after the exception. */
static int pp_access(struct pp_cache *c, const struct pp_refs *rs, size_t i, bool print, uint64_t *hits,
			uint64_t *misses)
{
	int64_t page = rs->page[i], victim = -1;
	uint64_t f = pp_lookup(c, page);
	char *before = c->explain ? pp_list(c) : xstrdup(""), *after;
	ex_ask_word(c->run, f == POLICY_NONE ? "miss" : "hit", "Access: %" PRId64, page);
	bool hit = f != POLICY_NONE;
	if (hit) {
		++*hits;
		c->last_use[f] = ++c->now;
		c->next_of[f] = rs->next_use[i];
		policy_touch(&c->policy, f, rs->next_use[i]);
		c->ref[f] = c->ref[f] + 1 > c->clockbits ? c->clockbits : c->ref[f] + 1;
		ex_explain(c->run, "page %" PRId64 " is in memory %s: a hit", page, before);
	} else {
		++*misses;
		ex_explain(c->run, "page %" PRId64 " is not in memory %s: a miss", page, before);
		if ((int64_t)c->count == c->cachesize) {
			ex_explain(c->run, "the cache is full (%" PRId64 " pages): %s chooses a page to replace", c->cachesize,
				   c->pol->name);
			int64_t v = pp_replace(c, rs, i, &victim);
			if (v < 0)
				return free(before), 1;
			f = (uint64_t)v;
		} else {
			ex_explain(c->run, "the cache holds %" PRIu64 " of %" PRId64 " pages: no replacement", c->count, c->cachesize);
			f = c->count++;
		}
		c->page_of[f] = page;
		c->inserted[f] = c->last_use[f] = ++c->now;
		c->next_of[f] = rs->next_use[i];
		c->ref[f] = 1;
		policy_insert(&c->policy, f, rs->next_use[i]);
	}
	after = c->explain || print ? pp_list(c) : xstrdup("");
	if (c->explain && strcmp(before, after))
		ex_explain(c->run, "memory %s -> %s", before, after);
	if (!strcmp(c->pol->name, "CLOCK"))
		ex_explain(c->run, "page %" PRId64 "'s reference count is now %" PRId64 " (%s, at most -b %" PRId64 ")", page,
			   c->ref[f], hit ? "one more" : "1 for a page brought in", c->clockbits);
	if (print) {
		char v[32];
		snprintf(v, sizeof v, "%" PRId64, victim);
		fprintf(c->run->out, "Access: %" PRId64 "  %s %s -> %12s <- %s Replaced:%s [Hits:%" PRIu64 " Misses:%" PRIu64 "]\n",
			page, hit ? "HIT " : "MISS",
			c->pol->left, after, c->pol->right, victim == -1 ? "-" : v, *hits, *misses);
	}
	free(before);
	free(after);
	return 0;
}

/* The script's flags once converted (what it prints first). */
struct pp_args {
	int64_t numaddrs, cachesize, maxpage, clockbits;
	struct pyrandom r; /* seeded with int(seed) */
	const char *addresses, *addressfile, *policy;
	bool notrace, solve;
};

/* The reference string: the file's, -a's, or numaddrs drawn below maxpage.
 * 0, or the exit status after the exception. */
static int pp_refs_make(struct pp_refs *rs, const struct pp_args *a, struct pyrandom *r)
{
	if (*a->addressfile)
		return refs_read(rs, a->addressfile);
	if (strcmp(a->addresses, "-1"))
		refs_split(rs, a->addresses);
	else
		for (int64_t i = 0; i < a->numaddrs; i++)
			refs_add(rs, pyrandom_scaled(r, (double)a->maxpage), NULL, 0, false);
	return 0;
}

/* Without -c: the questions; int() of each entry as it is printed. */
static int pp_questions(struct ex_run *run, const struct pp_args *a, const struct pp_refs *rs)
{
	fprintf(run->out, "Assuming a replacement policy of %s, and a cache of size %" PRId64 " pages,\n"
		"figure out whether each of the following page references hit or miss\nin the page cache.\n\n",
		a->policy, a->cachesize);
	for (size_t i = 0; i < rs->n; i++) {
		if (rs->bad[i])
			return bad_int(PROG, rs->text[i], rs->len[i]);
		fprintf(run->out, "Access: %" PRId64 "  Hit/Miss?  State of Memory?\n", rs->page[i]);
	}
	fprintf(run->out, "\n");
	return 0;
}

/* Every reference through the cache, printing the trace when solving, and
 * the final statistics. 0, or the exit status after the exception. */
static int pp_simulate(struct ex_run *run, const struct pp_args *a, const struct pp_policy *pol, struct pp_refs *rs,
		       struct pyrandom *r, bool solve)
{
	struct pp_cache c;
	uint64_t hits = 0, misses = 0;
	int status = 0;
	refs_next_uses(rs);
	pp_init(&c, pol, run, r, a->cachesize, a->clockbits, rs->n);
	for (size_t i = 0; i < rs->n && !status; i++)
		status = rs->bad[i] ? bad_int(PROG, rs->text[i], rs->len[i])
				    : pp_access(&c, rs, i, solve && !a->notrace, &hits, &misses);
	pp_fini(&c);
	if (status || !solve)
		return status;
	fprintf(run->out, "\n");
	if (hits + misses == 0)
		return py_raise(PROG, "ZeroDivisionError", "float division by zero");
	fprintf(run->out, "FINALSTATS hits %" PRIu64 "   misses %" PRIu64 "   hitrate %.2f\n\n", hits, misses,
		(100.0 * (double)hits) / ((double)hits + (double)misses));
	return 0;
}

/* optparse's values converted as the script converts them, after its ARG
 * lines; 0, or the exit status after int()'s exception. */
static int pp_convert(struct ex_run *run, const struct pyopt *o, struct pp_args *a)
{
	fprintf(run->out, "ARG addresses %s\nARG addressfile %s\nARG numaddrs %s\nARG policy %s\nARG clockbits %" PRId64
		"\nARG cachesize %s\nARG maxpage %s\nARG seed %s\nARG notrace %s\n\n", o[0].s, o[1].s, o[2].s, o[3].s,
		o[4].i, o[5].s, o[6].s, o[7].s, o[8].flag ? "True" : "False");
	const struct pyopt *conv[] = {&o[2], &o[5], &o[7], &o[6]};
	int64_t *into[] = {&a->numaddrs, &a->cachesize, NULL, &a->maxpage};
	for (size_t i = 0; i < ARRAY_LEN(conv); i++) {
		const char *v = conv[i]->s;
		if (!(into[i] ? py_int(v, strlen(v), into[i]) : py_seed_text(&a->r, v)))
			return bad_int(PROG, v, strlen(v));
	}
	a->addresses = o[0].s, a->addressfile = o[1].s, a->policy = o[3].s;
	a->clockbits = o[4].i, a->notrace = o[8].flag, a->solve = o[9].flag;
	return 0;
}

/* With -c (or for the answers --check and --json grade): the policy must be
 * one the script knows. */
static const struct pp_policy *pp_policy_for(struct ex_run *run, const struct pp_args *a, bool solve)
{
	const struct pp_policy *pol = pp_find(a->policy);
	if (pol)
		return pol;
	if (solve) {
		fprintf(run->out, "Policy %s is not yet implemented\n", a->policy);
	} else {
		fflush(stdout);
		fprintf(stderr, "vmlab: exercise paging-policy: no answers for policy %s (%s -c: \"Policy %s is not yet "
			"implemented\"; it knows FIFO, LRU, MRU, OPT, UNOPT, RAND and CLOCK)\n", a->policy, PROG, a->policy);
	}
	return NULL;
}

static int pp_run(struct ex_run *run, const struct pp_args *a)
{
	struct pyrandom r = a->r;
	struct pp_refs rs = {0};
	bool solve = ex_solve(run, a->solve);
	int status = pp_refs_make(&rs, a, &r);
	if (!status && !solve)
		status = pp_questions(run, a, &rs);
	if (!status && solve && !a->notrace)
		fprintf(run->out, "Solving...\n\n");
	const struct pp_policy *pol = NULL;
	if (!status && (solve || run->mode != EX_PRINT) && !(pol = pp_policy_for(run, a, solve)))
		status = 1;
	if (!status && pol)
		status = pp_simulate(run, a, pol, &rs, &r, solve);
	refs_free(&rs);
	return status;
}

int ex_paging_policy(struct ex_run *run, int argc, char **argv)
{
	struct pyopt o[] = {
		{'a', "addresses", PYOPT_STRING, "addresses", "a set of comma-separated pages to access; -1 means randomly generate", 0, "-1", false},
		{'f', "addressfile", PYOPT_STRING, "addressfile", "a file with a bunch of addresses in it", 0, "", false},
		{'n', "numaddrs", PYOPT_STRING, "numaddrs", "if -a (--addresses) is -1, this is the number of addrs to generate", 0, "10", false},
		{'p', "policy", PYOPT_STRING, "policy", "replacement policy: FIFO, LRU, OPT, UNOPT, RAND, CLOCK", 0, "FIFO", false},
		{'b', "clockbits", PYOPT_INT, "clockbits", "for CLOCK policy, how many clock bits to use", 2, NULL, false},
		{'C', "cachesize", PYOPT_STRING, "cachesize", "size of the page cache, in pages", 0, "3", false},
		{'m', "maxpage", PYOPT_STRING, "maxpage", "if randomly generating page accesses, this is the max page number", 0, "10", false},
		{'s', "seed", PYOPT_STRING, "seed", "random number seed", 0, "0", false},
		{'N', "notrace", PYOPT_TRUE, "notrace", "do not print out a detailed trace", 0, NULL, false},
		{'c', "compute", PYOPT_TRUE, "solve", "compute answers for me", 0, NULL, false},
	};
	struct pyopt_parser p = {PROG, o, (int)ARRAY_LEN(o), run->out, stderr, NULL};
	int st = pyopt_parse(&p, argc, argv);
	if (st != -1)
		return st;
	struct pp_args a;
	run->words = "hit miss";
	st = pp_convert(run, o, &a);
	return st ? st : pp_run(run, &a);
}
