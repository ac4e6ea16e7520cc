/* Streaming readers for memory-reference traces (plain, pages, valgrind lackey,
 * the textbook VMM project's addresses, and vmlab's binary format), and the
 * binary writer. A reader holds one fixed 1 MiB buffer and parses lines in
 * place with hand-written digit loops, so memory does not grow with the trace
 * and nothing is allocated per line. Input is untrusted: every bad line is
 * reported as "file:line: what: 'text'" and nothing is read out of bounds.
 *
 * Text formats (a line is at most TRACE_MAX_LINE bytes; CRLF endings are
 * accepted; a NUL byte anywhere in a text trace makes its line bad):
 *   plain     "[pid] R|W|X address [size]": pid decimal (32 bits), access
 *             letter in either case, address 0x-hex or decimal (64 bits),
 *             size decimal 1..TRACE_MAX_SIZE (default 1); '#' starts a
 *             comment, blank lines are ignored.
 *   pages     page numbers in decimal separated by spaces, tabs, commas or
 *             newlines ("7 0 1 2 0 3", "7,0,1"); each is a 1-byte read of
 *             page_number << page_shift; '#' comments.
 *   lackey    valgrind --tool=lackey --trace-mem=yes: "I  04016c3,3" (exec),
 *             " L 1ffefffd28,8" (read), " S 1ffefffd20,8" (write),
 *             " M 0421a60,4" (a read then a write: two records); hex without
 *             0x. Lines that do not look like an access ("==pid== ..."
 *             messages, the program's own output) are ignored; a line that
 *             starts like one ("I  hex," or " L hex,") must be a valid one.
 *   textbook  the OS textbook's VMM project (addresses.txt): one unsigned
 *             decimal per line that fits 32 bits, of which only the low 16
 *             bits are used (va = n & 0xFFFF), each a 1-byte read; blank
 *             lines are ignored, anything else is an error.
 *
 * Binary format (all integers little-endian; records are fixed-size so a
 * reader decodes them with plain loads):
 *
 *   header, 16 bytes:           record i, 16 bytes at offset 16 + 16*i:
 *    0  8  magic "VMLABTR1"      0  8  va (u64)
 *    8  4  version (u32) = 1     8  4  pid (u32)
 *   12  4  record bytes (u32)   12  2  size in bytes (u16), 1..TRACE_MAX_SIZE
 *          = 16                 14  1  access: 0 read, 1 write, 2 exec (enum access),
 *                                      or an event (enum trace_event, from 3 on):
 *                                      3 unmap, 4 empty, 5 fork (va: the child),
 *                                      6 pin (va: the page), 7 unpin
 *                               15  1  flags: bit 0 (TRACE_BIN_FAULTED) set when the
 *                                      access faulted as it was recorded and the
 *                                      program made it again (a later record);
 *                                      the other bits must be 0
 *
 * A file that ends inside a record is an error naming the record. */
#ifndef TRACE_READER_H
#define TRACE_READER_H

#include <stddef.h>
#include <sys/types.h>

#include "lib/types.h"
#include "lib/util.h"

#define TRACE_BUF_BYTES (1u << 20)   /* input buffer; a line may span its boundary */
#define TRACE_MAX_LINE 4096          /* longest accepted text line, without its '\n' */
#define TRACE_MAX_SIZE 4096          /* largest size of one access, in bytes */
#define TRACE_BIN_MAGIC "VMLABTR1"   /* 8 bytes, no terminator in the file */
#define TRACE_BIN_VERSION 1
#define TRACE_BIN_HEADER_BYTES 16
#define TRACE_BIN_RECORD_BYTES 16
#define TRACE_BIN_FAULTED 1          /* flags bit: see the binary format above */


/* TRACE_TEXTBOOK is never chosen by TRACE_AUTO: its files are bare numbers,
 * indistinguishable from `pages`; the CLI selects it when a backing store is
 * given. */
enum trace_format {
	TRACE_AUTO,
	TRACE_PLAIN,
	TRACE_PAGES,
	TRACE_LACKEY,
	TRACE_TEXTBOOK,
	TRACE_BINARY,
};

/* What a record is: a memory reference, or (recorded runs only) an event
 * that changes an address space or what eviction may take from it. */
enum trace_event {
	TRACE_ACCESS,
	TRACE_UNMAP,  /* the page holding va left the address space (munmap, brk) */
	TRACE_EMPTY,  /* every page of the process left it (exit, exec); va 0 */
	TRACE_FORK,   /* va is the pid of a new process sharing pid's pages copy-on-write */
	TRACE_PIN,    /* the page at va is pinned for the instruction in progress (kernel_pin) */
	TRACE_UNPIN,  /* that instruction completed: no page is pinned; va 0 */
};
#define TRACE_EVENT_LAST TRACE_UNPIN

/* The binary access byte of an event: 3 + (event - TRACE_UNMAP). */
#define TRACE_BIN_EVENT_BASE 3

/* One memory reference, or an event. */
struct trace_ref {
	uint32_t pid;     /* 0 when the format has none */
	enum access acc;
	vaddr_t va;
	uint32_t size;    /* bytes, 1..TRACE_MAX_SIZE */
	uint64_t line;    /* 1-based line it came from (record number for binary) */
	bool faulted;     /* recorded from a run: this attempt faulted and a later record
			     is the program's retry (replay handles the fault, no retry) */
	enum trace_event event; /* TRACE_ACCESS, or an event (acc is then ACCESS_READ) */
};

/* Pages a record touches at pages of 2^shift bytes (one when it would wrap
 * past 2^64; none for an event, which is no access). */
static inline uint64_t trace_ref_pages(const struct trace_ref *ref, unsigned shift)
{
	vaddr_t end = ref->va + ref->size - 1;
	if (ref->event != TRACE_ACCESS)
		return 0;
	return end < ref->va ? 1 : (end >> shift) - (ref->va >> shift) + 1;
}

struct trace_reader_opts {
	enum trace_format format;
	unsigned page_shift;  /* pages: va = page_number << page_shift; at most 63 */
	bool skip_bad;        /* print each bad line on stderr ("vmlab: file:line: ...") and carry on */
	uint64_t max_errors;  /* with skip_bad: stop after this many bad lines (0 = unlimited) */
};

/* The options a NULL opts stands for: auto-detect, 4 KiB pages, stop at the first bad line. */
#define TRACE_READER_OPTS_INIT { .format = TRACE_AUTO, .page_shift = 12, .skip_bad = false, .max_errors = 0 }

struct trace_reader;
struct trace_writer;

/* Opens the trace at path ("-" = standard input, named "<stdin>" in messages)
 * with options o (NULL = TRACE_READER_OPTS_INIT) and, for TRACE_AUTO, reads
 * its beginning to detect the format: binary by its magic; lackey by "==" or
 * access-shaped lines; plain by an R/W/X token; lines of bare numbers are
 * pages. A trace with no content lines is an empty plain trace. Returns NULL
 * with "file: what is wrong" in err (or "file:line: ..." when no line of the
 * beginning has a recognisable shape); nothing is left open. */
WARN_UNUSED struct trace_reader *trace_open(const char *path, const struct trace_reader_opts *o,
					    char *err, size_t errlen);

/* Reads the next reference into *out. Returns 1 when *out is filled, 0 at the
 * end of the trace, -1 on an error with "file:line: what: 'text'" in err
 * ("file: record N: what" for binary). After a bad line the reader can be
 * called again and goes on with the next one; after an I/O error, a truncated
 * binary record or the max_errors limit it returns 0 from then on. With
 * skip_bad, bad lines are printed on stderr, counted and skipped instead. */
WARN_UNUSED int trace_next(struct trace_reader *r, struct trace_ref *out, char *err, size_t errlen);

/* The format being read (the detected one after TRACE_AUTO). */
enum trace_format trace_format_of(const struct trace_reader *r);

/* Bad lines (or records) skipped with skip_bad since the open or last rewind. */
uint64_t trace_bad_lines(const struct trace_reader *r);

/* Goes back to the beginning of the trace, forgetting the bad-line count.
 * Works when the input is a regular file (also as standard input); returns
 * false, and changes nothing, for pipes and terminals. */
WARN_UNUSED bool trace_rewind(struct trace_reader *r);

/* For a binary trace read from a regular file (also as standard input): its
 * descriptor (still the reader's) and the offset of its header, so that its
 * records can be read again in place with pread. Record i (0-based) lies at
 * *header_off + TRACE_BIN_HEADER_BYTES + i * TRACE_BIN_RECORD_BYTES and is
 * "record i + 1" (its line) in messages. Returns false for other traces. */
WARN_UNUSED bool trace_binary_file(const struct trace_reader *r, int *fd, off_t *header_off);

/* Decodes the TRACE_BIN_RECORD_BYTES bytes at p into *out, all but its line.
 * Returns false, leaving *out alone, for a record trace_next would report as
 * bad (access, flags or size out of range). */
WARN_UNUSED bool trace_bin_decode(const unsigned char *p, struct trace_ref *out);

/* Closes the input (not standard input) and frees the reader. NULL is allowed. */
void trace_close(struct trace_reader *r);

/* "auto", "plain", "pages", "lackey", "textbook", "binary" -> *out. Returns
 * false, leaving *out alone, for any other string. */
WARN_UNUSED bool trace_format_parse(const char *s, enum trace_format *out);

/* The name trace_format_parse accepts for f ("?" for a value out of range). */
const char *trace_format_name(enum trace_format f);

/* Creates (or truncates) path ("-" = standard output) and writes the binary
 * header. Returns NULL with "file: what is wrong" in err. */
WARN_UNUSED struct trace_writer *trace_writer_open(const char *path, char *err, size_t errlen);

/* Appends one record (buffered). Returns false when the reference cannot be
 * represented (access out of range, size not 1..TRACE_MAX_SIZE; nothing is
 * written) or when a write failed now or earlier, or an earlier record was
 * refused; trace_writer_close then reports the first such error. */
WARN_UNUSED bool trace_write(struct trace_writer *w, const struct trace_ref *ref);

/* Whether every record so far was written (or buffered); false with "file:
 * what is wrong" in err after a failed write or a refused record. */
bool trace_writer_ok(const struct trace_writer *w, char *err, size_t errlen);

/* From now on every record trace_next returns is also appended to w (vmlab
 * trace --write-binary); when that fails, trace_next returns -1 with w's
 * error, and 0 from then on. NULL, or trace_rewind, stops copying. w stays
 * the caller's. */
void trace_tee(struct trace_reader *r, struct trace_writer *w);

/* Flushes, closes (not standard output) and frees w. Returns false with
 * "file: what is wrong" in err when any write failed or a record was refused;
 * the file is then incomplete and left in place. NULL is allowed (true). */
WARN_UNUSED bool trace_writer_close(struct trace_writer *w, char *err, size_t errlen);

#endif
