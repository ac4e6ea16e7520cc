/* check/symbols and check/stack: a guest ELF's functions and lines against
 * llvm-addr2line on the same file (binutils' riscv64 addr2line 2.40 answers
 * "_start ??:?" for the first instructions of the CU after crt0.S's) (a differential check of every pc of
 * the test program's functions), its stripped and DWARF-less copies, files
 * that are not ELF or are broken,
 * and the report layout against valgrind's own on a native program. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/stack.h"
#include "check/symbols.h"
#include "lib/util.h"
#include "tests/harness.h"

#define ELF SYMBOLS_DIR "/frames"
#define ELF_STRIPPED SYMBOLS_DIR "/frames.stripped"
#define ELF_NODWARF SYMBOLS_DIR "/frames.nodwarf"

static struct symbols *open_or_fail(const char *path)
{
	char err[512];
	struct symbols *s = symbols_open(path, err, sizeof err);
	if (!s)
		FAIL("%s", err);
	return s;
}

/* The address and size of symbol name in path, from binutils' nm. */
static void nm_symbol(const char *path, const char *name, uint64_t *addr, uint64_t *size)
{
	char cmd[1024], line[512];
	snprintf(cmd, sizeof cmd, "riscv64-unknown-elf-nm -S %s", path);
	FILE *p = popen(cmd, "r");
	if (!p)
		FAIL("cannot run %s", cmd);
	bool found = false;
	while (fgets(line, sizeof line, p)) {
		char sym[256], type;
		uint64_t a, n;
		if (sscanf(line, "%" SCNx64 " %" SCNx64 " %c %255s", &a, &n, &type, sym) == 4 && strcmp(sym, name) == 0) {
			*addr = a, *size = n, found = true;
		}
	}
	pclose(p);
	if (!found)
		FAIL("%s: no symbol %s in nm -S", path, name);
}

/* Runs llvm-addr2line -f on every 2-byte pc of [start, start + size) and checks
 * each answer against symbols_lookup: the function, and file:line (basename)
 * when addr2line knows the line. Returns how many pcs had a line. */
static unsigned compare_with_addr2line(const struct symbols *s, uint64_t start, uint64_t size)
{
	char path[256] = "/tmp/test_symbols_addrsXXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		FAIL("mkstemp");
	FILE *f = fdopen(fd, "w");
	for (uint64_t pc = start; pc < start + size; pc += 2)
		fprintf(f, "0x%" PRIx64 "\n", pc);
	fclose(f);
	char cmd[1024];
	snprintf(cmd, sizeof cmd, "llvm-addr2line -f -e %s < %s", ELF, path);
	FILE *p = popen(cmd, "r");
	unsigned lines = 0;
	for (uint64_t pc = start; pc < start + size; pc += 2) {
		char fn[256], where[1024];
		if (!fgets(fn, sizeof fn, p) || !fgets(where, sizeof where, p))
			FAIL("addr2line stopped at 0x%" PRIx64, pc);
		fn[strcspn(fn, "\n")] = '\0';
		where[strcspn(where, " \n")] = '\0'; /* drops " (discriminator N)" */
		struct sym_loc loc;
		CHECK(symbols_lookup(s, pc, &loc));
		if (!loc.function || strcmp(loc.function, fn) != 0)
			FAIL("0x%" PRIx64 ": function %s, addr2line says %s", pc, loc.function ? loc.function : "NULL", fn);
		char *colon = strrchr(where, ':');
		if (!colon || strcmp(colon, ":?") == 0 || strcmp(colon, ":0") == 0)
			continue;
		*colon = '\0';
		const char *slash = strrchr(where, '/');
		const char *base = slash ? slash + 1 : where;
		unsigned line = (unsigned)strtoul(colon + 1, NULL, 10);
		if (!loc.file || strcmp(loc.file, base) != 0 || loc.line != line)
			FAIL("0x%" PRIx64 ": %s:%u, addr2line says %s:%u", pc, loc.file ? loc.file : "NULL", loc.line, base,
			     line);
		lines++;
	}
	pclose(p);
	unlink(path);
	return lines;
}

TEST(every_pc_of_the_programs_functions_agrees_with_addr2line)
{
	static const char *const functions[] = {"main", "outer", "inner", "strcpy", "printf"};
	struct symbols *s = open_or_fail(ELF);
	for (size_t i = 0; i < ARRAY_LEN(functions); i++) {
		uint64_t addr, size;
		nm_symbol(ELF, functions[i], &addr, &size);
		CHECK(size > 0);
		if (compare_with_addr2line(s, addr, size) != size / 2)
			FAIL("%s: some pcs have no line", functions[i]);
	}
	symbols_close(s);
}

TEST(a_functions_first_pc_is_its_name_in_its_source_file)
{
	struct symbols *s = open_or_fail(ELF);
	uint64_t addr, size;
	nm_symbol(ELF, "inner", &addr, &size);
	struct sym_loc loc;
	CHECK(symbols_lookup(s, addr, &loc));
	CHECK_STR(loc.function, "inner");
	CHECK_STR(loc.file, "frames.c");
	CHECK_EQ(loc.line, 13); /* int inner(const char *s)'s line in tests/symbols/frames.c */
	CHECK(loc.in_object);
	nm_symbol(ELF, "strcpy", &addr, &size);
	CHECK(symbols_lookup(s, addr + size - 2, &loc));
	CHECK_STR(loc.function, "strcpy");
	CHECK_STR(loc.file, "string.c"); /* basename of guest/lib/string.c */
	symbols_close(s);
}

TEST(a_pc_outside_the_file_is_described_by_nothing)
{
	struct symbols *s = open_or_fail(ELF);
	struct sym_loc loc;
	CHECK(!symbols_lookup(s, 0x7fff0000, &loc));
	CHECK(loc.function == NULL && loc.file == NULL && loc.line == 0 && !loc.in_object);
	char buf[256];
	stack_describe(s, 0x7fff0000, buf, sizeof buf);
	CHECK_STR(buf, "???");
	symbols_close(s);
}

TEST(the_path_is_absolute)
{
	struct symbols *s = open_or_fail(ELF);
	CHECK(symbols_path(s)[0] == '/');
	CHECK(strstr(symbols_path(s), "/tests/symbols/frames"));
	symbols_close(s);
}

TEST(a_stripped_elf_knows_no_function_but_that_the_pc_is_inside_it)
{
	uint64_t addr, size;
	nm_symbol(ELF, "inner", &addr, &size);
	struct symbols *s = open_or_fail(ELF_STRIPPED);
	struct sym_loc loc;
	CHECK(!symbols_lookup(s, addr, &loc));
	CHECK(loc.function == NULL && loc.file == NULL && loc.in_object);
	char buf[1024], want[1024];
	stack_describe(s, addr, buf, sizeof buf);
	snprintf(want, sizeof want, "??? (in %s)", symbols_path(s));
	CHECK_STR(buf, want);
	symbols_close(s);
}

TEST(an_elf_without_dwarf_gives_the_function_in_the_file)
{
	uint64_t addr, size;
	nm_symbol(ELF, "outer", &addr, &size);
	struct symbols *s = open_or_fail(ELF_NODWARF);
	struct sym_loc loc;
	CHECK(symbols_lookup(s, addr + 4, &loc));
	CHECK_STR(loc.function, "outer");
	CHECK(loc.file == NULL && loc.line == 0);
	char buf[1024], want[1024];
	stack_describe(s, addr + 4, buf, sizeof buf);
	snprintf(want, sizeof want, "outer (in %s)", symbols_path(s));
	CHECK_STR(buf, want);
	symbols_close(s);
}

/* Writes len bytes of data (or of the test ELF when data is NULL) to a
 * temporary file whose path goes into path. */
static void write_temp(char path[64], const void *data, size_t len)
{
	strcpy(path, "/tmp/test_symbols_XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		FAIL("mkstemp");
	if (len && write(fd, data, len) != (ssize_t)len)
		FAIL("write %s", path);
	close(fd);
}

static unsigned char *read_elf(size_t *len)
{
	FILE *f = fopen(ELF, "rb");
	if (!f)
		FAIL("cannot open %s", ELF);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	unsigned char *b = xmalloc(*len);
	if (fread(b, 1, *len, f) != *len)
		FAIL("short read of %s", ELF);
	fclose(f);
	return b;
}

/* Opens path: either a refusal naming the path, or symbols whose lookups
 * over the text do not crash. */
static void open_survives(const char *path)
{
	char err[512] = "";
	struct symbols *s = symbols_open(path, err, sizeof err);
	if (!s) {
		if (!strstr(err, path))
			FAIL("message without the path: %s", err);
		return;
	}
	struct sym_loc loc;
	for (uint64_t pc = 0x10000; pc < 0x10200; pc += 2)
		symbols_lookup(s, pc, &loc);
	char buf[256];
	stack_describe(s, 0x10040, buf, sizeof buf);
	symbols_close(s);
}

TEST(files_that_are_not_elf_are_refused_with_their_path)
{
	char err[512], path[64];
	CHECK(!symbols_open("/nonexistent/prog", err, sizeof err));
	CHECK_STR(err, "/nonexistent/prog: cannot open: No such file or directory");
	CHECK(!symbols_open("/tmp", err, sizeof err));
	CHECK_STR(err, "/tmp: not a regular file");
	static const char *const contents[] = {"", "garbage, not an ELF file\n", "\177ELF", "\177ELF\2\1\1"};
	for (size_t i = 0; i < ARRAY_LEN(contents); i++) {
		write_temp(path, contents[i], strlen(contents[i]));
		CHECK(!symbols_open(path, err, sizeof err));
		CHECK(strncmp(err, path, strlen(path)) == 0);
		CHECK(strstr(err, "not a readable ELF file"));
		unlink(path);
	}
}

TEST(a_truncated_elf_is_refused_or_answers_without_crashing)
{
	size_t len;
	unsigned char *elf = read_elf(&len);
	static const size_t cuts[] = {16, 63, 64, 100, 200, 1000, 4096, 5000};
	char path[64];
	for (size_t i = 0; i < ARRAY_LEN(cuts); i++) {
		write_temp(path, elf, cuts[i] < len ? cuts[i] : len);
		open_survives(path);
		unlink(path);
	}
	write_temp(path, elf, len / 2);
	open_survives(path);
	unlink(path);
	free(elf);
}

TEST(an_elf_with_random_bytes_changed_never_crashes)
{
	size_t len;
	unsigned char *elf = read_elf(&len);
	unsigned char *copy = xmalloc(len);
	uint64_t x = 0x9e3779b97f4a7c15ull; /* xorshift, seeded: the same files every run */
	char path[64];
	for (int round = 0; round < 100; round++) {
		memcpy(copy, elf, len);
		for (int k = 0; k < 16; k++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			/* half of the changes hit the headers, where they matter most */
			size_t at = (k % 2) ? (size_t)(x % 64) : (size_t)((x >> 8) % len);
			copy[at] = (unsigned char)(x >> 32);
		}
		write_temp(path, copy, len);
		open_survives(path);
		unlink(path);
	}
	free(copy);
	free(elf);
}

/* stack_print's text for pcs. */
/* The text written to f so far, as a string the caller frees; closes f. */
static char *text_of(FILE *f)
{
	long len = ftell(f);
	char *text = xmalloc((size_t)len + 1);
	rewind(f);
	if (fread(text, 1, (size_t)len, f) != (size_t)len)
		FAIL("short read of a temporary file");
	text[len] = '\0';
	fclose(f);
	return text;
}

static char *print_stack(const struct symbols *s, const uint64_t *pcs, size_t n)
{
	FILE *f = tmpfile();
	if (!f)
		FAIL("tmpfile");
	stack_print(f, 42, s, pcs, n);
	return text_of(f);
}

TEST(a_printed_stack_has_valgrinds_layout_and_stops_after_main)
{
	struct symbols *s = open_or_fail(ELF);
	uint64_t inner, outer, main_, start, size;
	nm_symbol(ELF, "inner", &inner, &size);
	nm_symbol(ELF, "outer", &outer, &size);
	nm_symbol(ELF, "main", &main_, &size);
	nm_symbol(ELF, "_start", &start, &size);
	uint64_t pcs[] = {inner, outer + 8, main_ + 8, start + 8, 0x7fff0000};
	char *text = print_stack(s, pcs, ARRAY_LEN(pcs));
	char want[1024];
	struct sym_loc o, m;
	symbols_lookup(s, outer + 8, &o);
	symbols_lookup(s, main_ + 8, &m);
	snprintf(want, sizeof want,
		 "==42==    at 0x%" PRIX64 ": inner (frames.c:13)\n"
		 "==42==    by 0x%" PRIX64 ": outer (frames.c:%u)\n"
		 "==42==    by 0x%" PRIX64 ": main (frames.c:%u)\n",
		 inner, outer + 8, o.line, main_ + 8, m.line);
	CHECK_STR(text, want);
	free(text);
	uint64_t unknown[] = {0x7fff0000, 0x7fff0100};
	text = print_stack(NULL, unknown, 2);
	CHECK_STR(text, "==42==    at 0x7FFF0000: ???\n==42==    by 0x7FFF0100: ???\n");
	free(text);
	symbols_close(s);
}

/* valgrind on a native program built -no-pie (its file addresses are its
 * run-time addresses): the stack of its first error, the pids replaced by 42. */
static char *valgrind_stack(const char *dir, const char *exe)
{
	char cmd[2048], line[1024];
	snprintf(cmd, sizeof cmd, "cd %s && valgrind ./%s 2>&1", dir, exe);
	FILE *p = popen(cmd, "r");
	FILE *out = tmpfile();
	bool in_stack = false;
	while (fgets(line, sizeof line, p)) {
		char *rest = strncmp(line, "==", 2) == 0 ? strstr(line + 2, "==") : NULL;
		if (!rest)
			continue;
		bool frame = strncmp(rest, "==    at 0x", 11) == 0 || strncmp(rest, "==    by 0x", 11) == 0;
		if (frame && (in_stack || rest[6] == 'a') && !strstr(line, "(below main)")) {
			in_stack = true;
			fprintf(out, "==42%s", rest);
		} else if (in_stack) {
			break;
		}
	}
	pclose(p);
	return text_of(out);
}

/* The pcs of a stack text ("==1==    at 0xPC: ..." lines). */
static size_t stack_pcs(const char *text, uint64_t *pcs, size_t max)
{
	size_t n = 0;
	for (const char *l = text; l && *l && n < max; l = strchr(l, '\n'), l = l ? l + 1 : NULL) {
		const char *x = strstr(l, "0x");
		if (x)
			pcs[n++] = strtoull(x, NULL, 16);
	}
	return n;
}

TEST(the_layout_matches_valgrinds_own_report_of_a_native_program)
{
	static const char prog[] = "#include <stdlib.h>\n#include <string.h>\n"
				   "__attribute__((noinline)) static void fill(char *p)\n{\n\tstrcpy(p, \"hello\");\n}\n"
				   "__attribute__((noinline)) static void call(char *p)\n{\n\tfill(p);\n}\n"
				   "int main(void)\n{\n\tchar *p = malloc(5);\n\tcall(p);\n\tfree(p);\n\treturn 0;\n}\n";
	char dir[] = "/tmp/test_symbols_vgXXXXXX", cmd[1024];
	if (!mkdtemp(dir))
		FAIL("mkdtemp");
	snprintf(cmd, sizeof cmd, "%s/p.c", dir);
	FILE *f = fopen(cmd, "w");
	fputs(prog, f);
	fclose(f);
	snprintf(cmd, sizeof cmd,
		 "cd %s && cc -g -O0 -fno-omit-frame-pointer -fno-builtin -no-pie p.c -o p && cp p p.stripped && "
		 "strip p.stripped && cp p p.nodwarf && strip --strip-debug p.nodwarf",
		 dir);
	if (system(cmd) != 0)
		FAIL("cannot build the native program: %s", cmd);
	static const char *const exes[] = {"p", "p.nodwarf", "p.stripped"};
	for (size_t i = 0; i < ARRAY_LEN(exes); i++) {
		char *want = valgrind_stack(dir, exes[i]);
		uint64_t pcs[16];
		size_t n = stack_pcs(want, pcs, 16);
		if (n < 2)
			FAIL("%s: valgrind reported no stack:\n%s", exes[i], want);
		/* valgrind's first frame is strcpy in its own preload library: ours starts at the caller */
		const char *ours_from = strstr(want, "\n") + 1;
		snprintf(cmd, sizeof cmd, "%s/%s", dir, exes[i]);
		struct symbols *s = open_or_fail(cmd);
		char *got = print_stack(s, pcs + 1, n - 1);
		if (strncmp(got, "==42==    at", 12) != 0)
			FAIL("%s", got);
		/* ours says "at" for its first frame; valgrind "by" for the same one */
		CHECK_STR(got + 12, strstr(ours_from, "    by") + 6);
		free(got);
		symbols_close(s);
		free(want);
	}
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	CHECK_EQ(system(cmd), 0);
}
