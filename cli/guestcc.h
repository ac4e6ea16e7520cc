/* Programs for `vmlab run`: an ELF file as it is, or a C file compiled with
 * the RISC-V cross compiler against vmlab's guest runtime, cached by the
 * content of the source (a changed source is compiled again). */
#ifndef CLI_GUESTCC_H
#define CLI_GUESTCC_H

#include <stdbool.h>
#include <stddef.h>

/* Writes into out the ELF file to run for name: name itself, or for a .c
 * file the cached executable compiled from it. Returns false with a message
 * in err (a missing file, a failed compilation: the compiler's messages go to
 * stderr). */
bool guestcc_resolve(const char *name, char *out, size_t outlen, char *err, size_t errlen);

#endif
