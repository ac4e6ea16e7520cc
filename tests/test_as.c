/* Regions of an address space against a page-by-page model under a seeded
 * random stream: adds, removals and protections that split regions, resizes,
 * lookups, the free gap around an address and the top-down free-range
 * search; the tree's checker after every step. A failure names the seed's
 * step. */
#include <stdlib.h>
#include <string.h>

#include "lib/rng.h"
#include "os/as.h"
#include "tests/harness.h"

#define PAGE 4096ull
#define BASE 0x10000ull
#define NP 160 /* pages of the model, at BASE */

struct mpage {
	bool used;
	int rs, re;     /* the region's first and end page */
	unsigned prot;
};

struct model {
	struct mpage pg[NP];
};

static vaddr_t va_of(int page) { return BASE + (vaddr_t)page * PAGE; }

/* Splits the model's region containing page x (not at its start) at x. */
static void model_split(struct model *m, int x)
{
	if (x <= 0 || x >= NP || !m->pg[x].used || m->pg[x].rs == x)
		return;
	int rs = m->pg[x].rs, re = m->pg[x].re;
	for (int i = rs; i < re; i++) {
		if (i < x)
			m->pg[i].re = x;
		else
			m->pg[i].rs = x;
	}
}

static bool model_free(const struct model *m, int s, int e)
{
	for (int i = s; i < e; i++)
		if (m->pg[i].used)
			return false;
	return true;
}

/* Compares every region, in order, with the model's. */
static void compare(const struct aspace *as, const struct model *m, int step)
{
	const struct region *r = as_region_from(as, 0);
	size_t n = 0;
	for (int i = 0; i < NP; i++) {
		if (!m->pg[i].used || m->pg[i].rs != i)
			continue;
		if (!r || r->start != va_of(i) || r->end != va_of(m->pg[i].re) || r->prot != m->pg[i].prot)
			FAIL("step %d: region at page %d differs", step, i);
		r = as_region_from(as, r->end);
		n++;
	}
	if (r)
		FAIL("step %d: a region at 0x%llx the model lacks", step, (unsigned long long)r->start);
	CHECK_EQ(as->nregions, n);
	as_check(as);
}

/* as_gap's answer from the model for va (a page of the model). */
static void model_gap(const struct model *m, int va, int min, int max, int *lo, int *hi)
{
	*lo = min;
	*hi = max;
	for (int i = 0; i < NP; i++) {
		if (!m->pg[i].used)
			continue;
		if (m->pg[i].re <= va && m->pg[i].re > *lo)
			*lo = m->pg[i].re;
		if (m->pg[i].rs > va && m->pg[i].rs < *hi)
			*hi = m->pg[i].rs;
	}
}

/* The highest free start page of len pages within [lo, hi), or -1. */
static int model_fit(const struct model *m, int lo, int hi, int len)
{
	for (int s = hi - len; s >= lo; s--)
		if (model_free(m, s, s + len))
			return s;
	return -1;
}

static void queries(const struct aspace *as, const struct model *m, struct rng *r, int step)
{
	for (int q = 0; q < 4; q++) {
		int p = (int)rng_below(r, NP), lo, hi;
		const struct region *f = as_find_region(as, va_of(p) + rng_below(r, PAGE));
		CHECK_EQ(f != NULL, m->pg[p].used);
		if (f)
			CHECK_EQ(f->start, va_of(m->pg[p].rs));
		int min = (int)rng_below(r, NP / 2), max = NP / 2 + (int)rng_below(r, NP / 2 + 1);
		vaddr_t glo, ghi;
		as_gap(as, va_of(p), va_of(min), va_of(max), &glo, &ghi);
		model_gap(m, p, min, max, &lo, &hi);
		if (glo != va_of(lo) || ghi != va_of(hi))
			FAIL("step %d: gap around page %d in [%d, %d)", step, p, min, max);
		int len = 1 + (int)rng_below(r, 12), want = model_fit(m, min, max, len);
		vaddr_t start;
		bool found = as_find_free(as, va_of(min), va_of(max), (uint64_t)len * PAGE, &start);
		if (found != (want >= 0) || (found && start != va_of(want)))
			FAIL("step %d: free range of %d pages in [%d, %d): model %d", step, len, min, max, want);
		int e = p + 1 + (int)rng_below(r, 10);
		e = e < NP ? e : NP;
		bool covered = true;
		for (int i = p; i < e; i++)
			covered &= m->pg[i].used;
		CHECK_EQ(as_covered(as, va_of(p), va_of(e)), covered);
	}
}

static void random_step(struct aspace *as, struct model *m, struct rng *r)
{
	int s = (int)rng_below(r, NP), len = 1 + (int)rng_below(r, 12), e = s + len < NP ? s + len : NP;
	unsigned prot = (unsigned)rng_below(r, 8) << 1; /* PTE_R, PTE_W, PTE_X are bits 1..3 */
	switch (rng_below(r, 5)) {
	case 0:
	case 1: {
		bool ok = model_free(m, s, e);
		struct region reg = {.start = va_of(s), .end = va_of(e), .prot = prot, .kind = REGION_MMAP};
		CHECK_EQ(as_add_region(as, &reg), ok);
		for (int i = s; ok && i < e; i++)
			m->pg[i] = (struct mpage){true, s, e, prot};
		break;
	}
	case 2:
		as_remove_range(as, va_of(s), va_of(e));
		model_split(m, s), model_split(m, e);
		for (int i = s; i < e; i++)
			m->pg[i].used = false;
		break;
	case 3: {
		bool covered = true;
		for (int i = s; i < e; i++)
			covered &= m->pg[i].used;
		CHECK_EQ(as_protect_range(as, va_of(s), va_of(e), prot), covered);
		if (covered) {
			model_split(m, s), model_split(m, e);
			for (int i = s; i < e; i++)
				m->pg[i].prot = prot;
		}
		break;
	}
	default: {
		if (!m->pg[s].used)
			break;
		/* grow the region of page s down and up into the free pages beside it */
		int rs = m->pg[s].rs, re = m->pg[s].re, ns = rs, ne = re;
		while (ns > 0 && !m->pg[ns - 1].used && ns > rs - 2)
			ns--;
		while (ne < NP && !m->pg[ne].used && ne < re + 2)
			ne++;
		if (rng_below(r, 2))
			ne = rs + 1; /* or shrink it to its first page */
		as_resize_region(as, as_find_region(as, va_of(s)), va_of(ns), va_of(ne));
		unsigned p = m->pg[s].prot;
		for (int i = (ns < rs ? ns : rs); i < (ne > re ? ne : re); i++)
			m->pg[i] = (struct mpage){i >= ns && i < ne, ns, ne, p};
	}
	}
}

TEST(regions_agree_with_a_page_model_under_random_adds_removes_protects_and_resizes)
{
	for (uint64_t seed = 1; seed <= 6; seed++) {
		struct aspace as;
		struct model m;
		struct rng r;
		size_t machine = 7; /* the machine's count: another space's 7 regions, and these */
		memset(&m, 0, sizeof m);
		as_init(&as, &machine);
		rng_seed(&r, seed);
		for (int step = 0; step < 4000; step++) {
			random_step(&as, &m, &r);
			compare(&as, &m, step);
			queries(&as, &m, &r, step);
			CHECK_EQ(machine, 7 + as.nregions);
		}
		as_fini(&as);
		CHECK_EQ(as.nregions, 0);
		CHECK_EQ(machine, 7);
	}
}

TEST(munmap_in_the_middle_splits_a_region_in_two)
{
	struct aspace as;
	as_init(&as, NULL);
	struct region reg = {.start = va_of(0), .end = va_of(10), .prot = PTE_R | PTE_W, .kind = REGION_MMAP};
	CHECK(as_add_region(&as, &reg));
	as_remove_range(&as, va_of(4), va_of(6));
	CHECK_EQ(as.nregions, 2);
	CHECK_EQ(as_find_region(&as, va_of(3))->end, va_of(4));
	CHECK_EQ(as_find_region(&as, va_of(6))->start, va_of(6));
	CHECK(as_find_region(&as, va_of(5)) == NULL);
	CHECK(as_protect_range(&as, va_of(7), va_of(8), PTE_R));
	CHECK_EQ(as.nregions, 4);
	CHECK_EQ(as_find_region(&as, va_of(7))->prot, PTE_R);
	CHECK_EQ(as_find_region(&as, va_of(8))->prot, PTE_R | PTE_W);
	CHECK(!as_protect_range(&as, va_of(3), va_of(7), PTE_R)); /* the hole at 4 .. 6 */
	CHECK_EQ(as_find_region(&as, va_of(3))->prot, PTE_R | PTE_W);
	as_check(&as);
	as_fini(&as);
}

TEST(free_range_search_takes_the_highest_gap_that_fits_among_many_regions)
{
	enum { N = 20000 };
	struct aspace as;
	as_init(&as, NULL);
	/* one-page regions with one-page holes, and a four-page hole at region 5000 */
	for (int i = 0; i < N; i++) {
		vaddr_t at = 0x100000000ull + (vaddr_t)i * 2 * PAGE + (i >= 5000 ? 3 * PAGE : 0);
		struct region reg = {.start = at, .end = at + PAGE, .prot = PTE_R, .kind = REGION_MMAP};
		CHECK(as_add_region(&as, &reg));
	}
	vaddr_t top = 0x100000000ull + (vaddr_t)N * 2 * PAGE + 4 * PAGE, start; /* two free pages on top */
	CHECK(as_find_free(&as, 0x100000000ull, top, PAGE, &start));
	CHECK_EQ(start, top - PAGE);
	CHECK(as_find_free(&as, 0x100000000ull, top - 2 * PAGE, 2 * PAGE, &start));
	CHECK_EQ(start, 0x100000000ull + 4999 * 2 * PAGE + 3 * PAGE); /* the top of the hole after region 4999 */
	CHECK(!as_find_free(&as, 0x100000000ull + PAGE, top - 2 * PAGE, 5 * PAGE, &start));
	CHECK(as_find_free(&as, 0, top, 5 * PAGE, &start));
	CHECK_EQ(start, 0x100000000ull - 5 * PAGE); /* below every region */
	CHECK(!as_find_free(&as, 0, top, 0, &start));
	as_check(&as);
	as_fini(&as);
}

TEST(regions_may_reach_the_top_of_the_address_space)
{
	struct aspace as;
	as_init(&as, NULL);
	struct region top = {.start = ~0ull - 4 * PAGE + 1, .end = ~0ull, .prot = PTE_R, .kind = REGION_KERNEL};
	struct region low = {.start = va_of(0), .end = va_of(1), .prot = PTE_R, .kind = REGION_MMAP};
	CHECK(as_add_region(&as, &top) && as_add_region(&as, &low));
	vaddr_t lo, hi, start;
	as_gap(&as, va_of(5), 0, ~0ull, &lo, &hi);
	CHECK_EQ(lo, va_of(1));
	CHECK_EQ(hi, top.start);
	CHECK(as_find_free(&as, 0, ~0ull, PAGE, &start));
	CHECK_EQ(start, top.start - PAGE);
	CHECK(as_find_region(&as, ~0ull - 1) != NULL);
	CHECK(as_region_from(&as, top.end) == NULL);
	as_fini(&as);
}
