/* libFuzzer target: the ELF parser (os/elf.c) and, for images it accepts,
 * the loader (os/exec.c).
 *
 * Input: byte 0: the page size 2^(2 + mod 29) (4 bytes to 1 GiB); bit 7 of
 * byte 1: also load the file into a process (sv39, 4 KiB pages) with
 * exec_program; byte 1 mod 3 picks the address-space limit: 2^38 (sv39's
 * user half), 2^(byte mod 64), or 2^64 - byte x 4096. The rest is the file.
 *
 * Besides the sanitizers' checks, an accepted image must keep every
 * guarantee os/elf.h gives for struct elf_image and struct elf_segment, and a
 * refusal must say why; after a load the kernel's invariant checks hold. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hw/ptfmt.h"
#include "os/elf.h"
#include "os/exec.h"
#include "tests/fuzz/fuzz_input.h"

static void fail(const char *what, unsigned seg)
{
	fprintf(stderr, "fuzz_elf: %s (segment %u)\n", what, seg);
	abort();
}

static void check_segment(const struct elf_segment *s, size_t len, uint64_t page, vaddr_t va_limit)
{
	unsigned n = s->phdr;
	if (s->memsz == 0 || s->filesz > s->memsz)
		fail("memsz is 0 or below filesz", n);
	if (s->offset > len || s->filesz > len - s->offset)
		fail("file bytes outside the file", n);
	if ((s->vaddr & (page - 1)) != (s->offset & (page - 1)))
		fail("vaddr and offset differ modulo the page size", n);
	if (s->vaddr + (s->memsz - 1) < s->vaddr)
		fail("the segment wraps past 2^64", n);
	vaddr_t last_page = (s->vaddr + s->memsz - 1) & ~(page - 1);
	if (va_limit < page || last_page > va_limit - page)
		fail("a page at or above va_limit", n);
	if (s->prot == 0 || ((s->prot & PTE_W) && !(s->prot & PTE_R)) || (s->prot & ~(unsigned)(PTE_R | PTE_W | PTE_X)))
		fail("bad prot", n);
}

static void check_image(const struct elf_image *img, size_t len, uint64_t page, vaddr_t va_limit)
{
	bool entry_ok = false;
	if (img->nseg < 1 || img->nseg > ELF_MAX_SEGMENTS)
		fail("segment count out of range", img->nseg);
	for (unsigned i = 0; i < img->nseg; i++) {
		const struct elf_segment *s = &img->seg[i];
		check_segment(s, len, page, va_limit);
		if (img->entry >= s->vaddr && img->entry - s->vaddr < s->memsz && (s->prot & PTE_X))
			entry_ok = true;
		if (i == 0)
			continue;
		const struct elf_segment *p = &img->seg[i - 1];
		if (p->vaddr > s->vaddr || p->vaddr + p->memsz > s->vaddr)
			fail("segments unsorted or overlapping", s->phdr);
		vaddr_t p_last = (p->vaddr + p->memsz - 1) & ~(page - 1), s_first = s->vaddr & ~(page - 1);
		if (p_last == s_first && p->prot != s->prot)
			fail("a page shared with other permissions", s->phdr);
	}
	if (!entry_ok)
		fail("the entry point is in no executable segment", 0);
	const struct elf_segment *top = &img->seg[img->nseg - 1];
	vaddr_t end = top->vaddr + top->memsz;
	if (img->brk_start < end || img->brk_start - end >= page || (img->brk_start & (page - 1)))
		fail("brk_start is not the end of the highest segment rounded up", top->phdr);
}

/* Loads the file at path into a process on a small sv39 machine. */
static void load(const char *path)
{
	struct kernel_config cfg;
	char err[600];
	int guest_errno = 0;
	kernel_config_defaults(&cfg);
	cfg.user_frames = 16;
	cfg.swap_slots = 16;
	struct kernel *k = kernel_new(&cfg, err, sizeof err);
	if (!k)
		fail("no kernel", 0);
	char *argv[] = {"fuzz", NULL}, *envp[] = {"A=1", NULL};
	err[0] = '\0';
	struct proc *p = exec_program(k, NULL, 1, path, argv, 1, envp, 1, &guest_errno, err, sizeof err);
	if (!p && (!err[0] || guest_errno <= 0))
		fail("exec_program failed without a message or an errno", 0);
	kernel_check(k);
	kernel_free(k);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = {data, size};
	uint8_t b0 = fuzz_byte(&in), b1 = fuzz_byte(&in);
	uint64_t page = 1ull << (2 + b0 % 29);
	vaddr_t va_limit = b1 % 3 == 0 ? 1ull << 38 : b1 % 3 == 1 ? 1ull << (b1 % 64) : UINT64_MAX - (uint64_t)b1 * 4096;
	struct elf_image img;
	char err[400];
	memset(&img, 0x5a, sizeof img);
	struct elf_image before = img;
	err[0] = '\0';
	bool ok = elf_parse(in.p, in.n, page, va_limit, &img, err, sizeof err);
	if (ok)
		check_image(&img, in.n, page, va_limit);
	else if (!err[0] || memcmp(&img, &before, sizeof img))
		fail("a refusal without a message, or with the image changed", 0);
	if (b1 & 0x80) {
		char path[64];
		int fd = fuzz_file(in.p, in.n, path, sizeof path);
		load(path);
		close(fd);
	}
	return 0;
}
