/* libFuzzer target: trace replay (trace/replay.c) through the kernel, the
 * MMU, the TLBs, the caches and the replacement policies.
 *
 * Input: a small machine, then a trace.
 *   byte 0   policy (mod 10, policy_names order); bit 4 local scope; bit 5
 *            strict (no regions on first touch); bit 6 software A/D; bit 7
 *            software TLB refill
 *   byte 1   frames: 1 + (byte mod 24)
 *   byte 2   page tables (mod 8): sv39, sv48, sv32, x86-64, ostep-2level,
 *            linear, custom, custom
 *   byte 3   linear and custom: the page shift 4 + (mod 9); linear: the VA
 *            bits page shift + 2 + (top 4 bits)
 *   byte 4   custom: levels 1 + (mod 4); bit 4: 4-byte entries, else 8
 *   byte 5   custom: index bits of each level, 2 bits each: 1, 2, 3 or 9
 *   byte 6   swap slots (mod 64; 0 = no swap); top 2 bits the mechanism: paging,
 *            partition, base-bounds, segmentation (then byte 8's bits 0 and
 *            1 are --swap-processes and --compact, bits 4-5 1 + the number
 *            of partitions, and every address space 16 pages)
 *   byte 7   TLB entries (mod 17; 0 = no TLB); ways (top 2 bits): 0, 1, 2, 4
 *            when they fit
 *   byte 8   bit 0 split TLBs; bit 1 a 32-entry L2 TLB; bit 2 no ASIDs; bit 3
 *            small caches; top 2 bits the TLB policy
 *   byte 9   trace format (mod 5): auto, plain, pages, lackey, binary; bit 3
 *            skip bad lines; bits 4-5 regions (0..3); bit 6 explain (-v)
 *   byte 10  seed
 *   6 bytes per region: start (2 bytes) and length (2 bytes) in pages, the
 *            length 1 + (mod 64); prot: bits r 1, w 2 (alone: refused),
 *            x 4, stack 8, and bit 7:
 *            start and length in bytes instead (which replay_run refuses
 *            unless they happen to be page-aligned); pid (0: every process,
 *            else 1..3)
 *   the rest: the trace.
 * After the replay the kernel's and the TLBs' invariant checks must hold. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "os/policy.h"
#include "tests/fuzz/fuzz_input.h"
#include "trace/replay.h"

#define MAX_REGIONS 3

static uint16_t u16_of(struct fuzz_in *in)
{
	uint16_t lo = fuzz_byte(in);
	return (uint16_t)(lo | fuzz_byte(in) << 8);
}

/* The page-table format bytes 2 to 5 choose; false when it is impossible. */
static bool choose_format(struct fuzz_in *in, struct pt_format *f)
{
	static const char *const presets[] = {"sv39", "sv48", "sv32", "x86-64", "ostep-2level", "linear"};
	static const unsigned bits_of[] = {1, 2, 3, 9};
	char err[200];
	uint8_t which = fuzz_byte(in) % 8, geo = fuzz_byte(in), lv = fuzz_byte(in), bits = fuzz_byte(in);
	unsigned shift = 4 + geo % 9;
	if (which < 5)
		return ptfmt_preset(f, presets[which], 0, 0, err, sizeof err) == PTFMT_OK;
	if (which == 5)
		return ptfmt_preset(f, "linear", shift, shift + 2 + (geo >> 4), err, sizeof err) == PTFMT_OK;
	unsigned levels = 1 + lv % 4, level_bits[4], sum = 0;
	for (unsigned l = 0; l < levels; l++)
		sum += level_bits[l] = bits_of[(bits >> (2 * l)) & 3];
	return ptfmt_custom(f, shift, shift + sum, levels, level_bits, (lv & 16) ? 4 : 8, err, sizeof err) ==
	       PTFMT_OK;
}

static void choose_tlb(struct mmu_config *mc, uint8_t tlb, uint8_t flags)
{
	static const unsigned ways_of[] = {0, 1, 2, 4};
	unsigned entries = tlb % 17, ways = ways_of[tlb >> 6];
	bool fits = ways == 0 || (entries % ways == 0 && ((entries / ways) & (entries / ways - 1)) == 0);
	mc->tlb.entries = entries;
	mc->tlb.ways = entries && fits ? ways : 0;
	mc->tlb.policy = (enum tlb_policy)(flags >> 6);
	if (mc->tlb.policy == TLB_PLRU && mc->tlb.ways == 0 && (entries & (entries - 1)))
		mc->tlb.policy = TLB_LRU; /* plru needs a power of two of ways (the CLI refuses the rest) */
	mc->split = flags & 1;
	if (flags & 2)
		mc->l2 = (struct tlb_config){.entries = 32, .ways = 4, .policy = TLB_LRU, .asid = mc->tlb.asid};
	mc->tlb.asid = !(flags & 4);
	mc->l2.asid = mc->tlb.asid;
	if (flags & 8) {
		mc->caches = true;
		mc->cache.line = 16;
		mc->cache.level[0] = (struct cache_level_config){.size = 256, .ways = 2};
		mc->cache.level[1] = (struct cache_level_config){.size = 1024, .ways = 4};
		mc->cache.level[2] = (struct cache_level_config){.size = 0, .ways = 1};
	}
}

static void choose_mech(struct kernel_config *c, unsigned which, uint8_t flags)
{
	static const char *const mechs[] = {"paging", "partition", "base-bounds", "segmentation"};
	c->mmu.mech = mmu_mech_lookup(mechs[which]);
	if (which == 0)
		return;
	c->swap_processes = flags & 1;
	c->compact = flags & 2;
	c->mmu.part.count = 1 + ((flags >> 4) & 3);
	c->as_size = 16ull << c->fmt.page_shift;
}

/* The machine bytes 0 to 10 choose; false when it is impossible. */
static bool choose_machine(struct fuzz_in *in, struct kernel_config *c)
{
	kernel_config_defaults(c);
	uint8_t pol = fuzz_byte(in), frames = fuzz_byte(in);
	if (!choose_format(in, &c->fmt))
		return false;
	c->policy = policy_find(policy_names[pol % 10]);
	c->local_scope = pol & 0x10;
	c->strict = pol & 0x20;
	c->mmu.sw_ad = pol & 0x40;
	c->mmu.refill = (pol & 0x80) ? TLB_REFILL_SW : TLB_REFILL_HW;
	c->user_frames = 1 + frames % 24;
	uint8_t swap = fuzz_byte(in);
	c->swap_slots = swap % 64;
	uint8_t tlb = fuzz_byte(in), flags = fuzz_byte(in);
	choose_tlb(&c->mmu, tlb, flags);
	choose_mech(c, swap >> 6, flags);
	return true;
}

static int choose_regions(struct fuzz_in *in, unsigned n, unsigned page_shift, struct region *r, int *pids)
{
	for (unsigned i = 0; i < n; i++) {
		vaddr_t start = u16_of(in), len = u16_of(in);
		uint8_t prot = fuzz_byte(in), pid = fuzz_byte(in) % 4;
		if (!(prot & 0x80)) {
			start <<= page_shift;
			len = (1 + len % 64) << page_shift;
		}
		unsigned pte = ((prot & 1) ? PTE_R : 0) | ((prot & 2) ? PTE_W : 0) | ((prot & 4) ? PTE_X : 0);
		r[i] = (struct region){.start = start, .end = start + len, .prot = pte,
				       .kind = (prot & 8) ? REGION_STACK : REGION_ANON};
		pids[i] = pid ? pid : -1;
	}
	return (int)n;
}

static void check_tlbs(const struct mmu *m)
{
	char err[300];
	const struct tlb *tlbs[] = {m->tlb[0], m->tlb[1], m->tlb[2], m->l2};
	for (size_t i = 0; i < sizeof tlbs / sizeof tlbs[0]; i++) {
		if (tlbs[i] && !tlb_check(tlbs[i], err, sizeof err)) {
			fprintf(stderr, "fuzz_replay: TLB %zu: %s\n", i, err);
			abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum trace_format formats[] = {TRACE_AUTO, TRACE_PLAIN, TRACE_PAGES, TRACE_LACKEY, TRACE_BINARY};
	static FILE *devnull;
	struct fuzz_in in = {data, size};
	struct kernel_config cfg;
	struct region regions[MAX_REGIONS];
	int pids[MAX_REGIONS];
	char err[512], path[64];
	if (!choose_machine(&in, &cfg))
		return 0;
	uint8_t tr = fuzz_byte(&in);
	cfg.seed = cfg.mmu.tlb.seed = fuzz_byte(&in);
	int nregions = choose_regions(&in, (tr >> 4) & 3, cfg.fmt.page_shift, regions, pids);
	if (!devnull && !(devnull = fopen("/dev/null", "w")))
		abort();
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	if (!k)
		return 0;
	struct trace_reader_opts ro = TRACE_READER_OPTS_INIT;
	ro.format = formats[(tr & 7) % 5];
	ro.skip_bad = tr & 8;
	ro.page_shift = cfg.fmt.page_shift;
	int fd = fuzz_file(in.p, in.n, path, sizeof path);
	struct trace_reader *r = trace_open(path, &ro, err, sizeof err);
	if (r) {
		struct replay_opts o = {.explain = (tr & 0x40) ? devnull : NULL, .regions = regions,
					.region_pids = pids, .nregions = nregions, .name = "fuzz",
					.skip_bad = ro.skip_bad};
		struct replay_stats st;
		if (replay_run(k, r, &o, &st, err, sizeof err) != 0 && !err[0]) {
			fprintf(stderr, "fuzz_replay: replay_run failed without a message\n");
			abort();
		}
		kernel_check(k);
		check_tlbs(k->mmu);
		trace_close(r);
	}
	kernel_free(k);
	close(fd);
	return 0;
}
