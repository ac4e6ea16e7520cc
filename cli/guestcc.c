/* Compiling guest C programs with riscv64-unknown-elf-gcc, cached. */
#include "cli/guestcc.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/util.h"

#ifndef VMLAB_ROOT
#error "VMLAB_ROOT (the source tree) must be defined by the build"
#endif
#ifndef VMLAB_BUILD_DIR
#error "VMLAB_BUILD_DIR must be defined by the build"
#endif

#define RISCV_CC "riscv64-unknown-elf-gcc"
#define GUESTCC_MEMCHECK_MALLOC VMLAB_BUILD_DIR "/guest/obj/memcheck/malloc.o" /* guest/guest.mk */

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcmp(s + n - m, suffix);
}

static void hash_bytes(uint64_t *h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		*h = (*h ^ (uint8_t)s[i]) * 0x100000001b3ull;
}

/* FNV-1a over the file's bytes; false when it cannot be read. */
static bool hash_file(const char *path, uint64_t *h)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	int c;
	while ((c = getc(f)) != EOF)
		*h = (*h ^ (uint64_t)c) * 0x100000001b3ull;
	bool ok = !ferror(f);
	fclose(f);
	return ok;
}

/* Runs argv (a command) and waits; true when it exited with status 0. */
static bool run_command(char *const argv[])
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		/* a make running us (make test) must not leak its jobserver and
		 * directory messages into the inner make's output */
		unsetenv("MAKEFLAGS");
		unsetenv("MFLAGS");
		unsetenv("MAKELEVEL");
		execvp(argv[0], argv);
		fprintf(stderr, "vmlab: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Builds the guest runtime (crt0 and the library) when it is missing or stale. */
static bool build_runtime(char *err, size_t errlen)
{
	char *argv[] = {"make", "-s", "--no-print-directory", "-C", VMLAB_ROOT, "BUILD=" VMLAB_BUILD_DIR, "guest-runtime",
			NULL};
	if (run_command(argv))
		return true;
	snprintf(err, errlen, "cannot build the guest runtime (see the messages above; if %s is missing, run 'make deps')", RISCV_CC);
	return false;
}

/* A growing NULL-terminated argument vector. */
struct args {
	char **v;
	size_t n, cap;
};

static void args_push(struct args *a, const char *word)
{
	if (a->n + 2 > a->cap) {
		a->cap = a->cap ? 2 * a->cap : 32;
		a->v = xrealloc(a->v, a->cap * sizeof *a->v);
	}
	a->v[a->n++] = xstrdup(word);
	a->v[a->n] = NULL;
}

static void args_free(struct args *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
}

struct guest_layout guestcc_layout(const struct mmu_config *cfg)
{
	switch (cfg->mech->kind) {
	case MMU_MECH_PARTITION:
	case MMU_MECH_BASE_BOUNDS:
		return (struct guest_layout){.text = 0};
	case MMU_MECH_SEGMENTATION:
		return (struct guest_layout){.text = 0, .data = 1ull << (cfg->seg.va_bits - cfg->seg.sel_bits)};
	case MMU_MECH_BARE:
	case MMU_MECH_PAGING:
		break;
	}
	return (struct guest_layout){.text = GUESTCC_TEXT_PAGING};
}

/* Pushes the linker's definitions of layout's symbols (guest/guest.ld):
 * the text's always, the data's unless it follows the text. */
static void layout_flags(struct args *a, struct guest_layout layout)
{
	char flag[64];
	snprintf(flag, sizeof flag, "-Wl,--defsym=__vmlab_text=0x%" PRIx64, layout.text);
	args_push(a, flag);
	if (layout.data) {
		snprintf(flag, sizeof flag, "-Wl,--defsym=__vmlab_data=0x%" PRIx64, layout.data);
		args_push(a, flag);
	}
}

/* The compiler command for src, without its output: the runtime's flags,
 * then cflags split at blanks, then the layout and the inputs. */
static void compile_command(struct args *a, const char *src, const char *cflags, struct guest_layout layout,
			    bool memcheck)
{
	static const char *const before[] = {RISCV_CC, "-march=rv64imac", "-mabi=lp64", "-static", "-nostdlib",
					     "-ffreestanding", "-fno-pic", "-g", "-fno-tree-loop-distribute-patterns",
					     "-fno-stack-protector", "-I" VMLAB_ROOT "/guest/include"};
	static const char *const after[] = {"-T", VMLAB_ROOT "/guest/guest.ld", "-Wl,--build-id=none",
					    "-Wl,-z,max-page-size=4096", VMLAB_BUILD_DIR "/guest/obj/crt0.o"};
	for (size_t i = 0; i < sizeof before / sizeof before[0]; i++)
		args_push(a, before[i]);
	for (const char *s = cflags; *s;) {
		size_t blank = strspn(s, " \t"), len;
		s += blank;
		if (!(len = strcspn(s, " \t")))
			break;
		char *word = xmalloc(len + 1);
		memcpy(word, s, len);
		word[len] = '\0';
		args_push(a, word);
		free(word);
		s += len;
	}
	for (size_t i = 0; i < sizeof after / sizeof after[0]; i++)
		args_push(a, after[i]);
	layout_flags(a, layout);
	args_push(a, src);
	if (memcheck)
		args_push(a, GUESTCC_MEMCHECK_MALLOC);
	args_push(a, VMLAB_BUILD_DIR "/guest/libvmlab.a");
	args_push(a, "-lgcc");
}

/* Runs the command a (without its output) writing a temporary file that
 * becomes out when it is complete (an interrupted compilation leaves no
 * broken executable in the cache); false with a message. */
static bool compile(struct args *a, const char *src, const char *out, char *err, size_t errlen)
{
	char tmp[4200];
	snprintf(tmp, sizeof tmp, "%s.tmp%ld", out, (long)getpid());
	args_push(a, "-o");
	args_push(a, tmp);
	if (run_command(a->v) && rename(tmp, out) == 0)
		return true;
	snprintf(err, errlen, "%s: compilation failed", src);
	unlink(tmp);
	return false;
}

bool guestcc_resolve(const char *name, const char *cflags, struct guest_layout layout, bool memcheck, char *out,
		     size_t outlen, char *err, size_t errlen)
{
	struct stat st;
	if (stat(name, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: no such program", name);
		return false;
	}
	if (!ends_with(name, ".c")) {
		snprintf(out, outlen, "%s", name);
		return true;
	}
	uint64_t h = 0xcbf29ce484222325ull;
	if (!build_runtime(err, errlen))
		return false;
	if (!hash_file(name, &h) || !hash_file(VMLAB_BUILD_DIR "/guest/libvmlab.a", &h) ||
	    (memcheck && !hash_file(GUESTCC_MEMCHECK_MALLOC, &h))) {
		snprintf(err, errlen, "%s: cannot read it: %s", name, strerror(errno));
		return false;
	}
	struct args cmd = {0};
	compile_command(&cmd, name, cflags ? cflags : GUESTCC_DEFAULT_CFLAGS, layout, memcheck);
	for (size_t i = 0; i < cmd.n; i++) /* the whole command (layout too), NUL-separated, is part of the key */
		hash_bytes(&h, cmd.v[i], strlen(cmd.v[i]) + 1);
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	char dir[] = VMLAB_BUILD_DIR "/cache";
	mkdir(dir, 0755);
	snprintf(out, outlen, "%s/%.*s-%016" PRIx64, dir, (int)(strlen(base) - 2), base, h);
	bool ok = stat(out, &st) == 0 || compile(&cmd, name, out, err, errlen);
	args_free(&cmd);
	return ok;
}
