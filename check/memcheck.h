/* `vmlab run --memcheck`: valgrind's memcheck for the guest's heap, in its
 * words and layout. The guest malloc tells the checker of each block through
 * client requests (vmlab/syscall.h); the checker watches every load and store
 * of the program and every copy the kernel makes on its behalf (the MMU's
 * observer), and reports:
 * - "Invalid read/write of size N" for an access to a redzone or a freed
 *   block, with the stack and where the address is (its block's stacks);
 * - "Invalid free() / delete / delete[] / realloc()" for a pointer that is
 *   not a live block (the program goes on);
 * - "Conditional jump or move depends on uninitialised value(s)", "Use of
 *   uninitialised value of size 8" and "Syscall param write(buf) points to
 *   uninitialised byte(s)" from the V bits the CPU keeps (cpu_checker),
 *   with --track-origins the heap or stack allocation that made the value;
 * - an access that kills the process (SIGSEGV) as an invalid access first;
 * - at each process's exit, the heap summary and a leak check: a scan from
 *   its registers and writable memory for pointers into its blocks, then the
 *   loss records and the LEAK SUMMARY (definitely, indirectly, possibly lost,
 *   still reachable), and the ERROR SUMMARY.
 * Every line goes to out with the process id ("==PID== "). */
#ifndef CHECK_MEMCHECK_H
#define CHECK_MEMCHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct kernel;

enum memcheck_leaks { MEMCHECK_LEAKS_NO, MEMCHECK_LEAKS_SUMMARY, MEMCHECK_LEAKS_FULL };

/* The kinds of leak, for --show-leak-kinds. */
enum memcheck_kind { MEMCHECK_DEFINITE, MEMCHECK_INDIRECT, MEMCHECK_POSSIBLE, MEMCHECK_REACHABLE };
#define MEMCHECK_SHOW(kind) (1u << (kind))
#define MEMCHECK_SHOW_DEFAULT (MEMCHECK_SHOW(MEMCHECK_DEFINITE) | MEMCHECK_SHOW(MEMCHECK_POSSIBLE))

/* Parses a --show-leak-kinds value (definite, indirect, possible,
 * reachable separated by commas, all or none) into *mask; false when it is
 * none of those. */
bool memcheck_parse_kinds(const char *v, unsigned *mask);

struct memcheck_opts {
	enum memcheck_leaks leak_check; /* --leak-check (vmlab's default: full) */
	unsigned show_kinds;            /* --show-leak-kinds: MEMCHECK_SHOW(kind) of each kind whose
					   loss records are shown */
	bool quiet;                     /* -q: errors only, no summaries without errors */
	bool track_origins;             /* --track-origins=yes: where each undefined value was made */
	bool json;                      /* --json: every error, loss record and summary as one JSON
					   object per line (valgrind's XML kinds), no text */
};

struct memcheck;

/* Installs the checker on k (its client requests, the MMU's observer and
 * the kernel's exit hook, calling on to any exit hook already there). */
struct memcheck *memcheck_new(struct kernel *k, const struct memcheck_opts *o, FILE *out);

/* Opens the symbols of a program the run starts (for the processes of that
 * name). false with "PATH: what is wrong" in err. */
bool memcheck_add_program(struct memcheck *mc, const char *path, char *err, size_t errlen);

/* Errors reported so far in every process (what --error-exitcode looks at). */
uint64_t memcheck_errors(const struct memcheck *mc);

/* Removes the checker from its kernel and frees it; NULL is allowed. */
void memcheck_free(struct memcheck *mc);

#endif
