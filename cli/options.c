/* Parsing of the machine options. */
#include "cli/options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char machine_opts_help[] =
	"machine options:\n"
	"  --pt PRESET          page tables: sv39 (default), sv48, sv32, x86-64, ostep-2level, linear, custom\n"
	"  --page-size SIZE     base page size (linear, custom)\n"
	"  --va-bits N          virtual-address width (linear, custom)\n"
	"  --pt-bits B,B,...    custom: index bits per level, root first\n"
	"  --pte-size N         custom: 4 or 8 bytes per entry\n"
	"  --ram SIZE | --frames N   memory for processes (default 16m)\n"
	"  --tlb-entries N      TLB size (default 64)\n"
	"  --tlb-ways N         associativity (default: fully associative)\n"
	"  --tlb-policy P       lru (default), fifo, random, plru\n"
	"  --tlb-split          separate instruction and data TLBs\n"
	"  --tlb-l2 N[:WAYS]    a second-level TLB\n"
	"  --tlb-refill hw|sw   hardware walker (default) or software-managed TLB\n"
	"  --no-asid            no ASID tags: flush the TLB on every switch\n"
	"  --sw-ad              A/D bits managed by the kernel (a clear bit faults)\n"
	"  --policy P           replacement: clock (default), fifo, lru, eclock, random, opt, twolist\n"
	"  --scope global|local replacement among all pages or the faulting process's own\n"
	"  --swap FILE          swap file (default: an unlinked temporary file)\n"
	"  --swap-size SIZE     swap size (default 8 x RAM; 0 = no swap)\n"
	"  --caches             model L1/L2/L3 caches (without it every reference costs DRAM latency)\n"
	"  --cache-l1 SIZE[:W]  L1 cache of W ways (default 32k:8); --cache-l2 (512k:8) and\n"
	"                       --cache-l3 (8m:16) alike; SIZE 0 = no such level; implies --caches\n"
	"  --cache-line N       line size of every level (default 64 bytes); implies --caches\n"
	"  --latency NAME=NS    tlb, tlb-l2, l1, l2, l3, dram, fault, disk-read, disk-write\n"
	"  -s SEED              seed of every random choice (default 1)\n";

void machine_opts_defaults(struct machine_opts *mo)
{
	memset(mo, 0, sizeof *mo);
	kernel_config_defaults(&mo->k);
	mo->pt = "sv39";
	mo->pte_size = 8;
	mo->swap_size = UINT64_MAX;
}

/* The decimal number at the start of s; *end is what follows it. */
static bool leading_u64(const char *s, uint64_t *out, char **end)
{
	if (!s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	unsigned long long v = strtoull(s, end, 10);
	*out = v;
	return errno == 0;
}

bool parse_u64(const char *s, uint64_t *out)
{
	char *end;
	return leading_u64(s, out, &end) && *end == '\0';
}

bool parse_size(const char *s, uint64_t *out)
{
	char *end;
	uint64_t v;
	if (!leading_u64(s, &v, &end))
		return false;
	unsigned shift = 0;
	switch (*end) {
	case '\0': break;
	case 'k': case 'K': shift = 10; break;
	case 'm': case 'M': shift = 20; break;
	case 'g': case 'G': shift = 30; break;
	default: return false;
	}
	if (*end && end[1] != '\0' && !((end[1] == 'b' || end[1] == 'B') && end[2] == '\0'))
		return false;
	if (shift && v > (UINT64_MAX >> shift))
		return false;
	*out = v << shift;
	return true;
}

static int usage_error(const char *opt, const char *what)
{
	fprintf(stderr, "vmlab: %s: %s\n", opt, what);
	return -1;
}

/* The value of option argv[*i]; NULL (after a message) when it is missing. */
static const char *value(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc) {
		fprintf(stderr, "vmlab: %s needs a value\n", argv[*i]);
		return NULL;
	}
	return argv[++*i];
}

static int parse_tlb_l2(struct machine_opts *mo, const char *v)
{
	uint64_t entries, ways = 0;
	char buf[64];
	snprintf(buf, sizeof buf, "%s", v);
	char *colon = strchr(buf, ':');
	if (colon)
		*colon = '\0';
	if (!parse_u64(buf, &entries) || (colon && !parse_u64(colon + 1, &ways)) || entries > 65536 || ways > 65536)
		return usage_error("--tlb-l2", "expects ENTRIES or ENTRIES:WAYS");
	mo->k.mmu.l2 = mo->k.mmu.tlb;
	mo->k.mmu.l2.entries = (unsigned)entries;
	mo->k.mmu.l2.ways = (unsigned)ways;
	return 1;
}

/* --cache-l1, --cache-l2, --cache-l3 SIZE[:WAYS] and --cache-line BYTES: each
 * turns the cache model on. mmu_new checks the geometry. */
static int parse_cache_opt(struct machine_opts *mo, const char *opt, const char *v)
{
	struct cache_config *cc = &mo->k.mmu.cache;
	uint64_t size, ways = 0;
	char buf[64];
	mo->k.mmu.caches = true;
	if (!strcmp(opt, "--cache-line")) {
		if (!parse_u64(v, &size) || size > 65536)
			return usage_error(opt, "expects a line size in bytes, e.g. 64");
		cc->line = (unsigned)size;
		return 1;
	}
	snprintf(buf, sizeof buf, "%s", v);
	char *colon = strchr(buf, ':');
	if (colon)
		*colon = '\0';
	if (!parse_size(buf, &size) || (colon && !parse_u64(colon + 1, &ways)) || ways > 65536)
		return usage_error(opt, "expects SIZE or SIZE:WAYS, e.g. 32k:8");
	struct cache_level_config *lc = &cc->level[opt[strlen(opt) - 1] - '1'];
	lc->size = size;
	if (colon)
		lc->ways = (unsigned)ways;
	return 1;
}

static int parse_latency(struct machine_opts *mo, const char *v)
{
	char name[32];
	const char *eq = strchr(v, '=');
	uint64_t ns;
	if (!eq || (size_t)(eq - v) >= sizeof name || !parse_u64(eq + 1, &ns))
		return usage_error("--latency", "expects NAME=NANOSECONDS, e.g. dram=100");
	memcpy(name, v, (size_t)(eq - v));
	name[eq - v] = '\0';
	if (!latency_set(&mo->k.lat, name, ns))
		return usage_error("--latency", "unknown name (tlb, tlb-l2, l1, l2, l3, dram, fault, disk-read, disk-write)");
	return 1;
}

/* Options with a numeric value: which field, and its limit. */
static int parse_number_opt(struct machine_opts *mo, const char *opt, const char *v)
{
	uint64_t n;
	bool size_opt = !strcmp(opt, "--ram") || !strcmp(opt, "--page-size") || !strcmp(opt, "--swap-size");
	if (!(size_opt ? parse_size(v, &n) : parse_u64(v, &n)))
		return usage_error(opt, size_opt ? "expects a size such as 4096, 64k, 16m or 1g" : "expects a number");
	if (!strcmp(opt, "--ram"))
		mo->ram = n;
	else if (!strcmp(opt, "--frames"))
		mo->frames = n;
	else if (!strcmp(opt, "--page-size"))
		mo->page_size = n;
	else if (!strcmp(opt, "--swap-size"))
		mo->swap_size = n;
	else if (!strcmp(opt, "--va-bits"))
		mo->va_bits = n > 64 ? 65 : (unsigned)n;
	else if (!strcmp(opt, "--pte-size"))
		mo->pte_size = n > 8 ? 9 : (unsigned)n;
	else if (!strcmp(opt, "-s"))
		mo->k.seed = n, mo->k.mmu.tlb.seed = n;
	else if (!strcmp(opt, "--tlb-entries")) {
		if (n < 1 || n > 65536)
			return usage_error(opt, "must be 1 to 65536");
		mo->k.mmu.tlb.entries = (unsigned)n;
	} else if (!strcmp(opt, "--tlb-ways")) {
		if (n > 65536)
			return usage_error(opt, "must be at most 65536");
		mo->k.mmu.tlb.ways = (unsigned)n;
		mo->tlb_ways_given = true;
	}
	return 1;
}

int machine_opts_parse(struct machine_opts *mo, int argc, char **argv, int *i)
{
	static const char *const numeric[] = {"--ram", "--frames", "--page-size", "--swap-size", "--va-bits",
					      "--pte-size", "-s", "--tlb-entries", "--tlb-ways", NULL};
	const char *opt = argv[*i], *v;
	for (int n = 0; numeric[n]; n++)
		if (!strcmp(opt, numeric[n]))
			return (v = value(argc, argv, i)) ? parse_number_opt(mo, opt, v) : -1;
	if (!strcmp(opt, "--no-asid"))
		return mo->k.mmu.tlb.asid = false, 1;
	if (!strcmp(opt, "--tlb-split"))
		return mo->k.mmu.split = true, 1;
	if (!strcmp(opt, "--sw-ad"))
		return mo->k.mmu.sw_ad = true, 1;
	if (!strcmp(opt, "--strict"))
		return mo->k.strict = true, 1;
	if (!strcmp(opt, "--caches"))
		return mo->k.mmu.caches = true, 1;
	if (!strcmp(opt, "--cache-l1") || !strcmp(opt, "--cache-l2") || !strcmp(opt, "--cache-l3") ||
	    !strcmp(opt, "--cache-line"))
		return (v = value(argc, argv, i)) ? parse_cache_opt(mo, opt, v) : -1;
	bool takes_value = !strcmp(opt, "--pt") || !strcmp(opt, "--pt-bits") || !strcmp(opt, "--tlb-policy") ||
			   !strcmp(opt, "--tlb-refill") || !strcmp(opt, "--tlb-l2") || !strcmp(opt, "--policy") ||
			   !strcmp(opt, "--scope") || !strcmp(opt, "--swap") || !strcmp(opt, "--latency");
	if (!takes_value)
		return 0;
	if (!(v = value(argc, argv, i)))
		return -1;
	if (!strcmp(opt, "--pt"))
		mo->pt = v;
	else if (!strcmp(opt, "--pt-bits"))
		mo->pt_bits = v;
	else if (!strcmp(opt, "--tlb-policy")) {
		if (!tlb_policy_parse(v, &mo->k.mmu.tlb.policy))
			return usage_error(opt, "expects lru, fifo, random or plru");
	} else if (!strcmp(opt, "--tlb-refill")) {
		if (strcmp(v, "hw") && strcmp(v, "sw"))
			return usage_error(opt, "expects hw or sw");
		mo->k.mmu.refill = !strcmp(v, "sw") ? TLB_REFILL_SW : TLB_REFILL_HW;
	} else if (!strcmp(opt, "--tlb-l2"))
		return parse_tlb_l2(mo, v);
	else if (!strcmp(opt, "--policy")) {
		if (!(mo->k.policy = policy_find(v)))
			return usage_error(opt, "expects fifo, lru, clock, eclock, random, opt or twolist");
	} else if (!strcmp(opt, "--scope")) {
		if (strcmp(v, "global") && strcmp(v, "local"))
			return usage_error(opt, "expects global or local");
		mo->k.local_scope = !strcmp(v, "local");
	} else if (!strcmp(opt, "--swap"))
		mo->k.swap_path = v;
	else if (!strcmp(opt, "--latency"))
		return parse_latency(mo, v);
	return 1;
}

static bool finish_format(struct machine_opts *mo)
{
	char err[200];
	unsigned page_shift = 0;
	if (mo->page_size) {
		if (!is_pow2(mo->page_size)) {
			fprintf(stderr, "vmlab: --page-size %llu is not a power of two\n", (unsigned long long)mo->page_size);
			return false;
		}
		page_shift = log2_u64(mo->page_size);
	}
	enum ptfmt_status st;
	if (!strcmp(mo->pt, "custom")) {
		unsigned bits[PT_MAX_LEVELS], n = 0;
		const char *s = mo->pt_bits ? mo->pt_bits : "";
		while (*s && n < PT_MAX_LEVELS) {
			char *end;
			unsigned long b = strtoul(s, &end, 10);
			if (end == s || b == 0 || b > 32 || (*end && *end != ','))
				break;
			bits[n++] = (unsigned)b;
			s = *end ? end + 1 : end;
		}
		if (n == 0 || *s) {
			fprintf(stderr, "vmlab: --pt custom needs --pt-bits B,B,... (index bits per level, root first)\n");
			return false;
		}
		unsigned sum = 0;
		for (unsigned l = 0; l < n; l++)
			sum += bits[l];
		unsigned ps = page_shift ? page_shift : 12;
		st = ptfmt_custom(&mo->k.fmt, ps, mo->va_bits ? mo->va_bits : ps + sum, n, bits, mo->pte_size, err,
				  sizeof err);
	} else {
		st = ptfmt_preset(&mo->k.fmt, mo->pt, page_shift, mo->va_bits, err, sizeof err);
		if (st == PTFMT_OK && ((page_shift && page_shift != mo->k.fmt.page_shift) ||
				       (mo->va_bits && mo->va_bits != mo->k.fmt.va_bits))) {
			snprintf(err, sizeof err, "--pt %s has fixed %u-bit addresses and %llu-byte pages (use linear or custom)",
				 mo->pt, mo->k.fmt.va_bits, 1ull << mo->k.fmt.page_shift);
			st = PTFMT_EINVAL;
		}
	}
	if (st != PTFMT_OK)
		fprintf(stderr, "vmlab: %s\n", err);
	return st == PTFMT_OK;
}

bool machine_opts_finish(struct machine_opts *mo)
{
	if (!finish_format(mo))
		return false;
	uint64_t page = 1ull << mo->k.fmt.page_shift;
	if (mo->ram && mo->frames) {
		fprintf(stderr, "vmlab: give --ram or --frames, not both\n");
		return false;
	}
	uint64_t frames = mo->frames ? mo->frames : (mo->ram ? mo->ram : 16ull << 20) / page;
	if (frames == 0) {
		fprintf(stderr, "vmlab: RAM of %llu bytes is smaller than one %llu-byte frame\n",
			(unsigned long long)mo->ram, (unsigned long long)page);
		return false;
	}
	if (mo->ram % page) {
		fprintf(stderr, "vmlab: --ram %llu is not a whole number of %llu-byte frames\n",
			(unsigned long long)mo->ram, (unsigned long long)page);
		return false;
	}
	mo->k.user_frames = frames;
	mo->k.swap_slots = mo->swap_size == UINT64_MAX ? 8 * frames : mo->swap_size / page;
	if (!mo->tlb_ways_given)
		mo->k.mmu.tlb.ways = 0;
	return true;
}
