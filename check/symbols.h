/* Symbols of a guest RISC-V ELF: a pc's function (from the ELF symbol table)
 * and source file:line (from the DWARF line table), read through elfutils'
 * libdwfl, never by hand. The file is untrusted: a malformed one is refused
 * with a message, a stripped one or one without DWARF answers what it can. */
#ifndef CHECK_SYMBOLS_H
#define CHECK_SYMBOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/util.h"

struct symbols;

/* Where a pc is, as valgrind names it. Strings belong to the struct symbols
 * and live until symbols_close. */
struct sym_loc {
	const char *function; /* NULL when no function symbol covers the pc */
	const char *file;     /* basename of the source file; NULL without a line */
	unsigned line;        /* 0 without a line */
	bool in_object;       /* the pc lies in one of the file's loadable segments */
};

/* Opens the ELF at path (its absolute path is what symbols_path returns).
 * NULL with a message "PATH: what is wrong" in err when it cannot be read or
 * is not an ELF file libelf accepts. A file without symbols or DWARF opens. */
WARN_UNUSED struct symbols *symbols_open(const char *path, char *err, size_t errlen);

/* Describes pc in *out (always written). True when a function or a line was
 * found, false for a pc nothing describes (*out then has NULLs and 0). */
bool symbols_lookup(const struct symbols *s, uint64_t pc, struct sym_loc *out);

/* The file's absolute path (as given when it cannot be resolved). */
const char *symbols_path(const struct symbols *s);

/* Whether the symbol table names a symbol name. */
bool symbols_has(const struct symbols *s, const char *name);

/* Frees s and every string its lookups returned; NULL is allowed. */
void symbols_close(struct symbols *s);

#endif
