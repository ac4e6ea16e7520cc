/* What execve may find on the host: the guest's view of the file system is
 * the programs named on the command line and the files beneath the --path
 * directories, nothing else. A name outside them is never looked up on the
 * host (no stat, no open), so every other name is ENOENT whatever the host
 * holds. Names with a slash are taken lexically: made absolute against the
 * host's working directory, with "." and ".." removed as written (the guest
 * sees no symlinks to follow), then compared with the allowed prefixes; a
 * file beneath a --path directory is opened relative to it with
 * openat2(RESOLVE_BENEATH), so a symlink or ".." cannot lead outside (where
 * openat2 is missing, no symlink is followed at all). */
#ifndef OS_PROGPATH_H
#define OS_PROGPATH_H

#include <stdbool.h>
#include <stddef.h>

#define PROGPATH_MAX 4096 /* bytes of an absolute name, with its NUL */

/* Writes the absolute lexical form of name into out: relative to the host's
 * working directory unless it starts with '/', repeated slashes, "." and
 * ".." removed (".." at the root stays at the root), no trailing slash.
 * False when name is empty or the result does not fit in size. */
bool progpath_absolute(const char *name, char *out, size_t size);

/* Whether the names a and b (taken as progpath_absolute takes them) are the
 * same; false when either cannot be made absolute. */
bool progpath_same(const char *a, const char *b);

/* Looks the guest's name up in the host directory dir: a name without a
 * slash is a file directly in dir; one with a slash must lie lexically
 * beneath dir. The file is opened beneath dir (no symlink or ".." leaves
 * it) and must be a regular file. On success writes the host path to open
 * (dir, a slash and the part of the name beneath it) into buf and returns
 * true; false for anything else, having looked at nothing outside dir. */
bool progpath_lookup(const char *dir, const char *name, char *buf, size_t size);

/* Opens rel (components separated by slashes) beneath the
 * directory dfd with O_PATH: through openat2 with RESOLVE_BENEATH when
 * use_openat2 and the host has it, else one component at a time with
 * O_NOFOLLOW, refusing every symlink and "..". Returns the descriptor (the caller
 * closes it) or -1. */
int progpath_open_beneath(int dfd, const char *rel, bool use_openat2);

#endif
