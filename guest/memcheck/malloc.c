/* NOT YET BUILT: the checked malloc for --memcheck, to be linked only under it
 * (guestcc) so that plain runs keep their layout and counts. From guest/lib:
 * malloc, free, calloc and realloc: a thin layer over the free-space manager
 * in fsm.c, which makes every choice of block. This file only finds memory
 * (sbrk in chunks of at least 64 KiB, or a mapping if the break cannot move;
 * one anonymous mapping per request of 128 KiB or more, or the heap if no
 * mapping can be had), picks the fit policy from VMLAB_MALLOC (first, next, best
 * or worst; default first), and turns a bad pointer into a message naming it
 * on stderr and abort().
 *
 * Under `vmlab run --memcheck` (the RUNNING client request answers 1) it
 * also tells the checker of every block (vmlab/syscall.h's client requests),
 * puts REDZONE bytes on each side of it, keeps freed blocks in a quarantine
 * (QUARANTINE_BLOCKS, QUARANTINE_BYTES) before they can be reused, moves
 * every realloc, and leaves a pointer the checker calls invalid alone. */
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

#define REDZONE            VMLAB_CLIENT_REDZONE
#define SLACK              16	/* beyond the trailing redzone: room for the fsm's footer */
#define QUARANTINE_BLOCKS  1024
#define QUARANTINE_BYTES   (1024 * 1024)

static struct fsm heap;
static int heap_ready;
static int checked;		/* under --memcheck */

/* The freed blocks waiting, oldest at head: a ring taken from the heap once
 * --memcheck is known to be on (so a plain run's memory is as ever). */
static struct {
	struct waiting {
		void *block;
		size_t size;
	} *ring;
	unsigned head, n;
	size_t bytes;
} quarantine;

/* A client request; fn (the malloc, free, calloc or realloc called) and its
 * frame are where the checker's stack of the request starts. */
static long client(long req, long a, long b, long c, const void *frame, void (*fn)(void))
{
	return syscall6(SYS_vmlab_client, req, a, b, c, (long)frame, (long)fn);
}

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

/* Chooses the policy on the first call into the allocator. */
static void *heap_alloc(size_t n);

static void heap_setup(void)
{
	enum fsm_policy policy = FSM_FIRST;
	const char *name;

	if (heap_ready)
		return;
	heap_ready = 1;
	checked = client(VMLAB_CLIENT_RUNNING, 0, 0, 0, NULL, NULL) == 1;
	if (checked)
		quarantine.ring = heap_alloc(QUARANTINE_BLOCKS * sizeof *quarantine.ring);
	checked = checked && quarantine.ring;
	name = getenv("VMLAB_MALLOC");
	if (name && !fsm_policy_parse(name, &policy))
		say("malloc: VMLAB_MALLOC=%s: unknown policy (first, next, best or worst), "
		    "using first fit\n", name);
	fsm_init(&heap, policy);
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

static void plain_free(void *p)
{
	struct fsm_region release;
	enum fsm_status st;

	st = fsm_free(&heap, p, &release);
	if (st != FSM_OK)
		bad_pointer("free", p, fsm_strerror(st));
	if (release.len)
		munmap(release.base, release.len);
}

/* --memcheck: a block between redzones, told to the checker. */
static void *checked_alloc(size_t n, int zeroed, const void *frame, void (*fn)(void))
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
	client(VMLAB_CLIENT_MALLOCLIKE, (long)(p + REDZONE), (long)n, zeroed, frame, fn);
	return p + REDZONE;
}

/* --memcheck: the freed block waits in the quarantine; the oldest ones leave
 * it (and go back to the fsm) while it holds too many or too much. */
static void checked_free(void *p, long kind, const void *frame, void (*fn)(void))
{
	size_t size = (size_t)client(VMLAB_CLIENT_BLOCK_SIZE, (long)p, 0, 0, NULL, NULL);

	if (client(VMLAB_CLIENT_FREELIKE, (long)p, kind, 0, frame, fn) != 0)
		return;		/* reported: an invalid free leaves the pointer alone */
	while (quarantine.n == QUARANTINE_BLOCKS || (quarantine.n && quarantine.bytes + size > QUARANTINE_BYTES)) {
		void *old = quarantine.ring[quarantine.head].block;

		quarantine.bytes -= quarantine.ring[quarantine.head].size;
		quarantine.head = (quarantine.head + 1) % QUARANTINE_BLOCKS;
		quarantine.n--;
		client(VMLAB_CLIENT_FORGET, (long)old, 0, 0, NULL, NULL);
		plain_free((char *)old - REDZONE);
	}
	quarantine.ring[(quarantine.head + quarantine.n) % QUARANTINE_BLOCKS] = (struct waiting){p, size};
	quarantine.n++;
	quarantine.bytes += size;
}

void *malloc(size_t n)
{
	heap_setup();
	return checked ? checked_alloc(n, 0, __builtin_frame_address(0), (void (*)(void))malloc) : plain_alloc(n);
}

void free(void *p)
{
	if (!p)
		return;
	heap_setup();
	if (checked)
		checked_free(p, 0, __builtin_frame_address(0), (void (*)(void))free);
	else
		plain_free(p);
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
	if (checked)
		return checked_alloc(n, 1, __builtin_frame_address(0), (void (*)(void))calloc);
	if (n >= MMAP_THRESHOLD && (p = map_alloc(n)))
		return p;	/* fresh anonymous pages read as zero */
	p = heap_alloc(n);
	if (p)
		memset(p, 0, n);
	return p;
}

/* --memcheck: realloc always moves, so a stale pointer to the old block is caught. */
static void *checked_realloc(void *p, size_t n, const void *frame)
{
	long old = client(VMLAB_CLIENT_BLOCK_SIZE, (long)p, 0, 0, NULL, NULL);
	void *q;

	if (old < 0) {
		checked_free(p, 1, frame, (void (*)(void))realloc);	/* reports the invalid realloc */
		return NULL;
	}
	q = checked_alloc(n, 0, frame, (void (*)(void))realloc);
	if (!q)
		return NULL;
	memcpy(q, p, (size_t)old < n ? (size_t)old : n);
	checked_free(p, 1, frame, (void (*)(void))realloc);
	return q;
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
	if (checked)
		return checked_realloc(p, n, __builtin_frame_address(0));
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
