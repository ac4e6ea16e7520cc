/* --report FILE.html (cli/report.h). */
#include "cli/report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"

bool report_open(struct report_file *r, const struct kernel *k, enum html_kind kind, int argc, char **argv,
		 uint64_t (*clock)(const void *ctx), const void *clock_ctx)
{
	if (!r->path)
		return true;
	if (!(r->out = fopen(r->path, "w"))) {
		fprintf(stderr, "vmlab: --report %s: %s\n", r->path, strerror(errno));
		return false;
	}
	size_t len = strlen("vmlab") + 1;
	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	char *title = xmalloc(len);
	strcpy(title, "vmlab");
	for (int i = 0; i < argc; i++)
		strcat(strcat(title, " "), argv[i]);
	r->h = html_new(k, kind, title, clock, clock_ctx);
	free(title);
	return true;
}

bool report_close(struct report_file *r)
{
	if (!r->out)
		return true;
	bool ok = !r->h || html_write(r->h, r->out);
	int saved = errno;
	ok &= fclose(r->out) == 0;
	if (!ok)
		fprintf(stderr, "vmlab: --report %s: %s\n", r->path, strerror(saved ? saved : errno));
	html_free(r->h);
	r->out = NULL, r->h = NULL;
	return ok;
}
