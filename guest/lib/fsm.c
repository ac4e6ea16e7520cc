/* fsm: a free-space manager with boundary tags and one address-ordered free
 * list (the API is in fsm.h). Heap memory comes in segments:
 *
 *   | next, end | block | block | ... | block | fencepost: size 0, in use |
 *    segment record (16 bytes)                 (16 bytes, at end - 16)
 *
 * Every block starts with a 16-byte header: its size (a multiple of 16,
 * header included) with flags in the low bits, then a canary = magic ^ the
 * header's own address. A free block also holds the free-list links after
 * its header and its size again in its last 8 bytes (the footer):
 *
 *   in use:  | size|flags | canary | payload ...                      |
 *   free:    | size|FREE  | canary | next | prev | ...         | size |
 *
 * PREV_FREE in a header says the left neighbour is free, and its footer says
 * where it starts, so free merges with both neighbours in O(1); there are
 * never two adjacent free blocks. The free list is in address order, so first
 * fit means lowest address, and a block freed between two used ones is
 * inserted by walking the list. A header merged away gets the DEAD canary,
 * so freeing it again is still a double free. Mapped blocks are
 * | next | prev | header | payload | on a list of their own; a pointer outside
 * the heap is read only once it has been found on that list. */
#include "fsm.h"

#define FLAG_FREE       ((size_t)1)	/* this block is free */
#define FLAG_PREV_FREE  ((size_t)2)	/* the block to the left is free */
#define FLAG_MAPPED     ((size_t)4)	/* a block of its own mapping */
#define FLAG_MASK       ((size_t)FSM_ALIGN - 1)

#define MAGIC_LIVE  ((uintptr_t)0xa110c8eda110c8edull)	/* a block header */
#define MAGIC_DEAD  ((uintptr_t)0xdeadb10cdeadb10cull)	/* merged into a free block */

struct fsm_header {
	size_t size_flags;
	uintptr_t canary;
};

struct fsm_free {
	struct fsm_header h;
	struct fsm_free *next, *prev;
};

struct fsm_segment {
	struct fsm_segment *next;
	char *end;			/* one past the fencepost */
};

struct fsm_mapping {
	struct fsm_mapping *next, *prev;
	struct fsm_header h;
};

_Static_assert(sizeof(struct fsm_header) == FSM_HEADER, "fsm: header size");
_Static_assert(sizeof(struct fsm_segment) == FSM_HEADER, "fsm: segment record size");
_Static_assert(sizeof(struct fsm_mapping) == FSM_MAP_OVERHEAD, "fsm: mapping header size");
_Static_assert(sizeof(struct fsm_free) + sizeof(size_t) <= FSM_MIN_BLOCK, "fsm: minimum block");

/* ---- blocks ---- */

static size_t bsize(const struct fsm_header *b)
{
	return b->size_flags & ~FLAG_MASK;
}

static bool is_free(const struct fsm_header *b)
{
	return (b->size_flags & FLAG_FREE) != 0;
}

static struct fsm_header *at(const void *b, size_t off)
{
	return (struct fsm_header *)((char *)(uintptr_t)b + off);
}

static struct fsm_header *next_block(const struct fsm_header *b)
{
	return at(b, bsize(b));
}

static uintptr_t canary(const void *b, uintptr_t magic)
{
	return magic ^ (uintptr_t)b;
}

/* Writes a live header: size with flags. */
static void set_header(struct fsm_header *b, size_t size, size_t flags)
{
	b->size_flags = size | flags;
	b->canary = canary(b, MAGIC_LIVE);
}

/* Marks a header that has become the inside of a free block. */
static void kill_header(struct fsm_header *b)
{
	b->canary = canary(b, MAGIC_DEAD);
}

static size_t *footer(const struct fsm_header *b, size_t size)
{
	return (size_t *)((char *)(uintptr_t)b + size) - 1;
}

/* Payload bytes n need as a heap block; 0 if n is too large for any. */
static size_t block_size(size_t n)
{
	size_t s;

	if (n > SIZE_MAX / 4)
		return 0;
	s = (n + FSM_HEADER + FSM_ALIGN - 1) & ~FLAG_MASK;
	return s < FSM_MIN_BLOCK ? FSM_MIN_BLOCK : s;
}

/* ---- the free list ---- */

/* Links b into the list after prev (NULL: at the head). */
static void list_insert(struct fsm *h, struct fsm_free *prev, struct fsm_free *b)
{
	b->prev = prev;
	b->next = prev ? prev->next : h->free_list;
	if (b->next)
		b->next->prev = b;
	if (prev)
		prev->next = b;
	else
		h->free_list = b;
}

/* Unlinks b; a rover on b moves on to its successor. */
static void list_remove(struct fsm *h, struct fsm_free *b)
{
	if (b->prev)
		b->prev->next = b->next;
	else
		h->free_list = b->next;
	if (b->next)
		b->next->prev = b->prev;
	if (h->rover == b)
		h->rover = b->next;
}

/* Puts b in old's place in the list (and under the rover); b may overlap
 * old's header but not its links. */
static void list_replace(struct fsm *h, struct fsm_free *old, struct fsm_free *b)
{
	struct fsm_free *next = old->next, *prev = old->prev;

	b->next = next;
	b->prev = prev;
	if (next)
		next->prev = b;
	if (prev)
		prev->next = b;
	else
		h->free_list = b;
	if (h->rover == old)
		h->rover = b;
}

/* The last free block below b, or NULL: a walk of the list. */
static struct fsm_free *list_pred(const struct fsm *h, const void *b)
{
	struct fsm_free *f, *pred = NULL;

	for (f = h->free_list; f && (uintptr_t)f < (uintptr_t)b; f = f->next)
		pred = f;
	return pred;
}

/* Writes b's free header and footer and tells the right neighbour. The left
 * neighbour of a free block is never free. */
static void make_free(struct fsm_header *b, size_t size)
{
	set_header(b, size, FLAG_FREE);
	*footer(b, size) = size;
	at(b, size)->size_flags |= FLAG_PREV_FREE;
}

/* Makes [b, b + size) a free block whose left neighbour is in use: merged
 * with the right neighbour if that is free, else linked in address order. */
static void free_range(struct fsm *h, struct fsm_header *b, size_t size)
{
	struct fsm_header *right = at(b, size);

	if (is_free(right)) {
		list_replace(h, (struct fsm_free *)right, (struct fsm_free *)b);
		size += bsize(right);
		kill_header(right);
	} else {
		list_insert(h, list_pred(h, b), (struct fsm_free *)b);
	}
	make_free(b, size);
}

/* ---- segments and pointer checks ---- */

static struct fsm_header *seg_first(const struct fsm_segment *s)
{
	return at(s, sizeof *s);
}

static struct fsm_header *seg_fence(const struct fsm_segment *s)
{
	return (struct fsm_header *)(s->end - FSM_HEADER);
}

/* The segment whose blocks (not its record or fencepost) hold address a. */
static struct fsm_segment *segment_of(const struct fsm *h, uintptr_t a)
{
	struct fsm_segment *s;

	for (s = h->segments; s; s = s->next)
		if (a >= (uintptr_t)seg_first(s) && a < (uintptr_t)seg_fence(s))
			return s;
	return NULL;
}

/* True if b, inside segment s, looks like a live header (the fencepost too):
 * the live canary and a size that stays inside s. */
static bool header_ok(const struct fsm_segment *s, const struct fsm_header *b)
{
	size_t size = bsize(b);

	if (b->canary != canary(b, MAGIC_LIVE) || (b->size_flags & FLAG_MAPPED))
		return false;
	if (b == seg_fence(s))
		return size == 0 && !is_free(b);
	return size >= FSM_MIN_BLOCK && size <= (size_t)((char *)seg_fence(s) - (char *)b);
}

/* The free block left of b (which has PREV_FREE), or NULL if its footer or
 * header has been overwritten. */
static struct fsm_header *left_of(const struct fsm_segment *s, const struct fsm_header *b)
{
	size_t size = footer(b, 0)[0];
	struct fsm_header *left;

	if (size < FSM_MIN_BLOCK || size % FSM_ALIGN ||
	    size > (size_t)((char *)b - (char *)seg_first(s)))
		return NULL;
	left = (struct fsm_header *)((char *)(uintptr_t)b - size);
	if (!header_ok(s, left) || !is_free(left) || bsize(left) != size)
		return NULL;
	return left;
}

/* The live header of the heap payload at a in segment s. */
static enum fsm_status heap_header(const struct fsm_segment *s, uintptr_t a, struct fsm_header **b)
{
	struct fsm_header *hd = (struct fsm_header *)(a - FSM_HEADER);

	if (hd->canary == canary(hd, MAGIC_DEAD))
		return FSM_EFREED;
	if (hd->canary != canary(hd, MAGIC_LIVE))
		return FSM_EINVAL;
	if (!header_ok(s, hd))
		return FSM_ECORRUPT;
	if (is_free(hd))
		return FSM_EFREED;
	*b = hd;
	return FSM_OK;
}

/* The header of the live mapped block whose payload is a; only memory on
 * the list of mappings is read. */
static enum fsm_status map_header(const struct fsm *h, uintptr_t a, struct fsm_header **b)
{
	struct fsm_mapping *m;

	for (m = h->mappings; m; m = m->next) {
		if ((uintptr_t)(m + 1) != a)
			continue;
		if (m->h.canary != canary(&m->h, MAGIC_LIVE) || !(m->h.size_flags & FLAG_MAPPED))
			return FSM_ECORRUPT;
		*b = &m->h;
		return FSM_OK;
	}
	for (unsigned int i = 0; i < FSM_UNMAPPED; i++)
		if (h->unmapped[i] == a && a)
			return FSM_EFREED;
	return FSM_EINVAL;
}

/* Finds the live block whose payload is p: *b its header and *seg its heap
 * segment (NULL for a mapped block). Never reads memory outside the heap
 * and the live mappings. */
static enum fsm_status lookup(const struct fsm *h, const void *p,
			      struct fsm_header **b, struct fsm_segment **seg)
{
	uintptr_t a = (uintptr_t)p;
	struct fsm_segment *s;
	enum fsm_status st;

	if (a % FSM_ALIGN)
		return FSM_EINVAL;
	s = segment_of(h, a - FSM_HEADER);
	st = s ? heap_header(s, a, b) : map_header(h, a, b);
	if (st == FSM_OK)
		*seg = s;
	return st;
}

/* ---- fit policies: each returns the chosen free block or NULL ---- */

static size_t fsize(const struct fsm_free *f)
{
	return bsize(&f->h);
}

static struct fsm_free *first_fit(const struct fsm *h, size_t need)
{
	struct fsm_free *f;

	for (f = h->free_list; f; f = f->next)
		if (fsize(f) >= need)
			return f;
	return NULL;
}

static struct fsm_free *next_fit(const struct fsm *h, size_t need)
{
	struct fsm_free *start = h->rover ? h->rover : h->free_list, *f;

	for (f = start; f; f = f->next)
		if (fsize(f) >= need)
			return f;
	for (f = h->free_list; f != start; f = f->next)
		if (fsize(f) >= need)
			return f;
	return NULL;
}

static struct fsm_free *best_fit(const struct fsm *h, size_t need)
{
	struct fsm_free *f, *best = NULL;

	for (f = h->free_list; f; f = f->next) {
		if (fsize(f) < need || (best && fsize(f) >= fsize(best)))
			continue;
		best = f;
		if (fsize(f) == need)
			break;
	}
	return best;
}

static struct fsm_free *worst_fit(const struct fsm *h, size_t need)
{
	struct fsm_free *f, *worst = NULL;

	for (f = h->free_list; f; f = f->next)
		if (fsize(f) >= need && (!worst || fsize(f) > fsize(worst)))
			worst = f;
	return worst;
}

static struct fsm_free *(*const fits[FSM_NPOLICIES])(const struct fsm *, size_t) = {
	[FSM_FIRST] = first_fit,
	[FSM_NEXT] = next_fit,
	[FSM_BEST] = best_fit,
	[FSM_WORST] = worst_fit,
};

static const char *const policy_names[FSM_NPOLICIES] = {
	[FSM_FIRST] = "first",
	[FSM_NEXT] = "next",
	[FSM_BEST] = "best",
	[FSM_WORST] = "worst",
};

/* Allocates need bytes from the front of free block f; the rest stays free
 * in f's place in the list when it can hold a block. The next search starts
 * at what is left (or f's successor). */
static void take(struct fsm *h, struct fsm_free *f, size_t need)
{
	size_t size = fsize(f);
	struct fsm_free *rest;

	if (size - need >= FSM_MIN_BLOCK) {
		rest = (struct fsm_free *)at(f, need);
		list_replace(h, f, rest);
		make_free(&rest->h, size - need);
		set_header(&f->h, need, 0);
		h->rover = rest;
	} else {
		h->rover = f->next;
		list_remove(h, f);
		set_header(&f->h, size, 0);
		at(f, size)->size_flags &= ~FLAG_PREV_FREE;
	}
}

/* ---- the API ---- */

void fsm_init(struct fsm *h, enum fsm_policy policy)
{
	*h = (struct fsm){ .policy = policy < FSM_NPOLICIES ? policy : FSM_FIRST };
}

size_t fsm_grow_size(size_t n)
{
	size_t need = block_size(n);

	return need ? need + sizeof(struct fsm_segment) + FSM_HEADER : 0;
}

/* Extends segment s to end at hi: the old fencepost starts the new space,
 * which joins a free block at the segment's end. FSM_ECORRUPT (nothing
 * changes) if the fencepost or that block's tags were overwritten. */
static enum fsm_status extend(struct fsm *h, struct fsm_segment *s, char *hi)
{
	struct fsm_header *old = seg_fence(s), *left = NULL;
	size_t added = (size_t)(hi - s->end);

	if (!header_ok(s, old))
		return FSM_ECORRUPT;
	if ((old->size_flags & FLAG_PREV_FREE) && !(left = left_of(s, old)))
		return FSM_ECORRUPT;
	s->end = hi;
	set_header(seg_fence(s), 0, 0);
	if (left) {
		kill_header(old);
		make_free(left, bsize(left) + added);
	} else {
		free_range(h, old, added);
	}
	return FSM_OK;
}

enum fsm_status fsm_grow(struct fsm *h, void *base, size_t len)
{
	uintptr_t lo = ((uintptr_t)base + FLAG_MASK) & ~(uintptr_t)FLAG_MASK;
	uintptr_t hi = ((uintptr_t)base + len) & ~(uintptr_t)FLAG_MASK;
	struct fsm_segment *s;

	if ((uintptr_t)base + len < (uintptr_t)base || hi <= lo || hi - lo < FSM_MIN_BLOCK)
		return FSM_EINVAL;
	for (s = h->segments; s; s = s->next)
		if ((uintptr_t)s->end == lo)
			return extend(h, s, (char *)hi);
	if (hi - lo < sizeof *s + FSM_MIN_BLOCK + FSM_HEADER)
		return FSM_EINVAL;
	s = (struct fsm_segment *)lo;
	s->end = (char *)hi;
	s->next = h->segments;
	h->segments = s;
	set_header(seg_fence(s), 0, 0);
	free_range(h, seg_first(s), (size_t)((char *)seg_fence(s) - (char *)seg_first(s)));
	return FSM_OK;
}

enum fsm_status fsm_alloc(struct fsm *h, size_t n, void **p)
{
	size_t need = block_size(n);
	struct fsm_free *f;

	if (!need)
		return FSM_E2BIG;
	f = fits[h->policy](h, need);
	if (!f)
		return FSM_ENOMEM;
	take(h, f, need);
	*p = (char *)f + FSM_HEADER;
	return FSM_OK;
}

size_t fsm_map_size(size_t n)
{
	if (n > SIZE_MAX / 4)
		return 0;
	return ((n + FLAG_MASK) & ~FLAG_MASK) + FSM_MAP_OVERHEAD;
}

enum fsm_status fsm_map(struct fsm *h, void *base, size_t len, void **p)
{
	struct fsm_mapping *m = base;

	len &= ~FLAG_MASK;
	if ((uintptr_t)base % FSM_ALIGN || len <= FSM_MAP_OVERHEAD)
		return FSM_EINVAL;
	m->prev = NULL;
	m->next = h->mappings;
	if (m->next)
		m->next->prev = m;
	h->mappings = m;
	set_header(&m->h, len, FLAG_MAPPED);
	for (unsigned int i = 0; i < FSM_UNMAPPED; i++)
		if (h->unmapped[i] == (uintptr_t)(m + 1))
			h->unmapped[i] = 0;
	*p = m + 1;
	return FSM_OK;
}

/* Unlinks a mapped block and remembers its payload for double frees. */
static void unmap(struct fsm *h, struct fsm_header *b, struct fsm_region *release)
{
	struct fsm_mapping *m = (struct fsm_mapping *)((char *)b - offsetof(struct fsm_mapping, h));

	if (m->prev)
		m->prev->next = m->next;
	else
		h->mappings = m->next;
	if (m->next)
		m->next->prev = m->prev;
	kill_header(b);
	h->unmapped[h->unmapped_next] = (uintptr_t)(m + 1);
	h->unmapped_next = (h->unmapped_next + 1) % FSM_UNMAPPED;
	release->base = m;
	release->len = bsize(b);
}

enum fsm_status fsm_free(struct fsm *h, void *p, struct fsm_region *release)
{
	struct fsm_header *b, *left = NULL, *right;
	struct fsm_segment *s;
	enum fsm_status st;
	size_t size;

	if (!p) {
		*release = (struct fsm_region){ 0 };
		return FSM_OK;
	}
	st = lookup(h, p, &b, &s);
	if (st)
		return st;
	if (!s) {
		unmap(h, b, release);
		return FSM_OK;
	}
	size = bsize(b);
	right = at(b, size);
	if (!header_ok(s, right))
		return FSM_ECORRUPT;
	if ((b->size_flags & FLAG_PREV_FREE) && !(left = left_of(s, b)))
		return FSM_ECORRUPT;
	if (!left) {
		free_range(h, b, size);
	} else {
		size += bsize(left);
		kill_header(b);
		if (is_free(right)) {
			size += bsize(right);
			if (h->rover == (struct fsm_free *)right)
				h->rover = (struct fsm_free *)left;
			list_remove(h, (struct fsm_free *)right);
			kill_header(right);
		}
		make_free(left, size);
	}
	*release = (struct fsm_region){ 0 };
	return FSM_OK;
}

/* Gives the tail of used block b beyond need back as a free block, if it
 * can hold one (merged with a free right neighbour). */
static void shrink(struct fsm *h, struct fsm_header *b, size_t need)
{
	size_t size = bsize(b);

	if (size - need < FSM_MIN_BLOCK)
		return;
	set_header(b, need, b->size_flags & FLAG_PREV_FREE);
	free_range(h, at(b, need), size - need);
}

/* Grows used block b to need bytes by taking the front of its free right
 * neighbour; what is left of that stays free in its place in the list. */
static void grow_into(struct fsm *h, struct fsm_header *b, struct fsm_header *right, size_t need)
{
	size_t total = bsize(b) + bsize(right), prev_free = b->size_flags & FLAG_PREV_FREE;
	struct fsm_free *rest;

	if (total - need >= FSM_MIN_BLOCK) {
		rest = (struct fsm_free *)at(b, need);
		list_replace(h, (struct fsm_free *)right, rest);
		kill_header(right);
		make_free(&rest->h, total - need);
		set_header(b, need, prev_free);
	} else {
		list_remove(h, (struct fsm_free *)right);
		kill_header(right);
		set_header(b, total, prev_free);
		at(b, total)->size_flags &= ~FLAG_PREV_FREE;
	}
}

enum fsm_status fsm_resize(struct fsm *h, void *p, size_t n)
{
	size_t need = block_size(n);
	struct fsm_header *b, *right;
	struct fsm_segment *s;
	enum fsm_status st = lookup(h, p, &b, &s);

	if (st)
		return st;
	if (!need)
		return FSM_E2BIG;
	if (!s)
		return n <= bsize(b) - FSM_MAP_OVERHEAD ? FSM_OK : FSM_ENOMEM;
	right = next_block(b);
	if (!header_ok(s, right))
		return FSM_ECORRUPT;
	if (need <= bsize(b)) {
		shrink(h, b, need);
		return FSM_OK;
	}
	if (!is_free(right) || bsize(b) + bsize(right) < need)
		return FSM_ENOMEM;
	grow_into(h, b, right, need);
	return FSM_OK;
}

enum fsm_status fsm_usable(const struct fsm *h, const void *p, size_t *n)
{
	struct fsm_header *b;
	struct fsm_segment *s;
	enum fsm_status st = lookup(h, p, &b, &s);

	if (st)
		return st;
	*n = bsize(b) - (s ? FSM_HEADER : FSM_MAP_OVERHEAD);
	return FSM_OK;
}

void fsm_stats(const struct fsm *h, struct fsm_stats *st)
{
	const struct fsm_segment *s;
	const struct fsm_mapping *m;
	const struct fsm_header *b;

	*st = (struct fsm_stats){ 0 };
	for (s = h->segments; s; s = s->next) {
		st->segments++;
		st->heap_bytes += (size_t)(s->end - (char *)s);
		for (b = seg_first(s); b != seg_fence(s) && header_ok(s, b); b = next_block(b)) {
			if (!is_free(b)) {
				st->used_blocks++;
				st->used_bytes += bsize(b);
				continue;
			}
			st->free_blocks++;
			st->free_bytes += bsize(b);
			if (bsize(b) > st->largest_free)
				st->largest_free = bsize(b);
		}
	}
	for (m = h->mappings; m; m = m->next) {
		st->mapped_blocks++;
		st->mapped_bytes += bsize(&m->h);
	}
}

/* Checks one segment's blocks; counts its free blocks into *nfree. */
static const void *check_segment(const struct fsm_segment *s, size_t *nfree)
{
	const struct fsm_header *b = seg_first(s);
	bool left_free = false;

	for (;;) {
		if (!header_ok(s, b))
			return b;
		if (((b->size_flags & FLAG_PREV_FREE) != 0) != left_free)
			return b;
		if (b == seg_fence(s))
			return NULL;
		if (is_free(b)) {
			if (left_free || *footer(b, bsize(b)) != bsize(b))
				return b;
			++*nfree;
		}
		left_free = is_free(b);
		b = next_block(b);
	}
}

/* Checks the free list: ascending, doubly linked, free blocks of the heap,
 * as many as the walk found, the rover on it. */
static const void *check_list(const struct fsm *h, size_t nfree)
{
	const struct fsm_free *f, *prev = NULL;
	bool rover_seen = h->rover == NULL;
	size_t n = 0;

	for (f = h->free_list; f; prev = f, f = f->next, n++) {
		const struct fsm_segment *s = segment_of(h, (uintptr_t)f);

		if (!s || !header_ok(s, &f->h) || !is_free(&f->h) || f->prev != prev ||
		    (prev && (uintptr_t)prev >= (uintptr_t)f) || n >= nfree)
			return f;
		rover_seen |= f == h->rover;
	}
	if (n != nfree || !rover_seen)
		return h->rover ? (const void *)h->rover : (const void *)h->free_list;
	return NULL;
}

enum fsm_status fsm_check(const struct fsm *h, const void **where)
{
	const struct fsm_segment *s;
	const struct fsm_mapping *m, *prev = NULL;
	const void *bad = NULL;
	size_t nfree = 0;

	for (s = h->segments; s && !bad; s = s->next)
		bad = check_segment(s, &nfree);
	if (!bad)
		bad = check_list(h, nfree);
	for (m = h->mappings; m && !bad; prev = m, m = m->next)
		if (m->prev != prev || m->h.canary != canary(&m->h, MAGIC_LIVE) ||
		    !(m->h.size_flags & FLAG_MAPPED) || bsize(&m->h) <= FSM_MAP_OVERHEAD)
			bad = m;
	if (!bad)
		return FSM_OK;
	*where = bad;
	return FSM_ECORRUPT;
}

static bool streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

bool fsm_policy_parse(const char *name, enum fsm_policy *policy)
{
	for (int i = 0; i < FSM_NPOLICIES; i++) {
		if (streq(name, policy_names[i])) {
			*policy = (enum fsm_policy)i;
			return true;
		}
	}
	return false;
}

const char *fsm_policy_name(enum fsm_policy policy)
{
	return policy < FSM_NPOLICIES ? policy_names[policy] : "?";
}

const char *fsm_strerror(enum fsm_status st)
{
	switch (st) {
	case FSM_OK:
		return "no error";
	case FSM_ENOMEM:
		return "out of memory";
	case FSM_E2BIG:
		return "size too large";
	case FSM_EFREED:
		return "double free";
	case FSM_EINVAL:
		return "not a pointer malloc returned";
	case FSM_ECORRUPT:
		return "heap corrupted (a block header was overwritten)";
	}
	return "unknown error";
}
