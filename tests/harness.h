/* A tiny test harness. Each TEST case runs in its own forked child; a binary
 * runs all its cases, or only those named on its command line, and ends with
 * "NAME: N passed, N failed". --no-fork runs in-process (for gdb). */
#ifndef TESTS_HARNESS_H
#define TESTS_HARNESS_H

#include <inttypes.h>
#include <stdint.h>

typedef void (*test_fn)(void);
void test_register(const char *name, test_fn fn);
void test_fail(const char *file, int line, const char *fmt, ...) __attribute__((noreturn, format(printf, 3, 4)));

#define TEST(name)                                                                   \
	static void test_##name(void);                                               \
	__attribute__((constructor)) static void register_##name(void)               \
	{                                                                            \
		test_register(#name, test_##name);                                   \
	}                                                                            \
	static void test_##name(void)

#define CHECK(cond)                                                                  \
	do {                                                                         \
		if (!(cond))                                                         \
			test_fail(__FILE__, __LINE__, "CHECK(%s)", #cond);           \
	} while (0)

#define CHECK_EQ(a, b)                                                               \
	do {                                                                         \
		uint64_t check_a_ = (uint64_t)(a), check_b_ = (uint64_t)(b);         \
		if (check_a_ != check_b_)                                            \
			test_fail(__FILE__, __LINE__, "%s == %s: 0x%" PRIx64 " (%" PRIu64 ") != 0x%" PRIx64 " (%" PRIu64 ")", \
				  #a, #b, check_a_, check_a_, check_b_, check_b_); \
	} while (0)

#define CHECK_STR(a, b)                                                              \
	do {                                                                         \
		const char *check_a_ = (a), *check_b_ = (b);                         \
		if (strcmp(check_a_, check_b_) != 0)                                 \
			test_fail(__FILE__, __LINE__, "%s == %s:\n  got:      \"%s\"\n  expected: \"%s\"", \
				  #a, #b, check_a_, check_b_);                       \
	} while (0)

#define FAIL(...) test_fail(__FILE__, __LINE__, __VA_ARGS__)

#endif
