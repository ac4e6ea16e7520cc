/* Symbols of a guest ELF through elfutils' libdwfl: the file is reported as
 * one offline module (addresses as in the file, no bias), names come from its
 * .symtab (function symbols only, as valgrind shows them), lines from its
 * DWARF line table. Separate debuginfo is never searched for, so the answer
 * depends on the file alone. */
#include "check/symbols.h"

#include <elfutils/libdwfl.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SYMBOLS_MAX_SEGMENTS 64 /* loadable segments remembered for in_object */

struct symbols {
	Dwfl *dwfl;
	Dwfl_Module *mod;
	char *path;
	struct { uint64_t start, end; } seg[SYMBOLS_MAX_SEGMENTS];
	unsigned nseg;
};

/* Never looks for separate debuginfo (.gnu_debuglink, build-id paths). */
static int no_debuginfo(Dwfl_Module *mod, void **userdata, const char *modname, Dwarf_Addr base,
			const char *file_name, const char *debuglink_file, GElf_Word debuglink_crc,
			char **debuginfo_file_name)
{
	(void)mod, (void)userdata, (void)modname, (void)base, (void)file_name;
	(void)debuglink_file, (void)debuglink_crc, (void)debuginfo_file_name;
	return -1;
}

static const Dwfl_Callbacks offline_callbacks = {
	.find_elf = dwfl_build_id_find_elf,
	.find_debuginfo = no_debuginfo,
	.section_address = dwfl_offline_section_address,
};

/* Remembers the file's PT_LOAD segments (the first SYMBOLS_MAX_SEGMENTS). */
static void load_segments(struct symbols *s)
{
	GElf_Addr bias;
	Elf *elf = dwfl_module_getelf(s->mod, &bias);
	size_t phnum;
	if (!elf || elf_getphdrnum(elf, &phnum) != 0)
		return;
	for (size_t i = 0; i < phnum && s->nseg < SYMBOLS_MAX_SEGMENTS; i++) {
		GElf_Phdr ph;
		if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_LOAD || ph.p_memsz == 0)
			continue;
		if (ph.p_vaddr + ph.p_memsz < ph.p_vaddr)
			continue; /* wraps around: describes nothing */
		s->seg[s->nseg].start = ph.p_vaddr + bias;
		s->seg[s->nseg].end = ph.p_vaddr + bias + ph.p_memsz;
		s->nseg++;
	}
}

/* A regular file we can open: libdwfl's own message for a directory or a
 * missing file is less clear. */
static bool readable_file(const char *path, char *err, size_t errlen)
{
	struct stat st;
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return fail_msg(err, errlen, "%s: cannot open: %s", path, strerror(errno));
	bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	close(fd);
	return ok || fail_msg(err, errlen, "%s: not a regular file", path);
}

struct symbols *symbols_open(const char *path, char *err, size_t errlen)
{
	if (!readable_file(path, err, errlen))
		return NULL;
	struct symbols *s = xcalloc(1, sizeof *s);
	char real[PATH_MAX];
	s->path = xstrdup(realpath(path, real) ? real : path);
	if (!(s->dwfl = dwfl_begin(&offline_callbacks)))
		panic("dwfl_begin: %s", dwfl_errmsg(-1));
	s->mod = dwfl_report_offline(s->dwfl, s->path, s->path, -1);
	if (!s->mod || dwfl_report_end(s->dwfl, NULL, NULL) != 0) {
		fail_msg(err, errlen, "%s: not a readable ELF file: %s", path, dwfl_errmsg(-1));
		symbols_close(s);
		return NULL;
	}
	load_segments(s);
	return s;
}

/* The function symbol covering pc, or NULL. */
static const char *function_at(const struct symbols *s, uint64_t pc)
{
	GElf_Off offset;
	GElf_Sym sym;
	const char *name = dwfl_module_addrinfo(s->mod, pc, &offset, &sym, NULL, NULL, NULL);
	if (!name || !*name || GELF_ST_TYPE(sym.st_info) != STT_FUNC)
		return NULL;
	if (sym.st_size && offset >= sym.st_size)
		return NULL;
	return name;
}

/* The line-table row for pc: its file's basename and line, or false. */
static bool line_at(const struct symbols *s, uint64_t pc, const char **file, unsigned *line)
{
	Dwfl_Line *l = dwfl_module_getsrc(s->mod, pc);
	int lineno = 0;
	const char *src = l ? dwfl_lineinfo(l, NULL, &lineno, NULL, NULL, NULL) : NULL;
	if (!src || !*src || lineno <= 0)
		return false;
	const char *slash = strrchr(src, '/');
	*file = slash ? slash + 1 : src;
	*line = (unsigned)lineno;
	return **file != '\0';
}

static bool in_object(const struct symbols *s, uint64_t pc)
{
	for (unsigned i = 0; i < s->nseg; i++)
		if (pc >= s->seg[i].start && pc < s->seg[i].end)
			return true;
	return false;
}

bool symbols_lookup(const struct symbols *s, uint64_t pc, struct sym_loc *out)
{
	*out = (struct sym_loc){0};
	out->in_object = in_object(s, pc);
	out->function = function_at(s, pc);
	if (!line_at(s, pc, &out->file, &out->line)) {
		out->file = NULL;
		out->line = 0;
	}
	return out->function || out->file;
}

bool symbols_has(const struct symbols *s, const char *name)
{
	int n = dwfl_module_getsymtab(s->mod);
	for (int i = 1; i < n; i++) {
		GElf_Sym sym;
		const char *what = dwfl_module_getsym(s->mod, i, &sym, NULL);
		if (what && !strcmp(what, name))
			return true;
	}
	return false;
}

const char *symbols_path(const struct symbols *s)
{
	return s->path;
}

void symbols_close(struct symbols *s)
{
	if (!s)
		return;
	if (s->dwfl)
		dwfl_end(s->dwfl);
	free(s->path);
	free(s);
}
