/* Tests of the ELF parser: a real RISC-V program checked against readelf, one
 * in-memory image per refusal made by a tiny builder, and seeded fuzzers whose
 * every input is parsed from a buffer that ends at a guard page, with each
 * accepted image checked against a plain restatement of the promises. */
#include "os/elf.h"

#include "hw/ptfmt.h"
#include "lib/rng.h"
#include "tests/harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGE 0x1000u
#define VA_LIMIT (1ull << 38) /* the user half of Sv39 */
#define HELLO "tests/data/elf/hello.elf"

static char msg[512];

/* ---- A builder of small images ---- */

#define FAKE_CAP 0x4000
#define FAKE_DATA 0x1000 /* program headers stay below this offset */

struct fake {
	uint8_t b[FAKE_CAP];
	size_t len;
	unsigned nph;
};

static void put(uint8_t *p, uint64_t v, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		p[i] = (uint8_t)(v >> 8 * i);
}

static uint64_t get(const uint8_t *p, unsigned n)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < n; i++)
		v |= (uint64_t)p[i] << 8 * i;
	return v;
}

/* A RISC-V ET_EXEC header with the given entry, program headers to come at
 * offset 64, and a file of len zero-filled bytes. */
static void fake_init(struct fake *f, uint64_t entry, size_t len)
{
	memset(f, 0, sizeof *f);
	memcpy(f->b, "\177ELF", 4);
	f->b[4] = 2; /* ELFCLASS64 */
	f->b[5] = 1; /* ELFDATA2LSB */
	f->b[6] = 1; /* EV_CURRENT */
	put(f->b + 16, ELF_ET_EXEC, 2);
	put(f->b + 18, ELF_EM_RISCV, 2);
	put(f->b + 20, 1, 4);
	put(f->b + 24, entry, 8);
	put(f->b + 32, 64, 8);
	put(f->b + 48, 0x1, 4); /* EF_RISCV_RVC */
	put(f->b + 52, 64, 2);
	put(f->b + 54, 56, 2);
	put(f->b + 58, 64, 2);
	f->len = len;
}

/* Appends a program header and counts it in e_phnum; returns its number. */
static unsigned fake_phdr(struct fake *f, uint32_t type, uint32_t flags, uint64_t offset, uint64_t vaddr,
			  uint64_t filesz, uint64_t memsz)
{
	unsigned i = f->nph++;
	uint8_t *ph = f->b + 64 + 56 * i;
	CHECK(64 + 56 * f->nph <= FAKE_DATA);
	put(ph + 0, type, 4);
	put(ph + 4, flags, 4);
	put(ph + 8, offset, 8);
	put(ph + 16, vaddr, 8);
	put(ph + 24, vaddr, 8);
	put(ph + 32, filesz, 8);
	put(ph + 40, memsz, 8);
	put(ph + 48, 0x1000, 8);
	put(f->b + 56, f->nph, 2);
	return i;
}

/* Sets the n-byte field at offset off of program header i. */
static void fake_ph_set(struct fake *f, unsigned i, unsigned off, uint64_t v, unsigned n)
{
	put(f->b + 64 + 56 * i + off, v, n);
}

enum { PH_TYPE = 0, PH_FLAGS = 4, PH_OFFSET = 8, PH_VADDR = 16, PH_FILESZ = 32, PH_MEMSZ = 40 };
#define RX (ELF_PF_R | ELF_PF_X)
#define RW (ELF_PF_R | ELF_PF_W)

/* The standard image: text r-x at [0x10000, 0x11800) from file bytes
 * [0, 0x1800); data rw- at [0x12000, 0x15000) from file bytes
 * [0x2000, 0x2800), the rest bss; entry 0x10100; the file is 0x2800 bytes. */
static void fake_standard(struct fake *f)
{
	fake_init(f, 0x10100, 0x2800);
	fake_phdr(f, ELF_PT_LOAD, RX, 0, 0x10000, 0x1800, 0x1800);
	fake_phdr(f, ELF_PT_LOAD, RW, 0x2000, 0x12000, 0x800, 0x3000);
}

static bool parse_fake(const struct fake *f, struct elf_image *img)
{
	return elf_parse(f->b, f->len, PAGE, VA_LIMIT, img, msg, sizeof msg);
}

/* Parses f, which must be refused and leave the image untouched; returns
 * the message. */
static const char *refusal(const struct fake *f)
{
	struct elf_image img, before;
	memset(&img, 0xa5, sizeof img);
	before = img;
	msg[0] = '\0';
	if (parse_fake(f, &img))
		FAIL("the image was accepted; expected a refusal");
	CHECK(memcmp(&img, &before, sizeof img) == 0);
	CHECK(msg[0] != '\0');
	return msg;
}

static void check_segment(const struct elf_segment *s, vaddr_t vaddr, uint64_t memsz, uint64_t filesz,
			  uint64_t offset, unsigned prot, unsigned phdr)
{
	CHECK_EQ(s->vaddr, vaddr);
	CHECK_EQ(s->memsz, memsz);
	CHECK_EQ(s->filesz, filesz);
	CHECK_EQ(s->offset, offset);
	CHECK_EQ(s->prot, prot);
	CHECK_EQ(s->phdr, phdr);
}

/* ---- The real program ---- */

/* tests/data/elf/hello.elf into a malloc'd buffer, read without elf_open. */
static uint8_t *read_hello(size_t *len)
{
	FILE *fp = fopen(HELLO, "rb");
	CHECK(fp != NULL);
	uint8_t *b = malloc(1 << 16);
	CHECK(b != NULL);
	*len = fread(b, 1, 1 << 16, fp);
	CHECK(feof(fp) && *len > 0);
	fclose(fp);
	return b;
}

/* riscv64-unknown-elf-readelf -h -l tests/data/elf/hello.elf says:
 *   Entry point address: 0x100e8    Flags: 0x1, RVC, soft-float ABI
 *   Type           Offset   VirtAddr  PhysAddr  FileSiz  MemSiz   Flags  Align
 *   RISCV_ATTRIBUT 0x000176 0x0       0x0       0x000034 0x000000 R      0x1
 *   LOAD           0x000000 0x10000   0x10000   0x000142 0x000142 R E    0x1000
 *   LOAD           0x000148 0x11148   0x11148   0x000008 0x002008 RW     0x1000 */
static void check_hello_image(const struct elf_image *img)
{
	CHECK_EQ(img->entry, 0x100e8);
	CHECK_EQ(img->flags, 0x1);
	CHECK_EQ(img->nseg, 2);
	check_segment(&img->seg[0], 0x10000, 0x142, 0x142, 0x0, PTE_R | PTE_X, 1);
	check_segment(&img->seg[1], 0x11148, 0x2008, 0x8, 0x148, PTE_R | PTE_W, 2);
	CHECK_EQ(img->brk_start, 0x14000); /* 0x11148 + 0x2008 = 0x13150, rounded up */
}

TEST(hello_elf_segments_match_readelf)
{
	size_t len;
	uint8_t *b = read_hello(&len);
	struct elf_image img;
	CHECK_EQ(len, 1824);
	if (!elf_parse(b, len, PAGE, VA_LIMIT, &img, msg, sizeof msg))
		FAIL("%s", msg);
	check_hello_image(&img);
	free(b);
}

TEST(hello_elf_file_bytes_hold_its_data_and_text)
{
	size_t len;
	uint8_t *b = read_hello(&len);
	struct elf_image img;
	CHECK(elf_parse(b, len, PAGE, VA_LIMIT, &img, msg, sizeof msg));
	const struct elf_segment *text = &img.seg[0], *data = &img.seg[1];
	CHECK_EQ(get(b + data->offset, 8), 7); /* exit_code in .sdata */
	bool found = false;
	for (uint64_t i = text->offset; i + 17 <= text->offset + text->filesz; i++)
		found |= memcmp(b + i, "hello from vmlab\n", 17) == 0;
	CHECK(found);
	free(b);
}

TEST(hello_elf_cannot_be_mapped_with_64k_pages)
{
	size_t len;
	uint8_t *b = read_hello(&len);
	struct elf_image img;
	CHECK(!elf_parse(b, len, 0x10000, VA_LIMIT, &img, msg, sizeof msg));
	CHECK_STR(msg, "segment 2 cannot be mapped: its address 0x11148 and file offset 0x148 differ modulo the "
		       "page size 0x10000");
	free(b);
}

TEST(elf_open_reads_and_parses_hello)
{
	struct elf_file f;
	if (!elf_open(&f, HELLO, PAGE, VA_LIMIT, msg, sizeof msg))
		FAIL("%s", msg);
	CHECK_EQ(f.len, 1824);
	CHECK(memcmp(f.data, "\177ELF", 4) == 0);
	check_hello_image(&f.img);
	elf_close(&f);
	CHECK(f.data == NULL && f.len == 0);
	elf_close(&f);
}

TEST(elf_open_names_the_file_in_every_error)
{
	struct elf_file f = { 0 };
	CHECK(!elf_open(&f, "tests/data/elf/no-such.elf", PAGE, VA_LIMIT, msg, sizeof msg));
	CHECK_STR(msg, "tests/data/elf/no-such.elf: cannot open: No such file or directory");
	CHECK(!elf_open(&f, "tests/data/elf", PAGE, VA_LIMIT, msg, sizeof msg));
	CHECK_STR(msg, "tests/data/elf: not a regular file");
	CHECK(!elf_open(&f, "tests/data/elf/hello.c", PAGE, VA_LIMIT, msg, sizeof msg));
	CHECK_STR(msg, "tests/data/elf/hello.c: not an ELF file (it does not start with the bytes 7f 45 4c 46, "
		       "\"\\177ELF\")");
	CHECK(!elf_open(&f, HELLO, 0x10000, VA_LIMIT, msg, sizeof msg));
	CHECK_STR(msg, HELLO ": segment 2 cannot be mapped: its address 0x11148 and file offset 0x148 differ modulo "
		       "the page size 0x10000");
	CHECK(f.data == NULL);
}

TEST(elf_open_refuses_files_over_the_size_limit)
{
	char path[] = "/tmp/vmlab-elf-big-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	CHECK(ftruncate(fd, (off_t)ELF_MAX_FILE_SIZE + 1) == 0); /* sparse: costs no disk */
	close(fd);
	struct elf_file f = { 0 };
	bool ok = elf_open(&f, path, PAGE, VA_LIMIT, msg, sizeof msg);
	unlink(path);
	CHECK(!ok);
	char want[600];
	snprintf(want, sizeof want, "%s: 268435457 bytes, larger than the 256 MiB vmlab accepts for a program", path);
	CHECK_STR(msg, want);
}

/* ---- Accepted images ---- */

TEST(standard_image_parses_with_brk_after_the_bss)
{
	struct fake f;
	struct elf_image img;
	fake_standard(&f);
	if (!parse_fake(&f, &img))
		FAIL("%s", msg);
	CHECK_EQ(img.entry, 0x10100);
	CHECK_EQ(img.nseg, 2);
	check_segment(&img.seg[0], 0x10000, 0x1800, 0x1800, 0, PTE_R | PTE_X, 0);
	check_segment(&img.seg[1], 0x12000, 0x3000, 0x800, 0x2000, PTE_R | PTE_W, 1);
	CHECK_EQ(img.brk_start, 0x15000);
}

TEST(brk_start_rounds_the_highest_end_up_to_the_page_size)
{
	struct fake f;
	struct elf_image img;
	fake_init(&f, 0x10000, 0x2000);
	fake_phdr(&f, ELF_PT_LOAD, RX, 0, 0x10000, 0x1000, 0x1001);
	CHECK(parse_fake(&f, &img));
	CHECK_EQ(img.brk_start, 0x12000);
	fake_ph_set(&f, 0, PH_MEMSZ, 0x2000, 8);
	CHECK(parse_fake(&f, &img));
	CHECK_EQ(img.brk_start, 0x12000);
	CHECK(elf_parse(f.b, f.len, 0x10000, VA_LIMIT, &img, msg, sizeof msg));
	CHECK_EQ(img.brk_start, 0x20000);
}

TEST(segments_come_out_sorted_by_address)
{
	struct fake f;
	struct elf_image img;
	fake_init(&f, 0x10100, 0x2800);
	fake_phdr(&f, ELF_PT_LOAD, RW, 0x2000, 0x40000, 0x800, 0x800);
	fake_phdr(&f, ELF_PT_LOAD, RW, 0x2000, 0x22000, 0x800, 0x800);
	fake_phdr(&f, ELF_PT_LOAD, RX, 0, 0x10000, 0x1800, 0x1800);
	if (!parse_fake(&f, &img))
		FAIL("%s", msg);
	CHECK_EQ(img.nseg, 3);
	CHECK_EQ(img.seg[0].phdr, 2);
	CHECK_EQ(img.seg[1].phdr, 1);
	CHECK_EQ(img.seg[2].phdr, 0);
	CHECK_EQ(img.brk_start, 0x41000);
}

TEST(empty_segments_and_other_program_headers_are_ignored)
{
	struct fake f;
	struct elf_image img;
	fake_standard(&f);
	fake_phdr(&f, 4 /* PT_NOTE */, 0, 0xffffffffffff0000, 0, 0x10000, 0);
	fake_phdr(&f, 0x70000003 /* PT_RISCV_ATTRIBUTES */, ELF_PF_R, 0x9999, 0, 0x34, 0);
	fake_phdr(&f, 0x6474e551 /* PT_GNU_STACK */, RW | ELF_PF_X, 0, 0, 0, 0);
	fake_phdr(&f, ELF_PT_LOAD, RW, 0xfffffffffffffff0, 0x10800, 0, 0); /* empty: fields do not matter */
	if (!parse_fake(&f, &img))
		FAIL("%s", msg);
	CHECK_EQ(img.nseg, 2);
}

TEST(write_implies_read_and_execute_only_stays_execute_only)
{
	struct fake f;
	struct elf_image img;
	fake_standard(&f);
	fake_ph_set(&f, 0, PH_FLAGS, ELF_PF_X, 4);
	fake_ph_set(&f, 1, PH_FLAGS, ELF_PF_W, 4);
	CHECK(parse_fake(&f, &img));
	CHECK_EQ(img.seg[0].prot, PTE_X);
	CHECK_EQ(img.seg[1].prot, PTE_R | PTE_W);
	fake_ph_set(&f, 1, PH_FLAGS, ELF_PF_W | ELF_PF_X | 0xf0000000u, 4); /* OS/processor bits ignored */
	CHECK(parse_fake(&f, &img));
	CHECK_EQ(img.seg[1].prot, PTE_R | PTE_W | PTE_X);
}

TEST(segments_with_the_same_permissions_may_share_a_page)
{
	struct fake f;
	struct elf_image img;
	fake_init(&f, 0x10100, 0x2800);
	fake_phdr(&f, ELF_PT_LOAD, RW, 0x1800, 0x11800, 0x800, 0x800);
	fake_phdr(&f, ELF_PT_LOAD, RW | ELF_PF_X, 0, 0x10000, 0x1000, 0x1000);
	fake_phdr(&f, ELF_PT_LOAD, RW, 0x2000, 0x11000, 0x400, 0x800); /* ends where phdr 0 starts */
	if (!parse_fake(&f, &img))
		FAIL("%s", msg);
	CHECK_EQ(img.nseg, 3);
}

TEST(a_segment_may_end_exactly_at_the_va_limit)
{
	struct fake f;
	struct elf_image img;
	fake_standard(&f);
	fake_ph_set(&f, 1, PH_VADDR, VA_LIMIT - 0x3000, 8);
	CHECK(parse_fake(&f, &img));
	CHECK_EQ(img.brk_start, VA_LIMIT);
	fake_ph_set(&f, 1, PH_MEMSZ, 0x2801, 8); /* the end page is still below the limit */
	CHECK(parse_fake(&f, &img));
	CHECK_EQ(img.brk_start, VA_LIMIT);
}

TEST(sixteen_loadable_segments_are_accepted)
{
	struct fake f;
	struct elf_image img;
	fake_init(&f, 0x10000, 0x2000);
	fake_phdr(&f, ELF_PT_LOAD, RW, 0, 0x8000, 0, 0); /* empty: not counted */
	for (unsigned i = 0; i < ELF_MAX_SEGMENTS; i++)
		fake_phdr(&f, ELF_PT_LOAD, RX, 0x1000, 0x10000 + 0x2000 * i, 0x1000, 0x1000);
	if (!parse_fake(&f, &img))
		FAIL("%s", msg);
	CHECK_EQ(img.nseg, ELF_MAX_SEGMENTS);
	CHECK_EQ(img.seg[15].phdr, 16);
}

TEST(entry_point_may_be_anywhere_inside_an_executable_segment)
{
	struct fake f;
	struct elf_image img;
	fake_standard(&f);
	put(f.b + 24, 0x10000, 8);
	CHECK(parse_fake(&f, &img));
	put(f.b + 24, 0x117ff, 8);
	CHECK(parse_fake(&f, &img));
	fake_ph_set(&f, 1, PH_FLAGS, RW | ELF_PF_X, 4);
	put(f.b + 24, 0x14fff, 8); /* in the bss of an rwx segment */
	CHECK(parse_fake(&f, &img));
}

TEST(a_short_error_buffer_truncates_the_message_safely)
{
	struct fake f;
	struct elf_image img;
	char small[8];
	fake_standard(&f);
	f.b[4] = 1;
	CHECK(!elf_parse(f.b, f.len, PAGE, VA_LIMIT, &img, small, sizeof small));
	CHECK_STR(small, "ELF cla");
	CHECK(!elf_parse(f.b, f.len, PAGE, VA_LIMIT, &img, NULL, 0));
}

TEST(machine_names_cover_the_common_machines)
{
	CHECK_STR(elf_machine_name(62), "x86-64");
	CHECK_STR(elf_machine_name(183), "AArch64");
	CHECK_STR(elf_machine_name(243), "RISC-V");
	CHECK_STR(elf_machine_name(3), "i386");
	CHECK_STR(elf_machine_name(40), "ARM");
	CHECK_STR(elf_machine_name(0), "none");
	CHECK_STR(elf_machine_name(9999), "unknown");
}

/* ---- One test per refusal ---- */

TEST(refuses_an_empty_file)
{
	struct fake f;
	fake_standard(&f);
	f.len = 0;
	CHECK_STR(refusal(&f), "empty file: not an ELF file");
}

TEST(refuses_a_file_without_the_elf_magic)
{
	struct fake f;
	fake_standard(&f);
	f.b[3] = 'f';
	CHECK_STR(refusal(&f), "not an ELF file (it does not start with the bytes 7f 45 4c 46, \"\\177ELF\")");
	memcpy(f.b, "#!/bin/sh\n", 10);
	CHECK_STR(refusal(&f), "not an ELF file (it does not start with the bytes 7f 45 4c 46, \"\\177ELF\")");
	f.len = 2; /* shorter than the magic, and not its start */
	CHECK_STR(refusal(&f), "not an ELF file (it does not start with the bytes 7f 45 4c 46, \"\\177ELF\")");
}

TEST(refuses_a_file_shorter_than_the_elf_header)
{
	struct fake f;
	fake_standard(&f);
	f.len = 63;
	CHECK_STR(refusal(&f), "truncated ELF file: 63 bytes, shorter than the 64-byte ELF64 header");
	f.len = 3;
	CHECK_STR(refusal(&f), "truncated ELF file: 3 bytes, shorter than the 64-byte ELF64 header");
}

TEST(refuses_32_bit_and_invalid_classes)
{
	struct fake f;
	fake_standard(&f);
	f.b[4] = 1;
	CHECK_STR(refusal(&f), "ELF class 1 (32-bit): vmlab runs 64-bit RISC-V programs");
	f.b[4] = 0;
	CHECK_STR(refusal(&f), "ELF class 0 (invalid): vmlab runs 64-bit RISC-V programs");
}

TEST(refuses_big_endian_and_invalid_data_encodings)
{
	struct fake f;
	fake_standard(&f);
	f.b[5] = 2;
	CHECK_STR(refusal(&f), "ELF data encoding 2 (big-endian): vmlab runs little-endian RISC-V programs");
	f.b[5] = 0x99;
	CHECK_STR(refusal(&f), "ELF data encoding 153 (invalid): vmlab runs little-endian RISC-V programs");
}

TEST(refuses_an_unknown_ident_version)
{
	struct fake f;
	fake_standard(&f);
	f.b[6] = 0;
	CHECK_STR(refusal(&f), "ELF version 0 in e_ident (expected 1)");
}

TEST(refuses_an_unknown_header_version)
{
	struct fake f;
	fake_standard(&f);
	put(f.b + 20, 0x80000002u, 4);
	CHECK_STR(refusal(&f), "ELF version 2147483650 in e_version (expected 1)");
}

TEST(refuses_other_machines_by_name)
{
	struct fake f;
	fake_standard(&f);
	put(f.b + 18, 62, 2);
	CHECK_STR(refusal(&f), "machine 62 (x86-64) is not RISC-V");
	put(f.b + 18, 183, 2);
	CHECK_STR(refusal(&f), "machine 183 (AArch64) is not RISC-V");
	put(f.b + 18, 0xf300, 2); /* RISC-V's number in the wrong byte order */
	CHECK_STR(refusal(&f), "machine 62208 (unknown) is not RISC-V");
}

TEST(refuses_pie_and_shared_objects)
{
	struct fake f;
	fake_standard(&f);
	put(f.b + 16, ELF_ET_DYN, 2);
	CHECK_STR(refusal(&f), "ELF type 3 (shared object or position-independent executable): vmlab needs a "
			       "static non-PIE executable, built with " ELF_BUILD_HINT);
}

TEST(refuses_relocatable_objects_core_dumps_and_unknown_types)
{
	struct fake f;
	fake_standard(&f);
	put(f.b + 16, ELF_ET_REL, 2);
	CHECK_STR(refusal(&f), "ELF type 1 (relocatable object file): vmlab needs a linked static executable, "
			       "built with " ELF_BUILD_HINT);
	put(f.b + 16, ELF_ET_CORE, 2);
	CHECK_STR(refusal(&f), "ELF type 4 (core dump) is not an executable");
	put(f.b + 16, 0, 2);
	CHECK_STR(refusal(&f), "ELF type 0 (unknown) is not an executable");
}

TEST(refuses_a_file_without_program_headers)
{
	struct fake f;
	fake_standard(&f);
	put(f.b + 56, 0, 2);
	CHECK_STR(refusal(&f), "no program headers (e_phnum is 0): nothing to load");
}

TEST(refuses_too_many_program_headers)
{
	struct fake f;
	fake_standard(&f);
	put(f.b + 56, ELF_MAX_PHNUM + 1, 2);
	CHECK_STR(refusal(&f), "129 program headers: vmlab accepts at most 128");
	put(f.b + 56, 0xffff, 2); /* PN_XNUM: extended numbering */
	CHECK_STR(refusal(&f), "65535 program headers: vmlab accepts at most 128");
}

TEST(refuses_a_wrong_program_header_size)
{
	struct fake f;
	fake_standard(&f);
	put(f.b + 54, 32, 2); /* sizeof(Elf32_Phdr) */
	CHECK_STR(refusal(&f), "program header size (e_phentsize) is 32, expected 56 for ELF64");
}

TEST(refuses_a_program_header_table_past_the_end_of_the_file)
{
	struct fake f;
	fake_standard(&f);
	put(f.b + 32, 0x2800 - 56, 8); /* room for one of the two */
	CHECK_STR(refusal(&f), "program header table (2 entries of 56 bytes at offset 0x27c8) extends past the end "
			       "of the file (10240 bytes)");
	put(f.b + 32, 0xfffffffffffffff0, 8); /* offset + size overflows */
	CHECK_STR(refusal(&f), "program header table (2 entries of 56 bytes at offset 0xfffffffffffffff0) extends "
			       "past the end of the file (10240 bytes)");
	put(f.b + 32, 64, 8);
	f.len = 64 + 2 * 56 - 1; /* one byte short */
	CHECK_STR(refusal(&f), "program header table (2 entries of 56 bytes at offset 0x40) extends past the end "
			       "of the file (175 bytes)");
	f.len = 0x2800;
	put(f.b + 32, 0x2801, 8);
	CHECK_STR(refusal(&f), "program header table (2 entries of 56 bytes at offset 0x2801) extends past the end "
			       "of the file (10240 bytes)");
}

TEST(refuses_dynamically_linked_programs)
{
	struct fake f;
	fake_standard(&f);
	fake_ph_set(&f, 0, PH_FILESZ, 0x9000, 8); /* a broken PT_LOAD first: the interpreter is the news */
	fake_phdr(&f, ELF_PT_INTERP, ELF_PF_R, 0x100, 0, 0x20, 0);
	CHECK_STR(refusal(&f), "segment 2 is PT_INTERP: vmlab refuses dynamically linked programs and needs a "
			       "static executable, built with " ELF_BUILD_HINT);
	fake_ph_set(&f, 2, PH_TYPE, ELF_PT_DYNAMIC, 4);
	CHECK_STR(refusal(&f), "segment 2 is PT_DYNAMIC: vmlab refuses dynamically linked programs and needs a "
			       "static executable, built with " ELF_BUILD_HINT);
}

TEST(refuses_a_file_size_larger_than_the_memory_size)
{
	struct fake f;
	fake_standard(&f);
	fake_ph_set(&f, 1, PH_FILESZ, 0x3001, 8);
	CHECK_STR(refusal(&f), "segment 1: file size 0x3001 is larger than its memory size 0x3000");
	fake_ph_set(&f, 1, PH_MEMSZ, 0, 8); /* empty in memory but not in the file */
	CHECK_STR(refusal(&f), "segment 1: file size 0x3001 is larger than its memory size 0x0");
}

TEST(refuses_a_file_offset_that_overflows)
{
	struct fake f;
	fake_standard(&f);
	fake_ph_set(&f, 1, PH_OFFSET, 0xfffffffffffff000, 8);
	fake_ph_set(&f, 1, PH_FILESZ, 0x1000, 8);
	CHECK_STR(refusal(&f), "segment 1: file offset 0xfffffffffffff000 + file size 0x1000 overflows");
}

TEST(refuses_a_segment_past_the_end_of_the_file)
{
	struct fake f;
	fake_standard(&f);
	fake_ph_set(&f, 1, PH_FILESZ, 0x801, 8);
	CHECK_STR(refusal(&f), "segment 1 extends past the end of the file: file bytes [0x2000, 0x2801), but the "
			       "file is 0x2800 bytes");
	fake_ph_set(&f, 1, PH_FILESZ, 0, 8); /* bss only, but its offset is still outside */
	fake_ph_set(&f, 1, PH_OFFSET, 0x3000, 8);
	CHECK_STR(refusal(&f), "segment 1 extends past the end of the file: file bytes [0x3000, 0x3000), but the "
			       "file is 0x2800 bytes");
}

TEST(refuses_an_address_that_overflows)
{
	struct fake f;
	fake_standard(&f);
	fake_ph_set(&f, 1, PH_VADDR, 0xfffffffffffff000, 8);
	CHECK_STR(refusal(&f), "segment 1: address 0xfffffffffffff000 + memory size 0x3000 overflows");
	fake_ph_set(&f, 1, PH_MEMSZ, 0x1000, 8); /* ends exactly at 2^64: not representable either */
	CHECK_STR(refusal(&f), "segment 1: address 0xfffffffffffff000 + memory size 0x1000 overflows");
}

TEST(refuses_a_segment_beyond_the_user_address_space)
{
	struct fake f;
	fake_standard(&f);
	fake_ph_set(&f, 1, PH_VADDR, VA_LIMIT - 0x2000, 8);
	CHECK_STR(refusal(&f), "segment 1 [0x3fffffe000, 0x4000001000) extends beyond the user address space, "
			       "which ends at 0x4000000000");
	fake_ph_set(&f, 1, PH_VADDR, 0xffffffc000000000, 8); /* a kernel (upper-half) address */
	CHECK_STR(refusal(&f), "segment 1 [0xffffffc000000000, 0xffffffc000003000) extends beyond the user address "
			       "space, which ends at 0x4000000000");
}

TEST(refuses_a_segment_whose_address_and_offset_disagree_in_the_page)
{
	struct fake f;
	fake_standard(&f);
	fake_ph_set(&f, 1, PH_VADDR, 0x12010, 8);
	CHECK_STR(refusal(&f), "segment 1 cannot be mapped: its address 0x12010 and file offset 0x2000 differ "
			       "modulo the page size 0x1000");
}

TEST(refuses_a_segment_without_permissions)
{
	struct fake f;
	fake_standard(&f);
	fake_ph_set(&f, 1, PH_FLAGS, 0xf0000000u, 4);
	CHECK_STR(refusal(&f), "segment 1 [0x12000, 0x15000) has no permissions (p_flags 0xf0000000)");
}

TEST(refuses_overlapping_segments_naming_both)
{
	struct fake f;
	fake_standard(&f);
	fake_ph_set(&f, 1, PH_VADDR, 0x11000, 8);
	CHECK_STR(refusal(&f), "segment 1 [0x11000, 0x14000) overlaps segment 0 [0x10000, 0x11800)");
	fake_init(&f, 0x10100, 0x2800); /* same permissions, listed high address first */
	fake_phdr(&f, ELF_PT_LOAD, RX, 0x1000, 0x11000, 0x800, 0x800);
	fake_phdr(&f, ELF_PT_LOAD, RX, 0, 0x10000, 0x1000, 0x1001);
	CHECK_STR(refusal(&f), "segment 0 [0x11000, 0x11800) overlaps segment 1 [0x10000, 0x11001)");
	fake_init(&f, 0x10100, 0x2800); /* the same address twice */
	fake_phdr(&f, ELF_PT_LOAD, RX, 0, 0x10000, 0x100, 0x100);
	fake_phdr(&f, ELF_PT_LOAD, RX, 0, 0x10000, 0x100, 0x100);
	CHECK_STR(refusal(&f), "segment 1 [0x10000, 0x10100) overlaps segment 0 [0x10000, 0x10100)");
}

TEST(refuses_a_page_shared_by_segments_with_other_permissions)
{
	struct fake f;
	fake_standard(&f);
	fake_ph_set(&f, 1, PH_VADDR, 0x11800, 8);
	fake_ph_set(&f, 1, PH_OFFSET, 0x1800, 8);
	CHECK_STR(refusal(&f), "segment 1 [0x11800, 0x14800) rw- shares the page at 0x11000 with segment 0 "
			       "[0x10000, 0x11800) r-x: one page cannot have both permissions");
	fake_standard(&f); /* apart at 4 KiB, together at 64 KiB */
	CHECK(!elf_parse(f.b, f.len, 0x10000, VA_LIMIT, &(struct elf_image){ 0 }, msg, sizeof msg));
	CHECK_STR(msg, "segment 1 [0x12000, 0x15000) rw- shares the page at 0x10000 with segment 0 "
		       "[0x10000, 0x11800) r-x: one page cannot have both permissions");
}

TEST(refuses_more_than_sixteen_loadable_segments)
{
	struct fake f;
	fake_init(&f, 0x10000, 0x2000);
	for (unsigned i = 0; i <= ELF_MAX_SEGMENTS; i++)
		fake_phdr(&f, ELF_PT_LOAD, RX, 0x1000, 0x10000 + 0x2000 * i, 0x1000, 0x1000);
	CHECK_STR(refusal(&f), "more than 16 loadable segments (segment 16 is number 17): vmlab accepts at most 16");
}

TEST(refuses_an_entry_point_outside_executable_segments)
{
	struct fake f;
	fake_standard(&f);
	put(f.b + 24, 0x1234, 8);
	CHECK_STR(refusal(&f), "entry point 0x1234 is not in an executable segment");
	put(f.b + 24, 0x11800, 8); /* one past the end of the text */
	CHECK_STR(refusal(&f), "entry point 0x11800 is not in an executable segment");
	put(f.b + 24, 0x12000, 8); /* in the data */
	CHECK_STR(refusal(&f), "entry point 0x12000 is not in an executable segment");
}

TEST(refuses_a_file_without_loadable_segments)
{
	struct fake f;
	fake_init(&f, 0x10000, 0x2000);
	fake_phdr(&f, 4 /* PT_NOTE */, ELF_PF_R, 0x100, 0, 0x20, 0);
	CHECK_STR(refusal(&f), "no loadable segment (no PT_LOAD program header with a non-zero memory size)");
	fake_phdr(&f, ELF_PT_LOAD, RX, 0, 0x10000, 0, 0);
	CHECK_STR(refusal(&f), "no loadable segment (no PT_LOAD program header with a non-zero memory size)");
}

/* ---- Fuzzing ---- */

/* A buffer whose end touches a PROT_NONE page, so reading one byte past the
 * input faults even without AddressSanitizer. */
struct guarded {
	uint8_t *map;
	size_t cap; /* bytes before the guard page */
	size_t host_page;
};

static void guarded_init(struct guarded *g, size_t max_len)
{
	g->host_page = (size_t)sysconf(_SC_PAGESIZE);
	g->cap = (max_len + g->host_page - 1) / g->host_page * g->host_page;
	g->map = mmap(NULL, g->cap + g->host_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(g->map != MAP_FAILED);
	CHECK(mprotect(g->map + g->cap, g->host_page, PROT_NONE) == 0);
}

/* Copies src[0..len) to end right at the guard page; returns the copy. */
static const uint8_t *guarded_copy(struct guarded *g, const uint8_t *src, size_t len)
{
	CHECK(len <= g->cap);
	uint8_t *dst = g->map + g->cap - len;
	memcpy(dst, src, len);
	return dst;
}

static void guarded_fini(struct guarded *g)
{
	munmap(g->map, g->cap + g->host_page);
}

/* One parse of the fuzzer, for messages. */
struct trial {
	const char *what;
	uint64_t seed, step;
	const uint8_t *b;
	size_t len;
	uint64_t page;
	vaddr_t limit;
};

#define TRIAL_CHECK(t, cond)                                                                               \
	do {                                                                                               \
		if (!(cond))                                                                               \
			FAIL("%s: CHECK(%s) (seed %llu, step %llu, len %zu, page 0x%llx, limit 0x%llx)",    \
			     (t)->what, #cond, (unsigned long long)(t)->seed, (unsigned long long)(t)->step, \
			     (t)->len, (unsigned long long)(t)->page, (unsigned long long)(t)->limit);      \
	} while (0)

typedef unsigned __int128 u128;

/* One segment alone, in 128-bit arithmetic: no overflow to reason about. */
static void oracle_segment(const struct trial *t, const struct elf_segment *s)
{
	u128 end = (u128)s->vaddr + s->memsz, file_end = (u128)s->offset + s->filesz;
	u128 end_page = (end + t->page - 1) / t->page * t->page;
	TRIAL_CHECK(t, s->memsz > 0 && s->filesz <= s->memsz);
	TRIAL_CHECK(t, file_end <= t->len);
	TRIAL_CHECK(t, end_page <= t->limit);
	TRIAL_CHECK(t, s->vaddr % t->page == s->offset % t->page);
	TRIAL_CHECK(t, s->prot != 0 && (s->prot & ~(unsigned)PTE_RWX) == 0);
	TRIAL_CHECK(t, !(s->prot & PTE_W) || (s->prot & PTE_R));
}

/* Every pair: disjoint bytes, and a shared page only with equal permissions. */
static void oracle_pairs(const struct trial *t, const struct elf_image *img)
{
	for (unsigned i = 0; i < img->nseg; i++) {
		const struct elf_segment *a = &img->seg[i];
		for (unsigned j = i + 1; j < img->nseg; j++) {
			const struct elf_segment *b = &img->seg[j];
			u128 a_end = (u128)a->vaddr + a->memsz, b_end = (u128)b->vaddr + b->memsz;
			TRIAL_CHECK(t, a->vaddr < b->vaddr);
			TRIAL_CHECK(t, a_end <= b->vaddr || b_end <= a->vaddr);
			bool share = (a_end - 1) / t->page >= b->vaddr / t->page;
			TRIAL_CHECK(t, !share || a->prot == b->prot);
		}
	}
}

/* The segments are exactly the non-empty PT_LOADs of the file, read here
 * with this file's own loads. */
static void oracle_phdrs(const struct trial *t, const struct elf_image *img)
{
	uint64_t phoff = get(t->b + 32, 8);
	unsigned phnum = (unsigned)get(t->b + 56, 2), loads = 0;
	TRIAL_CHECK(t, (u128)phoff + 56 * phnum <= t->len);
	for (unsigned i = 0; i < phnum; i++) {
		const uint8_t *ph = t->b + phoff + 56 * i;
		uint32_t flags = (uint32_t)get(ph + PH_FLAGS, 4);
		if (get(ph + PH_TYPE, 4) != ELF_PT_LOAD || get(ph + PH_MEMSZ, 8) == 0)
			continue;
		loads++;
		unsigned prot = (flags & (ELF_PF_R | ELF_PF_W) ? PTE_R : 0) | (flags & ELF_PF_W ? PTE_W : 0) |
				(flags & ELF_PF_X ? PTE_X : 0);
		const struct elf_segment *s = NULL;
		for (unsigned k = 0; k < img->nseg; k++)
			if (img->seg[k].phdr == i)
				s = &img->seg[k];
		TRIAL_CHECK(t, s != NULL);
		TRIAL_CHECK(t, s->vaddr == get(ph + PH_VADDR, 8) && s->memsz == get(ph + PH_MEMSZ, 8));
		TRIAL_CHECK(t, s->offset == get(ph + PH_OFFSET, 8) && s->filesz == get(ph + PH_FILESZ, 8));
		TRIAL_CHECK(t, s->prot == prot);
	}
	TRIAL_CHECK(t, loads == img->nseg);
}

/* Everything elf_parse promises about an accepted image. */
static void oracle_image(const struct trial *t, const struct elf_image *img)
{
	TRIAL_CHECK(t, img->nseg >= 1 && img->nseg <= ELF_MAX_SEGMENTS);
	bool entry_ok = false;
	u128 top = 0;
	for (unsigned i = 0; i < img->nseg; i++) {
		const struct elf_segment *s = &img->seg[i];
		oracle_segment(t, s);
		entry_ok |= (s->prot & PTE_X) && img->entry >= s->vaddr && (u128)img->entry < (u128)s->vaddr + s->memsz;
		if ((u128)s->vaddr + s->memsz > top)
			top = (u128)s->vaddr + s->memsz;
	}
	TRIAL_CHECK(t, entry_ok);
	TRIAL_CHECK(t, img->entry == get(t->b + 24, 8) && img->flags == get(t->b + 48, 4));
	TRIAL_CHECK(t, img->brk_start == (top + t->page - 1) / t->page * t->page);
	oracle_pairs(t, img);
	oracle_phdrs(t, img);
}

/* Parses t->b; an acceptance must keep every promise, a refusal must say why
 * in printable text. Returns whether it was accepted. */
static bool trial_run(struct trial *t)
{
	struct elf_image img;
	char err[512];
	memset(err, 0, sizeof err);
	if (elf_parse(t->b, t->len, t->page, t->limit, &img, err, sizeof err)) {
		oracle_image(t, &img);
		return true;
	}
	TRIAL_CHECK(t, err[0] != '\0');
	for (const char *c = err; *c; c++)
		TRIAL_CHECK(t, *c >= 0x20 && *c < 0x7f);
	return false;
}

struct field {
	uint16_t off;
	uint8_t size;
};

/* Every field of Elf64_Ehdr (e_ident byte by byte) and of Elf64_Phdr. */
static const struct field ehdr_fields[] = {
	{ 0, 1 },  { 1, 1 },  { 2, 1 },  { 3, 1 },  { 4, 1 },  { 5, 1 },  { 6, 1 },  { 7, 1 },
	{ 8, 1 },  { 9, 1 },  { 10, 1 }, { 11, 1 }, { 12, 1 }, { 13, 1 }, { 14, 1 }, { 15, 1 },
	{ 16, 2 }, { 18, 2 }, { 20, 4 }, { 24, 8 }, { 32, 8 }, { 40, 8 }, { 48, 4 }, { 52, 2 },
	{ 54, 2 }, { 56, 2 }, { 58, 2 }, { 60, 2 }, { 62, 2 },
};
static const struct field phdr_fields[] = {
	{ 0, 4 }, { 4, 4 }, { 8, 8 }, { 16, 8 }, { 24, 8 }, { 32, 8 }, { 40, 8 }, { 48, 8 },
};

/* A value likely to sit on some check's boundary, or a random one. */
static uint64_t interesting(struct rng *r, uint64_t old, size_t len)
{
	switch (rng_below(r, 12)) {
	case 0: return 0;
	case 1: return 1 + rng_below(r, 4);
	case 2: return ~0ull - rng_below(r, 0x3000);
	case 3: return 1ull << rng_below(r, 64);
	case 4: return len + rng_below(r, 3) - 1;
	case 5: return old + rng_below(r, 0x2001) - 0x1000;
	case 6: return old ^ (1ull << rng_below(r, 64));
	case 7: return VA_LIMIT - rng_below(r, 0x3000);
	case 8: return rng_below(r, 0x40) * 0x800;
	case 9: return old + (rng_below(r, 2) ? 1 : -1ull);
	case 10: return 0x10000 + rng_below(r, 0x8000);
	}
	return rng_next(r);
}

/* Sets one random header or program header field of b[0..len) to an
 * interesting value. */
static void mutate_field(struct rng *r, uint8_t *b, size_t len)
{
	unsigned phnum = (unsigned)get(b + 56, 2);
	uint64_t phoff = get(b + 32, 8);
	uint64_t base = 0;
	struct field fl;
	if (rng_below(r, 3) == 0 || phnum == 0) {
		fl = ehdr_fields[rng_below(r, ARRAY_LEN(ehdr_fields))];
	} else {
		fl = phdr_fields[rng_below(r, ARRAY_LEN(phdr_fields))];
		base = phoff + 56 * rng_below(r, phnum);
	}
	if (base > len || fl.off + fl.size > len - base)
		return; /* the mutated headers no longer lie in the file */
	uint8_t *p = b + base + fl.off;
	put(p, interesting(r, get(p, fl.size), len), fl.size);
}

/* Applies 1..4 corruptions to b[0..len) (headers at [0, hdr_end)), then
 * maybe truncates, anywhere or near hdr_end; returns the new length. */
static size_t mutate(struct rng *r, uint8_t *b, size_t len, size_t hdr_end)
{
	unsigned n = 1 + (unsigned)rng_below(r, 4);
	for (unsigned k = 0; k < n; k++) {
		switch (rng_below(r, 5)) {
		case 0:
			b[rng_below(r, hdr_end)] ^= (uint8_t)(1u << rng_below(r, 8));
			break;
		case 1:
			b[rng_below(r, hdr_end)] = (uint8_t)rng_next(r);
			break;
		case 4: {
			size_t at = rng_below(r, len), run = 1 + rng_below(r, 64);
			for (size_t i = at; i < len && i < at + run; i++)
				b[i] = (uint8_t)rng_next(r);
			break;
		}
		default:
			mutate_field(r, b, len);
		}
	}
	uint64_t cut = rng_below(r, 16);
	if (cut == 0)
		len = rng_below(r, len + 1);
	else if (cut == 1 && hdr_end + 64 <= len) /* around the end of the program headers */
		len = hdr_end - 64 + rng_below(r, 129);
	return len;
}

/* Machines of several page sizes and address-space ends, mostly Sv39's. */
static void pick_machine(struct rng *r, struct trial *t)
{
	static const uint64_t pages[] = { 0x1000, 0x1000, 0x1000, 0x1000, 0x4000, 0x10000 };
	static const uint64_t limits[] = { VA_LIMIT, VA_LIMIT, VA_LIMIT, 1ull << 47, ~0ull, 0x12000, 0 };
	t->page = pages[rng_below(r, ARRAY_LEN(pages))];
	t->limit = limits[rng_below(r, ARRAY_LEN(limits))];
}

/* n corruptions of base[0..len), each parsed from a guarded copy; counts the
 * acceptances in *accepted. */
static void fuzz_base(const char *what, uint64_t seed, const uint8_t *base, size_t len, unsigned n,
		      unsigned *accepted)
{
	struct rng r;
	struct guarded g;
	uint8_t *work = malloc(len);
	size_t hdr_end = 64 + 56 * get(base + 56, 2);
	CHECK(work != NULL && hdr_end <= len);
	guarded_init(&g, len);
	rng_seed(&r, seed);
	for (unsigned step = 0; step < n; step++) {
		struct trial t = { .what = what, .seed = seed, .step = step };
		memcpy(work, base, len);
		t.len = mutate(&r, work, len, hdr_end);
		t.b = guarded_copy(&g, work, t.len);
		pick_machine(&r, &t);
		*accepted += trial_run(&t);
	}
	guarded_fini(&g);
	free(work);
}

TEST(fuzz_corrupted_images_never_crash_and_always_explain)
{
	size_t len;
	uint8_t *hello = read_hello(&len);
	struct fake f;
	unsigned hello_ok = 0, fake_ok = 0;
	fake_standard(&f);
	fake_phdr(&f, ELF_PT_LOAD, RW, 0x2000, 0x16000, 0x100, 0x100);
	fake_phdr(&f, 0x70000003, ELF_PF_R, 0x100, 0, 0x20, 0);
	fuzz_base("hello.elf", 20240601, hello, len, 20000, &hello_ok);
	fuzz_base("standard image", 20240602, f.b, f.len, 20000, &fake_ok);
	/* The stream must exercise both outcomes, not only the early refusals. */
	CHECK(hello_ok > 500 && hello_ok < 19000);
	CHECK(fake_ok > 500 && fake_ok < 19000);
	free(hello);
}

/* Random bytes: some pure, some after the magic, some after a plausible
 * RISC-V identification and header start. */
static size_t random_file(struct rng *r, uint8_t *b, size_t cap)
{
	size_t len = rng_below(r, cap + 1);
	for (size_t i = 0; i < len; i++)
		b[i] = (uint8_t)rng_next(r);
	unsigned tier = (unsigned)rng_below(r, 3);
	if (tier >= 1 && len >= 4)
		memcpy(b, "\177ELF", 4);
	if (tier == 2 && len >= 64) {
		b[4] = 2, b[5] = 1, b[6] = 1;
		put(b + 16, ELF_ET_EXEC, 2);
		put(b + 18, ELF_EM_RISCV, 2);
		put(b + 20, 1, 4);
		put(b + 32, 64, 8);
		put(b + 54, 56, 2);
		put(b + 56, rng_below(r, 20), 2);
	}
	return len;
}

TEST(random_bytes_are_refused_with_a_message)
{
	enum { CAP = 4096, STEPS = 20000 };
	const uint64_t seed = 20240603;
	static uint8_t b[CAP];
	struct rng r;
	struct guarded g;
	guarded_init(&g, CAP);
	rng_seed(&r, seed);
	for (unsigned step = 0; step < STEPS; step++) {
		struct trial t = { .what = "random bytes", .seed = seed, .step = step };
		t.page = PAGE;
		t.limit = VA_LIMIT;
		t.len = random_file(&r, b, CAP);
		t.b = guarded_copy(&g, b, t.len);
		TRIAL_CHECK(&t, !trial_run(&t));
	}
	guarded_fini(&g);
}
