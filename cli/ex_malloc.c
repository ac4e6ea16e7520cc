/* malloc: vm-freespace/malloc.py (OSTEP ch. 17), a free list searched by
 * BEST, WORST or FIRST fit, answered by os/freelist. The exercise only draws
 * the operations (random ones, or -A's list) and prints; every address,
 * search count and list comes from the free list. */
#include "cli/exercise.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "os/freelist.h"

/* One chunk a search looked at, for the working. */
struct look {
	size_t i;
	struct freelist_chunk c;
	enum freelist_verdict v;
};

/* The script's state: its heap, the pointers ptr[c] (p; a pointer whose
 * Alloc failed is not in p), and, in random mode, the live ones in order (L). */
struct mal {
	struct ex_run *run;
	const char *prog;
	struct freelist fl;
	bool solve, listed;     /* listed: -A's operations, not random ones */
	int64_t header;
	struct mal_ptr {
		int64_t addr;
		bool in_p;
	} *ptr;
	size_t nptr, capptr, nlive; /* ptr[0..nptr-1]; how many are in p */
	size_t *live;           /* L: the c of each live pointer, in order (capptr of room) */
	size_t nl;
	struct look *looks;     /* the last search's */
	size_t nlooks, caplooks;
};

enum { ST_GO = -1, ST_SKIP = -2 }; /* go on and list the heap; go on to the next operation */

/* malloc.py's assert(...) failing: AssertionError, exit 1. */
static int assertion(const struct mal *m) { return py_raise(m->prog, "AssertionError", ""); }

/* An address or size of the operation op beyond 64 bits: vmlab's limit
 * (Python's integers have none). */
static int beyond_64_bits(const char *op)
{
	fflush(stdout);
	fprintf(stderr, "vmlab: exercise malloc: %s: an address or size beyond 64 bits is not simulated (malloc.py takes it)\n",
		op);
	return 1;
}

static void record_look(void *ctx, size_t i, const struct freelist_chunk *c, enum freelist_verdict v)
{
	struct mal *m = ctx;
	if (m->nlooks == m->caplooks) {
		m->caplooks = m->caplooks ? 2 * m->caplooks : 16;
		m->looks = xrealloc(m->looks, m->caplooks * sizeof *m->looks);
	}
	m->looks[m->nlooks++] = (struct look){i, *c, v};
}

/* ---- what is printed ---- */

static void print_chunks(FILE *out, const struct freelist_chunk *c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(out, "[ addr:%" PRId64 " sz:%" PRId64 " ]", c[i].addr, c[i].size);
}

/* m.dump(), or the question the script leaves for the student. */
static void print_list(const struct mal *m)
{
	FILE *out = m->run->out;
	size_t n;
	const struct freelist_chunk *c = freelist_chunks(&m->fl, &n);
	if (!m->solve) {
		fprintf(out, m->listed ? "List?\n" : "List? \n");
		return;
	}
	fprintf(out, "Free List [ Size %zu ]: ", n);
	print_chunks(out, c, n);
	fprintf(out, "\n");
}

/* The free list as malloc.py's dump prints its chunks (a new string). */
static char *list_text(const struct freelist *fl)
{
	size_t n, len = 0;
	char *text = NULL;
	const struct freelist_chunk *c = freelist_chunks(fl, &n);
	FILE *f = open_memstream(&text, &len);
	if (!f)
		panic("out of host memory");
	if (n)
		print_chunks(f, c, n);
	else
		fprintf(f, "empty");
	fclose(f);
	return text;
}

/* A line of working: the free list before or after the operation. */
static void explain_list(struct mal *m, const char *when, char *text)
{
	ex_explain(m->run, "free list %s: %s", when, text);
	free(text);
}

/* ---- Alloc ---- */

static const char *look_text(const struct mal *m, const struct look *l, int64_t need, int64_t *best, char *buf,
			     size_t len)
{
	enum freelist_policy p = m->fl.cfg.policy;
	switch (l->v) {
	case FREELIST_TOO_SMALL:
		snprintf(buf, len, "too small (%" PRId64 " < %" PRId64 ")", l->c.size, need);
		break;
	case FREELIST_NOT_BETTER:
		if (*best == INT64_MIN)
			snprintf(buf, len, "fits, but is larger than the heap (BEST takes only chunks below heap size + 1 = %" PRId64 ")",
				 m->fl.cfg.size + 1);
		else
			snprintf(buf, len, "fits, but is not %s than the sz %" PRId64 " found before",
				 p == FREELIST_BEST ? "smaller" : "larger", *best);
		break;
	case FREELIST_CANDIDATE:
		snprintf(buf, len, "fits: the %s so far", p == FREELIST_BEST ? "smallest" : "largest");
		*best = l->c.size;
		break;
	case FREELIST_TAKEN:
		snprintf(buf, len, "fits: the first that does, so the search stops");
		break;
	}
	return buf;
}

static const char *const policy_rule[] = {
	[FREELIST_BEST] = "BEST looks at every chunk for the smallest that fits",
	[FREELIST_WORST] = "WORST looks at every chunk for the largest that fits",
	[FREELIST_FIRST] = "FIRST takes the first chunk that fits",
};

/* How the need follows from the request: alignment, then the header. */
static void explain_need(struct mal *m, int64_t size, const struct freelist_search *s)
{
	const struct freelist_config *cfg = &m->fl.cfg;
	if (cfg->align == -1)
		ex_explain(m->run, "request %" PRId64 " (no alignment)", size);
	else if (s->aligned == size)
		ex_explain(m->run, "request %" PRId64 ", already a multiple of the alignment %" PRId64, size, cfg->align);
	else
		ex_explain(m->run, "request %" PRId64 " rounded up to a multiple of the alignment %" PRId64 ": %" PRId64, size,
			   cfg->align, s->aligned);
	if (cfg->header)
		ex_explain(m->run, "plus the header of %" PRId64 ": the chunk must hold %" PRId64, cfg->header, s->need);
	else
		ex_explain(m->run, "no header: the chunk must hold %" PRId64, s->need);
}

static void explain_search(struct mal *m, const struct freelist_search *s)
{
	char buf[200];
	int64_t best = INT64_MIN;
	ex_explain(m->run, "%s:", policy_rule[m->fl.cfg.policy]);
	for (size_t k = 0; k < m->nlooks; k++) {
		const struct look *l = &m->looks[k];
		ex_explain(m->run, "  chunk %zu [ addr:%" PRId64 " sz:%" PRId64 " ]: %s", l->i, l->c.addr, l->c.size,
			   look_text(m, l, s->need, &best, buf, sizeof buf));
	}
	ex_explain(m->run, "searched %zu element%s%s", s->searched, s->searched == 1 ? "" : "s",
		   m->fl.cfg.policy == FREELIST_FIRST ? "" : " (the whole list)");
}

static void explain_cut(struct mal *m, const struct freelist_search *s)
{
	if (s->addr == -1) {
		ex_explain(m->run, "no chunk holds %" PRId64 ": the allocation fails, -1", s->need);
		return;
	}
	ex_explain(m->run, "chunk %zu [ addr:%" PRId64 " sz:%" PRId64 " ] is chosen: %" PRId64 "..%" PRId64 " is allocated",
		   s->index, s->chosen.addr, s->chosen.size, s->chosen.addr, s->chosen.addr + s->need - 1);
	if (m->header > 0)
		ex_explain(m->run, "the header takes %" PRId64 "..%" PRId64 ", the bytes asked for start at %" PRId64,
			   s->chosen.addr, s->chosen.addr + m->header - 1, s->chosen.addr + m->header);
	if (s->split)
		ex_explain(m->run, "split: [ addr:%" PRId64 " sz:%" PRId64 " ] stays free in the chunk's place",
			   s->chosen.addr + s->need, s->chosen.size - s->need);
	else
		ex_explain(m->run, "an exact fit: the chunk leaves the list");
}

/* The address the script prints: random mode adds the header (even to -1). */
static bool printed_address(const struct mal *m, int64_t addr, int64_t *out)
{
	if (m->listed) {
		*out = addr;
		return true;
	}
	return !__builtin_add_overflow(addr, m->header, out);
}

/* One Alloc(size) as ptr[c]: ST_GO, or the exit status the script dies with. */
static int do_alloc(struct mal *m, int64_t size)
{
	struct freelist_search s;
	m->nlooks = 0;
	char *before = list_text(&m->fl);
	enum freelist_status st = freelist_alloc(&m->fl, size, &s, record_look, m);
	int64_t shown;
	if (st == FREELIST_ALLOCATED || st == FREELIST_RANGE || !printed_address(m, s.addr, &shown)) {
		free(before);
		char op[64];
		snprintf(op, sizeof op, "ptr[%zu] = Alloc(%" PRId64 ")", m->nptr, size);
		return st == FREELIST_ALLOCATED ? assertion(m) : beyond_64_bits(op);
	}
	if (m->nptr == m->capptr) {
		m->capptr = m->capptr ? 2 * m->capptr : 16;
		m->ptr = xrealloc(m->ptr, m->capptr * sizeof *m->ptr);
		m->live = xrealloc(m->live, m->capptr * sizeof *m->live);
	}
	size_t c = m->nptr++;
	m->ptr[c] = (struct mal_ptr){.addr = s.addr, .in_p = s.addr != -1};
	if (s.addr != -1) {
		m->nlive++;
		m->live[m->nl++] = c;
	}
	ex_ask_number(m->run, shown, "ptr[%zu] = Alloc(%" PRId64 ")", c, size);
	explain_list(m, "before", before);
	explain_need(m, size, &s);
	explain_search(m, &s);
	explain_cut(m, &s);
	if (!m->listed && m->header)
		ex_explain(m->run, "malloc.py prints the address plus the header size: %" PRId64 " + %" PRId64 " = %" PRId64,
			   s.addr, m->header, shown);
	else if (m->header && s.addr != -1)
		ex_explain(m->run, "with -A, malloc.py prints the block's own address (its header's): %" PRId64, s.addr);
	explain_list(m, "after", list_text(&m->fl));
	FILE *out = m->run->out;
	fprintf(out, "ptr[%zu] = Alloc(%" PRId64 ")", c, size);
	if (m->solve)
		fprintf(out, " returned %" PRId64 " (searched %zu elements)\n", shown, s.searched);
	else
		fprintf(out, " returned ?\n");
	return ST_GO;
}

/* ---- Free ---- */

static const char *const order_rule[] = {
	[FREELIST_ADDRSORT] = "ADDRSORT: appended, then the list sorted by address",
	[FREELIST_SIZESORT_UP] = "SIZESORT+: appended, then the list sorted by size, smallest first",
	[FREELIST_SIZESORT_DOWN] = "SIZESORT-: appended, then the list sorted by size, largest first",
	[FREELIST_INSERT_FRONT] = "INSERT-FRONT: put at the head of the list",
	[FREELIST_INSERT_BACK] = "INSERT-BACK: put at the tail of the list",
};

/* Free(ptr[c]): prints the operation and records its question. */
static int do_free(struct mal *m, size_t c)
{
	struct freelist_release r;
	int64_t addr = m->ptr[c].addr;
	char *before = list_text(&m->fl);
	enum freelist_status st = freelist_free(&m->fl, addr, &r);
	if (st == FREELIST_RANGE) {
		char op[64];
		snprintf(op, sizeof op, "Free(ptr[%zu])", c);
		free(before);
		return beyond_64_bits(op);
	}
	int rc = st == FREELIST_OK ? 0 : -1;
	ex_ask_number(m->run, rc, "Free(ptr[%zu])", c);
	explain_list(m, "before", before);
	if (rc) {
		ex_explain(m->run, "ptr[%zu], the block at %" PRId64 ", is not allocated (it was freed before): the free fails, -1",
			   c, addr);
	} else {
		ex_explain(m->run, "ptr[%zu], the block at %" PRId64 ": its chunk [ addr:%" PRId64 " sz:%" PRId64
			   " ] (header included) goes back, the free returns 0", c, addr, r.chunk.addr, r.chunk.size);
		ex_explain(m->run, "%s", order_rule[m->fl.cfg.order]);
		if (m->fl.cfg.coalesce)
			ex_explain(m->run, "coalescing: each chunk that starts where the one before it in the list ends joins it: %zu "
				   "merged", r.merged);
	}
	explain_list(m, rc == 0 && r.merged ? "after (coalesced)" : "after", list_text(&m->fl));
	FILE *out = m->run->out;
	fprintf(out, "Free(ptr[%zu])\n", c);
	fprintf(out, m->solve ? "returned %d\n" : "returned ?\n", rc);
	return ST_GO;
}

/* ---- the operations ---- */

/* Random mode: numOps operations, each an Alloc (random() < percent) of
 * 1 + int(random() * range) or, when any pointer is live, a Free of a
 * random live one. */
static int random_ops(struct mal *m, struct pyrandom *r, int64_t num, int64_t range, double percent)
{
	for (int64_t j = 0; j < num;) {
		int st = ST_GO;
		if (pyrandom_random(r) < percent) {
			volatile double product = pyrandom_random(r) * (double)range;
			st = do_alloc(m, (int64_t)product + 1);
		} else if (m->nl > 0) {
			size_t d = (size_t)pyrandom_scaled(r, (double)m->nl), c = m->live[d];
			st = do_free(m, c);
			m->ptr[c].in_p = false, m->nlive--;
			memmove(m->live + d, m->live + d + 1, (m->nl - d - 1) * sizeof *m->live);
			m->nl--;
		} else {
			continue;
		}
		if (st != ST_GO)
			return st;
		j++;
		print_list(m);
		fprintf(m->run->out, "\n");
	}
	return 0;
}

/* int(text) of the n bytes at v for a Free's index: false when int()
 * raises; an integer beyond 64 bits (which int() takes) is *huge. */
static bool index_value(const char *v, size_t n, int64_t *out, bool *huge)
{
	*huge = false;
	if (py_int(v, n, out))
		return true;
	size_t k = 0;
	while (k < n && (v[k] == ' ' || v[k] == '\t' || v[k] == '\n'))
		k++;
	k += k < n && v[k] == '+';
	size_t digits = strspn(v + k, "0123456789");
	size_t end = k + digits;
	while (end < n && (v[end] == ' ' || v[end] == '\t' || v[end] == '\n'))
		end++;
	*huge = digits > 0 && k + digits <= n && end >= n;
	return false;
}

/* One operation of -A ("+size" or "-index", the n bytes at op). */
static int listed_op(struct mal *m, const char *op, size_t n)
{
	if (n == 0)
		return py_raise(m->prog, "IndexError", "string index out of range");
	if (op[0] != '+' && op[0] != '-')
		return py_raise(m->prog, "NameError", "name 'abort' is not defined");
	/* op.split(op[0])[1]: from after the sign to the next one */
	const char *num = op + 1, *stop = memchr(num, op[0], n - 1);
	size_t len = stop ? (size_t)(stop - num) : n - 1;
	int64_t v;
	if (op[0] == '+')
		return py_int(num, len, &v) ? do_alloc(m, v) : bad_int(m->prog, num, len);
	bool huge;
	if (!index_value(num, len, &v, &huge) && !huge)
		return bad_int(m->prog, num, len);
	if (huge || (uint64_t)v >= m->nlive) {
		fprintf(m->run->out, "Invalid Free: Skipping\n");
		return ST_SKIP;
	}
	if ((uint64_t)v >= m->nptr || !m->ptr[v].in_p) {
		fprintf(m->run->out, "Free(ptr[%" PRId64 "])\n", v);
		char key[32];
		snprintf(key, sizeof key, "%" PRId64, v);
		return py_raise(m->prog, "KeyError", key);
	}
	return do_free(m, (size_t)v);
}

/* -A's operations, separated by commas. */
static int listed_ops(struct mal *m, const char *list)
{
	for (const char *op = list;; op++) {
		size_t n = strcspn(op, ",");
		int st = listed_op(m, op, n);
		if (st == ST_GO) {
			print_list(m);
			fprintf(m->run->out, "\n");
		} else if (st != ST_SKIP) {
			return st;
		}
		op += n;
		if (!*op)
			return 0;
	}
}

/* ---- the exercise ---- */

enum {
	O_SEED, O_SIZE, O_BASE, O_HEADER, O_ALIGN, O_POLICY, O_ORDER, O_COALESCE, O_NUM, O_RANGE, O_PERCENT, O_LIST,
	O_SOLVE, O_COUNT
};

static void print_flags(FILE *out, const struct pyopt *o)
{
	char seed[PYOPT_DECIMAL];
	fprintf(out, "seed %s\nsize %" PRId64 "\nbaseAddr %" PRId64 "\nheaderSize %" PRId64 "\nalignment %" PRId64
		"\npolicy %s\nlistOrder %s\ncoalesce %s\nnumOps %" PRId64 "\nrange %" PRId64 "\npercentAlloc %" PRId64
		"\nallocList %s\ncompute %s\n\n",
		pyopt_decimal(&o[O_SEED], seed), o[O_SIZE].i, o[O_BASE].i, o[O_HEADER].i, o[O_ALIGN].i, o[O_POLICY].s, o[O_ORDER].s,
		o[O_COALESCE].flag ? "True" : "False", o[O_NUM].i, o[O_RANGE].i, o[O_PERCENT].i, o[O_LIST].s,
		o[O_SOLVE].flag ? "True" : "False");
}

/* malloc(...)'s constructor: its asserts, in its order. */
static int build_heap(struct mal *m, const struct pyopt *o)
{
	struct freelist_config cfg = {.base = o[O_BASE].i, .size = o[O_SIZE].i, .header = o[O_HEADER].i,
				      .align = o[O_ALIGN].i, .coalesce = o[O_COALESCE].flag};
	if (!freelist_policy_parse(o[O_POLICY].s, &cfg.policy) || !freelist_order_parse(o[O_ORDER].s, &cfg.order) ||
	    freelist_init(&m->fl, &cfg) != FREELIST_OK)
		return assertion(m);
	return ST_GO;
}

static void mal_fini(struct mal *m)
{
	freelist_fini(&m->fl);
	free(m->ptr);
	free(m->live);
	free(m->looks);
}

int ex_malloc(struct ex_run *run, int argc, char **argv)
{
	struct pyopt o[] = {
		[O_SEED] = {'s', "seed", PYOPT_BIGINT, "seed", "the random seed", 0, NULL, false},
		[O_SIZE] = {'S', "size", PYOPT_INT, "heapSize", "size of the heap", 100, NULL, false},
		[O_BASE] = {'b', "baseAddr", PYOPT_INT, "baseAddr", "base address of heap", 1000, NULL, false},
		[O_HEADER] = {'H', "headerSize", PYOPT_INT, "headerSize", "size of the header", 0, NULL, false},
		[O_ALIGN] = {'a', "alignment", PYOPT_INT, "alignment", "align allocated units to size; -1->no align", -1, NULL,
			     false},
		[O_POLICY] = {'p', "policy", PYOPT_STRING, "policy", "list search (BEST, WORST, FIRST)", 0, "BEST", false},
		[O_ORDER] = {'l', "listOrder", PYOPT_STRING, "order",
			     "list order (ADDRSORT, SIZESORT+, SIZESORT-, INSERT-FRONT, INSERT-BACK)", 0, "ADDRSORT", false},
		[O_COALESCE] = {'C', "coalesce", PYOPT_TRUE, "coalesce", "coalesce the free list?", 0, NULL, false},
		[O_NUM] = {'n', "numOps", PYOPT_INT, "opsNum", "number of random ops to generate", 10, NULL, false},
		[O_RANGE] = {'r', "range", PYOPT_INT, "opsRange", "max alloc size", 10, NULL, false},
		[O_PERCENT] = {'P', "percentAlloc", PYOPT_INT, "opsPAlloc", "percent of ops that are allocs", 50, NULL, false},
		[O_LIST] = {'A', "allocList", PYOPT_STRING, "opsList", "instead of random, list of ops (+10,-0,etc)", 0, "", false},
		[O_SOLVE] = {'c', "compute", PYOPT_TRUE, "solve", "compute answers for me", 0, NULL, false},
	};
	struct pyopt_parser p = {"malloc.py", o, O_COUNT, run->out, stderr, NULL};
	int st = pyopt_parse(&p, argc, argv);
	if (st != -1)
		return st;
	struct mal m = {.run = run, .prog = p.prog, .header = o[O_HEADER].i, .listed = *o[O_LIST].s != '\0'};
	if ((st = build_heap(&m, o)) != ST_GO)
		return st;
	print_flags(run->out, o);
	run->words = "";
	run->hex = false;
	m.solve = ex_solve(run, o[O_SOLVE].flag);
	double percent = (double)o[O_PERCENT].i / 100.0;
	struct pyrandom r;
	py_seed(&r, &o[O_SEED]);
	if (!(percent > 0))
		st = assertion(&m);
	else if (m.listed)
		st = listed_ops(&m, o[O_LIST].s);
	else
		st = random_ops(&m, &r, o[O_NUM].i, o[O_RANGE].i, percent);
	mal_fini(&m);
	return st;
}
