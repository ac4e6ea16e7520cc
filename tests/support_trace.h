/* Random traces for the differential tests of OPT's next uses: records of
 * three processes (pids 1, 2 and 4097) over a few pages, with sizes that span
 * pages and some addresses beyond the VA space (most of which name, with the
 * VPN cut to the VA bits, a page within it), written as plain text among
 * comments, blank and bad lines, or as a binary trace among bad records; and
 * the page accesses they make, with their next uses by a plain scan. */
#ifndef TESTS_SUPPORT_TRACE_H
#define TESTS_SUPPORT_TRACE_H

#include "hw/ptfmt.h"
#include "trace/reader.h"

struct rtrace_use {
	uint32_t pid;
	vpn_t vpn;     /* cut to the format's VA bits */
	bool in_va;    /* the record lies in the VA space (is replayed) */
};

struct rtrace {
	struct trace_ref *recs;   /* the good records, with the lines a reader gives them */
	uint64_t *first_use;      /* per record: its first page access (nrecs + 1 entries, the last nuses) */
	uint64_t nrecs;
	struct rtrace_use *uses;  /* every page access of the good records, in order */
	uint64_t nuses, cap;
	uint64_t bad_va;          /* good records beyond the VA space */
};

/* Writes a random trace of n good records for format f, from seed, to path
 * (binary or plain text) and describes it in t. */
void rtrace_new(struct rtrace *t, const char *path, bool binary, uint64_t seed, uint64_t n,
		const struct pt_format *f);
void rtrace_free(struct rtrace *t);

/* The next use of every page access into out (t->nuses entries): the number of
 * the next access to the same (pid, vpn), or UINT64_MAX. */
void rtrace_next_uses(const struct rtrace *t, uint64_t *out);

/* Opens path for the tests (format detected, bad lines skipped); fails the test when it cannot. */
struct trace_reader *rtrace_open(const char *path);

/* Sends stderr to /dev/null (for the bad lines skipped) until quiet_end. */
int quiet_begin(void);
void quiet_end(int saved);

#endif
