/* assert(expr): when expr is false, prints
 *     Assertion failed: EXPR, file FILE, line LINE, function FUNC
 * to stderr and aborts (the process dies of SIGABRT). With NDEBUG defined
 * before the include, assert does nothing and does not evaluate expr.
 * Like the C standard's, this header may be included again after changing
 * NDEBUG. The message goes straight to file descriptor 2, so assert works
 * in programs written against xv6's user/user.h as well. */
#undef assert

#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr) \
	((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#ifndef _ASSERT_H
#define _ASSERT_H

#if __STDC_VERSION__ >= 201112L && !defined(__cplusplus)
#define static_assert _Static_assert
#endif

/* Prints the message above and calls abort(). */
_Noreturn void __assert_fail(const char *expr, const char *file, int line, const char *func);

#endif
