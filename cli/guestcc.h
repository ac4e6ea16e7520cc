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

/* The flags a .c program is compiled with unless the user gives others
 * (vmlab run --cflags). */
#define GUESTCC_DEFAULT_CFLAGS "-O -fno-omit-frame-pointer -fno-optimize-sibling-calls"

/* Writes into out the ELF file to run for name: name itself, or for a .c
 * file the cached executable compiled from it with cflags (words separated
 * by blanks, no quoting; NULL for GUESTCC_DEFAULT_CFLAGS), which come after
 * the flags the runtime needs (target, freestanding, -g). Returns false with
 * a message in err (a missing file, a failed compilation: the compiler's
 * messages go to stderr). */
bool guestcc_resolve(const char *name, const char *cflags, char *out, size_t outlen, char *err, size_t errlen);

#endif
