/* What execve may find: names made absolute lexically, and lookups that stay
 * beneath their directory whatever ".." and symlinks say, with openat2 and
 * with the component-by-component walk that replaces it. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/util.h"
#include "os/progpath.h"
#include "tests/harness.h"

static void check_absolute(const char *name, const char *want)
{
	char out[PROGPATH_MAX];
	if (!progpath_absolute(name, out, sizeof out))
		FAIL("progpath_absolute(\"%s\") failed", name);
	else if (strcmp(out, want))
		FAIL("progpath_absolute(\"%s\") is \"%s\", not \"%s\"", name, out, want);
}

TEST(absolute_names_lose_dots_and_repeated_slashes_without_touching_the_host)
{
	check_absolute("/a/b/c", "/a/b/c");
	check_absolute("//a///b/./c/", "/a/b/c");
	check_absolute("/a/b/../c", "/a/c");
	check_absolute("/a/../../../etc/passwd", "/etc/passwd");
	check_absolute("/..", "/");
	check_absolute("/", "/");
	check_absolute("/no/such/dir/../file", "/no/such/file");
	char out[8];
	CHECK(!progpath_absolute("", out, sizeof out));
	CHECK(!progpath_absolute("/a/very/long/name", out, sizeof out));
}

TEST(relative_names_are_taken_from_the_working_directory)
{
	char cwd[PROGPATH_MAX], want[PROGPATH_MAX + 8];
	CHECK(getcwd(cwd, sizeof cwd) != NULL);
	snprintf(want, sizeof want, "%s/x", strcmp(cwd, "/") ? cwd : "");
	check_absolute("x", want);
	check_absolute("./y/../x", want);
	CHECK(progpath_same("x", want));
	CHECK(progpath_same("./x", "x"));
	CHECK(!progpath_same("x", "y"));
}

/* A tree in a fresh directory, which becomes the working directory:
 *   bin/prog  bin/sub/deep  bin/notes (regular files)  secret (outside bin)
 *   bin/alias -> prog   bin/up -> ../secret   bin/abs -> /ABS/secret
 *   bin/root -> /       bin/loop -> loop      bin/subdir -> sub */
static void make_tree(char *dir)
{
	char path[PROGPATH_MAX + 32];
	CHECK(mkdtemp(dir) != NULL);
	CHECK(chdir(dir) == 0);
	CHECK(mkdir("bin", 0755) == 0 && mkdir("bin/sub", 0755) == 0);
	static const char *const files[] = {"bin/prog", "bin/sub/deep", "bin/notes", "secret"};
	for (size_t i = 0; i < ARRAY_LEN(files); i++)
		close(open(files[i], O_WRONLY | O_CREAT, 0644));
	snprintf(path, sizeof path, "%s/secret", dir);
	CHECK(symlink("prog", "bin/alias") == 0 && symlink("../secret", "bin/up") == 0 &&
	      symlink(path, "bin/abs") == 0 && symlink("/", "bin/root") == 0 && symlink("loop", "bin/loop") == 0 &&
	      symlink("sub", "bin/subdir") == 0);
}

static void remove_tree(const char *dir)
{
	char cmd[PROGPATH_MAX + 16];
	CHECK(chdir("/") == 0);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CHECK(system(cmd) == 0);
}

static void check_lookup(const char *dir, const char *name, const char *want)
{
	char buf[PROGPATH_MAX];
	bool found = progpath_lookup(dir, name, buf, sizeof buf);
	if (want && !found)
		FAIL("%s in %s: not found, expected %s", name, dir, want);
	else if (!want && found)
		FAIL("%s in %s: found %s, expected nothing", name, dir, buf);
	else if (want && strcmp(buf, want))
		FAIL("%s in %s: %s, expected %s", name, dir, buf, want);
}

TEST(lookups_find_regular_files_beneath_the_directory_only)
{
	char dir[] = "/tmp/vmlab-progpath-XXXXXX", abs[PROGPATH_MAX + 32], want[PROGPATH_MAX + 32];
	make_tree(dir);
	check_lookup("bin", "prog", "bin/prog");
	check_lookup("bin", "bin/prog", "bin/prog");
	check_lookup("bin", "./bin//sub/../prog", "bin/prog");
	check_lookup("bin", "bin/sub/deep", "bin/sub/deep");
	snprintf(abs, sizeof abs, "%s/bin/sub/deep", dir);
	check_lookup("bin", abs, "bin/sub/deep");
	snprintf(want, sizeof want, "%s/bin/prog", dir);
	snprintf(abs, sizeof abs, "%s/bin", dir);
	check_lookup(abs, "prog", want);
	check_lookup("bin", "sub/deep", NULL);        /* relative to the working directory: not beneath bin */
	check_lookup("bin", "sub", NULL);             /* a directory */
	check_lookup("bin", "bin", NULL);             /* the directory itself */
	check_lookup("bin", "missing", NULL);
	check_lookup("bin", "secret", NULL);
	check_lookup("bin", "bin/../secret", NULL);   /* lexically outside */
	check_lookup("bin", "..", NULL);
	check_lookup("bin", "up", NULL);              /* symlinks leading outside */
	check_lookup("bin", "abs", NULL);
	check_lookup("bin", "bin/root/etc/passwd", NULL);
	check_lookup("bin", "loop", NULL);
	check_lookup("bin", "/etc/passwd", NULL);
	check_lookup("bin", "", NULL);
	remove_tree(dir);
}

/* Whether rel opens beneath bin with the given way of opening. */
static bool opens(const char *rel, bool use_openat2)
{
	int dfd = open("bin", O_RDONLY | O_DIRECTORY);
	CHECK(dfd >= 0);
	int fd = progpath_open_beneath(dfd, rel, use_openat2);
	close(dfd);
	if (fd >= 0)
		close(fd);
	return fd >= 0;
}

TEST(opening_beneath_follows_inner_symlinks_with_openat2_and_none_without)
{
	char dir[] = "/tmp/vmlab-progpath-XXXXXX";
	make_tree(dir);
	for (int way = 0; way < 2; way++) {
		bool openat2 = way == 1;
		CHECK(opens("prog", openat2));
		CHECK(opens("sub/deep", openat2));
		CHECK(!opens("up", openat2));
		CHECK(!opens("abs", openat2));
		CHECK(!opens("root/etc/passwd", openat2));
		CHECK(!opens("../secret", openat2));
		CHECK(!opens("/etc/passwd", openat2));
		CHECK(!opens("", openat2));
		CHECK(!opens("loop", openat2));
	}
	CHECK(!opens("alias", false)); /* the walk follows no symlink at all */
	CHECK(!opens("subdir/deep", false));
	remove_tree(dir);
}
