/* The ELF parser: reads and validates ELF64 little-endian RISC-V static
 * executables and describes their loadable segments for the kernel's loader.
 * It never maps memory. The file is untrusted: every header field is read with
 * explicit little-endian loads from the byte buffer, each bounds-checked
 * against its length (System V gABI, "ELF Header" and "Program Header"). */
#ifndef OS_ELF_H
#define OS_ELF_H

#include "lib/types.h"
#include "lib/util.h"

#define ELF_MAX_SEGMENTS 16          /* loadable (PT_LOAD, memsz > 0) segments per image */
#define ELF_MAX_PHNUM 128            /* program headers per file */
#define ELF_MAX_FILE_SIZE (256u << 20) /* elf_open refuses larger files */

/* How vmlab's guest programs are built; refusals of PIE and dynamically
 * linked files quote it. */
#define ELF_BUILD_HINT "riscv64-unknown-elf-gcc -march=rv64imac -mabi=lp64 -static"

/* Values from the gABI and the RISC-V psABI that callers and tests use. */
#define ELF_ET_REL 1
#define ELF_ET_EXEC 2
#define ELF_ET_DYN 3
#define ELF_ET_CORE 4
#define ELF_EM_386 3
#define ELF_EM_ARM 40
#define ELF_EM_X86_64 62
#define ELF_EM_AARCH64 183
#define ELF_EM_RISCV 243
#define ELF_PT_LOAD 1
#define ELF_PT_DYNAMIC 2
#define ELF_PT_INTERP 3
#define ELF_PF_X 0x1u
#define ELF_PF_W 0x2u
#define ELF_PF_R 0x4u
#define ELF_EHDR_SIZE 64 /* sizeof(Elf64_Ehdr) */
#define ELF_PHDR_SIZE 56 /* sizeof(Elf64_Phdr) */

/* One loadable segment: memory [vaddr, vaddr + memsz) holds file bytes
 * [offset, offset + filesz) followed by zeros. Guaranteed by elf_parse:
 * 0 < memsz, filesz <= memsz, the file bytes lie inside the file, every page
 * the segment touches lies below va_limit, vaddr and offset are equal modulo
 * the page size, and prot is never 0 nor W without R. */
struct elf_segment {
	vaddr_t vaddr;     /* as in the file: need not be page-aligned */
	uint64_t memsz;
	uint64_t filesz;
	uint64_t offset;   /* of the first file byte, in the file */
	unsigned prot;     /* PTE_R | PTE_W | PTE_X (hw/ptfmt.h); W implies R */
	unsigned phdr;     /* program header number, as in messages and readelf -l */
};

/* What the loader needs. The segments are sorted by vaddr and do not overlap;
 * two of them share a page only when their prot is the same (the loader then
 * copies both into that page). */
struct elf_image {
	vaddr_t entry;     /* inside a segment with PTE_X */
	struct elf_segment seg[ELF_MAX_SEGMENTS];
	unsigned nseg;     /* 1 .. ELF_MAX_SEGMENTS */
	vaddr_t brk_start; /* end of the highest segment, rounded up to the page size */
	uint32_t flags;    /* e_flags: RVC, float ABI, ... (RISC-V psABI), not checked */
};

/* An executable read whole into host memory, with what elf_parse found. The
 * loader copies file-backed pages from data. */
struct elf_file {
	uint8_t *data;     /* owned; freed by elf_close */
	size_t len;
	struct elf_image img;
};

/* Parses and validates buf[0..len) (a whole file) for a machine with pages of
 * page_size bytes (a power of two, else panic) whose user address space ends
 * at va_limit. Reads only inside buf. On success fills *img and returns true;
 * on failure returns false with one sentence naming the problem in err (never
 * empty when errlen > 1; "segment N" is program header N, counted from 0 as
 * readelf does) and leaves *img untouched. Refused: not ELF, truncated, not
 * 64-bit, not little-endian, a version other than 1, not RISC-V, not ET_EXEC,
 * a bad program header table, PT_INTERP or PT_DYNAMIC, a PT_LOAD that breaks a
 * guarantee of struct elf_segment or overlaps another one (in bytes, or in a
 * page with other permissions), more than ELF_MAX_SEGMENTS loadable segments
 * or none, and an entry point outside every executable segment. PT_LOADs with
 * memsz 0 and all other program header types are ignored. */
WARN_UNUSED bool elf_parse(const uint8_t *buf, size_t len, uint64_t page_size, vaddr_t va_limit,
			   struct elf_image *img, char *err, size_t errlen);

/* Reads the file at path whole (at most ELF_MAX_FILE_SIZE bytes) and parses it
 * as elf_parse does. On success fills *f (free it with elf_close) and returns
 * true; on failure returns false with "path: what is wrong" in err, leaves *f
 * untouched and nothing allocated or open. */
WARN_UNUSED bool elf_open(struct elf_file *f, const char *path, uint64_t page_size, vaddr_t va_limit, char *err,
			  size_t errlen);

/* Frees the bytes of f and zeroes it; a zeroed elf_file is allowed. */
void elf_close(struct elf_file *f);

/* A short name for an e_machine value ("x86-64", "RISC-V"; "unknown" for the
 * ones not in its small table). */
const char *elf_machine_name(unsigned machine);

#endif
