/* The machine options: one row and one setter each. A setter checks what
 * its own value can be and notes when its option is one only some memory
 * mechanisms have; machine_opts_finish checks what depends on several
 * options (RAM in pages of the chosen size, such an option under another
 * mechanism). */
#include "cli/options.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LATENCY_NS 1000000000ull   /* one second per event */
#define MAX_SWAP_BYTES (1ull << 40)
#define MAX_CACHE_BYTES (4096ull * CACHE_MAX_LINES) /* the largest lines, as many as a level holds */
#define MAX_PARTITIONS 4096
#define MIN_AS_PAGES 16

void machine_opts_defaults(struct machine_opts *mo)
{
	memset(mo, 0, sizeof *mo);
	kernel_config_defaults(&mo->k);
	mo->k.mmu.tlb.seed = mo->k.seed; /* -s seeds both; without it, both get its default */
	mo->pt = "sv39";
	mo->pte_size = 8;
}

/* "PREFIX a, b or c" for a NULL-terminated list of names (plus extra, when
 * not NULL, as the last one); returns false. */
static bool one_of(const char *prefix, const char *const *names, const char *extra, char *err, size_t errlen)
{
	size_t n = 0, len;
	while (names[n])
		n++;
	len = (size_t)snprintf(err, errlen, "%s", prefix);
	for (size_t i = 0; i < n + (extra != NULL) && len < errlen; i++) {
		const char *name = i < n ? names[i] : extra;
		bool last = i + 1 == n + (extra != NULL);
		len += (size_t)snprintf(err + len, errlen - len, "%s%s", i == 0 ? " " : last ? " or " : ", ", name);
	}
	return false;
}

static bool expects(const char *const *names, const char *extra, char *err, size_t errlen)
{
	return one_of("expects", names, extra, err, errlen);
}

/* Splits "A:B" at the colon into a (a copy in buf) and *b (NULL without one). */
static const char *split_colon(const char *v, char *buf, size_t size, const char **b)
{
	snprintf(buf, size, "%s", v);
	char *colon = strchr(buf, ':');
	*b = colon ? colon + 1 : NULL;
	if (colon)
		*colon = '\0';
	return buf;
}

/* ---- the memory mechanism, and the options only some mechanisms have ---- */

#define MECH_BIT(kind) (1u << (kind))
#define PAGING_ONLY MECH_BIT(MMU_MECH_PAGING)
#define PLACED (MECH_BIT(MMU_MECH_BASE_BOUNDS) | MECH_BIT(MMU_MECH_SEGMENTATION))
#define CONTIGUOUS (MECH_BIT(MMU_MECH_PARTITION) | PLACED)

static const struct mech_need need_page_tables = {PAGING_ONLY, "page tables", NULL};
static const struct mech_need need_tlb = {PAGING_ONLY, "TLB", NULL};
static const struct mech_need need_replacement = {PAGING_ONLY, "page replacement", NULL};
static const struct mech_need need_partitions = {MECH_BIT(MMU_MECH_PARTITION), NULL,
						 "only --mmu partition has fixed partitions"};
static const struct mech_need need_as_size = {MECH_BIT(MMU_MECH_BASE_BOUNDS), NULL,
					      "only --mmu base-bounds has a fixed address-space size"};
static const struct mech_need need_fit = {PLACED, NULL,
					  "only --mmu base-bounds and segmentation place blocks of memory where they fit"};
static const struct mech_need need_compact = {PLACED, NULL,
					      "only --mmu base-bounds and segmentation have blocks of memory to compact"};
static const struct mech_need need_swap_processes = {CONTIGUOUS, NULL,
						     "only --mmu partition, base-bounds and segmentation swap whole "
						     "processes, paging swaps pages"};

/* Notes that option, which only need's mechanisms have, was given (once,
 * however often it is); machine_opts_finish checks it against --mmu. */
static void given(struct machine_opts *mo, const char *option, const struct mech_need *need)
{
	for (unsigned i = 0; i < mo->ngiven; i++)
		if (!strcmp(mo->given[i].option, option))
			return;
	if (mo->ngiven == MACHINE_GIVEN_MAX)
		panic("given: more than %d options only some mechanisms have", MACHINE_GIVEN_MAX);
	mo->given[mo->ngiven].option = option;
	mo->given[mo->ngiven++].need = need;
}

/* Whether an option that needs need was given. */
static bool was_given(const struct machine_opts *mo, const struct mech_need *need)
{
	for (unsigned i = 0; i < mo->ngiven; i++)
		if (mo->given[i].need == need)
			return true;
	return false;
}

static bool set_mmu(void *ctx, const char *v, char *err, size_t errlen)
{
	static const char *const names[] = {"paging", "partition", "base-bounds", "segmentation", NULL};
	struct machine_opts *mo = ctx;
	const struct mmu_mech *mech = mmu_mech_lookup(v);
	if (!mech || mech->kind == MMU_MECH_BARE) /* bare (no translation) is the kernel's, not a user's */
		return expects(names, NULL, err, errlen);
	mo->k.mmu.mech = mech;
	return true;
}

static bool set_partitions(void *ctx, const char *v, char *err, size_t errlen)
{
	struct machine_opts *mo = ctx;
	uint64_t n;
	if (!opt_number(v, 1, MAX_PARTITIONS, &n, err, errlen))
		return false;
	mo->k.mmu.part.count = (unsigned)n;
	given(mo, "--partitions", &need_partitions);
	return true;
}

static bool set_as_size(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	struct machine_opts *mo = ctx;
	mo->as_size = v;
	given(mo, "--as-size", &need_as_size);
	return true;
}

static bool set_fit(void *ctx, const char *v, char *err, size_t errlen)
{
	static const char *const names[] = {"first", "next", "best", "worst", NULL};
	struct machine_opts *mo = ctx;
	if (!contig_fit_parse(v, &mo->k.fit))
		return expects(names, NULL, err, errlen);
	given(mo, "--fit", &need_fit);
	return true;
}

static bool set_compact(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	struct machine_opts *mo = ctx;
	mo->k.compact = true;
	given(mo, "--compact", &need_compact);
	return true;
}

static bool set_swap_processes(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	struct machine_opts *mo = ctx;
	mo->k.swap_processes = true;
	given(mo, "--swap-processes", &need_swap_processes);
	return true;
}

/* ---- page tables ---- */

static bool set_pt(void *ctx, const char *v, char *err, size_t errlen)
{
	struct machine_opts *mo = ctx;
	given(mo, "--pt", &need_page_tables);
	for (size_t i = 0; ptfmt_preset_names[i]; i++)
		if (!strcmp(v, ptfmt_preset_names[i]))
			return mo->pt = ptfmt_preset_names[i], true;
	if (!strcmp(v, "custom"))
		return mo->pt = "custom", true;
	return expects(ptfmt_preset_names, "custom", err, errlen);
}

static bool set_page_size(void *ctx, const char *v, char *err, size_t errlen)
{
	struct machine_opts *mo = ctx;
	uint64_t n;
	if (!parse_size(v, &n) || !is_pow2(n) || n < (1ull << PTFMT_MIN_PAGE_SHIFT) || n > (1ull << PTFMT_MAX_PAGE_SHIFT))
		return fail_msg(err, errlen, "must be a power of two from %llu bytes to %llu GiB",
				1ull << PTFMT_MIN_PAGE_SHIFT, 1ull << PTFMT_MAX_PAGE_SHIFT >> 30);
	mo->page_size = n;
	return true;
}

static bool set_va_bits(void *ctx, const char *v, char *err, size_t errlen)
{
	struct machine_opts *mo = ctx;
	uint64_t n;
	if (!opt_number(v, PTFMT_MIN_PAGE_SHIFT + 1, PTFMT_MAX_VA_BITS, &n, err, errlen))
		return false;
	mo->va_bits = (unsigned)n;
	given(mo, "--va-bits", &need_page_tables);
	return true;
}

static bool set_pt_bits(void *ctx, const char *v, char *err, size_t errlen)
{
	struct machine_opts *mo = ctx;
	unsigned n = 0;
	const char *s = v;
	while (*s && n < PT_MAX_LEVELS) {
		char *end;
		unsigned long b = *s >= '0' && *s <= '9' ? strtoul(s, &end, 10) : 0;
		if (b < 1 || b > PTFMT_MAX_LEVEL_BITS || (*end && *end != ',') || (*end == ',' && !end[1]))
			break;
		mo->pt_bits[n++] = (unsigned)b;
		s = *end ? end + 1 : end;
	}
	if (n == 0 || *s)
		return fail_msg(err, errlen, "expects 1 to %d levels of index bits, root first (9,9,9), each from 1 to %d",
				PT_MAX_LEVELS, PTFMT_MAX_LEVEL_BITS);
	mo->npt_bits = n;
	mo->pt_bits_text = v;
	given(mo, "--pt-bits", &need_page_tables);
	return true;
}

static bool set_pte_size(void *ctx, const char *v, char *err, size_t errlen)
{
	struct machine_opts *mo = ctx;
	if (strcmp(v, "4") && strcmp(v, "8"))
		return fail_msg(err, errlen, "must be 4 or 8 (bytes per entry)");
	mo->pte_size = (unsigned)(v[0] - '0');
	mo->pte_size_given = true;
	given(mo, "--pte-size", &need_page_tables);
	return true;
}

/* ---- memory and swap (checked against the page size by machine_opts_finish) ---- */

static bool set_ram(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	((struct machine_opts *)ctx)->ram = v;
	return true;
}

static bool set_frames(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	((struct machine_opts *)ctx)->frames = v;
	return true;
}

static bool set_swap_size(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)err, (void)errlen;
	((struct machine_opts *)ctx)->swap_size = v;
	return true;
}

static bool set_swap(void *ctx, const char *v, char *err, size_t errlen)
{
	if (!opt_path(v, OPT_PATH_WRITE, err, errlen))
		return false;
	((struct machine_opts *)ctx)->k.swap_path = v;
	return true;
}

/* ---- TLB ---- */

static bool set_tlb_entries(void *ctx, const char *v, char *err, size_t errlen)
{
	struct machine_opts *mo = ctx;
	uint64_t n;
	given(mo, "--tlb-entries", &need_tlb);
	if (!opt_number(v, 1, TLB_MAX_ENTRIES, &n, err, errlen))
		return false;
	mo->k.mmu.tlb.entries = (unsigned)n;
	return true;
}

static bool set_tlb_ways(void *ctx, const char *v, char *err, size_t errlen)
{
	struct machine_opts *mo = ctx;
	uint64_t n;
	given(mo, "--tlb-ways", &need_tlb);
	if (!opt_number(v, 0, TLB_MAX_ENTRIES, &n, err, errlen))
		return false;
	mo->k.mmu.tlb.ways = (unsigned)n;
	mo->tlb_ways_given = true;
	return true;
}

static bool set_tlb_policy(void *ctx, const char *v, char *err, size_t errlen)
{
	static const char *const names[] = {"lru", "fifo", "random", "plru", NULL};
	struct machine_opts *mo = ctx;
	given(mo, "--tlb-policy", &need_tlb);
	return tlb_policy_parse(v, &mo->k.mmu.tlb.policy) || expects(names, NULL, err, errlen);
}

static bool set_tlb_split(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	struct machine_opts *mo = ctx;
	given(mo, "--tlb-split", &need_tlb);
	mo->k.mmu.split = true;
	return true;
}

static bool set_tlb_l2(void *ctx, const char *v, char *err, size_t errlen)
{
	struct machine_opts *mo = ctx;
	char buf[64];
	const char *ways_text;
	uint64_t entries, ways = 0;
	const char *entries_text = split_colon(v, buf, sizeof buf, &ways_text);
	given(mo, "--tlb-l2", &need_tlb);
	if (!parse_u64(entries_text, &entries) || entries < 1 || entries > TLB_MAX_ENTRIES ||
	    (ways_text && (!parse_u64(ways_text, &ways) || ways > TLB_MAX_ENTRIES)))
		return fail_msg(err, errlen, "expects ENTRIES[:WAYS], ENTRIES from 1 to %d and WAYS from 0 (fully associative) to %d",
				TLB_MAX_ENTRIES, TLB_MAX_ENTRIES);
	mo->k.mmu.l2 = mo->k.mmu.tlb;
	mo->k.mmu.l2.entries = (unsigned)entries;
	mo->k.mmu.l2.ways = (unsigned)ways;
	mo->tlb_l2 = v;
	return true;
}

static bool set_tlb_refill(void *ctx, const char *v, char *err, size_t errlen)
{
	static const char *const names[] = {"hw", "sw", NULL};
	struct machine_opts *mo = ctx;
	given(mo, "--tlb-refill", &need_tlb);
	if (strcmp(v, "hw") && strcmp(v, "sw"))
		return expects(names, NULL, err, errlen);
	mo->k.mmu.refill = !strcmp(v, "sw") ? TLB_REFILL_SW : TLB_REFILL_HW;
	return true;
}

static bool set_no_asid(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	struct machine_opts *mo = ctx;
	given(mo, "--no-asid", &need_tlb);
	mo->k.mmu.tlb.asid = false;
	return true;
}

static bool set_sw_ad(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	struct machine_opts *mo = ctx;
	given(mo, "--sw-ad", &need_page_tables);
	mo->k.mmu.sw_ad = true;
	return true;
}

/* ---- replacement ---- */

static bool set_policy(void *ctx, const char *v, char *err, size_t errlen)
{
	struct machine_opts *mo = ctx;
	const struct policy_ops *ops = policy_find(v);
	given(mo, "--policy", &need_replacement);
	if (!ops)
		return expects(policy_names, NULL, err, errlen);
	mo->k.policy = ops;
	return true;
}

static bool set_scope(void *ctx, const char *v, char *err, size_t errlen)
{
	static const char *const names[] = {"global", "local", NULL};
	struct machine_opts *mo = ctx;
	given(mo, "--scope", &need_replacement);
	if (strcmp(v, "global") && strcmp(v, "local"))
		return expects(names, NULL, err, errlen);
	mo->k.local_scope = !strcmp(v, "local");
	return true;
}

/* ---- caches ---- */

static bool set_caches(void *ctx, const char *v, char *err, size_t errlen)
{
	(void)v, (void)err, (void)errlen;
	((struct machine_opts *)ctx)->k.mmu.caches = true;
	return true;
}

/* --cache-lN SIZE[:WAYS]; the cache model checks that the geometry fits. */
static bool set_cache_level(struct machine_opts *mo, int level, const char *v, char *err, size_t errlen)
{
	struct cache_level_config *lc = &mo->k.mmu.cache.level[level];
	char buf[64], big[32];
	const char *ways_text;
	uint64_t size, ways = lc->ways;
	const char *size_text = split_colon(v, buf, sizeof buf, &ways_text);
	if (!parse_size(size_text, &size) || size > MAX_CACHE_BYTES ||
	    (ways_text && (!parse_u64(ways_text, &ways) || ways < 1 || ways > CACHE_MAX_WAYS))) {
		opt_size_text(MAX_CACHE_BYTES, big, sizeof big);
		return fail_msg(err, errlen, "expects SIZE[:WAYS] such as 32k:8, SIZE from 0 (no such level) to %s and WAYS from 1 to %d",
				big, CACHE_MAX_WAYS);
	}
	lc->size = size;
	lc->ways = (unsigned)ways;
	mo->k.mmu.caches = true;
	return true;
}

static bool set_cache_l1(void *ctx, const char *v, char *err, size_t errlen)
{
	return set_cache_level(ctx, 0, v, err, errlen);
}

static bool set_cache_l2(void *ctx, const char *v, char *err, size_t errlen)
{
	return set_cache_level(ctx, 1, v, err, errlen);
}

static bool set_cache_l3(void *ctx, const char *v, char *err, size_t errlen)
{
	return set_cache_level(ctx, 2, v, err, errlen);
}

static bool set_cache_line(void *ctx, const char *v, char *err, size_t errlen)
{
	struct machine_opts *mo = ctx;
	uint64_t n;
	if (!parse_u64(v, &n) || !is_pow2(n) || n < 4 || n > 4096)
		return fail_msg(err, errlen, "must be a power of two from 4 to 4096 (bytes)");
	mo->k.mmu.cache.line = (unsigned)n;
	mo->k.mmu.caches = true;
	return true;
}

/* ---- time and randomness ---- */

static bool set_latency(void *ctx, const char *v, char *err, size_t errlen)
{
	static const char *const names[] = {"tlb", "tlb-l2", "l1", "l2", "l3", "dram", "fault", "disk-read",
					    "disk-write", NULL};
	struct machine_opts *mo = ctx;
	char name[32];
	const char *eq = strchr(v, '=');
	uint64_t ns;
	if (!eq || (size_t)(eq - v) >= sizeof name || !parse_u64(eq + 1, &ns) || ns > MAX_LATENCY_NS)
		return fail_msg(err, errlen, "expects NAME=NANOSECONDS such as dram=100, from 0 to %llu",
				MAX_LATENCY_NS);
	memcpy(name, v, (size_t)(eq - v));
	name[eq - v] = '\0';
	return latency_set(&mo->k.lat, name, ns) || one_of("NAME must be", names, NULL, err, errlen);
}

static bool set_seed(void *ctx, const char *v, char *err, size_t errlen)
{
	struct machine_opts *mo = ctx;
	uint64_t n;
	if (!opt_number(v, 0, UINT64_MAX, &n, err, errlen))
		return false;
	mo->k.seed = n;
	mo->k.mmu.tlb.seed = n;
	return true;
}

static const struct opt machine_rows[] = {
	{"mmu", 0, "MECH", "memory mechanism: paging, partition (fixed partitions), base-bounds or "
	 "segmentation; the page-table, TLB and replacement options are paging's", "paging", set_mmu},
	{"partitions", 0, "N", "partition: how many equal fixed partitions the RAM is cut into, 1 to 4096 "
	 "(each at least a page)", "8", set_partitions},
	{"as-size", 0, "SIZE[,SIZE...]", "base-bounds: the address spaces' size (of pid 1, 2, ...; the last for "
	 "later pids), whole pages, 16 pages to the RAM", "1m", set_as_size},
	{"fit", 0, "F", "base-bounds, segmentation: which hole a block goes to: first, next, best or worst",
	 "first", set_fit},
	{"compact", 0, NULL, "base-bounds, segmentation: move blocks together when no hole is large enough",
	 NULL, set_compact},
	{"swap-processes", 0, NULL, "partition, base-bounds, segmentation: swap whole processes out to make room",
	 NULL, set_swap_processes},
	{"pt", 0, "PRESET", "page tables: sv39, sv48, sv32, x86-64, ostep-2level, linear or custom", "sv39", set_pt},
	{"page-size", 0, "SIZE", "base page size of linear and custom tables, the granule memory is handed out in under the other "
	 "mechanisms: a power of two from 4 bytes to 1 GiB",
	 "4k", set_page_size},
	{"va-bits", 0, "N", "virtual-address width of linear and custom tables: 3 to 64",
	 "32 for linear, the page and index bits for custom", set_va_bits},
	{"pt-bits", 0, "B,B,...", "custom: index bits per level, root first (1 to 6 levels of 1 to 32)", NULL,
	 set_pt_bits},
	{"pte-size", 0, "N", "custom: bytes per page-table entry, 4 or 8", "8", set_pte_size},
	{"ram", 0, "SIZE", "memory for processes, in whole pages", "16m", set_ram},
	{"frames", 0, "N", "memory for processes in frames, instead of --ram", NULL, set_frames},
	{"tlb-entries", 0, "N", "TLB size: 1 to 65536", "64", set_tlb_entries},
	{"tlb-ways", 0, "N", "TLB associativity: 1 (direct-mapped) to the entries, 0 = fully associative", "0",
	 set_tlb_ways},
	{"tlb-policy", 0, "P", "TLB replacement: lru, fifo, random or plru", "lru", set_tlb_policy},
	{"tlb-split", 0, NULL, "separate instruction and data TLBs", NULL, set_tlb_split},
	{"tlb-l2", 0, "N[:WAYS]", "a second-level TLB of N entries (1 to 65536)", NULL, set_tlb_l2},
	{"tlb-refill", 0, "hw|sw", "hardware walker or software-managed TLB", "hw", set_tlb_refill},
	{"no-asid", 0, NULL, "no ASID tags: flush the TLB on every switch", NULL, set_no_asid},
	{"sw-ad", 0, NULL, "A/D bits managed by the kernel (a clear bit faults)", NULL, set_sw_ad},
	{"policy", 0, "P", "page replacement: clock, fifo, lru, eclock, random, opt, twolist, mru, unopt or rclock (OSTEP's CLOCK: random probes)", "clock", set_policy},
	{"scope", 0, "global|local", "replacement among all pages or the faulting process's own", "global", set_scope},
	{"swap", 0, "FILE", "swap file", "an unlinked temporary file", set_swap},
	{"swap-size", 0, "SIZE", "swap size, in whole pages up to 1 TiB; 0 = no swap", "8 x RAM", set_swap_size},
	{"caches", 0, NULL, "model L1/L2/L3 caches (without it every reference costs DRAM latency)", NULL,
	 set_caches},
	{"cache-l1", 0, "SIZE[:W]", "L1 cache of W ways (1 to 64); SIZE 0 = none; implies --caches", "32k:8",
	 set_cache_l1},
	{"cache-l2", 0, "SIZE[:W]", "L2 cache, alike", "512k:8", set_cache_l2},
	{"cache-l3", 0, "SIZE[:W]", "L3 cache, alike", "8m:16", set_cache_l3},
	{"cache-line", 0, "N", "line size of every level: a power of two from 4 to 4096 bytes; implies --caches",
	 "64", set_cache_line},
	{"latency", 0, "NAME=NS", "the cost of one event, 0 to 1000000000 ns (repeatable):\n"
	 "tlb=1, tlb-l2=4, l1=1, l2=4, l3=40, dram=80, fault=1000, disk-read=100000, disk-write=100000"
	 " by default", NULL, set_latency},
	{NULL, 's', "SEED", "seed of every random choice", "1", set_seed},
};

struct opt_group machine_opts_group(struct machine_opts *mo)
{
	return (struct opt_group){"machine options", machine_rows, ARRAY_LEN(machine_rows), mo};
}

/* ---- what depends on several options ---- */

static bool finish_custom(struct machine_opts *mo, unsigned page_shift, char *err, size_t errlen)
{
	if (!mo->npt_bits)
		return fail_msg(err, errlen, "--pt custom needs --pt-bits B,B,... (index bits per level, root first)");
	unsigned sum = 0, ps = page_shift ? page_shift : 12;
	for (unsigned l = 0; l < mo->npt_bits; l++)
		sum += mo->pt_bits[l];
	return ptfmt_custom(&mo->k.fmt, ps, mo->va_bits ? mo->va_bits : ps + sum, mo->npt_bits, mo->pt_bits,
			    mo->pte_size, err, errlen) == PTFMT_OK;
}

/* Whether --pt-bits, as given, is the preset f's own layout. */
static bool same_levels(const struct machine_opts *mo, const struct pt_format *f)
{
	if (mo->npt_bits != f->levels)
		return false;
	for (unsigned l = 0; l < f->levels; l++)
		if (mo->pt_bits[l] != f->level_bits[f->levels - 1 - l])
			return false;
	return true;
}

static bool finish_preset(struct machine_opts *mo, unsigned page_shift, char *err, size_t errlen)
{
	const struct pt_format *f = &mo->k.fmt;
	if (ptfmt_preset(&mo->k.fmt, mo->pt, page_shift, mo->va_bits, err, errlen) != PTFMT_OK)
		return false;
	if ((page_shift && page_shift != f->page_shift) || (mo->va_bits && mo->va_bits != f->va_bits))
		return fail_msg(err, errlen, "--pt %s has fixed %u-bit addresses and %llu-byte pages (use linear or custom)",
				mo->pt, f->va_bits, 1ull << f->page_shift);
	if (mo->npt_bits && !same_levels(mo, f)) {
		char own[64] = "";
		for (unsigned l = f->levels, len = 0; l-- > 0 && len < sizeof own;)
			len += (unsigned)snprintf(own + len, sizeof own - len, "%s%u", len ? "," : "", f->level_bits[l]);
		return fail_msg(err, errlen, "--pt-bits %s: --pt %s has %s (use --pt custom)", mo->pt_bits_text, mo->pt,
				own);
	}
	if (mo->pte_size_given && mo->pte_size != f->pte_size)
		return fail_msg(err, errlen, "--pte-size %u: --pt %s has %u-byte entries (use --pt custom)", mo->pte_size,
				mo->pt, f->pte_size);
	return true;
}

/* Whether every option given that only some mechanisms have is one the
 * chosen mechanism has; false after "vmlab: --tlb-entries: base-bounds has
 * no TLB" for the first that is not. */
static bool finish_given(const struct machine_opts *mo)
{
	const struct mmu_mech *mech = mo->k.mmu.mech;
	for (unsigned i = 0; i < mo->ngiven; i++) {
		const struct mech_need *need = mo->given[i].need;
		if (need->mechs & MECH_BIT(mech->kind))
			continue;
		if (need->thing)
			fprintf(stderr, "vmlab: %s: %s has no %s\n", mo->given[i].option, mech->name, need->thing);
		else
			fprintf(stderr, "vmlab: %s: %s (this machine is --mmu %s)\n", mo->given[i].option, need->only,
				mech->name);
		return false;
	}
	return true;
}

static bool finish_format(struct machine_opts *mo)
{
	char err[200];
	unsigned page_shift = mo->page_size ? log2_u64(mo->page_size) : 0;
	if (mo->k.mmu.mech->kind != MMU_MECH_PAGING) /* no page tables: only the page size matters */
		mo->pt = page_shift && page_shift != 12 ? "linear" : "sv39";
	bool ok = !strcmp(mo->pt, "custom") ? finish_custom(mo, page_shift, err, sizeof err)
					    : finish_preset(mo, page_shift, err, sizeof err);
	if (!ok)
		fprintf(stderr, "vmlab: %s\n", err);
	return ok;
}

/* The most user frames the format's PTEs can name (the kernel wants fewer
 * than 2^pfn_bits) and physical memory can hold. */
static uint64_t max_user_frames(const struct pt_format *f)
{
	uint64_t by_pte = mask_bits(f->pfn_bits), by_memory = PHYSMEM_MAX_BYTES >> f->page_shift;
	return by_pte < by_memory ? by_pte : by_memory;
}

/* --ram or --frames (or the default 16 MiB) in frames; false after a message. */
static bool finish_frames(const struct machine_opts *mo, uint64_t *frames)
{
	const struct pt_format *f = &mo->k.fmt;
	uint64_t page = 1ull << f->page_shift, max = max_user_frames(f);
	char ptext[32], lo[32], hi[32];
	opt_size_text(page, ptext, sizeof ptext);
	if (mo->ram && mo->frames) {
		fprintf(stderr, "vmlab: give --ram or --frames, not both\n");
		return false;
	}
	uint64_t n = 0;
	if (mo->frames && (!parse_u64(mo->frames, &n) || n < 1 || n > max)) {
		opt_size_text(max * page, hi, sizeof hi);
		if (max == mask_bits(f->pfn_bits))
			fprintf(stderr, "vmlab: --frames %s: must be a number from 1 to %" PRIu64
					" (the most frames %s page-table entries can name)\n", mo->frames, max, f->name);
		else
			fprintf(stderr, "vmlab: --frames %s: must be a number from 1 to %" PRIu64 " (%s of %s frames)\n",
				mo->frames, max, hi, ptext);
		return false;
	}
	if (mo->ram && (!parse_size(mo->ram, &n) || n < page || n % page || n / page > max)) {
		opt_size_text(page, lo, sizeof lo);
		opt_size_text(max * page, hi, sizeof hi);
		fprintf(stderr, "vmlab: --ram %s: must be from 1 to %" PRIu64 " pages of %s (%s to %s), such as 64k, 16m or 1g\n",
			mo->ram, max, ptext, lo, hi);
		return false;
	}
	*frames = mo->frames ? n : (mo->ram ? n : 16ull << 20) / page;
	if (*frames == 0) {
		fprintf(stderr, "vmlab: the default RAM (16 MiB) is smaller than one %s page: give --ram or --frames\n",
			ptext);
		return false;
	}
	return true;
}

/* Ways that split entries into a power-of-two number of sets. */
static bool ways_fit(unsigned entries, unsigned ways)
{
	return ways == 0 || (ways <= entries && entries % ways == 0 && is_pow2(entries / ways));
}

/* The ways of tc (given as what, "--tlb-ways 3:") against its entries:
 * lists the ways that fit; false after a message. */
static bool check_ways(const char *what, const struct tlb_config *tc)
{
	bool plru = tc->policy == TLB_PLRU;
	if (ways_fit(tc->entries, tc->ways) && (!plru || !tc->ways || is_pow2(tc->ways)))
		return true;
	char list[400] = "";
	size_t len = 0;
	for (unsigned w = 1; w <= tc->entries && len < sizeof list; w++)
		if (ways_fit(tc->entries, w) && (!plru || is_pow2(w)))
			len += (size_t)snprintf(list + len, sizeof list - len, "%s%u", len ? ", " : "", w);
	if (!len)
		fprintf(stderr, "vmlab: %s plru needs a power-of-two number of ways, and %u entries cannot be split so\n",
			what, tc->entries);
	else
		fprintf(stderr, "vmlab: %s must be 0 (fully associative) or one of %s (%u entries in a power-of-two number of sets%s)\n",
			what, list, tc->entries, plru ? ", a power of two of ways for plru" : "");
	return false;
}

/* --swap-size (or 8 x RAM) in slots; false after a message. */
static bool finish_swap(const struct machine_opts *mo, uint64_t frames, uint64_t *slots)
{
	uint64_t page = 1ull << mo->k.fmt.page_shift, bytes = 0;
	if (!mo->swap_size) {
		*slots = 8 * frames;
		return true;
	}
	if (!parse_size(mo->swap_size, &bytes) || bytes % page || bytes > MAX_SWAP_BYTES) {
		char ptext[32], hi[32];
		opt_size_text(page, ptext, sizeof ptext);
		opt_size_text(MAX_SWAP_BYTES, hi, sizeof hi);
		fprintf(stderr, "vmlab: --swap-size %s: must be from 0 (no swap) to %llu pages of %s (%s), such as 64m\n",
			mo->swap_size, MAX_SWAP_BYTES / page, ptext, hi);
		return false;
	}
	*slots = bytes / page;
	return true;
}

/* Partition: every one of --partitions (or the default 8) at least a page
 * of the RAM; false after a message. */
static bool finish_partitions(const struct machine_opts *mo, uint64_t frames)
{
	unsigned count = mo->k.mmu.part.count;
	if (mo->k.mmu.mech->kind != MMU_MECH_PARTITION || count <= frames)
		return true;
	char ptext[32];
	opt_size_text(1ull << mo->k.fmt.page_shift, ptext, sizeof ptext);
	fprintf(stderr, "vmlab: --partitions %u%s: %" PRIu64 " pages of RAM make at most %" PRIu64
			" partitions of a page (%s) or more\n",
		count, was_given(mo, &need_partitions) ? "" : " (the default)", frames, frames, ptext);
	return false;
}

/* --as-size SIZE[,SIZE...]: the address space of pid 1, 2, ... and the last
 * for every later one, each whole pages from min to max bytes; false after a
 * message. */
static bool as_size_list(struct machine_opts *mo, uint64_t page, uint64_t max, uint64_t frames, const char *ptext)
{
	uint64_t min = MIN_AS_PAGES * page;
	char item[64], lo[32], hi[32];
	const char *v = mo->as_size;
	unsigned n = 0;
	opt_size_text(min, lo, sizeof lo);
	opt_size_text(max, hi, sizeof hi);
	for (;;) {
		size_t len = strcspn(v, ",");
		uint64_t size;
		snprintf(item, sizeof item, "%.*s", (int)(len < sizeof item ? len : sizeof item - 1), v);
		if (n == KERNEL_AS_SIZES) {
			fprintf(stderr, "vmlab: --as-size %s: at most %d sizes (for pids 1 to %d; later ones get the "
					"last)\n", mo->as_size, KERNEL_AS_SIZES, KERNEL_AS_SIZES);
			return false;
		}
		if (len >= sizeof item || !parse_size(item, &size) || size % page || size < min ||
		    size > max) {
			bool list = strchr(mo->as_size, ',') != NULL;
			fprintf(stderr, "vmlab: --as-size %s: %s%smust be from %d to %" PRIu64 " pages of %s (%s to %s, the "
					"RAM), such as 64k or 1m\n", mo->as_size, list ? item : "", list ? ": each size " : "",
				MIN_AS_PAGES, frames, ptext, lo, hi);
			return false;
		}
		mo->k.as_sizes[n++] = mo->k.as_size = size;
		if (!v[len])
			break;
		v += len + 1;
	}
	mo->k.nas_sizes = n > 1 ? n : 0; /* one size is every pid's */
	if (n == 1)
		mo->k.as_sizes[0] = 0;
	return true;
}

/* Base-bounds: --as-size (or the default, rounded up to whole pages and at
 * least MIN_AS_PAGES of them) into mo->k.as_size: whole pages, at least
 * MIN_AS_PAGES, at most the RAM; false after a message. */
static bool finish_as_size(struct machine_opts *mo, uint64_t frames)
{
	if (mo->k.mmu.mech->kind != MMU_MECH_BASE_BOUNDS)
		return true;
	uint64_t page = 1ull << mo->k.fmt.page_shift, ram = frames * page, n = 0;
	char ptext[32], lo[32], hi[32];
	opt_size_text(page, ptext, sizeof ptext);
	opt_size_text(MIN_AS_PAGES * page, lo, sizeof lo);
	opt_size_text(ram, hi, sizeof hi);
	if (frames < MIN_AS_PAGES) {
		fprintf(stderr, "vmlab: --mmu base-bounds: an address space is at least %d pages (%s), more than the "
				"RAM's %" PRIu64 " (%s)\n", MIN_AS_PAGES, lo, frames, hi);
		return false;
	}
	if (!mo->as_size) {
		n = (mo->k.as_size + page - 1) / page * page;
		n = n < MIN_AS_PAGES * page ? MIN_AS_PAGES * page : n;
		if (n > ram) {
			opt_size_text(n, lo, sizeof lo);
			fprintf(stderr, "vmlab: --mmu base-bounds: the default address-space size, %s, is more than the "
					"RAM (%s): give a smaller --as-size\n", lo, hi);
			return false;
		}
		mo->k.as_size = n;
		return true;
	}
	return as_size_list(mo, page, ram, frames, ptext);
}

bool machine_opts_finish(struct machine_opts *mo)
{
	uint64_t frames, slots;
	if (!finish_given(mo) || !finish_format(mo) || !finish_frames(mo, &frames) || !finish_swap(mo, frames, &slots) ||
	    !finish_partitions(mo, frames) || !finish_as_size(mo, frames))
		return false;
	const struct mmu_config *mc = &mo->k.mmu;
	char what[120];
	snprintf(what, sizeof what, "--tlb-ways %u:", mc->tlb.ways);
	if (mo->tlb_ways_given && !check_ways(what, &mc->tlb))
		return false;
	snprintf(what, sizeof what, "--tlb-l2 %s: WAYS", mo->tlb_l2 ? mo->tlb_l2 : "");
	if (mc->l2.entries && !check_ways(what, &mc->l2))
		return false;
	mo->k.user_frames = frames;
	mo->k.swap_slots = slots;
	if (!mo->tlb_ways_given)
		mo->k.mmu.tlb.ways = 0;
	return true;
}

bool machine_opts_fit_programs(const struct machine_opts *mo)
{
	struct kernel_minimum min;
	kernel_minimum(&mo->k.fmt, &min);
	if (mo->k.user_frames >= min.user_frames)
		return true;
	uint64_t page = 1ull << mo->k.fmt.page_shift;
	char need[32], ptext[32], given[96];
	opt_size_text(min.user_frames * page, need, sizeof need);
	opt_size_text(page, ptext, sizeof ptext);
	if (mo->frames)
		snprintf(given, sizeof given, "--frames %s", mo->frames);
	else if (mo->ram)
		snprintf(given, sizeof given, "--ram %s", mo->ram);
	else
		snprintf(given, sizeof given, "the default RAM (16 MiB, give --ram)");
	fprintf(stderr, "vmlab: %s: too small; this machine needs at least %s, %" PRIu64 " pages of %s (one "
			"instruction's fetch can touch %" PRIu64 " pages and its load or store %" PRIu64 " more, each "
			"across a page boundary)\n",
		given, need, min.user_frames, ptext, min.fetch_pages, min.data_pages);
	return false;
}
