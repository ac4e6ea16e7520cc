/* What OPT must know before the first reference: the next use of every page
 * access, in memory that grows with the distinct pages, not with the trace.
 * The trace is read once into an unlinked temporary binary trace (a seekable
 * binary trace is read again in place instead), a backward pass over it
 * writes each page access's next use to a second temporary file, and a
 * forward pass hands the records back, each with the next uses of its pages. */
#ifndef TRACE_FUTURE_H
#define TRACE_FUTURE_H

#include "hw/ptfmt.h"
#include "trace/reader.h"

/* The next use of a page access whose page is never used again. */
#define FUTURE_NEVER UINT64_MAX

struct future_opts {
	const struct pt_format *fmt; /* the pages of a record, and the key of a page */
	const char *tmpdir;          /* where temporary files go; NULL: $TMPDIR, else /tmp */
	const char *name;            /* the trace's name, for messages */
};

struct future;

/* Reads r to its end (bad lines are reported by r as trace_next reports them)
 * and learns the future: for page access number i (0-based, over the whole
 * trace, a record spanning pages counting each page, first to last), the
 * number of the next page access to the same page of the same process, or
 * FUTURE_NEVER. A page is (pid, vpn) with the VPN cut to the format's VA bits,
 * so addresses beyond the VA space still count, as the pages they name.
 * Returns NULL with a message in err: r's error for a bad trace ("file:line:
 * ..."), too many processes to tell apart, a temporary file that cannot be
 * created or written (disk full) or a seekable binary trace that changed
 * while being read. Temporary files are unlinked as soon as they are open,
 * so nothing is left behind, even by a crash. A binary trace file is read
 * through r's descriptor: r must stay open until fu is freed. */
WARN_UNUSED struct future *future_new(struct trace_reader *r, const struct future_opts *o, char *err,
				      size_t errlen);

/* The next record, in trace order, into *out (its line as trace_next gave it),
 * and in *next_use the next uses of its pages, first page first (valid until
 * the next call). Returns 1, 0 after the last record, or -1 with a message in
 * err (a temporary file that cannot be read back, a changed input). */
WARN_UNUSED int future_next(struct future *fu, struct trace_ref *out, uint64_t **next_use, char *err,
			    size_t errlen);

/* Closes the temporary files and frees fu. NULL is allowed. */
void future_free(struct future *fu);

#endif
