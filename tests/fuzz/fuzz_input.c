/* Inputs for the fuzz targets: bytes off the front, memfd files, chunked
 * standard input (a SOCK_SEQPACKET socket: each read returns one packet, so
 * the chunking is the same on every run). */
#define _GNU_SOURCE
#include "tests/fuzz/fuzz_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

uint8_t fuzz_byte(struct fuzz_in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

static void die(const char *what)
{
	perror(what);
	abort();
}

int fuzz_file(const uint8_t *data, size_t n, char *path, size_t pathlen)
{
	int fd = memfd_create("fuzz", 0);
	if (fd < 0)
		die("memfd_create");
	for (size_t done = 0; done < n;) {
		ssize_t w = write(fd, data + done, n - done);
		if (w <= 0)
			die("write");
		done += (size_t)w;
	}
	if (lseek(fd, 0, SEEK_SET) != 0)
		die("lseek");
	snprintf(path, pathlen, "/proc/self/fd/%d", fd);
	return fd;
}

int fuzz_stdin_chunks(const uint8_t *data, size_t n, size_t chunk)
{
	int sv[2], saved = dup(0);
	if (n > FUZZ_MAX_CHUNKED) {
		fprintf(stderr, "fuzz_stdin_chunks: %zu bytes, more than %d\n", n, FUZZ_MAX_CHUNKED);
		abort();
	}
	if (saved < 0 || socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK, 0, sv) != 0)
		die("socketpair");
	if (chunk == 0)
		chunk = 1;
	if (n / chunk >= FUZZ_MAX_CHUNKS)
		chunk = n / FUZZ_MAX_CHUNKS + 1;
	for (size_t done = 0; done < n; done += chunk) {
		size_t len = n - done < chunk ? n - done : chunk;
		if (write(sv[1], data + done, len) != (ssize_t)len)
			die("write to the socket");
	}
	close(sv[1]); /* after the packets, reads return 0 */
	if (dup2(sv[0], 0) != 0)
		die("dup2");
	close(sv[0]);
	return saved;
}

void fuzz_stdin_end(int saved)
{
	if (dup2(saved, 0) != 0)
		die("dup2");
	close(saved);
}
