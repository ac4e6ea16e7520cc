/* The mistakes malloc catches: `malloc_errors MODE` makes one, after saying
 * on stderr which pointer it passes, and malloc prints
 * `malloc: free(POINTER): WHAT` on stderr and aborts (SIGABRT).
 *   double     frees a block twice
 *   merged     frees a block twice after it merged with a free neighbour
 *   unaligned  frees a pointer 4 bytes into a block
 *   interior   frees a 16-aligned pointer inside a block
 *   stack      frees the address of a local variable
 *   mapped     frees a large (mapped) block twice
 *   overflow   writes past the end of a block into the next one's header,
 *              then frees the block
 *   realloc    reallocates a freed block
 *   policy     an unknown VMLAB_MALLOC: a warning, then first fit (no abort)
 * Anything reached after the mistake prints "not caught" and exits 1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *p, *q, *r;		/* 40-byte blocks (48 usable), in address order */

static void double_free(void)
{
	fprintf(stderr, "free(p = %p) twice\n", (void *)p);
	free(p);
	free(p);
}

static void merged(void)
{
	fprintf(stderr, "free(p = %p), free(q = %p), which joins p, and free(q) again\n",
		(void *)p, (void *)q);
	free(p);
	free(q);
	free(q);
}

static void unaligned(void)
{
	fprintf(stderr, "free(p + 4), p = %p\n", (void *)p);
	free(p + 4);
}

static void interior(void)
{
	fprintf(stderr, "free(p + 16), p = %p\n", (void *)p);
	free(p + 16);
}

static void stack(void)
{
	_Alignas(16) char local[32];

	memset(local, 0, sizeof local);
	fprintf(stderr, "free(local = %p)\n", (void *)local);
	free(local);
}

static void mapped(void)
{
	char *big = malloc(1 << 20);

	fprintf(stderr, "free(big = %p), a mapped block, twice\n", (void *)big);
	free(big);
	free(big);
}

static void overflow(void)
{
	fprintf(stderr, "64 bytes written at p = %p (48 usable), then free(p)\n", (void *)p);
	memset(p, 'x', 64);
	free(p);
}

static void realloc_freed(void)
{
	fprintf(stderr, "free(r = %p), then realloc(r, 100)\n", (void *)r);
	free(r);
	r = realloc(r, 100);
}

static char *bogus_env[] = { "VMLAB_MALLOC=fastest", NULL };

/* Runs before any malloc, which reads the environment once. */
static void policy(void)
{
	char *a, *b, *c;

	environ = bogus_env;
	a = malloc(100);
	b = malloc(16);
	c = malloc(10);
	free(a);
	free(c);
	printf("first fit reuses the first hole: %s\n", malloc(10) == a ? "yes" : "no");
	free(b);
}

static const struct {
	const char *name;
	void (*make)(void);
} mistakes[] = {
	{ "double", double_free },
	{ "merged", merged },
	{ "unaligned", unaligned },
	{ "interior", interior },
	{ "stack", stack },
	{ "mapped", mapped },
	{ "overflow", overflow },
	{ "realloc", realloc_freed },
};

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "double";

	printf("malloc_errors: %s\n", mode);
	if (!strcmp(mode, "policy")) {
		policy();
		return 0;
	}
	p = malloc(40);
	q = malloc(40);
	r = malloc(40);
	for (size_t i = 0; i < sizeof mistakes / sizeof mistakes[0]; i++) {
		if (!strcmp(mode, mistakes[i].name)) {
			mistakes[i].make();
			printf("not caught\n");
			return 1;
		}
	}
	printf("unknown mode %s\n", mode);
	return 2;
}
