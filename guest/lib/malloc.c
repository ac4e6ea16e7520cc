/* malloc, free, calloc and realloc: a thin layer over the free-space manager
 * in fsm.c, which makes every choice of block. This file only finds memory
 * (sbrk in chunks of at least 64 KiB, or a mapping if the break cannot move;
 * one anonymous mapping per request of 128 KiB or more, or the heap if no
 * mapping can be had), picks the fit policy from VMLAB_MALLOC (first, next, best
 * or worst; default first), and turns a bad pointer into a message naming it
 * on stderr and abort().
 *
 * Built a second time with VMLAB_MEMCHECK defined (BUILD/guest/obj/memcheck/
 * malloc.o, which guestcc links ahead of the library for `vmlab run
 * --memcheck`; plain programs keep the object built without it, so their
 * layout and counts never change). That build, when the RUNNING client
 * request answers 1, also tells the checker of every block (vmlab/syscall.h),
 * puts REDZONE bytes on each side of it, reuses a freed block only when the
 * checker releases it from its quarantine, moves every realloc, and leaves a
 * pointer the checker calls invalid alone. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <vmlab/syscall.h>
#include "fsm.h"

#define HEAP_CHUNK      (64 * 1024)
#define MMAP_THRESHOLD  (128 * 1024)
#define PAGE            4096

#ifdef VMLAB_MEMCHECK
#define CHECKABLE 1
const int vmlab_checked_malloc = 1;	/* how `vmlab run --memcheck` knows this build is linked */
#else
#define CHECKABLE 0
#endif
#define REDZONE            VMLAB_CLIENT_REDZONE
#define SLACK              16	/* beyond the trailing redzone: room for the fsm's footer */

static struct fsm heap;
static int heap_ready;
static int checked;		/* CHECKABLE, and under --memcheck */

/* Formats one line and writes it to stderr in a single write. */
static void __attribute__((format(printf, 1, 2))) say(const char *fmt, ...)
{
	char line[160];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (n > 0)
		write(STDERR_FILENO, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}

/* Reports what is wrong with pointer p passed to fn, and aborts. */
static _Noreturn void bad_pointer(const char *fn, const void *p, const char *why)
{
	say("malloc: %s(%p): %s\n", fn, p, why);
	abort();
}

/* A client request; fn is the malloc, free, calloc or realloc the program
 * called, where the checker's stack of the request starts. */
static long client(long req, long a, long b, long c, void (*fn)(void))
{
	return syscall6(SYS_vmlab_client, req, a, b, c, (long)fn, 0);
}

static void checked_setup(void)
{
	checked = client(VMLAB_CLIENT_RUNNING, 0, 0, 0, NULL) == 1;
}

/* Chooses the policy on the first call into the allocator. */
static void heap_setup(void)
{
	enum fsm_policy policy = FSM_FIRST;
	const char *name;

	if (heap_ready)
		return;
	heap_ready = 1;
	name = getenv("VMLAB_MALLOC");
	if (name && !fsm_policy_parse(name, &policy))
		say("malloc: VMLAB_MALLOC=%s: unknown policy (first, next, best or worst), "
		    "using first fit\n", name);
	fsm_init(&heap, policy);
	if (CHECKABLE)
		checked_setup();
}

static size_t round_up(size_t n, size_t to)
{
	return n > SIZE_MAX - (to - 1) ? 0 : (n + to - 1) & ~(to - 1);
}

/* Gives the heap room for a request of n: sbrk (keeping the break 16-byte
 * aligned), or a mapping when the break cannot move. */
static int heap_grow(size_t n)
{
	size_t len = round_up(fsm_grow_size(n), PAGE), lead;
	void *base;

	if (len == 0)
		return 0;
	if (len < HEAP_CHUNK)
		len = HEAP_CHUNK;
	lead = (size_t)(-(uintptr_t)sbrk(0) % FSM_ALIGN);
	base = sbrk((intptr_t)(lead + len));
	if (base == (void *)-1) {
		lead = 0;
		base = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (base == MAP_FAILED)
			return 0;
	}
	return fsm_grow(&heap, base, lead + len) == FSM_OK;
}

/* A block of its own fresh, zeroed mapping. */
static void *map_alloc(size_t n)
{
	size_t len = round_up(fsm_map_size(n), PAGE);
	void *m, *p;

	if (len == 0) {
		errno = ENOMEM;
		return NULL;
	}
	m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		return NULL;
	if (fsm_map(&heap, m, len, &p) != FSM_OK) {
		munmap(m, len);
		errno = ENOMEM;
		return NULL;
	}
	return p;
}

/* A block from the heap, which grows when nothing fits. */
static void *heap_alloc(size_t n)
{
	enum fsm_status st;
	void *p;

	st = fsm_alloc(&heap, n, &p);
	if (st == FSM_ENOMEM && heap_grow(n))
		st = fsm_alloc(&heap, n, &p);
	if (st != FSM_OK) {
		errno = ENOMEM;
		return NULL;
	}
	return p;
}

static void *plain_alloc(size_t n)
{
	void *p;

	if (n >= MMAP_THRESHOLD && (p = map_alloc(n)))
		return p;
	return heap_alloc(n);	/* small, or no mapping to be had */
}

/* --memcheck: gives a block leaving the quarantine back to the fsm. */
static void release_block(void *p)
{
	struct fsm_region release;

	if (fsm_free(&heap, p, &release) == FSM_OK && release.len)
		munmap(release.base, release.len);
}

/* --memcheck: a block between redzones, told to the checker. */
static void *checked_alloc(size_t n, int zeroed, void (*fn)(void))
{
	char *p;

	if (n > SIZE_MAX - 2 * REDZONE - SLACK) {
		errno = ENOMEM;
		return NULL;
	}
	p = plain_alloc(n + 2 * REDZONE + SLACK);
	if (!p)
		return NULL;
	if (zeroed)
		memset(p + REDZONE, 0, n);
	if (client(VMLAB_CLIENT_MALLOCLIKE, (long)(p + REDZONE), (long)n, zeroed, fn) != 0) {
		release_block(p);	/* the checker can take no more blocks */
		errno = ENOMEM;
		return NULL;
	}
	return p + REDZONE;
}

/* --memcheck: the freed block waits in the checker's quarantine; the oldest
 * ones leave it (and go back to the fsm) while it holds too much. */
static void checked_free(void *p, long kind, void (*fn)(void))
{
	long old;

	if (client(VMLAB_CLIENT_FREELIKE, (long)p, kind, 0, fn) != 0)
		return;		/* reported: an invalid free leaves the pointer alone */
	while ((old = client(VMLAB_CLIENT_RELEASE, 0, 0, 0, NULL)) > 0)
		release_block((char *)old - REDZONE);
}

/* --memcheck: realloc always moves, so a stale pointer to the old block is caught. */
static void *checked_realloc(void *p, size_t n)
{
	long old = client(VMLAB_CLIENT_BLOCK_SIZE, (long)p, 0, 0, NULL);
	void *q;

	if (old < 0) {
		checked_free(p, 1, (void (*)(void))realloc);	/* reports the invalid realloc */
		return NULL;
	}
	q = checked_alloc(n, 0, (void (*)(void))realloc);
	if (!q)
		return NULL;
	memcpy(q, p, (size_t)old < n ? (size_t)old : n);
	checked_free(p, 1, (void (*)(void))realloc);
	return q;
}

void *malloc(size_t n)
{
	heap_setup();
	if (CHECKABLE && checked)
		return checked_alloc(n, 0, (void (*)(void))malloc);
	return plain_alloc(n);
}

void free(void *p)
{
	struct fsm_region release;
	enum fsm_status st;

	if (!p)
		return;
	heap_setup();
	if (CHECKABLE && checked) {
		checked_free(p, 0, (void (*)(void))free);
		return;
	}
	st = fsm_free(&heap, p, &release);
	if (st != FSM_OK)
		bad_pointer("free", p, fsm_strerror(st));
	if (release.len)
		munmap(release.base, release.len);
}

void *calloc(size_t count, size_t size)
{
	size_t n;
	void *p;

	if (size && count > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	n = count * size;
	heap_setup();
	if (CHECKABLE && checked)
		return checked_alloc(n, 1, (void (*)(void))calloc);
	if (n >= MMAP_THRESHOLD && (p = map_alloc(n)))
		return p;	/* fresh anonymous pages read as zero */
	p = heap_alloc(n);
	if (p)
		memset(p, 0, n);
	return p;
}

void *realloc(void *p, size_t n)
{
	enum fsm_status st;
	size_t old;
	void *q;

	if (!p)
		return malloc(n);
	if (n == 0) {
		free(p);
		return NULL;
	}
	heap_setup();
	if (CHECKABLE && checked)
		return checked_realloc(p, n);
	st = fsm_resize(&heap, p, n);
	if (st == FSM_OK)
		return p;
	if (st == FSM_EFREED)
		bad_pointer("realloc", p, "block already freed");
	if (st != FSM_ENOMEM && st != FSM_E2BIG)
		bad_pointer("realloc", p, fsm_strerror(st));
	if (fsm_usable(&heap, p, &old) != FSM_OK)
		bad_pointer("realloc", p, fsm_strerror(FSM_EINVAL));
	q = malloc(n);
	if (!q)
		return NULL;
	memcpy(q, p, old < n ? old : n);
	free(p);
	return q;
}
