/* Backing files: a file a region's pages are read from (a program's text and
 * data, the textbook's backing store), shared by every region and process
 * that maps it and closed when the last one lets go. */
#ifndef OS_VFILE_H
#define OS_VFILE_H

#include "lib/types.h"
#include "lib/util.h"

struct vfile {
	int fd;
	uint64_t size;
	unsigned refs;
	char name[];
};

/* Opens the regular file path read-only with one holder; NULL with "path:
 * reason" in err (another kind of file is refused: pages are read at offsets). */
struct vfile *vfile_open(const char *path, char *err, size_t errlen);
/* One more holder; returns f. */
struct vfile *vfile_get(struct vfile *f);
/* One holder fewer; closes the file with the last. NULL is allowed. */
void vfile_put(struct vfile *f);

#endif
