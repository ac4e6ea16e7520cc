/* tlb: vmlab's own exercise (OSTEP ch. 19 has no simulator for it): which
 * accesses of a trace of virtual addresses hit a TLB of a given geometry and
 * replacement policy, and the effective access time. The answers come from
 * hw/tlb, the TLB the machine translates with: a TLB of the geometry looks up
 * each VPN and is refilled on each miss. The trace is drawn with lib/pyrandom
 * (a working set of pages and occasional new ones), so a seed gives the same
 * problem on every machine; -a gives it by hand. */
#include "cli/exercise.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "hw/latency.h"
#include "hw/tlb.h"

#define TLB_EX_MAX_ADDRS 100000
#define TLB_EX_MAX_WORKINGSET 1024
#define TLB_EX_MAX_LEVELS 5
#define TLB_EX_MAX_PAGE ((int64_t)1 << 30)
#define TLB_EX_MAX_MAXPAGE ((int64_t)1 << 32)

/* The problem once its flags are checked. */
struct tlb_problem {
	struct tlb_config cfg;    /* ways never 0 */
	unsigned sets, set_bits, page_shift, levels;
	uint64_t *va;             /* the trace */
	size_t n;
	int va_digits, vpn_digits; /* hex digits shown */
	unsigned vpn_bits;        /* bits shown of a VPN (tag, then set index) */
};

/* What the exercise keeps to explain the policy's choices: per slot, the
 * access that last used it and the access that filled it. */
struct tlb_history {
	size_t *used, *filled;
};

static unsigned hex_digits(uint64_t v)
{
	unsigned d = 1;
	while (v >>= 4)
		d++;
	return d;
}

static unsigned bit_width(uint64_t v) { return v ? 64 - (unsigned)__builtin_clzll(v) : 1; }

/* ---- the flags ---- */

/* One address of -a: decimal or 0x-hex digits, below 2^64. */
static bool parse_va(const char *s, size_t len, uint64_t *out)
{
	bool hex = len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
	unsigned base = hex ? 16 : 10;
	uint64_t v = 0;
	if (len == 0)
		return false;
	for (size_t i = hex ? 2 : 0; i < len; i++) {
		int c = (unsigned char)s[i];
		unsigned d = isdigit(c) ? (unsigned)(c - '0') : isxdigit(c) ? (unsigned)(tolower(c) - 'a' + 10) : 99;
		if (d >= base || v > (UINT64_MAX - d) / base)
			return false;
		v = v * base + d;
	}
	*out = v;
	return true;
}

/* The trace of -a's comma-separated list; -1 when it is one, else 2
 * after the error (nothing allocated). */
static int parse_addresses(const struct pyopt_parser *p, const char *list, struct tlb_problem *tp)
{
	size_t n = 1;
	for (const char *c = list; *c; c++)
		n += *c == ',';
	tp->va = xmalloc(n * sizeof *tp->va);
	tp->n = n;
	const char *item = list;
	for (size_t i = 0; i < n; i++) {
		size_t len = strcspn(item, ",");
		if (!parse_va(item, len, &tp->va[i])) {
			free(tp->va);
			return pyopt_error(p, "option -a/--addresses: item %zu, '%.*s%s', is not an address (decimal or "
					   "0x-hex, below 2^64)", i + 1, (int)(len < 40 ? len : 40), item, len > 40 ? "..." : "");
		}
		item += len + 1;
	}
	return -1;
}

/* The generated trace (-n, -m, -W, -l): a working set of distinct pages
 * below maxpage; each access is, locality percent of the time, to a page of
 * the working set, otherwise to a random page below maxpage, which takes the
 * place of a random page of the working set; the offset is random. */
static void generate(struct pyrandom *r, int64_t maxpage, int64_t wsize, int64_t locality, unsigned shift,
		     struct tlb_problem *tp)
{
	uint64_t *ws = xmalloc((size_t)wsize * sizeof *ws);
	for (int64_t i = 0; i < wsize; i++) {
		bool dup;
		do {
			ws[i] = (uint64_t)pyrandom_scaled(r, (double)maxpage);
			dup = false;
			for (int64_t j = 0; j < i; j++)
				dup = dup || ws[j] == ws[i];
		} while (dup);
	}
	for (size_t k = 0; k < tp->n; k++) {
		uint64_t vpn;
		if (pyrandom_random(r) * 100 < (double)locality) {
			vpn = ws[pyrandom_scaled(r, (double)wsize)];
		} else {
			vpn = (uint64_t)pyrandom_scaled(r, (double)maxpage);
			ws[pyrandom_scaled(r, (double)wsize)] = vpn;
		}
		tp->va[k] = vpn << shift | (uint64_t)pyrandom_scaled(r, (double)((int64_t)1 << shift));
	}
	free(ws);
}

/* Checks the generator's flags and draws the trace; -1 when it is drawn,
 * else 2 after the error. */
static int draw_trace(const struct pyopt_parser *p, struct tlb_problem *tp)
{
	int64_t n = pyopt_get(p, "numaddrs")->i, maxpage = pyopt_get(p, "maxpage")->i;
	int64_t wsize = pyopt_get(p, "workingset")->i, locality = pyopt_get(p, "locality")->i;
	if (n < 1 || n > TLB_EX_MAX_ADDRS)
		return pyopt_error(p, "option -n/--numaddrs: %" PRId64 " addresses: must be 1 .. %d", n, TLB_EX_MAX_ADDRS);
	if (maxpage < 1 || maxpage > TLB_EX_MAX_MAXPAGE)
		return pyopt_error(p, "option -m/--maxpage: %" PRId64 ": must be 1 .. 2^32", maxpage);
	if (wsize < 1 || wsize > maxpage || wsize > TLB_EX_MAX_WORKINGSET)
		return pyopt_error(p, "option -W/--workingset: %" PRId64 " pages: must be 1 .. %d and at most -m/--maxpage "
				   "(%" PRId64 ")", wsize, TLB_EX_MAX_WORKINGSET, maxpage);
	if (locality < 0 || locality > 100)
		return pyopt_error(p, "option -l/--locality: %" PRId64 ": must be a percentage, 0 .. 100", locality);
	struct pyrandom r;
	py_seed(&r, pyopt_get(p, "seed"));
	tp->n = (size_t)n;
	tp->va = xmalloc(tp->n * sizeof *tp->va);
	generate(&r, maxpage, wsize, locality, tp->page_shift, tp);
	return -1;
}

/* The TLB of the flags -e, -w and -p, which hw/tlb itself checks: -1 with
 * it in *t, else 2 after the error. */
static int make_tlb(const struct pyopt_parser *p, int64_t seed, struct tlb_problem *tp, struct tlb **t)
{
	int64_t entries = pyopt_get(p, "entries")->i, ways = pyopt_get(p, "ways")->i;
	const char *policy = pyopt_get(p, "policy")->s;
	char name[16], err[200];
	size_t k;
	for (k = 0; policy[k] && k + 1 < sizeof name; k++)
		name[k] = (char)tolower((unsigned char)policy[k]);
	name[k] = '\0';
	if (entries < 1 || entries > TLB_MAX_ENTRIES)
		return pyopt_error(p, "option -e/--entries: %" PRId64 " entries: must be 1 .. %d", entries, TLB_MAX_ENTRIES);
	if (ways < 1 || ways > entries)
		return pyopt_error(p, "option -w/--ways: %" PRId64 " ways: must be 1 .. the %" PRId64 " entries (-e)", ways,
				   entries);
	tp->cfg = (struct tlb_config){.entries = (unsigned)entries, .ways = (unsigned)ways, .seed = (uint64_t)seed};
	if (policy[k] || !tlb_policy_parse(name, &tp->cfg.policy))
		return pyopt_error(p, "option -p/--policy: unknown policy '%s' (lru, fifo, random or plru)", policy);
	unsigned shift = 0;
	*t = tlb_new(&tp->cfg, &shift, 1, err, sizeof err);
	if (!*t)
		return pyopt_error(p, "options -e/--entries %" PRId64 ", -w/--ways %" PRId64 ", -p/--policy %s: %s", entries,
				   ways, policy, err);
	tp->sets = (unsigned)(entries / ways);
	tp->set_bits = log2_u64(tp->sets);
	return -1;
}

/* The page size (-P) and the page-table levels (-L); -1 when they are
 * fine, else 2 after the error. */
static int check_memory(const struct pyopt_parser *p, struct tlb_problem *tp)
{
	const char *ps = pyopt_get(p, "pagesize")->s;
	int64_t bytes, levels = pyopt_get(p, "levels")->i;
	if (!py_size(ps, &bytes))
		return pyopt_error(p, "option -P/--pagesize: '%s' is not a size (a number, then k, m or g for KiB, MiB "
				   "or GiB)", ps);
	if (!is_pow2((uint64_t)bytes) || bytes > TLB_EX_MAX_PAGE || bytes < 1)
		return pyopt_error(p, "option -P/--pagesize: %" PRId64 " bytes: must be a power of two, 1 .. 1g (1073741824)",
				   bytes);
	if (levels < 1 || levels > TLB_EX_MAX_LEVELS)
		return pyopt_error(p, "option -L/--levels: %" PRId64 ": a page walk reads 1 .. %d levels", levels,
				   TLB_EX_MAX_LEVELS);
	tp->page_shift = log2_u64((uint64_t)bytes);
	tp->levels = (unsigned)levels;
	return -1;
}

/* How wide addresses and VPNs are shown: as wide as the largest the trace
 * could hold (-m's for a generated one). */
static void widths(const struct pyopt_parser *p, bool given, struct tlb_problem *tp)
{
	uint64_t top = 0;
	if (given)
		for (size_t i = 0; i < tp->n; i++)
			top = tp->va[i] > top ? tp->va[i] : top;
	else
		top = ((uint64_t)pyopt_get(p, "maxpage")->i << tp->page_shift) - 1;
	uint64_t top_vpn = top >> tp->page_shift;
	tp->va_digits = (int)hex_digits(top) < 8 ? 8 : (int)hex_digits(top);
	tp->vpn_digits = (int)hex_digits(top_vpn);
	tp->vpn_bits = bit_width(top_vpn) > tp->set_bits ? bit_width(top_vpn) : tp->set_bits;
}

/* Every flag checked, the TLB built (empty) and the trace made, before
 * anything is printed: -1 when the problem is ready (tp->va and *t the
 * caller's to free), else the exit status (nothing left allocated). */
static int tlb_problem_init(const struct pyopt_parser *p, struct tlb_problem *tp, struct tlb **t)
{
	int64_t seed = pyopt_get(p, "seed")->i;
	const char *list = pyopt_get(p, "addresses")->s;
	bool given = strcmp(list, "-1") != 0;
	int st;
	memset(tp, 0, sizeof *tp);
	if ((st = check_memory(p, tp)) != -1 || (st = make_tlb(p, seed, tp, t)) != -1)
		return st;
	st = given ? parse_addresses(p, list, tp) : draw_trace(p, tp);
	if (st != -1) {
		tlb_free(*t);
		return st;
	}
	widths(p, given, tp);
	return -1;
}

/* ---- the TLB's state, as the exercise shows it ---- */

/* A copy of set s's ways (view holds tp->cfg.ways entries). */
static void snapshot(const struct tlb *t, const struct tlb_problem *tp, uint64_t s, struct tlb_entry *view)
{
	for (unsigned w = 0; w < tp->cfg.ways; w++)
		view[w] = *tlb_way(t, s, w);
}

/* "[0x3 -]": the VPN in each way of a set, - for an empty one (*buf is
 * the caller's to free). */
static const char *set_text(const struct tlb_problem *tp, const struct tlb_entry *view, char **buf)
{
	size_t len = 0;
	FILE *f = open_memstream(buf, &len);
	if (!f)
		panic("out of host memory");
	fputc('[', f);
	for (unsigned w = 0; w < tp->cfg.ways; w++) {
		if (w)
			fputc(' ', f);
		if (view[w].valid)
			fprintf(f, "0x%0*" PRIx64, tp->vpn_digits, view[w].tag);
		else
			fputc('-', f);
	}
	fputc(']', f);
	fclose(f);
	return *buf;
}

/* The working line of a full set's LRU or FIFO choice: when each way was
 * used last (or filled), from the history h, and which one goes. */
static void history_line(struct ex_run *run, const struct tlb_problem *tp, const struct tlb_entry *view, uint64_t s,
			 const size_t *h, const char *what, const char *chosen, unsigned victim)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		panic("out of host memory");
	for (unsigned w = 0; w < tp->cfg.ways; w++)
		fprintf(f, "%sway %u (VPN 0x%0*" PRIx64 ") at access %zu", w ? ", " : "", w, tp->vpn_digits, view[w].tag,
			h[s * tp->cfg.ways + w]);
	fclose(f);
	ex_explain(run, "%s: set %" PRIu64 " is full; %s: %s", tlb_policy_name(tp->cfg.policy), s, what, text);
	ex_explain(run, "the %s is way %u (VPN 0x%0*" PRIx64 "): it is replaced", chosen, victim, tp->vpn_digits,
		   view[victim].tag);
	free(text);
}

/* The way of full set s whose history entry is the smallest. */
static unsigned oldest_way(const struct tlb_problem *tp, uint64_t s, const size_t *h)
{
	unsigned best = 0;
	for (unsigned w = 1; w < tp->cfg.ways; w++)
		if (h[s * tp->cfg.ways + w] < h[s * tp->cfg.ways + best])
			best = w;
	return best;
}

/* Why the policy replaced way w of full set s, whose ways were view, with
 * the history before the access. */
static void explain_victim(struct ex_run *run, const struct tlb_problem *tp, const struct tlb_history *h,
			   const struct tlb_entry *view, uint64_t s, unsigned w)
{
	unsigned lru = oldest_way(tp, s, h->used);
	if (tp->cfg.ways == 1) {
		ex_explain(run, "direct-mapped: set %" PRIu64 " has one way; its entry (VPN 0x%0*" PRIx64 ") is replaced", s,
			   tp->vpn_digits, view[0].tag);
		return;
	}
	switch (tp->cfg.policy) {
	case TLB_LRU:
		history_line(run, tp, view, s, h->used, "the last uses", "least recently used", w);
		break;
	case TLB_FIFO:
		history_line(run, tp, view, s, h->filled, "the fills", "first filled", w);
		break;
	case TLB_RANDOM:
		ex_explain(run, "random: set %" PRIu64 " is full; the TLB's generator (seeded with -s) picks way %u "
			   "(VPN 0x%0*" PRIx64 "): it is replaced", s, w, tp->vpn_digits, view[w].tag);
		break;
	case TLB_PLRU:
		ex_explain(run, "plru: set %" PRIu64 " is full; its pseudo-LRU tree bits lead to way %u (VPN 0x%0*" PRIx64
			   "): it is replaced%s", s, w, tp->vpn_digits, view[w].tag,
			   lru == w ? " (the least recently used too)" : "");
		if (lru != w)
			ex_explain(run, "(true LRU would replace way %u, VPN 0x%0*" PRIx64 ", used last at access %zu)", lru,
				   tp->vpn_digits, view[lru].tag, h->used[s * tp->cfg.ways + lru]);
		break;
	}
}

/* What a hit on way w of set s does to the replacement state. */
static void explain_hit(struct ex_run *run, const struct tlb_problem *tp, const struct tlb_history *h, uint64_t s,
			unsigned w)
{
	const char *name = tlb_policy_name(tp->cfg.policy);
	if (tp->cfg.ways == 1)
		return; /* nothing to choose from */
	switch (tp->cfg.policy) {
	case TLB_LRU:
		ex_explain(run, "%s: way %u becomes the most recently used of set %" PRIu64, name, w, s);
		break;
	case TLB_FIFO:
		ex_explain(run, "%s: a hit leaves the order of filling as it is (way %u was filled at access %zu)", name,
			   w, h->filled[s * tp->cfg.ways + w]);
		break;
	case TLB_RANDOM:
		ex_explain(run, "%s: a hit changes nothing", name);
		break;
	case TLB_PLRU:
		ex_explain(run, "%s: the tree bits on way %u's path now point away from it", name, w);
		break;
	}
}

/* ---- one access ---- */

/* What one access did, for its trace line. */
struct tlb_outcome {
	uint64_t vpn, set;
	bool hit, evicted;
	uint64_t evicted_vpn;
};

/* How va splits: its VPN, the VPN's tag and set index. */
static void explain_split(struct ex_run *run, const struct tlb_problem *tp, uint64_t va, uint64_t vpn, uint64_t s)
{
	char bits[80];
	uint64_t offset = va & (((uint64_t)1 << tp->page_shift) - 1);
	ex_explain(run, "VA 0x%0*" PRIx64 ": VPN = VA >> %u = 0x%0*" PRIx64 ", offset 0x%" PRIx64, tp->va_digits, va,
		   tp->page_shift, tp->vpn_digits, vpn, offset);
	if (tp->sets == 1)
		ex_explain(run, "one set (fully associative): set 0, tag = the VPN");
	else
		ex_explain(run, "VPN bits %s (tag | set index): set %" PRIu64 ", tag 0x%" PRIx64,
			   ex_bits(vpn, tp->vpn_bits, tp->vpn_bits - tp->set_bits, bits), s, vpn >> tp->set_bits);
}

/* A miss of o->vpn: the TLB refilled (the page walk's translation
 * inserted), and why the way it took; view is the set before. */
static void tlb_refill(struct ex_run *run, struct tlb *t, const struct tlb_problem *tp, struct tlb_history *h,
		       const struct tlb_entry *view, size_t i, struct tlb_outcome *o)
{
	struct tlb_entry fill = {.pfn = o->vpn, .allow = 0x3f};
	unsigned level;
	ex_explain(run, "miss: no way of set %" PRIu64 " holds VPN 0x%0*" PRIx64 "; the page walk's translation is "
		   "inserted", o->set, tp->vpn_digits, o->vpn);
	uint32_t slot = tlb_entry_slot(t, tlb_insert(t, 0, o->vpn, &fill));
	o->evicted = tlb_replaced(t, &o->evicted_vpn, &level);
	if (o->evicted)
		explain_victim(run, tp, h, view, o->set, slot % tp->cfg.ways);
	else
		ex_explain(run, "set %" PRIu64 " has an empty way: the lowest, way %u, is filled; nothing is replaced",
			   o->set, slot % tp->cfg.ways);
	h->used[slot] = h->filled[slot] = i;
}

/* Looks access i up in the TLB, refilling it on a miss, and records the
 * question with its working. */
static struct tlb_outcome tlb_access(struct ex_run *run, struct tlb *t, const struct tlb_problem *tp,
				     struct tlb_history *h, struct tlb_entry *view, size_t i)
{
	struct tlb_outcome o = {.vpn = tp->va[i] >> tp->page_shift};
	char *text = NULL;
	o.set = tlb_set_of(t, o.vpn);
	snapshot(t, tp, o.set, view);
	struct tlb_entry *e = tlb_lookup(t, 0, o.vpn);
	o.hit = e != NULL;
	ex_ask_word(run, o.hit ? "hit" : "miss", "VA %2zu: 0x%0*" PRIx64, i, tp->va_digits, tp->va[i]);
	explain_split(run, tp, tp->va[i], o.vpn, o.set);
	ex_explain(run, "set %" PRIu64 " before: %s", o.set, set_text(tp, view, &text));
	free(text);
	if (o.hit) {
		uint32_t slot = tlb_entry_slot(t, e);
		ex_explain(run, "hit: way %u holds VPN 0x%0*" PRIx64, slot % tp->cfg.ways, tp->vpn_digits, o.vpn);
		explain_hit(run, tp, h, o.set, slot % tp->cfg.ways);
		h->used[slot] = i;
	} else {
		tlb_refill(run, t, tp, h, view, i, &o);
	}
	snapshot(t, tp, o.set, view);
	ex_explain(run, "set %" PRIu64 " after: %s", o.set, set_text(tp, view, &text));
	free(text);
	return o;
}

/* ---- the problem and its answers ---- */

static void print_args(FILE *out, const struct pyopt_parser *p)
{
	for (int i = 0; i < p->nopts; i++) {
		const struct pyopt *o = &p->opts[i];
		if (o->kind == PYOPT_INT)
			fprintf(out, "ARG %s %" PRId64 "\n", o->longname, o->i);
		else if (o->kind == PYOPT_STRING)
			fprintf(out, "ARG %s %s\n", o->longname, o->s);
	}
	fprintf(out, "\n");
}

static void print_geometry(FILE *out, const struct tlb_problem *tp, const struct latency *lat)
{
	unsigned e = tp->cfg.entries, w = tp->cfg.ways;
	const char *policy = tlb_policy_name(tp->cfg.policy);
	if (w == 1)
		fprintf(out, "TLB: %u entr%s, direct-mapped (%u set%s of 1 way: a miss replaces the set's entry)\n", e,
			e == 1 ? "y" : "ies", tp->sets, tp->sets == 1 ? "" : "s");
	else if (tp->sets == 1)
		fprintf(out, "TLB: %u entries, fully associative (one set of %u ways), %s replacement\n", e, w, policy);
	else
		fprintf(out, "TLB: %u entries, set associative (%u sets of %u ways), %s replacement\n", e, tp->sets, w,
			policy);
	fprintf(out, "Pages of %" PRIu64 " byte%s: VPN = VA >> %u", (uint64_t)1 << tp->page_shift,
		tp->page_shift ? "s" : "", tp->page_shift);
	if (tp->sets > 1)
		fprintf(out, "; set = VPN mod %u (its low %u bit%s), tag = VPN >> %u", tp->sets, tp->set_bits,
			tp->set_bits == 1 ? "" : "s", tp->set_bits);
	fprintf(out, "\nLatency: a TLB lookup %" PRIu64 " ns, a memory reference %" PRIu64 " ns (DRAM); a miss also "
		"reads %u page-table level%s from memory\n", lat->tlb_hit_ns, lat->mem_ns[MEM_DRAM], tp->levels,
		tp->levels == 1 ? "" : "s");
	fprintf(out, "A set is shown as [way 0 way 1 ...]: the VPN each way holds, - when empty; the TLB starts empty.\n\n");
}

static void print_outcome(FILE *out, const struct tlb_problem *tp, const struct tlb *t, size_t i,
			  const struct tlb_outcome *o, struct tlb_entry *view)
{
	char *text = NULL;
	snapshot(t, tp, o->set, view);
	fprintf(out, "  VA %2zu: 0x%0*" PRIx64 " --> VPN 0x%0*" PRIx64 " set %" PRIu64 " %s  %s", i, tp->va_digits,
		tp->va[i], tp->vpn_digits, o->vpn, o->set, o->hit ? "HIT " : "MISS", set_text(tp, view, &text));
	if (o->evicted)
		fprintf(out, "  replaced 0x%0*" PRIx64, tp->vpn_digits, o->evicted_vpn);
	fprintf(out, "\n");
	free(text);
}

/* The totals: the hits, the misses and the trace's time, asked as
 * numbers; with solve, the final line. */
static void tlb_totals(struct ex_run *run, const struct tlb_problem *tp, const struct tlb *t,
		       const struct latency *lat, bool solve)
{
	const struct tlb_counters *c = tlb_counters(t);
	uint64_t n = tp->n, misses = c->misses, walk = misses * tp->levels;
	struct hw_counts hc = {.translations = n, .mem_refs[MEM_DRAM] = n + walk};
	uint64_t ns = latency_ns(lat, &hc), per = lat->tlb_hit_ns + lat->mem_ns[MEM_DRAM];
	double rate = 100.0 * (double)c->hits / (double)n, eat = (double)ns / (double)n;
	ex_ask_number(run, (int64_t)c->hits, "hits");
	ex_explain(run, "%" PRIu64 " of the %" PRIu64 " accesses hit: hit rate %" PRIu64 " / %" PRIu64 " = %.2f%%",
		   c->hits, n, c->hits, n, rate);
	ex_ask_number(run, (int64_t)misses, "misses");
	ex_explain(run, "%" PRIu64 " of the %" PRIu64 " accesses missed", misses, n);
	ex_ask_number(run, (int64_t)ns, "total time (ns)");
	ex_explain(run, "every access: a TLB lookup (%" PRIu64 " ns) and its memory reference (%" PRIu64 " ns): %" PRIu64
		   " x %" PRIu64 " = %" PRIu64 " ns", lat->tlb_hit_ns, lat->mem_ns[MEM_DRAM], n, per, n * per);
	ex_explain(run, "every miss: %u page-table read%s (%" PRIu64 " ns each): %" PRIu64 " x %u x %" PRIu64 " = %" PRIu64
		   " ns", tp->levels, tp->levels == 1 ? "" : "s", lat->mem_ns[MEM_DRAM], misses, tp->levels,
		   lat->mem_ns[MEM_DRAM], walk * lat->mem_ns[MEM_DRAM]);
	ex_explain(run, "total %" PRIu64 " ns; effective access time = %" PRIu64 " / %" PRIu64 " = %.2f ns", ns, ns, n, eat);
	if (solve)
		fprintf(run->out, "\nFINALSTATS hits %" PRIu64 "  misses %" PRIu64 "  hit rate %.2f%%  total %" PRIu64
			" ns  EAT %.2f ns\n\n", c->hits, misses, rate, ns, eat);
	else
		fprintf(run->out, "\nFor each virtual address, write down whether it hits or misses in the TLB; then the\n"
			"number of hits, the number of misses and the total time of the trace in ns (from\n"
			"which the hit rate and the effective access time follow).\n\n");
}

static void tlb_trace(struct ex_run *run, struct tlb *t, const struct tlb_problem *tp, bool solve)
{
	struct tlb_history h = {xcalloc(tp->cfg.entries, sizeof(size_t)), xcalloc(tp->cfg.entries, sizeof(size_t))};
	struct tlb_entry *view = xmalloc(tp->cfg.ways * sizeof *view);
	struct latency lat;
	latency_defaults(&lat);
	print_geometry(run->out, tp, &lat);
	fprintf(run->out, "Virtual Address Trace\n");
	for (size_t i = 0; i < tp->n; i++) {
		struct tlb_outcome o = tlb_access(run, t, tp, &h, view, i);
		if (solve)
			print_outcome(run->out, tp, t, i, &o, view);
		else
			fprintf(run->out, "  VA %2zu: 0x%0*" PRIx64 " --> hit or miss?\n", i, tp->va_digits, tp->va[i]);
	}
	tlb_totals(run, tp, t, &lat, solve);
	free(view);
	free(h.used);
	free(h.filled);
}

int ex_tlb(struct ex_run *run, int argc, char **argv)
{
	struct pyopt o[] = {
		{'s', "seed", PYOPT_INT, "seed", "the random seed", 0, NULL, false},
		{'e', "entries", PYOPT_INT, "entries", "number of TLB entries", 8, NULL, false},
		{'w', "ways", PYOPT_INT, "ways", "ways per set (1: direct-mapped; the entries: fully associative)", 2, NULL,
		 false},
		{'p', "policy", PYOPT_STRING, "policy", "replacement policy: LRU, FIFO, RANDOM or PLRU", 0, "lru", false},
		{'P', "pagesize", PYOPT_STRING, "pagesize", "page size (e.g., 16, 4k, 2m)", 0, "4k", false},
		{'a', "addresses", PYOPT_STRING, "addresses", "a set of comma-separated virtual addresses (decimal or "
		 "0x-hex) to access; -1 means randomly generate", 0, "-1", false},
		{'n', "numaddrs", PYOPT_INT, "numaddrs", "if -a (--addresses) is -1, the number of addresses to generate",
		 10, NULL, false},
		{'m', "maxpage", PYOPT_INT, "maxpage", "if -a is -1, the generated VPNs are below this", 32, NULL, false},
		{'W', "workingset", PYOPT_INT, "workingset", "if -a is -1, the pages of the working set", 4, NULL, false},
		{'l', "locality", PYOPT_INT, "locality", "if -a is -1, the percentage of accesses to the working set (the "
		 "others go to a random page, which joins it)", 80, NULL, false},
		{'L', "levels", PYOPT_INT, "levels", "page-table levels a TLB miss reads from memory", 1, NULL, false},
		{'c', "compute", PYOPT_TRUE, "solve", "compute answers for me", 0, NULL, false},
	};
	struct pyopt_parser p = {"vmlab exercise tlb", o, (int)(sizeof o / sizeof o[0]), run->out, stderr, NULL};
	struct tlb_problem tp;
	struct tlb *t;
	int st = pyopt_parse(&p, argc, argv);
	if (st != -1 || (st = tlb_problem_init(&p, &tp, &t)) != -1)
		return st;
	print_args(run->out, &p);
	run->words = "hit miss";
	tlb_trace(run, t, &tp, ex_solve(run, pyopt_get(&p, "compute")->flag));
	tlb_free(t);
	free(tp.va);
	return 0;
}
