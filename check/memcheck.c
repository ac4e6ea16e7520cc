/* The heap checker (check/memcheck.h): blocks per process in a tree keyed by
 * the start of their redzone, a check of every program access against it,
 * valgrind's reports, and the leak scan at exit. */
#include "check/memcheck.h"
#include "check/stack.h"
#include "check/symbols.h"
#include "check/vbits.h"
#include "guest/include/vmlab/syscall.h"
#include "lib/u64tree.h"
#include "lib/util.h"
#include "os/kernel.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#define RZ VMLAB_CLIENT_REDZONE
#define QUARANTINE_BYTES (1024 * 1024) /* freed bytes kept from reuse (valgrind's --freelist-vol) */
#define MAX_BLOCKS (1u << 23) /* live and quarantined blocks a process may have (host memory: ~2 GiB) */
#define CONTEXT_FRAMES 4 /* frames that tell two errors apart (valgrind's --num-callers for errors) */

struct mc_stack {
	uint64_t pcs[STACK_MAX_DEPTH];
	size_t n;
};

enum reach { UNREACHED, INDIRECT, INTERIOR, REACHED };

struct mc_block {
	uint64_t addr, size;
	bool freed;
	enum reach reach;
	struct mc_stack alloc, free;
	struct mc_block *next_freed; /* the quarantine's next (newer) block */
	uint64_t indirect;           /* the leak scan: bytes lost only through this (definitely lost) block */
};

struct mc_context {
	int kind;
	unsigned size;
	uint64_t pcs[CONTEXT_FRAMES];
};

struct mc_proc {
	int pid;
	struct u64tree blocks;   /* ~(addr - RZ) -> struct mc_block *: a ceil finds the block at or below */
	uint64_t lo, hi;         /* every block's redzones lie within [lo, hi) */
	const struct mc_block *hot; /* the live block the last good access fell in (NULL: none) */
	struct mc_block *oldest, *newest; /* the quarantine: freed blocks in order of their free */
	uint64_t quarantined;    /* its bytes */
	uint64_t allocs, frees, allocated;
	uint64_t errors, ncontexts;
	struct mc_context *contexts;
	struct u64tree context_of; /* a context's hash -> its index */
	size_t cap;
	struct vbits vb;         /* its memory's V bits */
	vaddr_t last_va;         /* the last load or store of the program, by the */
	enum access last_acc;    /* instruction at last_pc: the kill that may follow */
	unsigned last_size;      /* reports it */
	uint64_t last_pc;
	uint64_t seen_pc, seen_instret; /* the instruction instance that reported */
	unsigned seen_kinds;     /* the kinds of error it reported (a retry after a fault reports none again) */
	struct mc_proc *next;
};

struct mc_program {
	char name[64];
	struct symbols *syms;
	struct mc_program *next;
};

struct memcheck {
	struct kernel *k;
	struct memcheck_opts o;
	FILE *out;
	struct mc_proc *procs, *last;
	struct mc_program *programs;
	uint64_t errors;
	struct mc_origin {       /* --track-origins: where undefined values were made; tag = index + 1 */
		bool heap;
		struct mc_stack stack;
	} *origins;
	uint32_t norigins, ocap;
	struct u64tree origin_of; /* a stack allocation's pc, or a heap one's stack hash -> tag */
	void (*next_exit)(void *ctx, const struct proc *p);
	void *next_exit_ctx;
	void (*next_as_event)(void *ctx, const struct proc *p, enum as_event ev, uint64_t arg);
	void *next_as_event_ctx;
	struct cpu_checker ops; /* what every CPU tells the checker */
};

enum { ERR_READ, ERR_WRITE, ERR_FREE, ERR_COND, ERR_VALUE, ERR_PARAM_UNDEF, ERR_PARAM_UNADDR, ERR_LEAK };

/* ---- processes, programs, stacks ---- */

static struct mc_proc *find_proc(struct memcheck *mc, int pid)
{
	if (mc->last && mc->last->pid == pid)
		return mc->last;
	for (struct mc_proc *m = mc->procs; m; m = m->next)
		if (m->pid == pid)
			return mc->last = m;
	return NULL;
}

static struct mc_proc *new_proc(struct memcheck *mc, int pid)
{
	struct mc_proc *m = xcalloc(1, sizeof *m);
	m->pid = pid;
	m->lo = UINT64_MAX;
	u64tree_init(&m->blocks);
	u64tree_init(&m->context_of);
	vbits_init(&m->vb);
	m->next = mc->procs;
	return mc->procs = mc->last = m;
}

static struct mc_proc *proc_of(struct memcheck *mc, const struct proc *p)
{
	struct mc_proc *m = find_proc(mc, p->pid);
	return m ? m : new_proc(mc, p->pid);
}

static void free_block(void *ctx, uint64_t key, uint64_t val)
{
	(void)ctx, (void)key;
	free((struct mc_block *)(uintptr_t)val);
}

/* Forgets every block of m (and its heap usage: a new image starts afresh). */
static void clear_blocks(struct mc_proc *m)
{
	u64tree_for_each(&m->blocks, free_block, NULL);
	u64tree_fini(&m->blocks);
	u64tree_init(&m->blocks);
	m->lo = UINT64_MAX;
	m->hi = 0;
	m->oldest = m->newest = NULL;
	m->hot = NULL;
	m->quarantined = m->allocs = m->frees = m->allocated = 0;
}

static void drop_proc(struct memcheck *mc, struct mc_proc *m)
{
	struct mc_proc **pp = &mc->procs;
	while (*pp != m)
		pp = &(*pp)->next;
	*pp = m->next;
	if (mc->last == m)
		mc->last = NULL;
	clear_blocks(m);
	u64tree_fini(&m->blocks);
	vbits_fini(&m->vb);
	free(m->contexts);
	u64tree_fini(&m->context_of);
	free(m);
}

static const struct symbols *syms_of(const struct memcheck *mc, const struct proc *p)
{
	size_t n = strlen(p->name); /* the kernel may cut a long name short */
	for (const struct mc_program *g = mc->programs; g; g = g->next)
		if (n && !strncmp(g->name, p->name, n))
			return g->syms;
	return NULL;
}

/* The host address of the guest byte at va in p, when resident (no side effects). */
static const uint8_t *guest_ptr(const struct kernel *k, const struct proc *p, uint64_t va, uint64_t len)
{
	struct pt_leaf leaf;
	if (pt_lookup(&p->as.pt, va, &leaf) != PT_OK)
		return NULL;
	unsigned shift = k->fmt.page_shift;
	paddr_t pa = (leaf.pfn << shift) + (va - leaf.va);
	return physmem_ptr(&k->pm, pa, len);
}

/* The stack from pc up through p's shadow call stack, from its newest call
 * at or below top (an index) that is still live (a call whose caller's sp
 * lies below sp was left by a longjmp). */
static void calls_stack(const struct proc *p, uint64_t pc, uint32_t top, struct mc_stack *s)
{
	const struct cpu_calls *c = p->cpu->calls;
	uint64_t sp = p->cpu->x[2];
	s->n = 0;
	s->pcs[s->n++] = pc;
	for (uint32_t k = c ? top : 0; k > 0 && s->n < STACK_MAX_DEPTH; k--)
		if (c->v[k - 1].sp >= sp)
			s->pcs[s->n++] = c->v[k - 1].ret - 1; /* inside the call, as valgrind looks it up */
}

/* The program's stack now. */
static void stack_now(const struct proc *p, struct mc_stack *s)
{
	calls_stack(p, p->cpu->pc, p->cpu->calls ? p->cpu->calls->n : 0, s);
}

/* The stack of a client request: from the malloc (free, ...) the program
 * called, fn, at its newest call (the whole stack if fn was not called). */
static void stack_of_request(const struct proc *p, uint64_t fn, struct mc_stack *s)
{
	const struct cpu_calls *c = p->cpu->calls;
	uint32_t k = c ? c->n : 0;
	while (k > 0 && c->v[k - 1].target != fn)
		k--;
	if (k == 0)
		stack_now(p, s);
	else
		calls_stack(p, fn, k, s);
}

static bool same_stack(const struct mc_stack *a, const struct mc_stack *b)
{
	return a->n == b->n && !memcmp(a->pcs, b->pcs, a->n * sizeof a->pcs[0]);
}

static void print_stack(const struct memcheck *mc, int pid, const struct proc *p, const struct mc_stack *s)
{
	stack_print(mc->out, pid, syms_of(mc, p), s->pcs, s->n);
}

/* ---- blocks ---- */

/* The block whose redzones or bytes hold va, or NULL. */
static struct mc_block *block_at(const struct mc_proc *m, uint64_t va)
{
	uint64_t key, val;
	if (va < m->lo || va >= m->hi || !u64tree_ceil(&m->blocks, ~va, &key, &val))
		return NULL;
	struct mc_block *b = (struct mc_block *)(uintptr_t)val;
	return va < b->addr + b->size + RZ ? b : NULL;
}

/* Whether [va, va + size) is all inside b's bytes. */
static bool inside(const struct mc_block *b, uint64_t va, uint64_t size)
{
	return va >= b->addr && va + size <= b->addr + b->size;
}

static void add_block(struct mc_proc *m, struct mc_block *b)
{
	u64tree_put(&m->blocks, ~(b->addr - RZ), (uint64_t)(uintptr_t)b);
	if (b->addr - RZ < m->lo)
		m->lo = b->addr - RZ;
	if (b->addr + b->size + RZ > m->hi)
		m->hi = b->addr + b->size + RZ;
}

static struct mc_block *live_block(const struct mc_proc *m, uint64_t addr)
{
	struct mc_block *b = block_at(m, addr);
	return b && !b->freed && b->addr == addr ? b : NULL;
}

/* ---- hash indexes of contexts and loss records ---- */

static uint64_t hash_words(uint64_t h, const uint64_t *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ w[i]) * 0x100000001b3ull;
	return h;
}

/* Looks up hash h in t, whose keys are hashes (probed linearly on a
 * collision) and values indexes into the caller's array: true with *at the
 * index of the item same() accepts; false with *at the key to put it under. */
static bool index_find(const struct u64tree *t, uint64_t h, bool (*same)(const void *ctx, uint64_t i), const void *ctx,
		       uint64_t *at)
{
	uint64_t i;
	for (;; h++) {
		if (!u64tree_get(t, h, &i)) {
			*at = h;
			return false;
		}
		if (same(ctx, i)) {
			*at = i;
			return true;
		}
	}
}

/* ---- origins (--track-origins) ---- */

static uint64_t stack_hash(const struct mc_stack *s)
{
	return hash_words(0xcbf29ce484222325ull, s->pcs, s->n) | 1; /* odd: never a pc (stack allocations' keys are even) */
}

/* The tag of an allocation with stack s: one per distinct place. */
static uint32_t origin_tag(struct memcheck *mc, bool heap, const struct mc_stack *s)
{
	uint64_t key = heap ? stack_hash(s) : s->pcs[0], tag;
	if (u64tree_get(&mc->origin_of, key, &tag) && mc->origins[tag - 1].heap == heap &&
	    same_stack(&mc->origins[tag - 1].stack, s))
		return (uint32_t)tag;
	if (mc->norigins == UINT32_MAX - 1)
		return 0; /* no tags left: origins not known */
	if (mc->norigins == mc->ocap) {
		mc->ocap = mc->ocap ? 2 * mc->ocap : 64;
		mc->origins = xrealloc(mc->origins, mc->ocap * sizeof *mc->origins);
	}
	mc->origins[mc->norigins++] = (struct mc_origin){heap, *s};
	u64tree_put(&mc->origin_of, key, mc->norigins);
	return mc->norigins;
}

/* The origin tag stands for, under --track-origins (NULL: none). */
static const struct mc_origin *origin_at(const struct memcheck *mc, uint32_t tag)
{
	return mc->o.track_origins && tag && tag <= mc->norigins ? &mc->origins[tag - 1] : NULL;
}

/* "Uninitialised value was created by ..." with its stack, for tag. */
static void print_origin(const struct memcheck *mc, int pid, const struct proc *p, uint32_t tag)
{
	const struct mc_origin *o = origin_at(mc, tag);
	if (!o)
		return;
	fprintf(mc->out, "==%d==  Uninitialised value was created by a %s allocation\n", pid, o->heap ? "heap" : "stack");
	print_stack(mc, pid, p, &o->stack);
}

/* The origin of the first undefined byte of the v loaded from va. */
static uint32_t loaded_origin(struct mc_proc *m, vaddr_t va, uint64_t v)
{
	unsigned i = 0;
	while (!(v >> 8 * i & 0xff))
		i++;
	return vbits_origin(&m->vb, va + i);
}

/* ---- errors ---- */

struct context_probe {
	const struct mc_proc *m;
	const struct mc_context *c;
};

static bool same_context(const void *ctx, uint64_t i)
{
	const struct context_probe *q = ctx;
	return !memcmp(&q->m->contexts[i], q->c, sizeof *q->c);
}

/* Counts an error; true when its context is new (to be printed). */
static bool count_error(struct memcheck *mc, struct mc_proc *m, int kind, unsigned size, const struct mc_stack *s)
{
	struct mc_context c = {.kind = kind, .size = size};
	for (size_t i = 0; i < CONTEXT_FRAMES && i < s->n; i++)
		c.pcs[i] = s->pcs[i];
	m->errors++;
	mc->errors++;
	uint64_t at, h = hash_words(0xcbf29ce484222325ull ^ ((uint64_t)kind << 32 | size), c.pcs, CONTEXT_FRAMES);
	if (index_find(&m->context_of, h, same_context, &(struct context_probe){m, &c}, &at))
		return false;
	if (m->ncontexts == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 16;
		m->contexts = xrealloc(m->contexts, m->cap * sizeof *m->contexts);
	}
	u64tree_put(&m->context_of, at, m->ncontexts);
	m->contexts[m->ncontexts++] = c;
	return true;
}

/* An error as valgrind reports it: the headline, the stack, where its
 * address is (when it has one) and, with --track-origins, where its
 * undefined value was made. */
struct mc_error {
	int kind;                     /* ERR_*: its name in valgrind's XML (xml_kind) */
	char what[128];               /* "Invalid read of size 1" */
	const struct mc_stack *stack;
	bool has_address;
	uint64_t address;
	uint32_t origin;              /* 0: none told */
};

/* Where an address is: "0 bytes after a block of size 5 alloc'd" with the
 * block's stacks (freed then allocated), or a place without a block. */
struct mc_where {
	char text[160];
	char frame[1200];  /* on the stack: "in frame #1, created by f (f.c:5)" ("": not known) */
	const struct mc_stack *freed, *allocated;
};

/* The frame of the live stack that holds va, from the shadow call stack:
 * frame #0 is the running function's, from sp up to where its call found
 * sp; frame #j, that of the function the j-th newest call called. */
static void frame_of(const struct memcheck *mc, const struct proc *p, uint64_t va, char *buf, size_t len)
{
	const struct cpu_calls *c = p->cpu->calls;
	uint64_t lo = p->cpu->x[2];
	buf[0] = '\0';
	for (uint32_t k = c ? c->n : 0, j = 0; k > 0 && va >= lo; k--) {
		if (c->v[k - 1].sp < lo)
			continue; /* left by a longjmp */
		if (va < c->v[k - 1].sp) {
			char fn[1024];
			stack_describe(syms_of(mc, p), c->v[k - 1].target, fn, sizeof fn);
			snprintf(buf, len, "in frame #%u, created by %s", j, fn);
			return;
		}
		lo = c->v[k - 1].sp;
		j++;
	}
}

static void where_of(const struct memcheck *mc, const struct proc *p, const struct mc_proc *m, uint64_t va,
		     struct mc_where *w)
{
	const struct mc_block *b = block_at(m, va);
	w->freed = w->allocated = NULL;
	w->frame[0] = '\0';
	if (!b) {
		const struct region *r = as_find_region(&p->as, va);
		bool stack = r && r->kind == REGION_STACK;
		snprintf(w->text, sizeof w->text, "%s",
			 stack ? "on thread 1's stack" : "not stack'd, malloc'd or (recently) free'd");
		if (stack)
			frame_of(mc, p, va, w->frame, sizeof w->frame);
		return;
	}
	const char *side = va < b->addr ? "before" : va >= b->addr + b->size ? "after" : "inside";
	uint64_t off = va < b->addr ? b->addr - va : va >= b->addr + b->size ? va - b->addr - b->size : va - b->addr;
	snprintf(w->text, sizeof w->text, "%" PRIu64 " bytes %s a block of size %" PRIu64 " %s", off, side, b->size,
		 b->freed ? "free'd" : "alloc'd");
	w->freed = b->freed ? &b->free : NULL;
	w->allocated = &b->alloc;
}

static const char *xml_kind(int kind)
{
	static const char *const names[] = {
		[ERR_READ] = "InvalidRead", [ERR_WRITE] = "InvalidWrite", [ERR_FREE] = "InvalidFree",
		[ERR_COND] = "UninitCondition", [ERR_VALUE] = "UninitValue", [ERR_PARAM_UNDEF] = "SyscallParam",
		[ERR_PARAM_UNADDR] = "SyscallParam", [ERR_LEAK + UNREACHED] = "Leak_DefinitelyLost",
		[ERR_LEAK + INDIRECT] = "Leak_IndirectlyLost", [ERR_LEAK + INTERIOR] = "Leak_PossiblyLost",
		[ERR_LEAK + REACHED] = "Leak_StillReachable",
	};
	return names[kind];
}

/* A stack as a JSON array of frames, stopping after main as the text does. */
static void stack_json(const struct memcheck *mc, const struct proc *p, const struct mc_stack *s)
{
	const struct symbols *syms = syms_of(mc, p);
	fputc('[', mc->out);
	for (size_t i = 0; i < s->n; i++) {
		struct sym_loc loc = {0};
		if (syms)
			symbols_lookup(syms, s->pcs[i], &loc);
		fprintf(mc->out, "%s{\"pc\": \"0x%" PRIx64 "\", \"function\": ", i ? ", " : "", s->pcs[i]);
		json_string(mc->out, loc.function ? loc.function : "???");
		if (loc.file) {
			fputs(", \"file\": ", mc->out);
			json_string(mc->out, loc.file);
			fprintf(mc->out, ", \"line\": %u", loc.line);
		}
		fputc('}', mc->out);
		if (loc.function && !strcmp(loc.function, "main"))
			break;
	}
	fputc(']', mc->out);
}

static void error_json(const struct memcheck *mc, const struct proc *p, int pid, const struct mc_error *e,
		       const struct mc_where *w)
{
	FILE *out = mc->out;
	fprintf(out, "{\"pid\": %d, \"kind\": \"%s\", \"what\": ", pid, xml_kind(e->kind));
	json_string(out, e->what);
	fputs(", \"stack\": ", out);
	stack_json(mc, p, e->stack);
	if (e->has_address) {
		fprintf(out, ", \"address\": \"0x%" PRIx64 "\", \"where\": ", e->address);
		json_string(out, w->text);
		if (w->frame[0]) {
			fputs(", \"frame\": ", out);
			json_string(out, w->frame);
		}
		if (w->freed) {
			fputs(", \"freed_at\": ", out);
			stack_json(mc, p, w->freed);
		}
		if (w->allocated) {
			fputs(", \"allocated_at\": ", out);
			stack_json(mc, p, w->allocated);
		}
	}
	const struct mc_origin *o = origin_at(mc, e->origin);
	if (o) {
		fprintf(out, ", \"origin\": {\"kind\": \"%s\", \"stack\": ", o->heap ? "heap" : "stack");
		stack_json(mc, p, &o->stack);
		fputc('}', out);
	}
	fputs("}\n", out);
}

/* Reports e, unless its context was seen before (it is counted either way). */
static void report_error(struct memcheck *mc, const struct proc *p, struct mc_proc *m, const struct mc_error *e,
			 unsigned size)
{
	if (!count_error(mc, m, e->kind, size, e->stack))
		return;
	struct mc_where w = {{0}, {0}, NULL, NULL};
	if (e->has_address)
		where_of(mc, p, m, e->address, &w);
	if (mc->o.json) {
		error_json(mc, p, m->pid, e, &w);
		return;
	}
	fprintf(mc->out, "==%d== %s\n", m->pid, e->what);
	print_stack(mc, m->pid, p, e->stack);
	if (e->has_address) {
		fprintf(mc->out, "==%d==  Address 0x%" PRIx64 " is %s\n", m->pid, e->address, w.text);
		if (w.frame[0])
			fprintf(mc->out, "==%d==  %s\n", m->pid, w.frame);
		if (w.freed || w.allocated)
			print_stack(mc, m->pid, p, w.freed ? w.freed : w.allocated);
		if (w.freed) {
			fprintf(mc->out, "==%d==  Block was alloc'd at\n", m->pid);
			print_stack(mc, m->pid, p, w.allocated);
		}
	}
	print_origin(mc, m->pid, p, e->origin);
	fprintf(mc->out, "==%d== \n", m->pid);
}

static void access_error(struct memcheck *mc, const struct proc *p, struct mc_proc *m, vaddr_t va, enum access acc,
			 unsigned size, const struct mc_stack *s)
{
	struct mc_error e = {.kind = acc == ACCESS_WRITE ? ERR_WRITE : ERR_READ, .stack = s, .has_address = true,
			     .address = va};
	snprintf(e.what, sizeof e.what, "Invalid %s of size %u", acc == ACCESS_WRITE ? "write" : "read", size);
	report_error(mc, p, m, &e, size);
}

/* ---- what the CPU and the kernel tell ---- */

/* Whether the instruction now running in p may still report an error of
 * kind (once per kind and instruction: one retried after a fault reports
 * nothing again). */
static bool first_report(struct mc_proc *m, const struct proc *p, int kind)
{
	if (m->seen_pc != p->cpu->pc || m->seen_instret != p->cpu->instret) {
		m->seen_pc = p->cpu->pc;
		m->seen_instret = p->cpu->instret;
		m->seen_kinds = 0;
	}
	if (m->seen_kinds & 1u << kind)
		return false;
	m->seen_kinds |= 1u << kind;
	return true;
}

/* The block whose redzones or freed bytes [va, va + size) touches, if any. */
static struct mc_block *bad_block(struct mc_proc *m, vaddr_t va, unsigned size)
{
	if (va + size <= m->lo || va >= m->hi || (m->hot && inside(m->hot, va, size)))
		return NULL;
	struct mc_block *b = block_at(m, va);
	if (!b)
		b = block_at(m, va + size - 1);
	if (b && (b->freed || !inside(b, va, size)))
		return b;
	m->hot = b;
	return NULL;
}

static struct mc_proc *current(struct memcheck *mc, const struct proc **pp)
{
	const struct proc *p = mc->k->current;
	*pp = p;
	return p && p->cpu ? proc_of(mc, p) : NULL;
}

/* A load or store the program is about to make: remembered (a kill may
 * follow), and an error if it touches a redzone or a freed block. */
static struct mc_proc *cpu_access(struct memcheck *mc, vaddr_t va, unsigned size, enum access acc)
{
	const struct proc *p;
	struct mc_proc *m = current(mc, &p);
	if (!m)
		return NULL;
	m->last_va = va;
	m->last_acc = acc;
	m->last_size = size;
	m->last_pc = p->cpu->pc;
	int kind = acc == ACCESS_WRITE ? ERR_WRITE : ERR_READ;
	if (bad_block(m, va, size) && first_report(m, p, kind)) {
		struct mc_stack s;
		stack_now(p, &s);
		access_error(mc, p, m, va, acc, size, &s);
	}
	return m;
}

static uint64_t cpu_load(void *ctx, vaddr_t va, unsigned size, uint32_t *origin)
{
	struct memcheck *mc = ctx;
	struct mc_proc *m = cpu_access(mc, va, size, ACCESS_READ);
	uint64_t v = m ? vbits_load(&m->vb, va, size) : 0;
	*origin = v && mc->o.track_origins ? loaded_origin(m, va, v) : 0;
	return v;
}

static void cpu_store(void *ctx, vaddr_t va, unsigned size, uint64_t v, uint32_t origin)
{
	struct memcheck *mc = ctx;
	struct mc_proc *m = cpu_access(mc, va, size, ACCESS_WRITE);
	if (!m)
		return;
	vbits_store(&m->vb, va, size, v);
	if (v && mc->o.track_origins)
		vbits_set_origin(&m->vb, va, size, origin);
}

static void cpu_used(void *ctx, enum cpu_use use, uint32_t origin)
{
	struct memcheck *mc = ctx;
	const struct proc *p;
	struct mc_proc *m = current(mc, &p);
	int kind = use == CPU_USE_BRANCH ? ERR_COND : ERR_VALUE;
	if (!m || !first_report(m, p, kind))
		return;
	struct mc_stack s;
	stack_now(p, &s);
	struct mc_error e = {.kind = kind, .stack = &s, .origin = origin};
	snprintf(e.what, sizeof e.what, "%s", kind == ERR_COND ? "Conditional jump or move depends on uninitialised value(s)"
								: "Use of uninitialised value of size 8");
	report_error(mc, p, m, &e, 0);
}

/* New stack is undefined; its origin, the function that made it (the pc
 * after its sp moved, in its prologue). */
static void cpu_stack_grew(void *ctx, vaddr_t lo, vaddr_t hi)
{
	struct memcheck *mc = ctx;
	const struct proc *p;
	struct mc_proc *m = current(mc, &p);
	if (!m)
		return;
	vbits_set(&m->vb, lo, hi - lo, true);
	if (mc->o.track_origins) {
		struct mc_stack s = {.pcs = {p->cpu->pc}, .n = 1};
		vbits_set_origin(&m->vb, lo, hi - lo, origin_tag(mc, false, &s));
	}
}

static const char *syscall_param(uint64_t nr)
{
	return nr == SYS_write ? "write(buf)" : NULL;
}

/* A system call's copy of p's memory: what the kernel writes is defined;
 * what write() reads must be addressable and defined. */
static void user_access(void *ctx, const struct proc *p, vaddr_t va, enum access acc, unsigned size)
{
	struct memcheck *mc = ctx;
	struct mc_proc *m = p->cpu ? proc_of(mc, p) : NULL;
	if (!m)
		return;
	if (acc == ACCESS_WRITE) {
		vbits_set(&m->vb, va, size, false);
		return;
	}
	const char *param = syscall_param(p->cpu->x[17]);
	uint64_t at = va;
	bool unaddressable = bad_block(m, va, size) != NULL;
	int kind = unaddressable ? ERR_PARAM_UNADDR : ERR_PARAM_UNDEF;
	if (!param || !(unaddressable || vbits_find_undefined(&m->vb, va, size, &at)) || !first_report(m, p, kind))
		return;
	struct mc_stack s;
	stack_now(p, &s);
	struct mc_error e = {.kind = kind, .stack = &s, .has_address = true, .address = at,
			     .origin = unaddressable ? 0 : vbits_origin(&m->vb, at)};
	snprintf(e.what, sizeof e.what, "Syscall param %s points to %s byte(s)", param,
		 unaddressable ? "unaddressable" : "uninitialised");
	report_error(mc, p, m, &e, 0);
}

/* ---- client requests ---- */

/* A new block, unless it overlaps another or lies outside p's regions (a
 * request no malloc makes: -EINVAL), or the process has MAX_BLOCKS (-ENOMEM:
 * the malloc fails). */
static long malloclike(struct memcheck *mc, struct proc *p, struct mc_proc *m, const uint64_t *a)
{
	uint64_t addr = a[1], size = a[2], key, val;
	const struct region *r = as_find_region(&p->as, addr - RZ);
	if (addr < RZ || size > UINT64_MAX - addr - RZ || !r || addr + size + RZ > r->end)
		return -GUEST_EINVAL;
	if (u64tree_ceil(&m->blocks, ~(addr + size + RZ - 1), &key, &val) &&
	    ((struct mc_block *)(uintptr_t)val)->addr + ((struct mc_block *)(uintptr_t)val)->size + RZ > addr - RZ)
		return -GUEST_EINVAL;
	if (m->blocks.len >= MAX_BLOCKS)
		return -GUEST_ENOMEM;
	struct mc_block *b = xcalloc(1, sizeof *b);
	b->addr = addr;
	b->size = size;
	stack_of_request(p, a[4], &b->alloc);
	add_block(m, b);
	vbits_set(&m->vb, addr, size, a[3] == 0); /* malloc's bytes are undefined, calloc's zeros not */
	if (a[3] == 0 && mc->o.track_origins)
		vbits_set_origin(&m->vb, addr, size, origin_tag(mc, true, &b->alloc));
	m->allocs++;
	m->allocated += b->size;
	return 0;
}

static void quarantine(struct mc_proc *m, struct mc_block *b)
{
	b->next_freed = NULL;
	if (m->newest)
		m->newest->next_freed = b;
	else
		m->oldest = b;
	m->newest = b;
	m->quarantined += b->size;
}

static long freelike(struct memcheck *mc, struct proc *p, struct mc_proc *m, const uint64_t *a)
{
	struct mc_block *b = live_block(m, a[1]);
	struct mc_stack s;
	stack_of_request(p, a[4], &s);
	if (!b) {
		struct mc_error e = {.kind = ERR_FREE, .what = "Invalid free() / delete / delete[] / realloc()", .stack = &s,
				     .has_address = true, .address = a[1]};
		report_error(mc, p, m, &e, 0);
		return 1;
	}
	b->freed = true;
	m->hot = NULL;
	b->free = s;
	m->frees++;
	quarantine(m, b);
	return 0;
}

/* The oldest freed block when the quarantine holds too much, which leaves it
 * and is forgotten (its address, for the malloc to reuse); 0 when none. */
static long release(struct mc_proc *m)
{
	struct mc_block *b = m->oldest;
	if (!b || m->quarantined <= QUARANTINE_BYTES)
		return 0;
	m->oldest = b->next_freed;
	if (!m->oldest)
		m->newest = NULL;
	m->quarantined -= b->size;
	uint64_t addr = b->addr;
	u64tree_remove(&m->blocks, ~(addr - RZ));
	m->hot = NULL;
	free(b);
	return (long)addr;
}

static long on_client(void *ctx, struct proc *p, const uint64_t *a)
{
	struct memcheck *mc = ctx;
	struct mc_proc *m = proc_of(mc, p);
	struct mc_block *b;
	switch (a[0]) {
	case VMLAB_CLIENT_RUNNING: return 1;
	case VMLAB_CLIENT_MALLOCLIKE: return malloclike(mc, p, m, a);
	case VMLAB_CLIENT_FREELIKE: return freelike(mc, p, m, a);
	case VMLAB_CLIENT_BLOCK_SIZE: return (b = live_block(m, a[1])) ? (long)b->size : -1;
	case VMLAB_CLIENT_RELEASE: return release(m);
	default: return -GUEST_ENOSYS;
	}
}

/* ---- the leak check ---- */

/* Appends b to the array *v of *n blocks (room for *cap). */
static void push_block(struct mc_block ***v, size_t *n, size_t *cap, struct mc_block *b)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	(*v)[(*n)++] = b;
}

struct scan {
	struct memcheck *mc;
	const struct proc *p;
	struct mc_proc *m;
	struct mc_block **work; /* blocks reached whose bytes are still to scan */
	size_t nwork, cap;
	enum reach mark;        /* what a pointer found makes of an unreached block */
	uint64_t *indirect;     /* marking INDIRECT: the lost block's count of bytes lost through it */
};

/* A word that may point into a live block. */
static void found(struct scan *sc, uint64_t v)
{
	struct mc_block *b = block_at(sc->m, v);
	if (!b || b->freed || v < b->addr || (v >= b->addr + b->size && !(b->size == 0 && v == b->addr)))
		return;
	enum reach r = sc->mark == INDIRECT ? INDIRECT : v == b->addr ? REACHED : INTERIOR;
	if (b->reach >= r || (sc->mark == INDIRECT && b->reach != UNREACHED))
		return;
	bool scanned = b->reach != UNREACHED;
	if (r == INDIRECT) { /* with what was lost through b (a lost block scanned before) */
		*sc->indirect += b->size + b->indirect;
		b->indirect = 0;
	}
	b->reach = r;
	if (scanned)
		return;
	push_block(&sc->work, &sc->nwork, &sc->cap, b);
}

/* The aligned words of [start, end), resident pages only; with skip_blocks,
 * not those inside a block's redzones or bytes (scanned when reached). */
static void scan_range(struct scan *sc, uint64_t start, uint64_t end, bool skip_blocks)
{
	uint64_t page = 1ull << sc->mc->k->fmt.page_shift;
	for (uint64_t va = (start + 7) & ~7ull; va + 8 <= end;) {
		uint64_t stop = ((va & ~(page - 1)) + page) < end ? (va & ~(page - 1)) + page : end & ~7ull;
		const uint8_t *h = guest_ptr(sc->mc->k, sc->p, va, stop - va);
		for (; h && va + 8 <= stop; va += 8, h += 8) {
			if (skip_blocks && va >= sc->m->lo && va < sc->m->hi && block_at(sc->m, va))
				continue;
			uint64_t v;
			memcpy(&v, h, 8);
			found(sc, v);
		}
		va = stop;
	}
}

static void drain(struct scan *sc)
{
	while (sc->nwork) {
		struct mc_block *b = sc->work[--sc->nwork];
		scan_range(sc, b->addr, b->addr + b->size, false);
	}
}

struct record {
	enum reach kind;
	uint64_t bytes, blocks;
	uint64_t indirect;  /* bytes lost through its blocks */
	size_t seq;         /* records in the order of their first block */
	const struct mc_stack *stack;
};

struct census {
	struct mc_block **lost;  /* unreached after the roots */
	size_t nlost, cap;
	struct record *recs;
	size_t nrecs, rcap;
	struct u64tree rec_of;   /* a record's hash (kind and stack) -> its index */
	uint64_t in_use, in_use_blocks;
	uint64_t bytes[4], blocks[4];
};

static void mark_unreached(void *ctx, uint64_t key, uint64_t val)
{
	(void)key;
	struct census *c = ctx;
	struct mc_block *b = (struct mc_block *)(uintptr_t)val;
	if (b->freed)
		return;
	b->reach = UNREACHED;
	c->in_use += b->size;
	c->in_use_blocks++;
}

static void gather_lost(void *ctx, uint64_t key, uint64_t val)
{
	(void)key;
	struct census *c = ctx;
	struct mc_block *b = (struct mc_block *)(uintptr_t)val;
	if (b->freed || b->reach != UNREACHED)
		return;
	push_block(&c->lost, &c->nlost, &c->cap, b);
}

struct record_probe {
	const struct census *c;
	enum reach kind;
	const struct mc_stack *stack;
};

static bool same_record(const void *ctx, uint64_t i)
{
	const struct record_probe *q = ctx;
	return q->c->recs[i].kind == q->kind && same_stack(q->c->recs[i].stack, q->stack);
}

static void add_to_record(void *ctx, uint64_t key, uint64_t val)
{
	(void)key;
	struct census *c = ctx;
	struct mc_block *b = (struct mc_block *)(uintptr_t)val;
	if (b->freed)
		return;
	c->bytes[b->reach] += b->size;
	c->blocks[b->reach]++;
	uint64_t at, h = hash_words(0xcbf29ce484222325ull ^ b->reach, b->alloc.pcs, b->alloc.n);
	if (index_find(&c->rec_of, h, same_record, &(struct record_probe){c, b->reach, &b->alloc}, &at)) {
		c->recs[at].bytes += b->size;
		c->recs[at].blocks++;
		c->recs[at].indirect += b->indirect;
		return;
	}
	if (c->nrecs == c->rcap) {
		c->rcap = c->rcap ? 2 * c->rcap : 16;
		c->recs = xrealloc(c->recs, c->rcap * sizeof *c->recs);
	}
	u64tree_put(&c->rec_of, at, c->nrecs);
	c->recs[c->nrecs] = (struct record){b->reach, b->size, 1, b->indirect, c->nrecs, &b->alloc};
	c->nrecs++;
}

static int cmp_u64(uint64_t a, uint64_t b) { return (a > b) - (a < b); }

/* valgrind's order of loss records: by bytes with those lost through them,
 * then still reachable, possibly, indirectly and definitely lost, then by
 * blocks, then first come first. */
static int by_bytes(const void *x, const void *y)
{
	const struct record *a = x, *b = y;
	static const int rank[] = {[REACHED] = 0, [INTERIOR] = 1, [INDIRECT] = 2, [UNREACHED] = 3};
	int c = cmp_u64(a->bytes + a->indirect, b->bytes + b->indirect);
	if (!c)
		c = rank[a->kind] - rank[b->kind];
	if (!c)
		c = cmp_u64(a->blocks, b->blocks);
	return c ? c : cmp_u64(a->seq, b->seq);
}

/* n with thousands separators, as valgrind prints counts. */
static const char *commas(uint64_t n, char *buf)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%" PRIu64, n), j = 0;
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			buf[j++] = ',';
		buf[j++] = digits[i];
	}
	buf[j] = '\0';
	return buf;
}

static const char *kind_words(enum reach r)
{
	switch (r) {
	case UNREACHED: return "definitely lost";
	case INDIRECT: return "indirectly lost";
	case INTERIOR: return "possibly lost";
	default: return "still reachable";
	}
}

/* The --show-leak-kinds kind of a block reached so. */
static enum memcheck_kind kind_of(enum reach r)
{
	static const enum memcheck_kind kinds[] = {[UNREACHED] = MEMCHECK_DEFINITE, [INDIRECT] = MEMCHECK_INDIRECT,
						   [INTERIOR] = MEMCHECK_POSSIBLE, [REACHED] = MEMCHECK_REACHABLE};
	return kinds[r];
}

static bool shown(const struct memcheck *mc, enum reach r)
{
	return mc->o.show_kinds & MEMCHECK_SHOW(kind_of(r));
}

bool memcheck_parse_kinds(const char *v, unsigned *mask)
{
	static const char *const names[] = {"definite", "indirect", "possible", "reachable"};
	if (!strcmp(v, "all") || !strcmp(v, "none")) {
		*mask = !strcmp(v, "all") ? MEMCHECK_SHOW(4) - 1 : 0;
		return true;
	}
	*mask = 0;
	for (const char *s = v;; s++) {
		size_t len = strcspn(s, ","), i = 0;
		while (i < 4 && (strlen(names[i]) != len || strncmp(s, names[i], len)))
			i++;
		if (i == 4)
			return false;
		*mask |= MEMCHECK_SHOW(i);
		s += len;
		if (!*s)
			return true;
	}
}

/* Marks every live block by what reaches it: from the registers and every
 * writable region outside the blocks, then, from each block nothing
 * reached, the blocks only it reaches (indirectly lost). */
static void scan_process(struct scan *sc, struct census *c)
{
	const struct proc *p = sc->p;
	u64tree_for_each(&sc->m->blocks, mark_unreached, c);
	sc->mark = REACHED;
	/* the registers a call preserves (ra, sp, gp, tp, s0-s11): the others
	 * hold at exit what the last call left in them, pointers the program
	 * no longer has (such as the block the last malloc told the checker of) */
	static const uint8_t kept[] = {1, 2, 3, 4, 8, 9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27};
	for (size_t i = 0; p->cpu && i < sizeof kept; i++)
		found(sc, p->cpu->x[kept[i]]);
	for (const struct region *r = as_region_from(&p->as, 0); r; r = as_region_from(&p->as, r->end)) {
		uint64_t start = r->start;
		if (r->kind == REGION_STACK && p->cpu && p->cpu->x[2] > start && p->cpu->x[2] < r->end)
			start = p->cpu->x[2]; /* the live stack only, from sp up */
		if ((r->prot & PTE_W) && r->kind != REGION_KERNEL)
			scan_range(sc, start, r->end, true);
	}
	drain(sc);
	u64tree_for_each(&sc->m->blocks, gather_lost, c);
	sc->mark = INDIRECT;
	for (size_t i = 0; i < c->nlost; i++) {
		if (c->lost[i]->reach != UNREACHED)
			continue;
		sc->indirect = &c->lost[i]->indirect;
		scan_range(sc, c->lost[i]->addr, c->lost[i]->addr + c->lost[i]->size, false);
		drain(sc);
	}
}

static void print_leaks(struct memcheck *mc, const struct proc *p, struct mc_proc *m, struct census *c)
{
	FILE *out = mc->out;
	char a[32], b[32];
	int pid = m->pid;
	u64tree_for_each(&m->blocks, add_to_record, c);
	qsort(c->recs, c->nrecs, sizeof *c->recs, by_bytes);
	for (size_t i = 0; mc->o.leak_check == MEMCHECK_LEAKS_FULL && i < c->nrecs; i++) {
		const struct record *r = &c->recs[i];
		if (r->kind == UNREACHED || r->kind == INTERIOR) /* errors, shown or not (valgrind's
								     --errors-for-leak-kinds) */
			count_error(mc, m, ERR_LEAK + (int)r->kind, (unsigned)i, r->stack);
		if (!shown(mc, r->kind))
			continue;
		char what[200], bytes[96], d[32];
		if (r->indirect)
			snprintf(bytes, sizeof bytes, "%s (%s direct, %s indirect)", commas(r->bytes + r->indirect, a),
				 commas(r->bytes, d), commas(r->indirect, b));
		else
			snprintf(bytes, sizeof bytes, "%s", commas(r->bytes, a));
		snprintf(what, sizeof what, "%s bytes in %s blocks are %s in loss record %zu of %zu", bytes,
			 commas(r->blocks, b), kind_words(r->kind), i + 1, c->nrecs);
		if (mc->o.json) {
			fprintf(out, "{\"pid\": %d, \"kind\": \"%s\", \"what\": \"%s\", \"bytes\": %" PRIu64
				     ", \"indirect_bytes\": %" PRIu64 ", \"blocks\": %" PRIu64 ", \"stack\": ",
				pid, xml_kind(ERR_LEAK + (int)r->kind), what, r->bytes, r->indirect, r->blocks);
			stack_json(mc, p, r->stack);
			fputs("}\n", out);
			continue;
		}
		fprintf(out, "==%d== %s\n", pid, what);
		print_stack(mc, pid, p, r->stack);
		fprintf(out, "==%d== \n", pid);
	}
	static const enum reach order[] = {UNREACHED, INDIRECT, INTERIOR, REACHED};
	if (mc->o.json) {
		static const char *const key[] = {"definitely_lost", "indirectly_lost", "possibly_lost", "still_reachable"};
		fprintf(out, "{\"pid\": %d, \"kind\": \"LeakSummary\"", pid);
		for (int i = 0; i < 4; i++)
			fprintf(out, ", \"%s\": {\"bytes\": %" PRIu64 ", \"blocks\": %" PRIu64 "}", key[i],
				c->bytes[order[i]], c->blocks[order[i]]);
		fputs("}\n", out);
		return;
	}
	fprintf(out, "==%d== LEAK SUMMARY:\n", pid);
	static const char *const label[] = {"   definitely lost", "   indirectly lost", "     possibly lost", "   still reachable"};
	for (int i = 0; i < 4; i++)
		fprintf(out, "==%d== %s: %s bytes in %s blocks\n", pid, label[i], commas(c->bytes[order[i]], a),
			commas(c->blocks[order[i]], b));
	fprintf(out, "==%d==         suppressed: 0 bytes in 0 blocks\n", pid);
	if (mc->o.leak_check != MEMCHECK_LEAKS_FULL)
		fprintf(out, "==%d== Rerun with --leak-check=full to see details of leaked memory\n", pid);
	else if (c->blocks[REACHED] && !shown(mc, REACHED))
		fprintf(out, "==%d== Reachable blocks (those to which a pointer was found) are not shown.\n"
			     "==%d== To see them, rerun with: --leak-check=full --show-leak-kinds=all\n", pid, pid);
	fprintf(out, "==%d== \n", pid);
}

static void heap_summary(struct memcheck *mc, const struct proc *p, struct mc_proc *m)
{
	FILE *out = mc->out;
	char a[32], b[32], c3[32];
	struct scan sc = {.mc = mc, .p = p, .m = m};
	struct census c = {0};
	u64tree_init(&c.rec_of);
	scan_process(&sc, &c);
	if (!mc->o.quiet && mc->o.json) {
		fprintf(out, "{\"pid\": %d, \"kind\": \"HeapSummary\", \"in_use_bytes\": %" PRIu64 ", \"in_use_blocks\": %" PRIu64
			     ", \"allocs\": %" PRIu64 ", \"frees\": %" PRIu64 ", \"allocated_bytes\": %" PRIu64 "}\n",
			m->pid, c.in_use, c.in_use_blocks, m->allocs, m->frees, m->allocated);
	} else if (!mc->o.quiet) {
		fprintf(out, "==%d== \n==%d== HEAP SUMMARY:\n", m->pid, m->pid);
		fprintf(out, "==%d==     in use at exit: %s bytes in %s blocks\n", m->pid, commas(c.in_use, a),
			commas(c.in_use_blocks, b));
		fprintf(out, "==%d==   total heap usage: %s allocs, %s frees, %s bytes allocated\n", m->pid,
			commas(m->allocs, a), commas(m->frees, b), commas(m->allocated, c3));
		fprintf(out, "==%d== \n", m->pid);
	}
	if (c.in_use_blocks == 0 && !mc->o.quiet && !mc->o.json)
		fprintf(out, "==%d== All heap blocks were freed -- no leaks are possible\n==%d== \n", m->pid, m->pid);
	else if (c.in_use_blocks && mc->o.leak_check != MEMCHECK_LEAKS_NO)
		print_leaks(mc, p, m, &c);
	free(sc.work);
	free(c.lost);
	free(c.recs);
	u64tree_fini(&c.rec_of);
}

/* ---- exit ---- */

static const char *signal_name(int sig)
{
	return sig == GUEST_SIGSEGV ? "SIGSEGV" : sig == GUEST_SIGBUS ? "SIGBUS" : sig == GUEST_SIGILL ? "SIGILL"
	       : sig == GUEST_SIGABRT ? "SIGABRT" : sig == GUEST_SIGKILL ? "SIGKILL" : "a signal";
}

/* A process killed by its last access: that access as an error, then how it ended. */
static void report_kill(struct memcheck *mc, const struct proc *p, struct mc_proc *m)
{
	int sig = p->wait_status & 0x7f;
	FILE *out = mc->out;
	bool by_access = sig == GUEST_SIGSEGV && m->last_pc == p->cpu->pc; /* its load or store faulted */
	struct mc_stack s;
	stack_now(p, &s);
	if (by_access)
		access_error(mc, p, m, m->last_va, m->last_acc, m->last_size, &s);
	if (mc->o.json) {
		fprintf(out, "{\"pid\": %d, \"kind\": \"Terminated\", \"signal\": %d, \"name\": \"%s\"", m->pid, sig,
			signal_name(sig));
		if (by_access) {
			fprintf(out, ", \"address\": \"0x%" PRIx64 "\", \"stack\": ", m->last_va);
			stack_json(mc, p, &s);
		}
		fputs("}\n", out);
		return;
	}
	fprintf(out, "==%d== Process terminating with default action of signal %d (%s)\n", m->pid, sig, signal_name(sig));
	if (by_access) {
		fprintf(out, "==%d==  Access not within mapped region at address 0x%" PRIx64 "\n", m->pid, m->last_va);
		print_stack(mc, m->pid, p, &s);
	}
}

static void at_exit(void *ctx, const struct proc *p)
{
	struct memcheck *mc = ctx;
	if (p->cpu) {
		struct mc_proc *m = proc_of(mc, p);
		if (p->death[0])
			report_kill(mc, p, m);
		heap_summary(mc, p, m);
		if ((!mc->o.quiet || m->errors) && mc->o.json)
			fprintf(mc->out, "{\"pid\": %d, \"kind\": \"ErrorSummary\", \"errors\": %" PRIu64 ", \"contexts\": %" PRIu64 "}\n",
				m->pid, m->errors, m->ncontexts);
		else if (!mc->o.quiet || m->errors)
			fprintf(mc->out, "==%d== ERROR SUMMARY: %" PRIu64 " errors from %" PRIu64 " contexts (suppressed: 0 from 0)\n",
				m->pid, m->errors, m->ncontexts);
		drop_proc(mc, m);
	}
	if (mc->next_exit)
		mc->next_exit(mc->next_exit_ctx, p);
}

/* A fork's child starts with copies of its parent's blocks, live and
 * quarantined; an exec's new image has none. */
static void copy_blocks(void *ctx, uint64_t key, uint64_t val)
{
	struct mc_block *b = xmalloc(sizeof *b);
	*b = *(const struct mc_block *)(uintptr_t)val;
	u64tree_put(&((struct mc_proc *)ctx)->blocks, key, (uint64_t)(uintptr_t)b);
}

static void fork_blocks(struct memcheck *mc, struct mc_proc *parent, int child_pid)
{
	struct mc_proc *m = find_proc(mc, child_pid);
	if (m)
		drop_proc(mc, m);
	m = new_proc(mc, child_pid);
	u64tree_for_each(&parent->blocks, copy_blocks, m);
	m->lo = parent->lo;
	m->hi = parent->hi;
	m->allocs = parent->allocs;
	m->frees = parent->frees;
	m->allocated = parent->allocated;
	for (struct mc_block *b = parent->oldest; b; b = b->next_freed) {
		uint64_t val;
		u64tree_get(&m->blocks, ~(b->addr - RZ), &val);
		quarantine(m, (struct mc_block *)(uintptr_t)val);
	}
}

static void on_as_event(void *ctx, const struct proc *p, enum as_event ev, uint64_t arg)
{
	struct memcheck *mc = ctx;
	struct mc_proc *m = find_proc(mc, p->pid);
	if (m && ev == AS_FORK) {
		fork_blocks(mc, m, (int)arg);
		vbits_copy(&find_proc(mc, (int)arg)->vb, &m->vb);
	} else if (m && ev == AS_EMPTY) {
		clear_blocks(m);
		vbits_clear(&m->vb);
	} else if (m && ev == AS_UNMAP) {
		vbits_set(&m->vb, arg, 1ull << mc->k->fmt.page_shift, false); /* a page mapped there again reads as zeros */
	}
	if (mc->next_as_event)
		mc->next_as_event(mc->next_as_event_ctx, p, ev, arg);
}

/* ---- the checker ---- */

struct memcheck *memcheck_new(struct kernel *k, const struct memcheck_opts *o, FILE *out)
{
	struct memcheck *mc = xcalloc(1, sizeof *mc);
	mc->k = k;
	mc->o = *o;
	mc->out = out;
	u64tree_init(&mc->origin_of);
	mc->next_exit = k->on_exit;
	mc->next_exit_ctx = k->on_exit_ctx;
	k->on_exit = at_exit;
	k->on_exit_ctx = mc;
	mc->next_as_event = k->on_as_event;
	mc->next_as_event_ctx = k->on_as_event_ctx;
	k->on_as_event = on_as_event;
	k->on_as_event_ctx = mc;
	k->on_client = on_client;
	k->on_client_ctx = mc;
	k->on_user_access = user_access;
	k->on_user_access_ctx = mc;
	mc->ops = (struct cpu_checker){mc, cpu_load, cpu_store, cpu_used, cpu_stack_grew};
	k->checker = &mc->ops;
	return mc;
}

bool memcheck_add_program(struct memcheck *mc, const char *path, char *err, size_t errlen)
{
	struct symbols *s = symbols_open(path, err, errlen);
	if (!s)
		return false;
	if (symbols_has(s, "malloc") && !symbols_has(s, "vmlab_checked_malloc"))
		fprintf(mc->out, "vmlab: --memcheck: %s has a malloc that does not tell the checker of its blocks: they "
			"are not checked (give vmlab the program's .c file to link it with the checked malloc)\n", path);
	struct mc_program *g = xcalloc(1, sizeof *g);
	const char *base = strrchr(path, '/');
	snprintf(g->name, sizeof g->name, "%s", base ? base + 1 : path);
	g->syms = s;
	g->next = mc->programs;
	mc->programs = g;
	return true;
}

uint64_t memcheck_errors(const struct memcheck *mc) { return mc->errors; }

void memcheck_free(struct memcheck *mc)
{
	if (!mc)
		return;
	while (mc->procs)
		drop_proc(mc, mc->procs);
	while (mc->programs) {
		struct mc_program *g = mc->programs;
		mc->programs = g->next;
		symbols_close(g->syms);
		free(g);
	}
	u64tree_fini(&mc->origin_of);
	free(mc->origins);
	struct kernel *k = mc->k;
	k->on_exit = mc->next_exit;
	k->on_exit_ctx = mc->next_exit_ctx;
	k->on_as_event = mc->next_as_event;
	k->on_as_event_ctx = mc->next_as_event_ctx;
	k->on_client = NULL;
	k->on_user_access = NULL;
	k->checker = NULL;
	free(mc);
}
