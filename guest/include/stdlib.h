/* exit and abort, the allocator's interface (guest/lib/malloc.c), number
 * parsing, sorting, the C standard's rand, and getenv. */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS  0
#define EXIT_FAILURE  1
#define RAND_MAX      32767

/* Flushes stdio and ends the process with status (exit_group). */
_Noreturn void exit(int status);
/* Flushes stdio and kills the process with SIGABRT. */
_Noreturn void abort(void);

/* The heap (guest/lib/malloc.c): blocks are 16-byte aligned; malloc,
 * calloc and realloc return NULL (errno ENOMEM) when sbrk fails. */
void *malloc(size_t n);
void *calloc(size_t count, size_t size);
void *realloc(void *p, size_t n);
void free(void *p);

int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
/* Skip white space, then parse an optional sign and digits in base (2..36,
 * or 0: a 0x prefix means 16, a leading 0 means 8, else 10). *end (if end
 * is not NULL) points after the last digit used, or at s when there was
 * none. A value that does not fit gives the nearest limit (LONG_MAX,
 * LONG_MIN, ULONG_MAX) and errno ERANGE; a bad base gives 0 and errno
 * EINVAL. strtoul negates the value of a "-" number, as C says. */
long strtol(const char *restrict s, char **restrict end, int base);
unsigned long strtoul(const char *restrict s, char **restrict end, int base);
long long strtoll(const char *restrict s, char **restrict end, int base);
unsigned long long strtoull(const char *restrict s, char **restrict end, int base);
int abs(int x);
long labs(long x);
long long llabs(long long x);

/* Sorts n elements of size bytes at base into the order of cmp (not stable). */
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
/* Finds key among n sorted elements; NULL if it is not there. */
void *bsearch(const void *key, const void *base, size_t n, size_t size,
	      int (*cmp)(const void *, const void *));

/* The C standard's example generator (next = next * 1103515245 + 12345;
 * return next / 65536 % 32768), seeded with 1: the same sequence on every
 * run and every machine. */
int rand(void);
void srand(unsigned int seed);

/* The value of environment variable name, or NULL when it is not set. */
char *getenv(const char *name);

#endif
