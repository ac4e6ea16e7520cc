/* Programs for `vmlab run`: an ELF file as it is, or a C file compiled with
 * the RISC-V cross compiler against vmlab's guest runtime, cached by the
 * content of the source, the runtime and the compiler flags (a change to any
 * of them compiles it again). Student programs are compiled the way a course
 * builds them (xv6: -O with frame pointers and no sibling-call optimisation,
 * so every call gets its own frame below its caller's); the runtime itself
 * is built with -O2 (guest/guest.mk). */
#ifndef CLI_GUESTCC_H
#define CLI_GUESTCC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hw/mmu.h"

/* The flags a .c program is compiled with unless the user gives others
 * (vmlab run --cflags). */
#define GUESTCC_DEFAULT_CFLAGS "-O -fno-omit-frame-pointer -fno-optimize-sibling-calls"

/* Where a .c program's two segments are linked (guest/guest.ld):
 *
 *                 text (r-x)      data, bss (rw-)
 *   paging        0x10000         the page boundary after the text
 *   partition     0               the page boundary after the text
 *   base-bounds   0               the page boundary after the text
 *   segmentation  0 (selector 0)  1 << (va_bits - sel_bits) (selector 1: the
 *                                 heap segment, 0x40000000 by default)
 */
struct guest_layout {
	uint64_t text;
	uint64_t data; /* 0: the page boundary after the text */
};

#define GUESTCC_TEXT_PAGING 0x10000 /* guest/guest.ld's own, as Linux's programs */

/* The layout of a program for cfg's mechanism (the table above). */
struct guest_layout guestcc_layout(const struct mmu_config *cfg);

/* Writes into out the ELF file to run for name: name itself, or for a .c
 * file the cached executable compiled from it with cflags (words separated
 * by blanks, no quoting; NULL for GUESTCC_DEFAULT_CFLAGS), which come after
 * the flags the runtime needs (target, freestanding, -g), and linked at
 * layout (an ELF file is taken as it is linked); with memcheck, linked with
 * the checked malloc (guest/lib/malloc.c built with VMLAB_MEMCHECK) instead
 * of the library's. The cache key covers the layout and memcheck: a program
 * is compiled once per layout and kind of malloc. Returns false with a
 * message in err (a missing file, a failed compilation: the compiler's
 * messages go to stderr). */
bool guestcc_resolve(const char *name, const char *cflags, struct guest_layout layout, bool memcheck, char *out,
		     size_t outlen, char *err, size_t errlen);

#endif
