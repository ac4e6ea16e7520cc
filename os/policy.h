/* Page-replacement policies: one file per policy (os/policy_NAME.c) behind one
 * table of function pointers. A policy knows pages only by the frame they
 * occupy; the kernel makes one instance for global replacement or one per
 * process for local replacement, so no policy knows about processes. */
#ifndef OS_POLICY_H
#define OS_POLICY_H

#include "lib/rng.h"
#include "lib/types.h"
#include "lib/util.h"

/* How opt and unopt break a tie between pages with the same next use (in
 * practice, pages never used again): POLICY_TIES_LOW_FRAME, the lowest frame
 * number; POLICY_TIES_INSERTION, as OSTEP's paging-policy.py (which scans
 * memory in insertion order, opt keeping the last of the farthest, unopt the
 * first of the nearest): opt evicts the page made resident last, unopt the
 * one made resident first. */
enum policy_ties { POLICY_TIES_LOW_FRAME, POLICY_TIES_INSERTION };

/* What a policy may ask the kernel about the page in a resident frame. Every
 * callback must be set; the policy calls them only from within victim(). */
struct policy_env {
	uint64_t nframes; /* frame numbers are < nframes */
	uint64_t seed;    /* for random and rclock, when random_below is NULL */
	/* The random source of random and rclock: a uniform integer in [0, n)
	 * for n > 0 (OSTEP's exercise passes int(n * random.random()) of
	 * CPython's stream), with random_ctx; NULL: an rng seeded with seed. */
	uint64_t (*random_below)(void *random_ctx, uint64_t n);
	void *random_ctx;
	/* How opt and unopt choose among pages tied on their next use. */
	enum policy_ties ties;
	/* Returns whether the page's hardware reference bit (PTE A) was set and
	 * clears it (the kernel clears the PTE's A bit and shoots down the TLB
	 * entry). A driver with reference counters instead of bits (OSTEP's
	 * CLOCK with -b bits) answers whether the count is nonzero and takes one
	 * off. */
	bool (*test_and_clear_accessed)(void *ctx, pfn_t frame);
	/* Returns the page's A bit without changing anything (eclock's first sweep). */
	bool (*is_accessed)(void *ctx, pfn_t frame);
	/* Whether the page is dirty (PTE D bit set, or not yet written to swap). */
	bool (*is_dirty)(void *ctx, pfn_t frame);
	void *ctx;
	/* For a policy that needs_stamps: last_use[frame] is the stamp of the
	 * frame's last reference, kept by the driver (the MMU's reference stamps):
	 * every reference to a resident frame, including the one that made it
	 * resident (stamped before insert), gets a stamp larger than any before. */
	const uint64_t *last_use;
	/* Per-frame state for the instances to share (local scope: a frame is
	 * resident in at most one instance at a time, so each instance costs
	 * what it holds, not what the machine has), or NULL: each its own. */
	struct policy_shared *shared;
};

/* The per-frame arrays instances share, each made on first use with
 * nframes entries: ring links and heap places POLICY_NONE, keys and flags
 * zero. */
struct policy_shared {
	uint64_t nframes;
	uint64_t *next, *prev; /* ring links */
	uint64_t *pos, *key;   /* a heap's places and keys; an order's slots (pos) */
	uint64_t *tie;         /* a heap's tie-breaks (insertion numbers) */
	uint8_t *flag;         /* twolist: on the active ring */
};

struct policy_shared *policy_shared_new(uint64_t nframes);
void policy_shared_free(struct policy_shared *s);

/* One policy. Every function pointer is set. The kernel calls insert when a
 * page becomes resident in a frame (that counts as its first reference), touch
 * on a later reference (only needed when needs_future; for the other policies
 * it does nothing), remove when the page leaves the frame (freed, or evicted
 * after victim chose it). victim chooses among resident frames and returns
 * false when none is resident; it does not remove the victim (a second call
 * without the remove may choose differently: the first may have cleared A bits
 * or drawn a random number).
 *
 * next_use is used by opt only (needs_future): the position in the reference
 * stream of the page's next reference, UINT64_MAX if it is never referenced
 * again. Other policies ignore it. A policy that needs_stamps reads the
 * frames' reference stamps (env->last_use) instead of being told of every
 * reference: a running program references memory billions of times, and
 * only a stamp per reference is cheap enough.
 *
 * Misuse is a broken kernel invariant and panics: a frame >= nframes, inserting
 * a frame already resident, touching or removing one that is not. */
struct policy_ops {
	const char *name;
	bool needs_future; /* the driver must pass next_use to insert and touch, and
			      report every reference with touch */
	bool needs_stamps; /* the driver must keep env->last_use */
	bool needs_touch;  /* the driver must report every reference with touch
			      (needs_future implies it) */
	/* Returns a new instance with nothing resident; the env is copied. */
	void *(*create)(const struct policy_env *env);
	void (*destroy)(void *state);
	void (*insert)(void *state, pfn_t frame, uint64_t next_use);
	void (*touch)(void *state, pfn_t frame, uint64_t next_use);
	void (*remove)(void *state, pfn_t frame);
	bool (*victim)(void *state, pfn_t *frame);
};

/* The policies, each defined in os/policy_NAME.c.
 *
 * fifo: evicts the page resident longest.
 *
 * lru: exact LRU: evicts the resident frame with the smallest last_use. The
 * frames sit in a min-heap keyed by the stamp each had when last placed
 * (never more than its last_use); victim re-keys a root whose key is stale
 * and sifts it down until the root's key is its last_use: then no frame was
 * used longer ago. O(log n) per insert and remove; victim O(log n) per frame
 * used since it was last placed.
 *
 * clock (second chance): the resident frames form a circle in order of
 * insertion, with a hand pointing at one of them. insert places the new frame
 * immediately before the hand (the last one the hand will reach). victim: while
 * test_and_clear_accessed(frame at hand) is true, advance the hand; the first
 * frame whose bit was clear is the victim and the hand stays on it. Removing
 * the frame under the hand advances the hand to the next one; removing any
 * other frame leaves the hand where it is.
 *
 * eclock (enhanced second chance, classes (A, D)): the same circle, hand,
 * insert and remove as clock. victim makes up to two rounds of two sweeps, each
 * sweep starting at the hand and visiting every resident frame once:
 *   sweep 1: the first frame with A = 0 and D = 0 (read with is_accessed,
 *            nothing cleared) is the victim;
 *   sweep 2: at each frame, test_and_clear_accessed; the first frame whose A
 *            was 0 (it is dirty, or sweep 1 would have taken it) is the victim;
 *            the frames passed have their A cleared.
 * The hand moves to the victim. The second round (sweeps 3 and 4) finds every
 * A clear, so it always chooses. Like the textbook algorithm, a victim call
 * costs up to four turns of the circle (O(n)) when no (0, 0) page exists.
 *
 * random: uniform over resident frames: victim draws k = random_below(count)
 * (or rng_below with an rng seeded from env->seed), once per call that finds
 * a frame resident, and returns the k-th resident frame in order of insertion
 * (a policy_order, O(log n)), the element OSTEP's RAND pops from its list.
 *
 * opt (Belady): evicts the resident page whose next_use is largest (UINT64_MAX
 * = never again); ties as env->ties says. O(log n) per operation.
 *
 * unopt (OSTEP's UNOPT, the worst choice): evicts the resident page whose
 * next_use is smallest, the one needed soonest; ties as env->ties says.
 *
 * mru: evicts the most recently used resident page (insert and every touch
 * make a page the most recent: needs_touch). O(log n) per operation.
 *
 * rclock (OSTEP's CLOCK): random probes instead of a hand. victim repeats:
 * draw a resident frame as random does; if test_and_clear_accessed(frame),
 * probe again, else it is the victim. With a reference bit, a page
 * referenced since the last probe is spared once; with OSTEP's counters of -b
 * bits, once per count. Each probe takes a reference off, so it ends.
 *
 * twolist (Linux-style active/inactive): two lists, each with a head and a
 * tail. insert puts the frame at the inactive head. victim repeats:
 *   1. while the active list is longer than the inactive list, move the active
 *      tail to the inactive head and test_and_clear_accessed it (discarding
 *      the result); this also refills an empty inactive list;
 *   2. if the inactive list is empty (nothing is resident), return false;
 *   3. if test_and_clear_accessed(inactive tail), move it to the active head
 *      and start again; otherwise it is the victim.
 * remove takes the frame off whichever list holds it. */
extern const struct policy_ops policy_fifo_ops;
extern const struct policy_ops policy_lru_ops;
extern const struct policy_ops policy_clock_ops;
extern const struct policy_ops policy_eclock_ops;
extern const struct policy_ops policy_random_ops;
extern const struct policy_ops policy_opt_ops;
extern const struct policy_ops policy_twolist_ops;
extern const struct policy_ops policy_mru_ops;
extern const struct policy_ops policy_unopt_ops;
extern const struct policy_ops policy_rclock_ops;

/* Every policy name, NULL-terminated: "fifo", "lru", "clock", "eclock",
 * "random", "opt", "twolist", "mru", "unopt", "rclock". */
extern const char *const policy_names[];

/* The policy with that name, or NULL when there is none. */
const struct policy_ops *policy_find(const char *name);

/* A policy instance: its operations and state, owned by whoever holds it. */
struct policy {
	const struct policy_ops *ops;
	void *state;
	uint64_t held;  /* frames resident in it (inserted and not removed) */
};

static inline void policy_init(struct policy *p, const struct policy_ops *ops, const struct policy_env *env)
{
	p->ops = ops;
	p->state = ops->create(env);
	p->held = 0;
}

static inline void policy_fini(struct policy *p)
{
	if (p->state)
		p->ops->destroy(p->state);
	p->state = NULL;
	p->held = 0;
}

static inline void policy_insert(struct policy *p, pfn_t frame, uint64_t next_use)
{
	p->ops->insert(p->state, frame, next_use);
	p->held++;
}

static inline void policy_touch(struct policy *p, pfn_t frame, uint64_t next_use)
{
	p->ops->touch(p->state, frame, next_use);
}

static inline void policy_remove(struct policy *p, pfn_t frame)
{
	p->ops->remove(p->state, frame);
	p->held--;
}

WARN_UNUSED static inline bool policy_victim(struct policy *p, pfn_t *frame)
{
	return p->ops->victim(p->state, frame);
}

/* Building blocks for the policy files; not for the kernel.
 *
 * policy_links holds the links of any number of circular doubly-linked lists
 * over frame numbers (a policy_ring each); a frame is on at most one of them.
 * A ring's head is its first element and prev[head] its last (the tail). */
#define POLICY_NONE UINT64_MAX

struct policy_links {
	pfn_t *next, *prev; /* POLICY_NONE when the frame is on no ring */
	uint64_t nframes;
	bool own;           /* the arrays are this instance's (not env->shared's) */
};

struct policy_ring {
	pfn_t head;     /* POLICY_NONE when empty */
	uint64_t count;
};

/* Links for env's frames, all on no ring (env->shared's when it has them). */
void policy_links_init(struct policy_links *l, const struct policy_env *env);
void policy_links_fini(struct policy_links *l);

static inline void policy_ring_init(struct policy_ring *r)
{
	r->head = POLICY_NONE;
	r->count = 0;
}

static inline bool policy_links_on_ring(const struct policy_links *l, pfn_t f)
{
	return f < l->nframes && l->next[f] != POLICY_NONE;
}

static inline pfn_t policy_ring_tail(const struct policy_links *l, const struct policy_ring *r)
{
	return r->count ? l->prev[r->head] : POLICY_NONE;
}

NORETURN void policy_not_resident(pfn_t f);

/* Per-frame arrays for a policy of its own: env->shared's (*own false) or,
 * without one, new ones (*own true: the caller frees them). Flags start
 * zero, places POLICY_NONE. */
uint8_t *policy_shared_flags(const struct policy_env *env, bool *own);
uint64_t *policy_shared_pos(const struct policy_env *env, bool *own);

/* a, a list of at most nframes frames with room for *cap, with room for
 * more (doubling, at most nframes). */
pfn_t *policy_grow(pfn_t *a, uint64_t *cap, uint64_t nframes);

/* Panics unless f is on some ring (resident). */
static inline void policy_links_require(const struct policy_links *l, pfn_t f)
{
	if (unlikely(!policy_links_on_ring(l, f)))
		policy_not_resident(f);
}

/* Adds f, which must be < nframes and on no ring (or panic), as the last
 * element (push_back) or as the new head (push_front). */
void policy_ring_push_back(struct policy_links *l, struct policy_ring *r, pfn_t f);
void policy_ring_push_front(struct policy_links *l, struct policy_ring *r, pfn_t f);

/* Takes f off ring r, which must hold it (a frame on no ring panics); when f
 * was the head the head moves to the next element. */
void policy_ring_remove(struct policy_links *l, struct policy_ring *r, pfn_t f);

/* Makes f, which must be on ring r, its head (the other elements keep their
 * order): the tail is rotated in, anything else is spliced out and back in. */
static inline void policy_ring_move_front(struct policy_links *l, struct policy_ring *r, pfn_t f)
{
	pfn_t h = r->head;
	if (f == h)
		return;
	if (l->prev[h] != f) {
		pfn_t n = l->next[f], p = l->prev[f], t = l->prev[h];
		l->next[p] = n;
		l->prev[n] = p;
		l->next[f] = h;
		l->prev[f] = t;
		l->next[t] = f;
		l->prev[h] = f;
	}
	r->head = f;
}

/* An order: the resident frames in order of insertion, the k-th found in
 * O(log n): insert gives the frame the next slot, remove empties its slot,
 * and a Fenwick tree over the slots counts the full ones. When the slots run
 * out they are compacted (amortized O(1) per insert), so an instance holds
 * memory for what it holds, not for every frame. */
struct policy_order {
	pfn_t *at;      /* per slot: its frame, or POLICY_NONE when emptied */
	uint64_t *tree; /* Fenwick tree (1-based) of full slots */
	uint64_t *slot; /* per frame: its slot, or POLICY_NONE (env->shared's pos) */
	uint64_t used, cap, count, nframes;
	bool own;       /* slot is this order's */
};

void policy_order_init(struct policy_order *o, const struct policy_env *env);
void policy_order_fini(struct policy_order *o);
/* Panics when f is out of range or already in (insert), not in (remove). */
void policy_order_insert(struct policy_order *o, pfn_t f);
void policy_order_remove(struct policy_order *o, pfn_t f);
bool policy_order_holds(const struct policy_order *o, pfn_t f);
/* The k-th frame in order of insertion (k < count, or panic). */
pfn_t policy_order_kth(const struct policy_order *o, uint64_t k);

/* Frames drawn at random: an order and a random source, what random and
 * rclock share. Its functions serve directly as those policies' create,
 * destroy, insert, touch (only checks residency) and remove. */
struct policy_drawn {
	struct policy_env env;
	struct rng rng; /* seeded with env.seed, used when env.random_below is NULL */
	struct policy_order order;
};

void *policy_drawn_create(const struct policy_env *env);
void policy_drawn_destroy(void *state);
void policy_drawn_insert(void *state, pfn_t frame, uint64_t next_use);
void policy_drawn_touch(void *state, pfn_t frame, uint64_t next_use);
void policy_drawn_remove(void *state, pfn_t frame);
/* The k-th resident frame in order of insertion for k drawn below their
 * count (env.random_below, or the rng); one draw. Something must be resident. */
pfn_t policy_drawn_pick(struct policy_drawn *d);

/* A circle: the resident frames on one ring in order of insertion, what
 * fifo, clock and eclock share. Its functions serve directly as those
 * policies' create, destroy, insert (the new frame goes last, just before the
 * head), touch (only checks residency) and remove. */
struct policy_circle {
	struct policy_env env;
	struct policy_links links;
	struct policy_ring ring;
};

void *policy_circle_create(const struct policy_env *env);
void policy_circle_destroy(void *state);
void policy_circle_insert(void *state, pfn_t frame, uint64_t next_use);
void policy_circle_touch(void *state, pfn_t frame, uint64_t next_use);
void policy_circle_remove(void *state, pfn_t frame);

/* Panics unless f is one of the env's frames. */
void policy_check_frame(const struct policy_env *env, pfn_t f, const char *who);

/* An indexed binary heap of frames by a per-frame key: the root is the frame
 * with the smallest key (the largest with max_first), on a tie the lower
 * frame number first, or with policy_heap_tie_by_insertion the frame
 * inserted first (last with max_first). Every operation is O(log n); misuse
 * panics (a frame out of range, inserting a frame in the heap, keying or
 * removing one that is not). */
struct policy_heap {
	pfn_t *heap;      /* count frames (room for cap); heap[0] is the root */
	uint64_t *pos;    /* per frame: its index in heap, or POLICY_NONE */
	uint64_t *key;    /* per frame */
	uint64_t *tie;    /* per frame: its insertion number, or NULL (ties by frame) */
	uint64_t count, cap, nframes, inserted;
	bool max_first;
	bool own;         /* pos, key and tie are this heap's (not env->shared's) */
};

void policy_heap_init(struct policy_heap *h, const struct policy_env *env, bool max_first);
/* Breaks ties by order of insertion from now on (an empty heap). */
void policy_heap_tie_by_insertion(struct policy_heap *h, const struct policy_env *env);
void policy_heap_fini(struct policy_heap *h);
void policy_heap_insert(struct policy_heap *h, pfn_t f, uint64_t key);
/* Gives f, in the heap, a new key. */
void policy_heap_rekey(struct policy_heap *h, pfn_t f, uint64_t key);
void policy_heap_remove(struct policy_heap *h, pfn_t f);

static inline bool policy_heap_holds(const struct policy_heap *h, pfn_t f)
{
	return f < h->nframes && h->pos[f] != POLICY_NONE;
}

/* A heap of the resident frames by the next use of their page, ties as
 * env->ties says: what opt (max_first) and unopt share. Its functions serve
 * directly as their destroy, insert, touch (a new next use), remove and
 * victim (the root). */
void *policy_future_create(const struct policy_env *env, bool max_first);
void policy_future_destroy(void *state);
void policy_future_insert(void *state, pfn_t frame, uint64_t next_use);
void policy_future_touch(void *state, pfn_t frame, uint64_t next_use);
void policy_future_remove(void *state, pfn_t frame);
bool policy_future_victim(void *state, pfn_t *frame);

#endif
