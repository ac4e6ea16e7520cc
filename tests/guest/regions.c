/* Many mappings at once: 1,200 anonymous mappings of 1 to 3 pages, then
 * 6,000 random steps that unmap whole mappings or their first or last page,
 * punch out a middle page, protect them read-only and back, map over a page
 * with MAP_FIXED, and map new ones, with the program break moving between
 * them; after every step the mappings touched hold what was written, and at
 * the end every live page does, no two mappings overlap, and a protection
 * or unmapping of a range with a hole behaves as on Linux (where the
 * failed mprotect may have changed the pages before the hole, which are
 * only read). Prints one line
 * per property, never an address; exits 1 if any fails. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGE 4096
#define MAPS 1200
#define STEPS 6000

struct map {
	uint8_t *base;   /* NULL: not mapped */
	long first, end; /* its live pages are [first, end), each holding its tag */
	long tag;
};

static struct map maps[MAPS];
static int failures;
static unsigned long rng_state = 0x2545f4914f6cdd1dul;

static unsigned long rnd(unsigned long n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state % n;
}

static void check(const char *what, int ok)
{
	printf("%-4s %s\n", ok ? "ok" : "FAIL", what);
	failures += !ok;
}

static long *page_word(const struct map *m, long i) { return (long *)(void *)(m->base + i * PAGE); }

static long tag_of(const struct map *m, long i) { return m->tag * 8 + i; }

static int new_map(struct map *m, long tag)
{
	long pages = 1 + (long)rnd(3);
	m->base = mmap(NULL, (size_t)pages * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m->base == MAP_FAILED) {
		m->base = NULL;
		return 0;
	}
	m->first = 0, m->end = pages, m->tag = tag;
	for (long i = 0; i < pages; i++)
		*page_word(m, i) = tag_of(m, i);
	return 1;
}

/* Whether every live page of m holds its tag. */
static int intact(const struct map *m)
{
	for (long i = m->first; m->base && i < m->end; i++)
		if (*page_word(m, i) != tag_of(m, i))
			return 0;
	return 1;
}

static int unmap_pages(struct map *m, long from, long to)
{
	int ok = munmap(m->base + from * PAGE, (size_t)(to - from) * PAGE) == 0;
	if (from == m->first)
		m->first = to;
	else if (to == m->end)
		m->end = from;
	if (m->first >= m->end)
		m->base = NULL;
	return ok;
}

/* One random step on mapping m; returns whether its calls succeeded and its pages are intact. */
static int step(struct map *m, long tag, int *brk_ok)
{
	if (!m->base)
		return new_map(m, tag);
	switch (rnd(6)) {
	case 0:
		return unmap_pages(m, m->first, m->end);
	case 1:
		return unmap_pages(m, m->first, m->first + 1) && intact(m);
	case 2:
		return unmap_pages(m, m->end - 1, m->end) && intact(m);
	case 3: {
		long n = m->end - m->first;
		int ok = mprotect(m->base + m->first * PAGE, (size_t)n * PAGE, PROT_READ) == 0 && intact(m) &&
			 mprotect(m->base + m->first * PAGE, (size_t)n * PAGE, PROT_READ | PROT_WRITE) == 0;
		*page_word(m, m->first) = tag_of(m, m->first);
		return ok && intact(m);
	}
	case 4: {
		uint8_t *at = m->base + (m->end - 1) * PAGE;
		uint8_t *got = mmap(at, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		int ok = got == at && *(long *)(void *)got == 0; /* a fresh zero page in its place */
		*page_word(m, m->end - 1) = tag_of(m, m->end - 1);
		return ok && intact(m);
	}
	default: {
		char *old = sbrk(0);
		long grow = 1 + (long)rnd(4);
		*brk_ok &= sbrk(grow * PAGE) == old;
		old[grow * PAGE - 1] = 1;
		*brk_ok &= sbrk(-grow * PAGE) != (void *)-1 && sbrk(0) == old;
		return intact(m);
	}
	}
}

static int by_base(const void *a, const void *b)
{
	const struct map *x = a, *y = b;
	uintptr_t p = (uintptr_t)(x->base + x->first * PAGE), q = (uintptr_t)(y->base + y->first * PAGE);
	return (p > q) - (p < q);
}

/* Whether no two live mappings overlap (sorts a copy by their first live pages). */
static int disjoint(void)
{
	static struct map sorted[MAPS];
	int n = 0;
	for (int i = 0; i < MAPS; i++)
		if (maps[i].base)
			sorted[n++] = maps[i];
	qsort(sorted, (size_t)n, sizeof *sorted, by_base);
	for (int i = 1; i < n; i++)
		if (sorted[i - 1].base + sorted[i - 1].end * PAGE > sorted[i].base + sorted[i].first * PAGE)
			return 0;
	return 1;
}

static void holes(void)
{
	uint8_t *m = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check("mmap of 3 more pages", m != MAP_FAILED);
	m[0] = 1, m[2 * PAGE] = 3;
	check("munmap of its middle page", munmap(m + PAGE, PAGE) == 0);
	errno = 0;
	check("mprotect across the hole fails with ENOMEM",
	      mprotect(m, 3 * PAGE, PROT_READ) == -1 && errno == ENOMEM);
	check("  the page after the hole stays writable, the one before readable",
	      (m[2 * PAGE] = 6, m[0] == 1 && m[2 * PAGE] == 6));
	check("munmap of the hole again returns 0", munmap(m + PAGE, PAGE) == 0);
	check("munmap across the hole unmaps the rest", munmap(m, 3 * PAGE) == 0);
}

int main(void)
{
	int mapped = 1, steps_ok = 1, brk_ok = 1, all = 1;
	for (int i = 0; i < MAPS; i++)
		mapped &= new_map(&maps[i], i);
	check("1200 mappings of 1 to 3 pages", mapped);
	check("no two mappings overlap", disjoint());
	for (long s = 0; s < STEPS; s++) {
		struct map *m = &maps[rnd(MAPS)];
		steps_ok &= step(m, MAPS + s, &brk_ok);
	}
	check("6000 steps of munmap, mprotect, MAP_FIXED and mmap succeed, the pages intact", steps_ok);
	check("the break moved up and down between them", brk_ok);
	for (int i = 0; i < MAPS; i++)
		all &= intact(&maps[i]);
	check("every live page holds what was written", all);
	check("no two mappings overlap after the steps", disjoint());
	holes();
	int gone = 1;
	for (int i = 0; i < MAPS; i++)
		if (maps[i].base)
			gone &= unmap_pages(&maps[i], maps[i].first, maps[i].end);
	check("munmap of every mapping left", gone);
	uint8_t *big = mmap(NULL, 256 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check("a 1 MiB mapping afterwards", big != MAP_FAILED && (big[255 * PAGE] = 9) == 9);
	printf("regions: %d failures\n", failures);
	return failures ? 1 : 0;
}
