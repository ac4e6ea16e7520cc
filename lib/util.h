/* Small helpers every layer uses: panics for broken invariants, allocation that
 * aborts on host exhaustion, and bit arithmetic. */
#ifndef LIB_UTIL_H
#define LIB_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define WARN_UNUSED __attribute__((warn_unused_result))
#define NORETURN __attribute__((noreturn))
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* A broken invariant: prints "vmlab: panic in FUNCTION: message" and aborts. */
#define panic(...) panic_at(__func__, __VA_ARGS__)
NORETURN PRINTF_LIKE(2, 3) void panic_at(const char *func, const char *fmt, ...);

/* Writes a message into err (when err is not NULL and errlen > 0) and
 * returns false: `return fail_msg(err, errlen, "...", ...);`. */
PRINTF_LIKE(3, 4) bool fail_msg(char *err, size_t errlen, const char *fmt, ...);

/* Host allocation; a failure aborts with a message (it is not modelled behaviour). */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* s as a JSON string, quoted and escaped. */
void json_string(FILE *out, const char *s);

static inline int is_pow2(uint64_t x) { return x && !(x & (x - 1)); }

/* log2 of a power of two. */
static inline unsigned log2_u64(uint64_t x) { return (unsigned)__builtin_ctzll(x); }

static inline uint64_t mask_bits(unsigned n) { return n >= 64 ? ~0ull : (1ull << n) - 1; }

#endif
