/* exit, abort, a bump-allocator malloc over sbrk, and number parsing. */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS  0
#define EXIT_FAILURE  1

/* Flushes stdio and ends the process with status (exit_group). */
_Noreturn void exit(int status);
/* Flushes stdio and kills the process with SIGABRT. */
_Noreturn void abort(void);

/* Blocks are 16-byte aligned; NULL when sbrk fails. free does not reuse
 * memory yet (a bump allocator). */
void *malloc(size_t n);
void *calloc(size_t count, size_t size);
void *realloc(void *p, size_t n);
void free(void *p);

int atoi(const char *s);
long atol(const char *s);
/* Parses an optional sign and digits in base (2..36, or 0: 0x/0 prefixes). */
long strtol(const char *restrict s, char **restrict end, int base);
unsigned long strtoul(const char *restrict s, char **restrict end, int base);
int abs(int x);
long labs(long x);

#endif
