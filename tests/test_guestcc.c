/* Guest programs linked for the memory mechanism (cli/guestcc.c with
 * guest/guest.ld): the layout each mechanism gets, a .c program compiled for
 * it with its segments where the layout says (read back with os/elf.h), and
 * one cached executable per layout. Compiles with riscv64-unknown-elf-gcc. */
#include <stdio.h>
#include <string.h>

#include "cli/guestcc.h"
#include "os/elf.h"
#include "tests/harness.h"

#define PROGRAM "tests/programs/hello.c"

static struct mmu_config config_of(const struct mmu_mech *mech)
{
	struct mmu_config cfg;
	mmu_config_defaults(&cfg);
	cfg.mech = mech;
	return cfg;
}

static struct guest_layout layout_of(const struct mmu_mech *mech)
{
	struct mmu_config cfg = config_of(mech);
	return guestcc_layout(&cfg);
}

/* Compiles PROGRAM for layout into path and opens it. */
static void compile_and_open(struct guest_layout layout, char *path, size_t size, struct elf_file *f)
{
	char err[600];
	if (!guestcc_resolve(PROGRAM, NULL, layout, false, path, size, err, sizeof err))
		FAIL("%s", err);
	if (!elf_open(f, path, 4096, 1ull << 39, err, sizeof err))
		FAIL("%s", err);
}

/* The executable segment and the writable one of f. */
static void text_and_data(const struct elf_file *f, const struct elf_segment **text, const struct elf_segment **data)
{
	*text = *data = NULL;
	for (unsigned i = 0; i < f->img.nseg; i++) {
		if (f->img.seg[i].prot & PTE_X)
			*text = &f->img.seg[i];
		else if (f->img.seg[i].prot & PTE_W)
			*data = &f->img.seg[i];
	}
	if (!*text || !*data || f->img.nseg != 2)
		FAIL("%u segments, not one text and one data", f->img.nseg);
}

TEST(each_mechanism_has_its_layout)
{
	struct guest_layout l = layout_of(&mmu_paging);
	CHECK_EQ(l.text, 0x10000);
	CHECK_EQ(l.data, 0);
	l = layout_of(&mmu_partition);
	CHECK_EQ(l.text, 0);
	CHECK_EQ(l.data, 0);
	l = layout_of(&mmu_base_bounds);
	CHECK_EQ(l.text, 0);
	CHECK_EQ(l.data, 0);
	l = layout_of(&mmu_segmentation);
	CHECK_EQ(l.text, 0);
	CHECK_EQ(l.data, 0x40000000); /* selector 1 of a 32-bit va with 2 selector bits: the heap */
	struct mmu_config cfg = config_of(&mmu_segmentation);
	cfg.seg.va_bits = 20;
	cfg.seg.sel_bits = 1;
	CHECK_EQ(guestcc_layout(&cfg).data, 1 << 19);
}

TEST(paging_links_the_text_at_0x10000_as_before)
{
	char path[4096];
	struct elf_file f;
	const struct elf_segment *text, *data;
	compile_and_open(layout_of(&mmu_paging), path, sizeof path, &f);
	text_and_data(&f, &text, &data);
	CHECK_EQ(text->vaddr, 0x10000);
	CHECK_EQ(data->vaddr % 4096, 0);
	CHECK(data->vaddr >= text->vaddr + text->memsz && data->vaddr < text->vaddr + text->memsz + 4096);
	elf_close(&f);
}

TEST(base_bounds_links_the_text_at_0_and_the_data_on_the_next_page)
{
	char path[4096];
	struct elf_file f;
	const struct elf_segment *text, *data;
	compile_and_open(layout_of(&mmu_base_bounds), path, sizeof path, &f);
	text_and_data(&f, &text, &data);
	CHECK_EQ(text->vaddr, 0);
	CHECK(f.img.entry < text->memsz);
	CHECK_EQ(data->vaddr % 4096, 0);
	CHECK(data->vaddr >= text->memsz && data->vaddr < text->memsz + 4096);
	elf_close(&f);
}

TEST(segmentation_links_the_data_at_the_heap_segment)
{
	char path[4096];
	struct elf_file f;
	const struct elf_segment *text, *data;
	compile_and_open(layout_of(&mmu_segmentation), path, sizeof path, &f);
	text_and_data(&f, &text, &data);
	CHECK_EQ(text->vaddr, 0);
	CHECK(text->memsz < 0x40000000); /* all of it in the code segment */
	CHECK_EQ(data->vaddr, 0x40000000);
	CHECK(data->memsz > data->filesz); /* the bss follows the data, in the same segment */
	CHECK(f.img.brk_start > 0x40000000 && f.img.brk_start < 0x80000000); /* and the heap after them */
	elf_close(&f);
}

TEST(a_program_is_compiled_once_per_layout)
{
	char err[600], paging[4096], again[4096], bb[4096], part[4096], seg[4096];
	CHECK(guestcc_resolve(PROGRAM, NULL, layout_of(&mmu_paging), false, paging, sizeof paging, err, sizeof err));
	CHECK(guestcc_resolve(PROGRAM, NULL, layout_of(&mmu_paging), false, again, sizeof again, err, sizeof err));
	CHECK(guestcc_resolve(PROGRAM, NULL, layout_of(&mmu_base_bounds), false, bb, sizeof bb, err, sizeof err));
	CHECK(guestcc_resolve(PROGRAM, NULL, layout_of(&mmu_partition), false, part, sizeof part, err, sizeof err));
	CHECK(guestcc_resolve(PROGRAM, NULL, layout_of(&mmu_segmentation), false, seg, sizeof seg, err, sizeof err));
	CHECK_STR(again, paging);
	CHECK(strcmp(bb, paging) != 0);
	CHECK(strcmp(seg, paging) != 0 && strcmp(seg, bb) != 0);
	CHECK_STR(part, bb); /* one layout, one executable */
}

TEST(an_elf_file_is_taken_as_it_is_linked)
{
	char err[600], path[4096];
	CHECK(guestcc_resolve("tests/data/elf/hello.elf", NULL, layout_of(&mmu_segmentation), false, path, sizeof path, err,
			      sizeof err));
	CHECK_STR(path, "tests/data/elf/hello.elf");
}
