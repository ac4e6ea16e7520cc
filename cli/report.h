/* --report FILE.html of vmlab run and vmlab trace (report/html.h): the file
 * is opened before the run, so that a path that cannot be written fails at
 * once, and written at its end. */
#ifndef CLI_REPORT_H
#define CLI_REPORT_H

#include "report/html.h"

struct report_file {
	const char *path; /* --report, or NULL */
	FILE *out;
	struct html *h;   /* NULL until report_open, and without --report */
};

/* Opens r->path (nothing to do when it is NULL) and starts the report of
 * k's run, titled "vmlab" and the words of argv. False after a message. */
WARN_UNUSED bool report_open(struct report_file *r, const struct kernel *k, enum html_kind kind, int argc,
			     char **argv, uint64_t (*clock)(const void *ctx), const void *clock_ctx);

/* Writes the report, if any, and closes its file; false after a message. */
WARN_UNUSED bool report_close(struct report_file *r);

#endif
