/* Reference-counted read-only backing files. */
#include "os/vfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct vfile *vfile_open(const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: %s", path, fd >= 0 && !S_ISREG(st.st_mode) ? "not a regular file" : strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	size_t n = strlen(path) + 1;
	struct vfile *f = xmalloc(sizeof *f + n);
	f->fd = fd;
	f->size = (uint64_t)st.st_size;
	f->refs = 1;
	memcpy(f->name, path, n);
	return f;
}

struct vfile *vfile_get(struct vfile *f)
{
	f->refs++;
	return f;
}

void vfile_put(struct vfile *f)
{
	if (!f || --f->refs)
		return;
	close(f->fd);
	free(f);
}
