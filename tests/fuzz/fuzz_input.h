/* What the libFuzzer targets share: taking bytes off the front of an input
 * (the choices of a target), and handing the rest to code that reads a file
 * or standard input, as a file in memory (memfd) or as a socket that delivers
 * it in chunks, so that a reader meets the partial reads of a pipe. */
#ifndef TESTS_FUZZ_FUZZ_INPUT_H
#define TESTS_FUZZ_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>

/* The unread part of an input. */
struct fuzz_in {
	const uint8_t *p;
	size_t n;
};

/* The next byte, or 0 once the input is used up. */
uint8_t fuzz_byte(struct fuzz_in *in);

/* A file in memory holding data[0..n), its offset at 0. Returns its
 * descriptor and its name ("/proc/self/fd/N", which opens it afresh) in path;
 * aborts when the host cannot make one. The caller closes it. */
int fuzz_file(const uint8_t *data, size_t n, char *path, size_t pathlen);

/* Makes standard input a socket whose reads return data[0..n) in chunks of
 * chunk bytes (the last one shorter), then the end; n is at most
 * FUZZ_MAX_CHUNKED. Returns the descriptor that was standard input, for
 * fuzz_stdin_end; aborts when the host cannot. */
int fuzz_stdin_chunks(const uint8_t *data, size_t n, size_t chunk);

/* Puts back the standard input fuzz_stdin_chunks replaced. */
void fuzz_stdin_end(int saved);

/* The most chunks fuzz_stdin_chunks delivers (chunks grow to stay within
 * it) and the most bytes: what a socket's default buffer holds unread. */
#define FUZZ_MAX_CHUNKS 64
#define FUZZ_MAX_CHUNKED 32768

#endif
