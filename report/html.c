/* HTML reports (report/html.h; the page's data: report/page.md). */
#include "report/html.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "lib/u64map.h"
#include "lib/util.h"
#include "os/cmem.h"
#include "report/page.h"

/* A process's counts over time (cumulative). */
enum { P_MINOR, P_MAJOR, P_COW, P_EVICTIONS, P_SWAP_INS, P_SWAP_OUTS, P_INSNS, P_SERIES };
static const char *const proc_series_name[P_SERIES] = {"minor", "major", "cow", "evictions", "swap_ins",
							"swap_outs", "insns"};

/* The machine's over time: cumulative counts, then levels. */
enum {
	G_T, G_MINOR, G_MAJOR, G_COW, G_EVICTIONS, G_SWAP_INS, G_SWAP_OUTS, G_SWITCHES, G_TLB_HITS, G_TLB_MISSES,
	G_REFS, G_APP, G_PAGE_TABLES, G_SWAP_USED, G_PROCS, G_WS, G_SERIES
};
static const char *const series_name[G_SERIES] = {
	"t", "minor", "major", "cow", "evictions", "swap_ins", "swap_outs", "switches", "tlb_hits", "tlb_misses",
	"refs", "app", "page_tables", "swap_used", "procs", "ws"};

/* The working set is counted for the windows of the interval between points
 * and of the next WS_LEVELS - 1 doublings of it: 2^(WS_LEVELS - 1) >=
 * HTML_SAMPLES, so the top level has a single window, from the start. */
#define WS_LEVELS 9

/* Owners of frames, as the page draws them. */
enum { OWN_FREE, OWN_PT, OWN_KERNEL, OWN_OTHER, OWN_PROC };

struct html_proc {
	const struct proc *p;           /* in its slot at the last point (NULL: none yet, or gone) */
	uint64_t base[P_SERIES];        /* the counts of the images before p (exec starts them again) */
	uint64_t raw[P_SERIES];         /* p's own counts at the last point */
	uint64_t series[P_SERIES][HTML_SAMPLES];
	char *json;                     /* its PROC object's fields but the series, once captured */
	size_t json_len;
};

/* count frames from a first one, each holding the page after the one before. */
struct frame_run {
	uint64_t count;
	int64_t vpn;                    /* the first frame's page; -1: none */
	uint32_t owner, refs;
};

struct snapshot {
	uint64_t t;
	struct frame_run *runs;
	size_t nruns, cap;
};

/* A sampling schedule: a point when the time reaches next; the interval
 * doubles when the points are full and every other one is dropped. */
struct schedule {
	uint64_t interval, next;
};

struct html {
	const struct kernel *k;
	enum html_kind kind;
	char *title;
	uint64_t (*clock)(const void *ctx);
	const void *clock_ctx;
	unsigned nsamples;
	struct schedule samples;
	uint64_t g[G_SERIES][HTML_SAMPLES];
	struct html_proc procs[HTML_PROCS];
	struct snapshot snaps[HTML_SNAPSHOTS + 1]; /* the last one: at the end */
	unsigned nsnaps, snap_cap;
	struct schedule snap_times;
	/* traces: references and the working set */
	uint64_t refs;
	struct u64map ws_index;         /* pid -> 1 + its index in ws_pages */
	struct u64map *ws_pages;        /* per process: vpn -> the last reference to it (its index) */
	size_t nws, ws_cap;
	uint64_t ws_total;              /* pages ever referenced */
	unsigned ws_shift;              /* log2 of the interval between points (a power of two) */
	/* Distinct pages referenced in each window of 2^(ws_shift + j) references
	 * ending at a point, for the interval now (j = 0) and the WS_LEVELS - 1
	 * ones each halving of the points brings: what the points will hold then. */
	uint64_t ws[WS_LEVELS][HTML_SAMPLES + 1];
	int last_pid;
	vpn_t last_vpn;
	struct u64map *last_pages;
	char *tlbs;                     /* the TLBs' entries, as JSON ... */
	size_t tlbs_len;
	char tlbs_at[96];               /* ... when they were taken */
	vaddr_t example;                /* the format's example address (the first program's text) */
	bool has_example;
};

static uint64_t now(const struct html *h) { return h->kind == HTML_TRACE ? h->refs : h->clock(h->clock_ctx); }

/* The frames drawn: the RAM for processes and the part of the kernel's
 * pool used so far (it is sized for the most page tables a run can need). */
static uint64_t frame_count(const struct kernel *k) { return k->fr.kernel_next; }

/* ---- points in time ---- */

static uint64_t proc_count(const struct proc *p, unsigned i)
{
	switch (i) {
	case P_MINOR: return p->minor_faults;
	case P_MAJOR: return p->major_faults;
	case P_COW: return p->cow_copies;
	case P_EVICTIONS: return p->evictions;
	case P_SWAP_INS: return p->swap_ins;
	case P_SWAP_OUTS: return p->swap_outs;
	default: return kernel_proc_insns(p);
	}
}

/* The listed process in slot s now, or NULL. */
static const struct proc *slot_proc(const struct kernel *k, size_t s)
{
	return s < k->nprocs && s < KERNEL_LISTED_PROCS ? k->listed[s].p : NULL;
}

/* Point i of slot s's series: p's counts, continuing those of the image
 * before it when exec replaced it (its counts start again). */
static void proc_point(struct html *h, size_t s, unsigned i)
{
	struct html_proc *hp = &h->procs[s];
	const struct proc *p = slot_proc(h->k, s);
	bool restarted = p && hp->p && p != hp->p;
	for (unsigned j = 0; p && j < P_SERIES; j++)
		restarted |= proc_count(p, j) < hp->raw[j];
	for (unsigned j = 0; j < P_SERIES; j++) {
		if (restarted)
			hp->base[j] += hp->raw[j], hp->raw[j] = 0;
		if (p)
			hp->raw[j] = proc_count(p, j);
		hp->series[j][i] = hp->base[j] + hp->raw[j];
	}
	if (p) /* one gone keeps its last counts */
		hp->p = p;
}

static void point(struct html *h, uint64_t t)
{
	const struct kernel *k = h->k;
	unsigned i = h->nsamples++;
	uint64_t v[G_SERIES] = {
		t, k->c.minor_faults, k->c.major_faults, k->c.cow_copies, k->c.evictions, k->c.swap_ins,
		k->c.swap_outs, k->c.switches, 0, 0, 0, k->fr.in_use[FRAME_USER], k->fr.in_use[FRAME_PT], k->swap.used,
		k->nalive, i ? h->ws[0][i - 1] : 0,
	};
	mmu_tlb_totals(k->mmu, &v[G_TLB_HITS], &v[G_TLB_MISSES]);
	v[G_REFS] = h->kind == HTML_TRACE ? h->refs : v[G_TLB_HITS] + v[G_TLB_MISSES];
	for (unsigned j = 0; j < G_SERIES; j++)
		h->g[j][i] = v[j];
	for (size_t s = 0; s < HTML_PROCS && s < k->nprocs; s++)
		proc_point(h, s, i);
}

/* Keeps every other point of n (the first and, for an odd n, the last). */
static unsigned halve(uint64_t *a, unsigned n)
{
	unsigned m = 0;
	for (unsigned i = 0; i < n; i += 2)
		a[m++] = a[i];
	return m;
}

/* The working-set windows double: the next level's counts become the
 * points', and the new top level's single window, from the start, holds
 * every page referenced. */
static void double_windows(struct html *h, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		h->g[G_WS][i] = i ? h->ws[1][i - 1] : 0;
	memmove(h->ws[0], h->ws[1], sizeof h->ws - sizeof h->ws[0]);
	memset(h->ws[WS_LEVELS - 1], 0, sizeof h->ws[0]);
	h->ws[WS_LEVELS - 1][0] = h->ws_total;
	h->ws_shift++;
}

/* Drops every other point. */
static void halve_points(struct html *h)
{
	unsigned m = 0;
	for (unsigned j = 0; j < G_SERIES; j++)
		m = halve(h->g[j], h->nsamples);
	for (size_t s = 0; s < HTML_PROCS; s++)
		for (unsigned j = 0; j < P_SERIES; j++)
			halve(h->procs[s].series[j], h->nsamples);
	h->nsamples = m;
	h->samples.interval *= 2;
	if (h->kind == HTML_TRACE)
		double_windows(h, m);
}

/* ---- physical memory ---- */

static uint32_t proc_owner(const struct proc *p)
{
	return p->in_table && p->slot < HTML_PROCS ? OWN_PROC + (uint32_t)p->slot : OWN_OTHER;
}

/* Adds count frames of owner holding pages from vpn on to s, continuing the
 * last run when they follow it. */
static void add_frames(struct snapshot *s, uint64_t count, uint32_t owner, int64_t vpn, uint32_t refs)
{
	struct frame_run *last = s->nruns ? &s->runs[s->nruns - 1] : NULL;
	if (last && last->owner == owner && last->refs == refs &&
	    (vpn < 0 ? last->vpn < 0 : last->vpn >= 0 && last->vpn + (int64_t)last->count == vpn)) {
		last->count += count;
		return;
	}
	if (s->nruns == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->runs = xrealloc(s->runs, s->cap * sizeof *s->runs);
	}
	s->runs[s->nruns++] = (struct frame_run){count, vpn, owner, refs};
}

/* Of the processes mapping a frame, the first created (a page shared since
 * fork shows as its parent's). */
static uint32_t frame_owner(const struct frame *f)
{
	uint32_t owner = UINT32_MAX;
	for (const struct rmap *m = f->rmap; m; m = m->next) {
		uint32_t o = proc_owner(kernel_proc_of(m->as));
		owner = o < owner ? o : owner;
	}
	return owner;
}

static void paging_frames(const struct kernel *k, struct snapshot *s)
{
	static const uint32_t kind_owner[] = {[FRAME_FREE] = OWN_FREE, [FRAME_PT] = OWN_PT, [FRAME_KERNEL] = OWN_KERNEL};
	uint64_t vpn_mask = mask_bits(k->fmt.va_bits - k->fmt.page_shift);
	for (pfn_t pfn = 0; pfn < frame_count(k); pfn++) {
		const struct frame *f = &k->fr.f[pfn];
		if (f->kind == FRAME_USER && f->rmap)
			add_frames(s, 1, frame_owner(f),
				   (int64_t)((f->rmap->va >> k->fmt.page_shift) & vpn_mask), f->refs);
		else
			add_frames(s, 1, f->kind == FRAME_USER ? OWN_FREE : kind_owner[f->kind], -1, 1);
	}
}

/* One piece of a process's memory under a contiguous mechanism: [va, va +
 * bytes) of its address space lies at [pa, pa + bytes) of physical memory. */
struct segment {
	const char *name;
	vaddr_t va;
	uint64_t bytes;
	paddr_t pa;
	bool grows_down;
	unsigned prot;
};

/* The segments of p's MMU context into seg (MMU_SEGMENTS_MAX at most);
 * none while it is swapped out. Returns how many. */
static unsigned segments(const struct kernel *k, const struct proc *p, struct segment *seg)
{
	const struct mmu_context *c = p->cm && !cmem_is_out(p) ? &p->cm->ctx : NULL;
	unsigned rwx = PTE_R | PTE_W | PTE_X, n = 0;
	if (c && c->kind == MMU_MECH_BASE_BOUNDS)
		seg[n++] = (struct segment){"base-bounds", 0, c->bb.bounds, c->bb.base, false, rwx};
	else if (c && c->kind == MMU_MECH_PARTITION)
		seg[n++] = (struct segment){"partition", 0, c->part.size, c->part.base, false, rwx};
	else if (c && c->kind == MMU_MECH_SEGMENTATION) {
		const struct mmu_seg_config *sc = &k->mmu->cfg.seg;
		uint64_t span = 1ull << (sc->va_bits - sc->sel_bits);
		for (unsigned i = 0; i < (1u << sc->sel_bits) && i < MMU_SEGMENTS_MAX; i++) {
			const struct mmu_segment *g = &c->seg[i];
			if (g->limit)
				seg[n++] = g->grows_down ? (struct segment){sc->names[i] ? sc->names[i] : "stack",
									   i * span + span - g->limit, g->limit,
									   g->base - g->limit, true, g->prot}
							 : (struct segment){sc->names[i] ? sc->names[i] : "segment",
									   i * span, g->limit, g->base, false, g->prot};
		}
	}
	return n;
}

/* The contiguous mechanisms: the frames each process's segments cover. */
static void contiguous_frames(const struct kernel *k, struct snapshot *s)
{
	uint64_t n = frame_count(k);
	unsigned shift = k->fmt.page_shift;
	struct frame_run *f = xmalloc(n * sizeof *f); /* one per frame */
	for (uint64_t i = 0; i < n; i++)
		f[i] = (struct frame_run){1, -1, OWN_FREE, 1};
	for (const struct proc *p = k->alive; p; p = p->next_alive) {
		struct segment seg[MMU_SEGMENTS_MAX];
		for (unsigned j = segments(k, p, seg); j-- > 0;) {
			for (uint64_t pg = 0; pg < seg[j].bytes >> shift && (seg[j].pa >> shift) + pg < n; pg++) {
				struct frame_run *r = &f[(seg[j].pa >> shift) + pg];
				if (r->owner != OWN_FREE) { /* a code segment processes share */
					r->refs++;
					continue;
				}
				*r = (struct frame_run){1, (int64_t)((seg[j].va >> shift) + pg), proc_owner(p), 1};
			}
		}
	}
	for (uint64_t i = 0; i < n; i++)
		add_frames(s, 1, f[i].owner, f[i].vpn, f[i].refs);
	free(f);
}

static void take_snapshot(struct html *h, struct snapshot *s, uint64_t t)
{
	s->t = t;
	s->nruns = 0;
	if (h->k->cm)
		contiguous_frames(h->k, s);
	else
		paging_frames(h->k, s);
}

/* Keeps every other snapshot (and the last, when keep_last), the dropped
 * ones' buffers kept for reuse. */
static void halve_snapshots(struct html *h, bool keep_last)
{
	unsigned m = 0;
	for (unsigned i = 0; i < h->nsnaps; i++) {
		if (i % 2 == 0 || (keep_last && i == h->nsnaps - 1)) {
			struct snapshot keep = h->snaps[i];
			h->snaps[i] = h->snaps[m];
			h->snaps[m++] = keep;
		}
	}
	h->nsnaps = m;
	h->snap_times.interval *= 2;
}

/* ---- sampling ---- */

static void sample(struct html *h, uint64_t t)
{
	if (t < h->samples.next)
		return;
	if (h->nsamples == HTML_SAMPLES)
		halve_points(h);
	point(h, t);
	while (h->samples.next <= t)
		h->samples.next += h->samples.interval;
	if (t < h->snap_times.next)
		return;
	if (h->nsnaps >= h->snap_cap)
		halve_snapshots(h, false);
	take_snapshot(h, &h->snaps[h->nsnaps++], t);
	while (h->snap_times.next <= t)
		h->snap_times.next += h->snap_times.interval;
}

struct html *html_new(const struct kernel *k, enum html_kind kind, const char *title,
		      uint64_t (*clock)(const void *ctx), const void *clock_ctx)
{
	struct html *h = xcalloc(1, sizeof *h);
	*h = (struct html){.k = k, .kind = kind, .title = xstrdup(title), .clock = clock, .clock_ctx = clock_ctx,
			   .last_pid = -1};
	uint64_t cap = HTML_SNAPSHOT_CELLS / (frame_count(k) ? frame_count(k) : 1);
	h->snap_cap = cap < 2 ? 2 : cap > HTML_SNAPSHOTS ? HTML_SNAPSHOTS : (unsigned)cap;
	/* a point every µs or every 64 references to start with, then less often */
	h->ws_shift = 6;
	h->samples.interval = kind == HTML_TRACE ? 1ull << h->ws_shift : 1000;
	h->snap_times.interval = h->samples.interval * (HTML_SAMPLES / HTML_SNAPSHOTS);
	u64map_init(&h->ws_index);
	sample(h, now(h));
	return h;
}

void html_tick(struct html *h) { sample(h, now(h)); }

/* The working-set map of pid's pages. */
static struct u64map *pages_of(struct html *h, int pid)
{
	uint64_t i;
	if (u64map_get(&h->ws_index, (uint64_t)pid, &i))
		return &h->ws_pages[i - 1];
	if (h->nws == h->ws_cap) {
		h->ws_cap = h->ws_cap ? 2 * h->ws_cap : 16;
		h->ws_pages = xrealloc(h->ws_pages, h->ws_cap * sizeof *h->ws_pages);
	}
	u64map_init(&h->ws_pages[h->nws]);
	u64map_put(&h->ws_index, (uint64_t)pid, ++h->nws);
	return &h->ws_pages[h->nws - 1];
}

void html_ref(void *ctx, const struct proc *p, vpn_t vpn)
{
	struct html *h = ctx;
	uint64_t r = h->refs++, last;
	if (r == h->samples.next) {
		sample(h, r);
		h->last_pid = -1; /* a new window: the page before counts again */
	}
	if (p->pid == h->last_pid && vpn == h->last_vpn)
		return; /* the same page again: counted in every window already */
	if (p->pid != h->last_pid)
		h->last_pages = pages_of(h, p->pid);
	h->last_pid = p->pid, h->last_vpn = vpn;
	bool seen = u64map_get(h->last_pages, vpn, &last);
	u64map_put(h->last_pages, vpn, r);
	h->ws_total += !seen;
	/* the first reference to it in each window that holds r: a window of a
	 * level is inside one of the next, so the first level it was seen in
	 * already ends the walk */
	for (unsigned j = 0; j < WS_LEVELS; j++) {
		unsigned shift = h->ws_shift + j;
		if (seen && last >> shift == r >> shift)
			break;
		h->ws[j][r >> shift]++;
	}
}

/* ---- a process, as JSON ---- */

/* A stream into *buf (freeing what it held). */
static FILE *text_stream(char **buf, size_t *len)
{
	free(*buf);
	*buf = NULL;
	FILE *out = open_memstream(buf, len);
	if (!out)
		panic("open_memstream: out of memory");
	return out;
}

static void text_close(FILE *out)
{
	if (fclose(out))
		panic("open_memstream: out of memory");
}

static void json_addr(FILE *out, uint64_t a) { fprintf(out, "\"0x%" PRIx64 "\"", a); }

static const char *state_name(enum proc_state st)
{
	static const char *const names[] = {[PROC_LIVE] = "running", [PROC_SLEEPING] = "sleeping",
					    [PROC_WAITING] = "waiting", [PROC_ZOMBIE] = "zombie", [PROC_DEAD] = "exited"};
	return names[st];
}

/* The page states of region r, HTML_CELLS cells at most. */
struct cells {
	const struct kernel *k;
	const struct region *r;
	char *state;
	unsigned cell_shift;  /* a cell covers 2^cell_shift pages */
};

static void mark(struct cells *c, vaddr_t va, uint64_t pages, char what)
{
	unsigned shift = c->k->fmt.page_shift;
	uint64_t first = (va - c->r->start) >> shift, last = first + pages - 1;
	uint64_t end = (c->r->end - c->r->start + (1ull << shift) - 1) >> shift;
	if (last >= end)
		last = end - 1;
	for (uint64_t i = first >> c->cell_shift; i <= last >> c->cell_shift; i++)
		if (c->state[i] != 'r')
			c->state[i] = what;
}

static bool mark_resident(void *ctx, const struct pt_leaf *leaf)
{
	struct cells *c = ctx;
	const struct pt_format *f = &c->k->fmt;
	vaddr_t start = leaf->va < c->r->start ? c->r->start : leaf->va;
	mark(c, start, (ptfmt_level_bytes(f, leaf->level) - (start - leaf->va)) >> f->page_shift, 'r');
	return true;
}

static void region_json(FILE *out, const struct kernel *k, const struct proc *p, const struct region *r,
			vaddr_t prev_end)
{
	unsigned shift = k->fmt.page_shift;
	uint64_t pages = (r->end - r->start + (1ull << shift) - 1) >> shift; /* the kernel's ends at ~0 */
	struct cells c = {k, r, NULL, 0};
	while ((pages + (1ull << c.cell_shift) - 1) >> c.cell_shift > HTML_CELLS)
		c.cell_shift++;
	uint64_t ncells = (pages + (1ull << c.cell_shift) - 1) >> c.cell_shift;
	c.state = xmalloc(ncells + 1);
	memset(c.state, '.', ncells);
	c.state[ncells] = '\0';
	pt_for_each_leaf_in(&p->as.pt, r->start, r->end, mark_resident, &c);
	uint64_t vpn, slot;
	for (uint64_t from = r->start >> shift;
	     u64tree_ceil(&p->as.swapped, from, &vpn, &slot) && vpn < r->end >> shift; from = vpn + 1)
		mark(&c, vpn << shift, 1, 's');
	char prot[4];
	region_prot_string(r->prot, prot);
	fputs("{\"start\":", out);
	json_addr(out, r->start);
	fputs(",\"end\":", out);
	json_addr(out, r->end);
	fprintf(out, ",\"kind\":\"%s\",\"prot\":\"%s\",\"gap\":%" PRIu64 ",\"pages\":%" PRIu64 ",\"cell\":%" PRIu64
		     ",\"state\":\"%s\"}", region_kind_name(r->kind), prot, r->start - prev_end, pages,
		(uint64_t)1 << c.cell_shift, c.state);
	free(c.state);
}

/* Paging's regions (the contiguous mechanisms' are their segments). */
static void regions_json(FILE *out, const struct kernel *k, const struct proc *p)
{
	unsigned n = 0, more = 0;
	vaddr_t prev_end = 0;
	fputs(",\"regions\":[", out);
	for (const struct region *r = k->cm ? NULL : as_region_from(&p->as, 0); r; r = as_region_from(&p->as, r->end)) {
		if (n == HTML_REGIONS) {
			more++;
			continue;
		}
		if (n++)
			fputc(',', out);
		region_json(out, k, p, r, prev_end);
		prev_end = r->end;
		if (!r->end)
			break; /* the last region reaches the top of the address space */
	}
	fprintf(out, "],\"more_regions\":%u", more);
}

/* The page table's valid entries in pre-order. */
struct entries {
	FILE *out;
	const struct pt_format *f;
	unsigned n;
	uint64_t more;
};

static void entry_json(void *ctx, unsigned level, uint64_t idx, pte_t raw, const struct pte_info *info, vaddr_t va)
{
	struct entries *e = ctx;
	if (e->n == HTML_ENTRIES) {
		e->more++;
		return;
	}
	FILE *out = e->out;
	fprintf(out, "%s[%u,%" PRIu64 ",", e->n++ ? "," : "", e->f->levels - 1 - level, idx);
	json_addr(out, raw);
	fputc(',', out);
	json_addr(out, info->pfn << e->f->page_shift);
	if (info->leaf) {
		char flags[16];
		ptfmt_flag_string(info->flags, flags);
		fprintf(out, ",\"%s\",", flags);
	} else {
		fputs(",null,", out);
	}
	json_addr(out, va);
	fprintf(out, ",%" PRIu64 "]", ptfmt_level_bytes(e->f, level));
}

static void pt_json(FILE *out, const struct kernel *k, const struct proc *p)
{
	if (k->cm) {
		fputs(",\"pt\":null", out);
		return;
	}
	struct entries e = {out, &k->fmt, 0, 0};
	fputs(",\"pt\":{\"root\":", out);
	json_addr(out, p->as.pt.root << k->fmt.page_shift);
	fprintf(out, ",\"frames\":%" PRIu64 ",\"entries\":[", p->as.pt.frames);
	pt_for_each_entry(&p->as.pt, entry_json, &e);
	fprintf(out, "],\"more\":%" PRIu64 "}", e.more);
}

/* The contiguous mechanisms' registers: where p's memory is. */
static void segments_json(FILE *out, const struct kernel *k, const struct proc *p)
{
	struct segment seg[MMU_SEGMENTS_MAX];
	unsigned n = segments(k, p, seg);
	fputs(",\"segments\":[", out);
	for (unsigned i = 0; i < n; i++) {
		char prot[4];
		region_prot_string(seg[i].prot, prot);
		fprintf(out, "%s{\"name\":", i ? "," : "");
		json_string(out, seg[i].name);
		fputs(",\"va\":", out);
		json_addr(out, seg[i].va);
		fprintf(out, ",\"bytes\":%" PRIu64 ",\"pa\":", seg[i].bytes);
		json_addr(out, seg[i].pa);
		fprintf(out, ",\"grows_down\":%s,\"prot\":\"%s\"}", seg[i].grows_down ? "true" : "false", prot);
	}
	fputc(']', out);
}

/* p's PROC object but its series, as it is now. */
static void capture(struct html *h, const struct proc *p)
{
	const struct kernel *k = h->k;
	struct html_proc *hp = &h->procs[p->slot];
	struct proc_record r;
	kernel_record_of(k, p, &r);
	FILE *out = text_stream(&hp->json, &hp->json_len);
	fprintf(out, "{\"i\":%" PRIu64 ",\"pid\":%d,\"name\":", p->slot, p->pid);
	json_string(out, p->name);
	fprintf(out, ",\"at\":%" PRIu64 ",\"memory\":%" PRIu64 ",\"resident\":%" PRIu64 ",\"swapped\":%" PRIu64
		     ",\"minor\":%" PRIu64 ",\"major\":%" PRIu64 ",\"cow\":%" PRIu64 ",\"evictions\":%" PRIu64
		     ",\"swap_ins\":%" PRIu64 ",\"swap_outs\":%" PRIu64 ",\"insns\":%" PRIu64 ",\"tlb_hits\":%" PRIu64
		     ",\"tlb_misses\":%" PRIu64,
		now(h), r.resident + r.swapped, r.resident, r.swapped, p->minor_faults, p->major_faults, p->cow_copies,
		p->evictions, p->swap_ins, p->swap_outs, r.insns, r.tlb_hits, r.tlb_misses);
	bool program = p->cpu || p->brk_start;
	fputs(",\"brk_start\":", out);
	program ? json_addr(out, p->brk_start) : (void)fputs("null", out);
	fputs(",\"brk\":", out);
	program ? json_addr(out, p->brk) : (void)fputs("null", out);
	fputs(",\"sp\":", out);
	p->cpu ? json_addr(out, p->cpu->x[2]) : (void)fputs("null", out);
	regions_json(out, k, p);
	segments_json(out, k, p);
	pt_json(out, k, p);
	text_close(out);
	const struct region *first = as_region_from(&p->as, 0);
	if (!h->has_example && first && !k->cm) {
		h->example = first->start + 0xb2c % (1ull << k->fmt.page_shift);
		h->has_example = true;
	}
}

/* ---- the page ---- */

static void u64_array(FILE *out, const char *name, const uint64_t *a, unsigned n)
{
	fprintf(out, "\"%s\":[", name);
	for (unsigned i = 0; i < n; i++)
		fprintf(out, "%s%" PRIu64, i ? "," : "", a[i]);
	fputc(']', out);
}

static void samples_json(FILE *out, const struct html *h)
{
	fputs(",\"samples\":{", out);
	for (unsigned j = 0; j < G_SERIES; j++) {
		if (j)
			fputc(',', out);
		u64_array(out, series_name[j], h->g[j], h->nsamples);
	}
	fputc('}', out);
}

/* The end of slot s's PROC: how it ended, and its series. */
static void proc_json(FILE *out, const struct html *h, size_t s)
{
	const struct html_proc *hp = &h->procs[s];
	struct proc_record r;
	kernel_listed_record(h->k, s, &r);
	fwrite(hp->json, 1, hp->json_len, out);
	fprintf(out, ",\"state\":\"%s\",\"status\":", r.killed ? "killed" : state_name(r.state));
	const struct proc *p = slot_proc(h->k, s);
	char status[400] = "";
	if (p && p->death[0])
		snprintf(status, sizeof status, "killed: %s", p->death);
	else if (r.killed)
		snprintf(status, sizeof status, "killed");
	else if (r.state == PROC_ZOMBIE || r.state == PROC_DEAD)
		snprintf(status, sizeof status, (r.wait_status & 0x7f) ? "signal %d" : "exit %d",
			 (r.wait_status & 0x7f) ? r.wait_status & 0x7f : (r.wait_status >> 8) & 0xff);
	json_string(out, status);
	fputs(",\"series\":{", out);
	for (unsigned j = 0; j < P_SERIES; j++) {
		if (j)
			fputc(',', out);
		u64_array(out, proc_series_name[j], hp->series[j], h->nsamples);
	}
	fputs("}}", out);
}

static void procs_json(FILE *out, const struct html *h)
{
	size_t n = h->k->nprocs < HTML_PROCS ? (size_t)h->k->nprocs : HTML_PROCS;
	fputs(",\"procs\":[", out);
	for (size_t s = 0, first = 1; s < n; s++) {
		if (!h->procs[s].json)
			continue; /* an image exec never committed */
		if (!first)
			fputc(',', out);
		first = 0;
		proc_json(out, h, s);
	}
	fprintf(out, "],\"more_procs\":%" PRIu64, h->k->nprocs - n);
}

static void snapshots_json(FILE *out, const struct html *h)
{
	fputs(",\"snapshots\":[", out);
	for (unsigned i = 0; i < h->nsnaps; i++) {
		const struct snapshot *s = &h->snaps[i];
		fprintf(out, "%s{\"t\":%" PRIu64 ",\"runs\":[", i ? "," : "", s->t);
		uint64_t frames = 0;
		for (size_t j = 0; j < s->nruns; j++) {
			const struct frame_run *r = &s->runs[j];
			fprintf(out, "%s[%" PRIu64 ",%u,%" PRId64, j ? "," : "", r->count, r->owner, r->vpn);
			if (r->refs > 1)
				fprintf(out, ",%u", r->refs);
			fputc(']', out);
			frames += r->count;
		}
		if (frames < frame_count(h->k)) /* kernel frames used since: free then */
			fprintf(out, "%s[%" PRIu64 ",0,-1]", frames ? "," : "", frame_count(h->k) - frames);
		fputs("]}", out);
	}
	fputc(']', out);
}

static void tlb_json(FILE *out, const struct tlb *t, const char *name, bool first)
{
	const struct tlb_config *c = tlb_config(t);
	fprintf(out, "%s{\"name\":\"%s\",\"entries\":%u,\"ways\":%u,\"policy\":\"%s\",\"valid\":[", first ? "" : ",",
		name, c->entries, c->ways, tlb_policy_name(c->policy));
	unsigned n = 0;
	for (uint64_t s = 0; s < c->entries / c->ways; s++) {
		for (unsigned w = 0; w < c->ways && n < HTML_ENTRIES; w++) {
			const struct tlb_entry *e = tlb_way(t, s, w);
			if (!e->valid)
				continue;
			char flags[16];
			ptfmt_flag_string(e->flags, flags);
			fprintf(out, "%s[%" PRIu64 ",%u,%u,", n++ ? "," : "", s, w, e->asid);
			json_addr(out, e->tag << t->level_shift[e->level]);
			fputc(',', out);
			json_addr(out, e->pfn);
			fprintf(out, ",%u,\"%s\",%s]", e->level, flags, e->global ? "true" : "false");
		}
	}
	fputs("]}", out);
}

/* Keeps the TLBs' valid entries as they are now, taken when. */
static void capture_tlbs(struct html *h, const char *when)
{
	const struct mmu *m = h->k->mmu;
	FILE *out = text_stream(&h->tlbs, &h->tlbs_len);
	snprintf(h->tlbs_at, sizeof h->tlbs_at, "%s", when);
	fputc('[', out);
	bool split = m->tlb[ACCESS_EXEC] && m->tlb[ACCESS_EXEC] != m->tlb[ACCESS_READ];
	if (m->tlb[ACCESS_READ])
		tlb_json(out, m->tlb[ACCESS_READ], split ? "L1 data" : "L1 (shared)", true);
	if (split)
		tlb_json(out, m->tlb[ACCESS_EXEC], "L1 instruction", false);
	if (m->l2)
		tlb_json(out, m->l2, "L2", !m->tlb[ACCESS_READ]);
	fputc(']', out);
	text_close(out);
}

void html_proc_exit(struct html *h, const struct proc *p)
{
	if (p->in_table && p->slot < HTML_PROCS)
		capture(h, p);
	if (h->k->nalive <= 1 && h->kind == HTML_RUN) { /* the last process: its TLB entries go next */
		char when[96];
		snprintf(when, sizeof when, "as pid %d (%.40s) exited", p->pid, p->name);
		capture_tlbs(h, when);
	}
}

static const char *mech_name(const struct kernel *k)
{
	switch (k->mmu->mech->kind) {
	case MMU_MECH_PAGING: return "paging";
	case MMU_MECH_BASE_BOUNDS: return "base-bounds";
	case MMU_MECH_SEGMENTATION: return "segmentation";
	case MMU_MECH_PARTITION: return "partition";
	default: return "bare";
	}
}

/* The VA split of the format, with the first page of the first process's
 * first region as the example. */
static void format_json(FILE *out, const struct html *h)
{
	const struct kernel *k = h->k;
	const struct pt_format *f = &k->fmt;
	if (k->cm) {
		fputs(",\"format\":null", out);
		return;
	}
	vaddr_t va = h->example;
	fprintf(out, ",\"format\":{\"name\":\"%s\",\"va_bits\":%u,\"offset_bits\":%u,\"levels\":[", f->name, f->va_bits,
		f->page_shift);
	for (unsigned l = f->levels; l-- > 0;)
		fprintf(out, "%u%s", f->level_bits[l], l ? "," : "");
	fputs("],\"example\":{\"va\":", out);
	json_addr(out, va);
	fputs(",\"indices\":[", out);
	for (unsigned l = f->levels; l-- > 0;)
		fprintf(out, "%" PRIu64 "%s", (va >> (f->page_shift + f->level_shift[l])) & mask_bits(f->level_bits[l]),
			l ? "," : "");
	fprintf(out, "],\"offset\":%" PRIu64 "}}", va & mask_bits(f->page_shift));
}

/* The frames of the last snapshot that processes hold. */
static uint64_t frames_held(const struct html *h)
{
	uint64_t n = 0;
	const struct snapshot *s = &h->snaps[h->nsnaps - 1];
	for (size_t i = 0; i < s->nruns; i++)
		n += s->runs[i].owner >= OWN_OTHER ? s->runs[i].count : 0;
	return n;
}

static void memory_json(FILE *out, const struct html *h)
{
	const struct kernel *k = h->k;
	uint64_t page = 1ull << k->fmt.page_shift;
	uint64_t app = (k->cm ? frames_held(h) : k->fr.in_use[FRAME_USER]) * page;
	uint64_t pts = k->fr.in_use[FRAME_PT] * page, kern = k->fr.in_use[FRAME_KERNEL] * page;
	uint64_t user = k->fr.user_count * page;
	fprintf(out, ",\"page\":%" PRIu64 ",\"memory\":{\"physical\":%" PRIu64 ",\"used\":%" PRIu64 ",\"app\":%" PRIu64
		     ",\"wired\":%" PRIu64 ",\"page_tables\":%" PRIu64 ",\"kernel\":%" PRIu64 ",\"free\":%" PRIu64
		     ",\"swap_used\":%" PRIu64 ",\"swap_total\":%" PRIu64 "}",
		page, frame_count(k) * page, app + pts + kern, app, pts + kern, pts, kern, user > app ? user - app : 0,
		k->swap.used * page, k->has_swap ? k->swap.nslots * page : 0);
	fprintf(out, ",\"frames\":{\"count\":%" PRIu64 ",\"user\":%" PRIu64 "}", frame_count(k), k->fr.user_count);
}

static void data_json(FILE *out, struct html *h)
{
	fputs("{\"vmlab\":1,\"kind\":", out);
	fputs(h->kind == HTML_TRACE ? "\"trace\"" : "\"run\"", out);
	fputs(",\"title\":", out);
	json_string(out, h->title);
	fprintf(out, ",\"unit\":\"%s\",\"end\":%" PRIu64 ",\"mech\":\"%s\"", h->kind == HTML_TRACE ? "refs" : "ns",
		now(h), mech_name(h->k));
	format_json(out, h);
	memory_json(out, h);
	procs_json(out, h);
	snapshots_json(out, h);
	samples_json(out, h);
	fputs(",\"tlbs_at\":", out);
	json_string(out, h->tlbs_at);
	fputs(",\"tlbs\":", out);
	fwrite(h->tlbs, 1, h->tlbs_len, out);
	fputs("}\n", out);
}

/* The last point, the end's snapshot and every process still there. */
static void finish(struct html *h)
{
	uint64_t t = now(h);
	if (!h->nsamples || h->g[G_T][h->nsamples - 1] != t) {
		if (h->nsamples == HTML_SAMPLES)
			halve_points(h);
		point(h, t);
	}
	if (!h->nsnaps || h->snaps[h->nsnaps - 1].t != t)
		take_snapshot(h, &h->snaps[h->nsnaps++], t); /* room: snap_cap + 1 */
	for (;;) { /* thin them to what fits the file's budget, keeping the last */
		uint64_t runs = 0;
		for (unsigned i = 0; i < h->nsnaps; i++)
			runs += h->snaps[i].nruns;
		if (runs <= HTML_SNAPSHOT_CELLS || h->nsnaps <= 1)
			break;
		halve_snapshots(h, true);
	}
	bool running = false;
	for (const struct proc *p = h->k->alive; p; p = p->next_alive) {
		if (p->state != PROC_ZOMBIE && p->in_table && p->slot < HTML_PROCS)
			capture(h, p);
		running |= p->state != PROC_ZOMBIE;
	}
	if (running || !h->tlbs)
		capture_tlbs(h, "at the end");
}

bool html_write(struct html *h, FILE *out)
{
	finish(h);
	const char *marker = "<!--VMLAB-DATA-->\n", *at = strstr((const char *)report_page, marker);
	if (!at)
		panic("report/page.html has no <!--VMLAB-DATA--> line");
	char *data = NULL;
	size_t len = 0;
	FILE *d = text_stream(&data, &len);
	data_json(d, h);
	text_close(d);
	fwrite(report_page, 1, (size_t)(at - (const char *)report_page), out);
	for (size_t i = 0; i < len; i++) /* a '<' is only ever in a string: no "</script>" ends the data */
		data[i] == '<' ? (void)fputs("\\u003c", out) : (void)fputc(data[i], out);
	free(data);
	fputs(at + strlen(marker), out);
	return fflush(out) == 0 && !ferror(out);
}

void html_free(struct html *h)
{
	if (!h)
		return;
	for (size_t s = 0; s < HTML_PROCS; s++)
		free(h->procs[s].json);
	for (unsigned i = 0; i <= HTML_SNAPSHOTS; i++)
		free(h->snaps[i].runs);
	for (size_t i = 0; i < h->nws; i++)
		u64map_fini(&h->ws_pages[i]);
	free(h->ws_pages);
	u64map_fini(&h->ws_index);
	free(h->tlbs);
	free(h->title);
	free(h);
}
