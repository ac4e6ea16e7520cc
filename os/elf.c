/* ELF64 RISC-V executables: the identification bytes, then the ELF header,
 * then the program header table are checked in file order, each check with its
 * own message; the loadable segments are then sorted by address and checked
 * against each other and the entry point. Nothing is written to the caller's
 * image until the whole file has passed. */
#include "os/elf.h"

#include "hw/ptfmt.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Elf64_Ehdr (gABI "ELF Header"), 64 bytes, little-endian here:
 *
 *   0  e_ident[16]: 7f 'E' 'L' 'F' | class | data | version | osabi | pad
 *  16  e_type:2  18 e_machine:2  20 e_version:4  24 e_entry:8  32 e_phoff:8
 *  40  e_shoff:8  48 e_flags:4  52 e_ehsize:2  54 e_phentsize:2  56 e_phnum:2
 *  58  e_shentsize:2  60 e_shnum:2  62 e_shstrndx:2
 *
 * Elf64_Phdr (gABI "Program Header"), 56 bytes:
 *
 *   0  p_type:4  4 p_flags:4  8 p_offset:8  16 p_vaddr:8  24 p_paddr:8
 *  32  p_filesz:8  40 p_memsz:8  48 p_align:8
 */
enum {
	EI_CLASS = 4,
	EI_DATA = 5,
	EI_VERSION = 6,
	E_TYPE = 16,
	E_MACHINE = 18,
	E_VERSION = 20,
	E_ENTRY = 24,
	E_PHOFF = 32,
	E_FLAGS = 48,
	E_PHENTSIZE = 54,
	E_PHNUM = 56,
	P_TYPE = 0,
	P_FLAGS = 4,
	P_OFFSET = 8,
	P_VADDR = 16,
	P_FILESZ = 32,
	P_MEMSZ = 40,
};

enum { ELFCLASS32 = 1, ELFCLASS64 = 2, ELFDATA2LSB = 1, ELFDATA2MSB = 2, EV_CURRENT = 1 };

static const uint8_t elf_magic[4] = { 0x7f, 'E', 'L', 'F' };

/* What every check needs: the untrusted bytes, the machine, and where the
 * message goes. */
struct parser {
	const uint8_t *buf;
	size_t len;
	uint64_t page_size;
	vaddr_t va_limit;
	char *err;
	size_t errlen;
};

/* Little-endian loads from p; the caller has checked the bytes are in the file. */
static uint16_t le16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t le32(const uint8_t *p) { return (uint32_t)le16(p) | (uint32_t)le16(p + 2) << 16; }
static uint64_t le64(const uint8_t *p) { return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32; }

/* Formats the message into ps->err; always returns false. */
PRINTF_LIKE(2, 3) static bool fail(const struct parser *ps, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ps->err, ps->errlen, fmt, ap);
	va_end(ap);
	return false;
}

const char *elf_machine_name(unsigned machine)
{
	switch (machine) {
	case 0: return "none";
	case ELF_EM_386: return "i386";
	case 8: return "MIPS";
	case 20: return "PowerPC";
	case 21: return "PowerPC64";
	case 22: return "S/390";
	case ELF_EM_ARM: return "ARM";
	case 43: return "SPARC V9";
	case ELF_EM_X86_64: return "x86-64";
	case ELF_EM_AARCH64: return "AArch64";
	case ELF_EM_RISCV: return "RISC-V";
	case 258: return "LoongArch";
	}
	return "unknown";
}

/* The magic, then the length of a whole header. */
static bool check_magic(const struct parser *ps)
{
	if (ps->len == 0)
		return fail(ps, "empty file: not an ELF file");
	size_t n = ps->len < sizeof elf_magic ? ps->len : sizeof elf_magic;
	if (memcmp(ps->buf, elf_magic, n) != 0)
		return fail(ps, "not an ELF file (it does not start with the bytes 7f 45 4c 46, \"\\177ELF\")");
	if (ps->len < ELF_EHDR_SIZE)
		return fail(ps, "truncated ELF file: %zu bytes, shorter than the %d-byte ELF64 header", ps->len,
			    ELF_EHDR_SIZE);
	return true;
}

/* Class, data encoding and version of e_ident; needs the whole header. */
static bool check_ident(const struct parser *ps)
{
	unsigned class = ps->buf[EI_CLASS], data = ps->buf[EI_DATA], version = ps->buf[EI_VERSION];
	if (class != ELFCLASS64)
		return fail(ps, "ELF class %u (%s): vmlab runs 64-bit RISC-V programs", class,
			    class == ELFCLASS32 ? "32-bit" : "invalid");
	if (data != ELFDATA2LSB)
		return fail(ps, "ELF data encoding %u (%s): vmlab runs little-endian RISC-V programs", data,
			    data == ELFDATA2MSB ? "big-endian" : "invalid");
	if (version != EV_CURRENT)
		return fail(ps, "ELF version %u in e_ident (expected %d)", version, EV_CURRENT);
	return true;
}

/* e_version, e_machine and e_type. */
static bool check_kind(const struct parser *ps)
{
	uint32_t version = le32(ps->buf + E_VERSION);
	unsigned machine = le16(ps->buf + E_MACHINE), type = le16(ps->buf + E_TYPE);
	if (version != EV_CURRENT)
		return fail(ps, "ELF version %" PRIu32 " in e_version (expected %d)", version, EV_CURRENT);
	if (machine != ELF_EM_RISCV)
		return fail(ps, "machine %u (%s) is not RISC-V", machine, elf_machine_name(machine));
	switch (type) {
	case ELF_ET_EXEC:
		return true;
	case ELF_ET_DYN:
		return fail(ps, "ELF type %u (shared object or position-independent executable): vmlab needs a static "
			    "non-PIE executable, built with " ELF_BUILD_HINT, type);
	case ELF_ET_REL:
		return fail(ps, "ELF type %u (relocatable object file): vmlab needs a linked static executable, "
			    "built with " ELF_BUILD_HINT, type);
	case ELF_ET_CORE:
		return fail(ps, "ELF type %u (core dump) is not an executable", type);
	}
	return fail(ps, "ELF type %u (unknown) is not an executable", type);
}

/* The program header table: count, entry size, and bounds. On success sets
 * *phoff and *phnum. */
static bool check_phdr_table(const struct parser *ps, uint64_t *phoff, unsigned *phnum)
{
	uint64_t off = le64(ps->buf + E_PHOFF);
	unsigned entsize = le16(ps->buf + E_PHENTSIZE), num = le16(ps->buf + E_PHNUM);
	if (num == 0)
		return fail(ps, "no program headers (e_phnum is 0): nothing to load");
	if (num > ELF_MAX_PHNUM)
		return fail(ps, "%u program headers: vmlab accepts at most %d", num, ELF_MAX_PHNUM);
	if (entsize != ELF_PHDR_SIZE)
		return fail(ps, "program header size (e_phentsize) is %u, expected %d for ELF64", entsize,
			    ELF_PHDR_SIZE);
	uint64_t size = (uint64_t)num * ELF_PHDR_SIZE;
	if (off > ps->len || size > ps->len - off)
		return fail(ps, "program header table (%u entries of %d bytes at offset 0x%" PRIx64
			    ") extends past the end of the file (%zu bytes)", num, ELF_PHDR_SIZE, off, ps->len);
	*phoff = off;
	*phnum = num;
	return true;
}

/* Dynamically linked programs have a PT_INTERP or a PT_DYNAMIC. */
static bool check_static(const struct parser *ps, uint64_t phoff, unsigned phnum)
{
	for (unsigned i = 0; i < phnum; i++) {
		uint32_t type = le32(ps->buf + phoff + (uint64_t)i * ELF_PHDR_SIZE + P_TYPE);
		if (type == ELF_PT_INTERP || type == ELF_PT_DYNAMIC)
			return fail(ps, "segment %u is %s: vmlab refuses dynamically linked programs and needs a "
				    "static executable, built with " ELF_BUILD_HINT, i,
				    type == ELF_PT_INTERP ? "PT_INTERP" : "PT_DYNAMIC");
	}
	return true;
}

/* p_flags as PTE permissions; W implies R (RISC-V has no write-only pages). */
static unsigned prot_of(uint32_t flags)
{
	unsigned prot = 0;
	if (flags & ELF_PF_R)
		prot |= PTE_R;
	if (flags & ELF_PF_W)
		prot |= PTE_R | PTE_W;
	if (flags & ELF_PF_X)
		prot |= PTE_X;
	return prot;
}

/* "rwx" with dashes, for messages. */
static const char *prot_str(unsigned prot, char buf[4])
{
	buf[0] = prot & PTE_R ? 'r' : '-';
	buf[1] = prot & PTE_W ? 'w' : '-';
	buf[2] = prot & PTE_X ? 'x' : '-';
	buf[3] = '\0';
	return buf;
}

/* The file bytes of a non-empty PT_LOAD lie inside the file. */
static bool check_load_file(const struct parser *ps, const struct elf_segment *s)
{
	if (s->offset > UINT64_MAX - s->filesz)
		return fail(ps, "segment %u: file offset 0x%" PRIx64 " + file size 0x%" PRIx64 " overflows", s->phdr,
			    s->offset, s->filesz);
	if (s->offset + s->filesz > ps->len)
		return fail(ps, "segment %u extends past the end of the file: file bytes [0x%" PRIx64 ", 0x%" PRIx64
			    "), but the file is 0x%zx bytes", s->phdr, s->offset, s->offset + s->filesz, ps->len);
	return true;
}

/* The memory of a non-empty PT_LOAD: every page it touches below va_limit,
 * mappable (address and offset congruent modulo the page), some permission. */
static bool check_load_memory(const struct parser *ps, const struct elf_segment *s, uint32_t flags)
{
	uint64_t page = ps->page_size;
	if (s->vaddr > UINT64_MAX - s->memsz)
		return fail(ps, "segment %u: address 0x%" PRIx64 " + memory size 0x%" PRIx64 " overflows", s->phdr,
			    s->vaddr, s->memsz);
	uint64_t end = s->vaddr + s->memsz, last_page = (end - 1) & ~(page - 1);
	if (ps->va_limit < page || last_page > ps->va_limit - page)
		return fail(ps, "segment %u [0x%" PRIx64 ", 0x%" PRIx64 ") extends beyond the user address space, "
			    "which ends at 0x%" PRIx64, s->phdr, s->vaddr, end, ps->va_limit);
	if ((s->vaddr ^ s->offset) & (page - 1))
		return fail(ps, "segment %u cannot be mapped: its address 0x%" PRIx64 " and file offset 0x%" PRIx64
			    " differ modulo the page size 0x%" PRIx64, s->phdr, s->vaddr, s->offset, page);
	if (s->prot == 0)
		return fail(ps, "segment %u [0x%" PRIx64 ", 0x%" PRIx64 ") has no permissions (p_flags 0x%" PRIx32 ")",
			    s->phdr, s->vaddr, end, flags);
	return true;
}

/* Reads program header i, a PT_LOAD at ph, into *s and checks it alone. Sets
 * *keep to false for an empty (memsz 0) segment, whose other fields do not
 * matter: the loader skips it. */
static bool read_load(const struct parser *ps, const uint8_t *ph, unsigned i, struct elf_segment *s, bool *keep)
{
	uint32_t flags = le32(ph + P_FLAGS);
	*s = (struct elf_segment){
		.vaddr = le64(ph + P_VADDR),
		.memsz = le64(ph + P_MEMSZ),
		.filesz = le64(ph + P_FILESZ),
		.offset = le64(ph + P_OFFSET),
		.prot = prot_of(flags),
		.phdr = i,
	};
	if (s->filesz > s->memsz)
		return fail(ps, "segment %u: file size 0x%" PRIx64 " is larger than its memory size 0x%" PRIx64, i,
			    s->filesz, s->memsz);
	*keep = s->memsz != 0;
	return !*keep || (check_load_file(ps, s) && check_load_memory(ps, s, flags));
}

/* Reads every non-empty PT_LOAD into img->seg, in file order. */
static bool collect_loads(const struct parser *ps, uint64_t phoff, unsigned phnum, struct elf_image *img)
{
	img->nseg = 0;
	for (unsigned i = 0; i < phnum; i++) {
		const uint8_t *ph = ps->buf + phoff + (uint64_t)i * ELF_PHDR_SIZE;
		struct elf_segment s;
		bool keep = false;
		if (le32(ph + P_TYPE) != ELF_PT_LOAD)
			continue;
		if (!read_load(ps, ph, i, &s, &keep))
			return false;
		if (!keep)
			continue;
		if (img->nseg == ELF_MAX_SEGMENTS)
			return fail(ps, "more than %d loadable segments (segment %u is number %d): vmlab accepts at "
				    "most %d", ELF_MAX_SEGMENTS, i, ELF_MAX_SEGMENTS + 1, ELF_MAX_SEGMENTS);
		img->seg[img->nseg++] = s;
	}
	if (img->nseg == 0)
		return fail(ps, "no loadable segment (no PT_LOAD program header with a non-zero memory size)");
	return true;
}

/* Insertion sort by vaddr; stable, so equal addresses keep file order. */
static void sort_segments(struct elf_image *img)
{
	for (unsigned i = 1; i < img->nseg; i++) {
		struct elf_segment s = img->seg[i];
		unsigned j = i;
		for (; j > 0 && img->seg[j - 1].vaddr > s.vaddr; j--)
			img->seg[j] = img->seg[j - 1];
		img->seg[j] = s;
	}
}

/* a and b are neighbours in vaddr order (a first): b must start after a ends,
 * and in another page unless their permissions are the same. */
static bool check_neighbours(const struct parser *ps, const struct elf_segment *a, const struct elf_segment *b)
{
	uint64_t a_end = a->vaddr + a->memsz, b_end = b->vaddr + b->memsz, mask = ~(ps->page_size - 1);
	char pa[4], pb[4];
	if (b->vaddr < a_end)
		return fail(ps, "segment %u [0x%" PRIx64 ", 0x%" PRIx64 ") overlaps segment %u [0x%" PRIx64
			    ", 0x%" PRIx64 ")", b->phdr, b->vaddr, b_end, a->phdr, a->vaddr, a_end);
	if (b->prot != a->prot && ((a_end - 1) & mask) == (b->vaddr & mask))
		return fail(ps, "segment %u [0x%" PRIx64 ", 0x%" PRIx64 ") %s shares the page at 0x%" PRIx64
			    " with segment %u [0x%" PRIx64 ", 0x%" PRIx64 ") %s: one page cannot have both permissions",
			    b->phdr, b->vaddr, b_end, prot_str(b->prot, pb), b->vaddr & mask, a->phdr, a->vaddr,
			    a_end, prot_str(a->prot, pa));
	return true;
}

/* Sorted segments overlap only if some neighbours do. */
static bool check_overlaps(const struct parser *ps, const struct elf_image *img)
{
	for (unsigned i = 1; i < img->nseg; i++)
		if (!check_neighbours(ps, &img->seg[i - 1], &img->seg[i]))
			return false;
	return true;
}

/* The entry point must be in the memory of a segment with X. */
static bool check_entry(const struct parser *ps, const struct elf_image *img)
{
	for (unsigned i = 0; i < img->nseg; i++) {
		const struct elf_segment *s = &img->seg[i];
		if ((s->prot & PTE_X) && img->entry >= s->vaddr && img->entry - s->vaddr < s->memsz)
			return true;
	}
	return fail(ps, "entry point 0x%" PRIx64 " is not in an executable segment", img->entry);
}

bool elf_parse(const uint8_t *buf, size_t len, uint64_t page_size, vaddr_t va_limit, struct elf_image *img,
	       char *err, size_t errlen)
{
	if (!is_pow2(page_size))
		panic("page size %" PRIu64 " is not a power of two", page_size);
	struct parser ps = { buf, len, page_size, va_limit, err, errlen };
	struct elf_image out = { 0 };
	uint64_t phoff = 0;
	unsigned phnum = 0;
	if (!check_magic(&ps) || !check_ident(&ps) || !check_kind(&ps) || !check_phdr_table(&ps, &phoff, &phnum) ||
	    !check_static(&ps, phoff, phnum) || !collect_loads(&ps, phoff, phnum, &out))
		return false;
	sort_segments(&out);
	out.entry = le64(buf + E_ENTRY);
	out.flags = le32(buf + E_FLAGS);
	if (!check_overlaps(&ps, &out) || !check_entry(&ps, &out))
		return false;
	const struct elf_segment *top = &out.seg[out.nseg - 1];
	out.brk_start = (top->vaddr + top->memsz + page_size - 1) & ~(page_size - 1);
	*img = out;
	return true;
}

/* Opens path for reading a regular file of at most ELF_MAX_FILE_SIZE bytes.
 * Returns the descriptor and its size in *size, or -1 with a message. */
static int open_regular(const char *path, size_t *size, char *err, size_t errlen)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK); /* a FIFO must not block us */
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0)
		snprintf(err, errlen, "%s: cannot stat: %s", path, strerror(errno));
	else if (!S_ISREG(st.st_mode))
		snprintf(err, errlen, "%s: not a regular file", path);
	else if (st.st_size > ELF_MAX_FILE_SIZE)
		snprintf(err, errlen, "%s: %lld bytes, larger than the %u MiB vmlab accepts for a program", path,
			 (long long)st.st_size, ELF_MAX_FILE_SIZE >> 20);
	else {
		*size = (size_t)st.st_size;
		return fd;
	}
	close(fd);
	return -1;
}

/* Reads up to size bytes of fd into data; a file that shrank meanwhile gives
 * fewer. Returns the count, or -1 with a message. */
static ssize_t read_all(int fd, uint8_t *data, size_t size, const char *path, char *err, size_t errlen)
{
	size_t got = 0;
	while (got < size) {
		ssize_t n = read(fd, data + got, size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(err, errlen, "%s: read error: %s", path, strerror(errno));
			return -1;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

bool elf_open(struct elf_file *f, const char *path, uint64_t page_size, vaddr_t va_limit, char *err, size_t errlen)
{
	size_t size;
	int fd = open_regular(path, &size, err, errlen);
	if (fd < 0)
		return false;
	uint8_t *data = xmalloc(size);
	ssize_t got = read_all(fd, data, size, path, err, errlen);
	close(fd);
	struct elf_image img;
	char why[512];
	if (got < 0)
		goto fail;
	if (!elf_parse(data, (size_t)got, page_size, va_limit, &img, why, sizeof why)) {
		snprintf(err, errlen, "%s: %s", path, why);
		goto fail;
	}
	*f = (struct elf_file){ .data = data, .len = (size_t)got, .img = img };
	return true;
fail:
	free(data);
	return false;
}

void elf_close(struct elf_file *f)
{
	free(f->data);
	*f = (struct elf_file){ 0 };
}
