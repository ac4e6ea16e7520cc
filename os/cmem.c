/* The contiguous mechanisms' memory: blocks, layouts, relocation, code
 * segments, exec, brk, fork and exit (see os/cmem.h; whole-process swapping
 * is os/cmem_swap.c). */
#include "os/cmem_int.h"
#include "guest/include/vmlab/syscall.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the processes' registers ---- */

/* p's blocks (its code segment is not one of them: struct cmem_code). */
unsigned cmem_blocks_of(const struct kernel *k, const struct proc *p, struct blk b[2])
{
	if (!p->cm || !p->cm->id)
		return 0;
	const struct mmu_context *c = &p->cm->ctx;
	switch (c->kind) {
	case MMU_MECH_BASE_BOUNDS:
		b[0] = (struct blk){0, c->bb.base, c->bb.bounds};
		return 1;
	case MMU_MECH_PARTITION:
		b[0] = (struct blk){0, c->part.base, c->part.size};
		return 1;
	default: {
		const struct mmu_segment *h = &c->seg[CMEM_SEL_HEAP], *s = &c->seg[k->cm->stack_sel];
		b[0] = (struct blk){CMEM_SEL_HEAP, h->base, h->limit};
		b[1] = (struct blk){k->cm->stack_sel, s->base - s->limit, s->limit};
		return 2;
	}
	}
}

/* Sets the register of p's block sel to a block at base of size bytes. */
void cmem_set_block(struct proc *p, unsigned sel, paddr_t base, uint64_t size)
{
	struct mmu_context *c = &p->cm->ctx;
	if (c->kind == MMU_MECH_BASE_BOUNDS) {
		c->bb.base = base;
		c->bb.bounds = size;
	} else if (c->kind == MMU_MECH_PARTITION) {
		c->part.base = base;
		c->part.size = size;
	} else {
		c->seg[sel].base = c->seg[sel].grows_down ? base + size : base;
		c->seg[sel].limit = size;
	}
}

/* partition, base-bounds: where p's address space starts, and its size. */
static paddr_t flat_base(const struct proc *p)
{
	return p->cm->ctx.kind == MMU_MECH_PARTITION ? p->cm->ctx.part.base : p->cm->ctx.bb.base;
}

static uint64_t space_of(const struct proc *p)
{
	return p->cm->ctx.kind == MMU_MECH_PARTITION ? p->cm->ctx.part.size : p->cm->ctx.bb.bounds;
}

/* partition, base-bounds: adds p's address space in memory (sign +1) to the
 * internal fragmentation's figures, or takes it away (-1). */
void cmem_account(struct kernel *k, const struct proc *p, int sign)
{
	struct cmem *cm = k->cm;
	if (cm->segmented || !p->cm->program)
		return;
	uint64_t size = space_of(p), used = page_up(k, p->brk) + cmem_stack_room(k, size);
	uint64_t unused = used < size ? size - used : 0;
	if (sign > 0) {
		cm->spaces++;
		cm->space_bytes += size;
		cm->unused += unused;
	} else {
		cm->spaces--;
		cm->space_bytes -= size;
		cm->unused -= unused;
	}
	if (cm->unused > cm->peak_unused) {
		cm->peak_unused = cm->unused;
		cm->peak_spaces = cm->spaces;
		cm->peak_space_bytes = cm->space_bytes;
	}
}

static void load_regs(struct kernel *k, struct proc *p)
{
	char err[200];
	if (mmu_load_context(k->mmu, &p->cm->ctx, err, sizeof err) != MMU_OK)
		panic("pid %d's registers: %s", p->pid, err);
}

/* p's registers changed: the MMU holds them again when p is current. */
void cmem_regs_changed(struct kernel *k, struct proc *p)
{
	if (k->current == p)
		load_regs(k, p);
	if (p->cpu)
		cpu_flush_fetch(p->cpu);
}

void cmem_switch(struct kernel *k, struct proc *p)
{
	if (cmem_is_out(p))
		panic("pid %d runs while swapped out", p->pid);
	k->current = p;
	p->cm->last = ++k->cm->switches;
	load_regs(k, p);
}

/* ---- blocks ---- */

/* Keeps the holes when external fragmentation is the worst so far (only
 * the free bytes and holes change it: called after each). */
static void note_fragmentation(struct cmem *cm)
{
	struct contig_stats now;
	if (cm->partitioned)
		return;
	contig_stats(&cm->alloc, &now);
	if (contig_ext_frag(&now) > contig_ext_frag(&cm->worst))
		cm->worst = now;
}

static enum contig_status alloc_block(struct cmem *cm, contig_id owner, uint64_t bytes, paddr_t *base)
{
	uint64_t index;
	enum contig_status st = cm->partitioned ? contig_part_alloc(&cm->parts, owner, cm->limit, &index, base)
						: contig_alloc(&cm->alloc, owner, bytes, base);
	note_fragmentation(cm);
	return st;
}

void cmem_free_block(struct cmem *cm, contig_id owner)
{
	cm->frees++;
	enum contig_status st = cm->partitioned ? contig_part_free(&cm->parts, owner) : contig_free(&cm->alloc, owner);
	if (st != CONTIG_OK)
		panic("freeing block 0x%" PRIx64 ": %s", owner, contig_status_name(st));
	note_fragmentation(cm);
}

/* The process owning blocks of id, or NULL. */
static struct proc *proc_with_id(struct kernel *k, uint64_t id)
{
	if (k->cm->loading && k->cm->loading->cm->id == id)
		return k->cm->loading;
	for (struct proc *p = k->alive; p; p = p->next_alive)
		if (p->cm && p->cm->id == id)
			return p;
	return NULL;
}

/* A code segment moved: every process running it gets its new base. */
static void code_moved(struct kernel *k, struct cmem_code *c, paddr_t base)
{
	c->base = base;
	if (k->cm->loading && k->cm->loading->cm->code == c)
		k->cm->loading->cm->ctx.seg[CMEM_SEL_CODE].base = base;
	for (struct proc *p = k->alive; p; p = p->next_alive)
		if (p->cm && p->cm->code == c) {
			p->cm->ctx.seg[CMEM_SEL_CODE].base = base;
			cmem_regs_changed(k, p);
		}
}

/* The allocator's relocate callback: a block moves (compaction, a heap that
 * grows into its neighbour): its bytes are copied and its owner's register
 * follows. */
static void relocate(void *ctx, const struct contig_reloc *r)
{
	struct kernel *k = ctx;
	memmove(ram(k, r->dst, r->bytes), ram(k, r->src, r->bytes), r->bytes);
	k->c.copied_bytes += r->bytes;
	uint64_t id = r->owner >> 32;
	for (struct cmem_code *c = k->cm->codes; c; c = c->next)
		if (c->id == id) {
			code_moved(k, c, r->new_base);
			return;
		}
	struct proc *p = proc_with_id(k, id);
	if (!p)
		panic("block 0x%" PRIx64 " has no owner", r->owner);
	cmem_set_block(p, (unsigned)(r->owner & 0xffffffffu), r->new_base, r->new_size);
	cmem_regs_changed(k, p);
}

/* Makes room for a block of bytes: compaction first (--compact), then
 * processes out (--swap-processes). False when neither can. */
static bool make_room(struct kernel *k, uint64_t bytes, const struct proc *keep)
{
	struct cmem *cm = k->cm;
	uint64_t copied;
	if (!cm->partitioned && k->cfg.compact && contig_compact_for(&cm->alloc, bytes, &copied) == CONTIG_OK) {
		note_fragmentation(cm);
		return true;
	}
	return k->cfg.swap_processes && cmem_swap_out_oldest(k, keep);
}

/* A block of bytes for owner, making room as configured; false when none. */
bool cmem_place(struct kernel *k, contig_id owner, uint64_t bytes, const struct proc *keep, paddr_t *base)
{
	for (;;) {
		enum contig_status st = alloc_block(k->cm, owner, bytes, base);
		if (st == CONTIG_OK)
			return true;
		if (st != CONTIG_NO_SPACE || !make_room(k, bytes, keep))
			return false;
	}
}

/* Places every block of p (sizes from its registers) for p itself; on
 * failure frees those placed. */
bool cmem_place_all(struct kernel *k, struct proc *p, const struct blk *b, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		paddr_t base;
		if (!cmem_place(k, owner_of(p->cm->id, b[i].sel), b[i].size, p, &base)) {
			while (i--)
				cmem_free_block(k->cm, owner_of(p->cm->id, b[i].sel));
			return false;
		}
		cmem_set_block(p, b[i].sel, base, b[i].size);
	}
	return true;
}

/* ---- code segments ---- */

static uint64_t fnv1a(const uint8_t *b, uint64_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (uint64_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ull;
	return h;
}

/* The bytes of an image's code segment (its segments that are not
 * writable, from 0), or NULL when it is larger than the RAM: no room could
 * ever be made for it (and its host copy stays bounded). */
static uint8_t *code_image(const struct kernel *k, const struct elf_file *ef, uint64_t *size)
{
	uint64_t end = 0;
	for (unsigned i = 0; i < ef->img.nseg; i++)
		if (!(ef->img.seg[i].prot & PTE_W))
			end = ef->img.seg[i].vaddr + ef->img.seg[i].memsz > end ? ef->img.seg[i].vaddr + ef->img.seg[i].memsz : end;
	*size = page_up(k, end ? end : 1);
	if (*size > k->cfg.user_frames << k->fmt.page_shift)
		return NULL;
	uint8_t *img = xcalloc(1, *size);
	for (unsigned i = 0; i < ef->img.nseg; i++) {
		const struct elf_segment *s = &ef->img.seg[i];
		if (!(s->prot & PTE_W))
			memcpy(img + s->vaddr, ef->data + s->offset, s->filesz);
	}
	return img;
}

/* Keeps the most code segments shared at once. */
static void note_sharing(struct cmem *cm)
{
	uint64_t shared = 0, saved = 0;
	for (const struct cmem_code *c = cm->codes; c; c = c->next)
		if (c->users_in > 1) {
			shared++;
			saved += c->size * (c->users_in - 1);
		}
	if (saved > cm->peak_saved) {
		cm->peak_shared = shared;
		cm->peak_saved = saved;
	}
}

bool cmem_code_in(struct kernel *k, struct cmem_code *c, const struct proc *keep)
{
	if (c->users_in++) {
		note_sharing(k->cm);
		return true;
	}
	paddr_t base;
	if (!cmem_place(k, owner_of(c->id, CMEM_SEL_CODE), c->size, keep, &base)) {
		c->users_in--;
		return false;
	}
	c->base = base;
	memcpy(ram(k, base, c->size), c->image, c->size);
	if (c->from_file)
		k->c.file_reads += c->size >> k->fmt.page_shift;
	return true;
}

/* One process in memory fewer uses c: its block goes with the last. */
void cmem_code_out(struct kernel *k, struct cmem_code *c)
{
	if (--c->users_in == 0)
		cmem_free_block(k->cm, owner_of(c->id, CMEM_SEL_CODE));
}

/* One holder fewer: c is forgotten with the last. */
static void code_put(struct kernel *k, struct cmem_code *c)
{
	if (--c->users)
		return;
	for (struct cmem_code **pp = &k->cm->codes; *pp; pp = &(*pp)->next)
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	free(c->image);
	free(c);
}

/* The code segment holding image (size bytes; taken over), shared when one
 * with the same bytes exists, with one more holder. */
static struct cmem_code *code_get(struct kernel *k, uint8_t *image, uint64_t size, bool from_file)
{
	uint64_t h = fnv1a(image, size);
	for (struct cmem_code *c = k->cm->codes; c; c = c->next)
		if (c->hash == h && c->size == size && !memcmp(c->image, image, size)) {
			free(image);
			c->users++;
			return c;
		}
	struct cmem_code *c = xcalloc(1, sizeof *c);
	*c = (struct cmem_code){.next = k->cm->codes, .id = ++k->cm->next_id, .hash = h, .image = image,
				.size = size, .users = 1, .from_file = from_file};
	k->cm->codes = c;
	return c;
}

/* ---- setting up ---- */

static bool setup_partitions(struct kernel *k, uint64_t ram_bytes, char *err, size_t errlen)
{
	struct cmem *cm = k->cm;
	cm->partitioned = true;
	if (contig_part_init(&cm->parts, 0, ram_bytes, k->cfg.mmu.part.count, page_size(k)) != CONTIG_OK) {
		snprintf(err, errlen, "%u partitions of a page or more do not fit in %" PRIu64 " bytes of RAM",
			 k->cfg.mmu.part.count, ram_bytes);
		return false;
	}
	cm->limit = cm->parts.part_size;
	return true;
}

/* segmentation: what programs need of the geometry (a code, a heap and a
 * stack segment). */
static bool segment_geometry(struct kernel *k, char *err, size_t errlen)
{
	struct cmem *cm = k->cm;
	unsigned va = k->cfg.mmu.seg.va_bits, sel = k->cfg.mmu.seg.sel_bits;
	if (sel >= 2 && sel <= 3 && va > sel && va <= 63 && (1ull << (va - sel)) >= CMEM_SEG_STACK) {
		cm->seg_max = 1ull << (va - sel);
		cm->stack_sel = (1u << sel) - 1;
		return true;
	}
	snprintf(err, errlen, "segmentation: %u selector bits of a %u-bit address; programs need a code, a heap and "
		 "a stack segment of %u KiB: 2 or 3 selector bits and at least 17 offset bits, below 64 bits in all",
		 sel, va, CMEM_SEG_STACK >> 10);
	return false;
}

/* base-bounds: every address-space size is whole pages, 16 to the RAM. */
static bool space_sizes(const struct kernel *k, uint64_t ram_bytes, char *err, size_t errlen)
{
	for (unsigned i = 0; i <= k->cfg.nas_sizes && i <= KERNEL_AS_SIZES; i++) {
		uint64_t size = i < k->cfg.nas_sizes ? k->cfg.as_sizes[i] : k->cfg.as_size;
		if (size < 16 * page_size(k) || size % page_size(k) || size > ram_bytes) {
			snprintf(err, errlen, "--as-size %" PRIu64 ": an address space must be a whole number of pages, "
				 "at least 16 of them and at most the RAM (%" PRIu64 " bytes)", size, ram_bytes);
			return false;
		}
	}
	return true;
}

static bool setup_allocator(struct kernel *k, uint64_t ram_bytes, char *err, size_t errlen)
{
	struct contig_config cc = {.base = 0, .size = ram_bytes, .granule = page_size(k), .fit = k->cfg.fit,
				   .relocate = relocate, .ctx = k};
	if (k->cm->segmented ? !segment_geometry(k, err, errlen) : !space_sizes(k, ram_bytes, err, errlen))
		return false;
	if (contig_init(&k->cm->alloc, &cc) != CONTIG_OK) {
		snprintf(err, errlen, "cannot divide %" PRIu64 " bytes of RAM into blocks", ram_bytes);
		return false;
	}
	return true;
}

bool cmem_new(struct kernel *k, char *err, size_t errlen)
{
	enum mmu_mech_kind kind = k->cfg.mmu.mech->kind;
	if (kind != MMU_MECH_PARTITION && kind != MMU_MECH_BASE_BOUNDS && kind != MMU_MECH_SEGMENTATION)
		return true;
	uint64_t ram_bytes = k->cfg.user_frames << k->fmt.page_shift;
	k->cm = xcalloc(1, sizeof *k->cm);
	k->cm->segmented = kind == MMU_MECH_SEGMENTATION;
	if (kind == MMU_MECH_PARTITION ? setup_partitions(k, ram_bytes, err, errlen)
				       : setup_allocator(k, ram_bytes, err, errlen))
		return true;
	free(k->cm);
	k->cm = NULL;
	return false;
}

void cmem_free(struct kernel *k)
{
	struct cmem *cm = k->cm;
	if (!cm)
		return;
	while (cm->codes) {
		struct cmem_code *c = cm->codes;
		cm->codes = c->next;
		free(c->image);
		free(c);
	}
	if (cm->partitioned)
		contig_part_fini(&cm->parts);
	else
		contig_fini(&cm->alloc);
	free(cm);
	k->cm = NULL;
}

uint64_t cmem_partition_size(const struct kernel *k) { return k->cm->limit; }

uint64_t cmem_space_size(const struct kernel *k, int pid)
{
	const struct kernel_config *c = &k->cfg;
	if (k->cm->partitioned)
		return k->cm->limit;
	return pid >= 1 && (unsigned)pid <= c->nas_sizes ? c->as_sizes[pid - 1] : c->as_size;
}

/* ---- layouts ---- */

uint64_t cmem_stack_room(const struct kernel *k, uint64_t size)
{
	uint64_t room = size / 4;
	room = room < k->cfg.stack_limit ? room : k->cfg.stack_limit;
	return room & ~(page_size(k) - 1);
}

vaddr_t cmem_va_limit(const struct kernel *k)
{
	/* partition, base-bounds: a segment beyond the address space is
	 * layout_flat's to refuse, in words that name the partition or the
	 * --as-size (the parser's would say only where the space ends). */
	return k->cm->segmented ? 1ull << k->cfg.mmu.seg.va_bits : ~(page_size(k) - 1);
}

static bool layout_flat(const struct kernel *k, const struct elf_image *img, int pid, const char *path, char *err,
			size_t errlen)
{
	uint64_t size = cmem_space_size(k, pid), top = size - cmem_stack_room(k, size);
	if (img->brk_start <= top)
		return true;
	snprintf(err, errlen, "%s: its segments end at 0x%" PRIx64 ", beyond 0x%" PRIx64 " (the %s address space of "
		 "0x%" PRIx64 " bytes less 0x%" PRIx64 " for the stack); %s needs code and data at the bottom of the "
		 "address space, from 0: give vmlab the .c file, or link it with -Ttext=0%s", path, img->brk_start, top,
		 k->cfg.mmu.mech->name, size, cmem_stack_room(k, size), k->cfg.mmu.mech->name,
		 k->cm->partitioned ? " (or use fewer --partitions)" : " (or a larger --as-size)");
	return false;
}

static bool layout_segmented(const struct kernel *k, const struct elf_image *img, const char *path, char *err,
			     size_t errlen)
{
	uint64_t max = k->cm->seg_max;
	for (unsigned i = 0; i < img->nseg; i++) {
		const struct elf_segment *s = &img->seg[i];
		bool w = s->prot & PTE_W;
		uint64_t lo = w ? max : 0, hi = w ? 2 * max : max;
		if (s->vaddr >= lo && s->vaddr + s->memsz <= hi)
			continue;
		snprintf(err, errlen, "%s: segment %u (%s) at 0x%" PRIx64 "-0x%" PRIx64 " lies outside the %s segment "
			 "[0x%" PRIx64 ", 0x%" PRIx64 "); segmentation needs code and read-only data in the code segment "
			 "from 0 and data and bss in the heap segment from 0x%" PRIx64 ": give vmlab the .c file, or link "
			 "it with -Ttext=0 and its data at 0x%" PRIx64, path, s->phdr, w ? "writable" : "read-only",
			 s->vaddr, s->vaddr + s->memsz, w ? "heap" : "code", lo, hi, max, max);
		return false;
	}
	return true;
}

bool cmem_layout_ok(const struct kernel *k, const struct elf_image *img, int pid, const char *path, char *err,
		    size_t errlen)
{
	return k->cm->segmented ? layout_segmented(k, img, path, err, errlen)
				: layout_flat(k, img, pid, path, err, errlen);
}

/* ---- exec, brk, fork, exit ---- */

static void start_context(struct kernel *k, struct proc *p)
{
	memset(&p->cm->ctx, 0, sizeof p->cm->ctx);
	p->cm->ctx.kind = k->cfg.mmu.mech->kind;
	if (p->cm->ctx.kind != MMU_MECH_SEGMENTATION)
		return;
	p->cm->ctx.seg[CMEM_SEL_CODE].prot = PTE_R | PTE_X;
	p->cm->ctx.seg[CMEM_SEL_HEAP].prot = PTE_R | PTE_W;
	p->cm->ctx.seg[k->cm->stack_sel].prot = PTE_R | PTE_W;
	p->cm->ctx.seg[k->cm->stack_sel].grows_down = true;
}

/* Copies the file bytes of the segments (writable ones only under
 * segmentation: the code segment has its own image) into p's memory, whose
 * va 0 (of the heap segment under segmentation) is at base. */
static void copy_segments(struct kernel *k, const struct elf_file *ef, paddr_t base, bool writable_only,
			  vaddr_t va0)
{
	uint64_t bytes = 0;
	for (unsigned i = 0; i < ef->img.nseg; i++) {
		const struct elf_segment *s = &ef->img.seg[i];
		if (writable_only && !(s->prot & PTE_W))
			continue;
		memcpy(ram(k, base + s->vaddr - va0, s->filesz), ef->data + s->offset, s->filesz);
		bytes += s->filesz;
	}
	k->c.file_reads += page_up(k, bytes) >> k->fmt.page_shift;
}

/* partition, base-bounds: p's address space, placed and zeroed. */
static bool place_flat(struct kernel *k, struct proc *p)
{
	paddr_t base;
	uint64_t size = cmem_space_size(k, p->pid);
	if (!cmem_place(k, owner_of(p->cm->id, 0), size, p, &base))
		return false;
	cmem_set_block(p, 0, base, size);
	memset(ram(k, base, size), 0, size);
	return true;
}

/* segmentation: p's code segment code (p takes the holder code_get gave),
 * in memory, and its heap and stack segments of heap and stack bytes, placed
 * and zeroed. */
static bool place_segments(struct kernel *k, struct proc *p, struct cmem_code *code, uint64_t heap, uint64_t stack)
{
	p->cm->code = code;
	if (!cmem_code_in(k, code, p))
		return false;
	p->cm->ctx.seg[CMEM_SEL_CODE].base = code->base;
	p->cm->ctx.seg[CMEM_SEL_CODE].limit = code->size;
	struct blk b[2] = {{CMEM_SEL_HEAP, 0, heap}, {k->cm->stack_sel, 0, stack}};
	if (!cmem_place_all(k, p, b, 2)) {
		cmem_code_out(k, code);
		return false;
	}
	unsigned n = cmem_blocks_of(k, p, b);
	for (unsigned i = 0; i < n; i++)
		memset(ram(k, b[i].base, b[i].size), 0, b[i].size);
	return true;
}

static bool load_flat(struct kernel *k, struct proc *p, const struct elf_file *ef)
{
	if (!place_flat(k, p))
		return false;
	copy_segments(k, ef, flat_base(p), false, 0);
	p->stack_top = space_of(p);
	return true;
}

static bool load_segmented(struct kernel *k, struct proc *p, const struct elf_file *ef)
{
	struct cmem *cm = k->cm;
	uint64_t code_size, heap = page_up(k, ef->img.brk_start > cm->seg_max ? ef->img.brk_start - cm->seg_max : 1);
	uint8_t *image = code_image(k, ef, &code_size);
	if (!image || !place_segments(k, p, code_get(k, image, code_size, true), heap, CMEM_SEG_STACK))
		return false;
	copy_segments(k, ef, p->cm->ctx.seg[CMEM_SEL_HEAP].base, true, cm->seg_max);
	p->stack_top = 1ull << k->cfg.mmu.seg.va_bits;
	return true;
}

/* Starts building p's memory: its part (kept from a first try that failed),
 * a fresh context and a new owner id; p is the one being built. */
static void begin_build(struct kernel *k, struct proc *p)
{
	if (!p->cm)
		p->cm = xcalloc(1, sizeof *p->cm);
	start_context(k, p);
	p->cm->id = ++k->cm->next_id;
	k->cm->loading = p;
}

/* Ends it: when it failed (!ok) p holds nothing (its code segment's holder
 * goes). Returns ok. */
static bool end_build(struct kernel *k, struct proc *p, bool ok)
{
	k->cm->loading = NULL;
	if (ok)
		return true;
	if (p->cm->code)
		code_put(k, p->cm->code);
	p->cm->code = NULL;
	p->cm->id = 0;
	return false;
}

int cmem_load(struct kernel *k, struct proc *p, const struct elf_file *ef)
{
	begin_build(k, p);
	if (!end_build(k, p, k->cm->segmented ? load_segmented(k, p, ef) : load_flat(k, p, ef)))
		return -GUEST_ENOMEM;
	p->brk_start = p->brk = ef->img.brk_start;
	p->cm->program = true;
	cmem_account(k, p, +1);
	return 0;
}

/* A trace process's segments: zeroed code, heap and stack of a quarter, a
 * half and a quarter of --as-size. */
static bool spawn_segmented(struct kernel *k, struct proc *p)
{
	uint64_t quarter = (k->cfg.as_size / 4) & ~(page_size(k) - 1);
	return place_segments(k, p, code_get(k, xcalloc(1, quarter), quarter, false), 2 * quarter, quarter);
}

bool cmem_spawn(struct kernel *k, struct proc *p)
{
	begin_build(k, p);
	return end_build(k, p, k->cm->segmented ? spawn_segmented(k, p) : place_flat(k, p));
}

vaddr_t cmem_brk_limit(const struct kernel *k, const struct proc *p)
{
	return k->cm->segmented ? 2 * k->cm->seg_max : space_of(p) - cmem_stack_room(k, space_of(p));
}

/* segmentation: the heap block resized to bytes, moved when its neighbour is
 * in the way, room made when nothing fits. */
static bool resize_heap(struct kernel *k, struct proc *p, uint64_t bytes)
{
	contig_id owner = owner_of(p->cm->id, CMEM_SEL_HEAP);
	for (;;) {
		paddr_t base;
		enum contig_status st = contig_resize(&k->cm->alloc, owner, bytes, CONTIG_UP, &base);
		if (st == CONTIG_MUST_MOVE)
			st = contig_move(&k->cm->alloc, owner, bytes, CONTIG_UP, &base);
		note_fragmentation(k->cm);
		if (st == CONTIG_OK) {
			cmem_set_block(p, CMEM_SEL_HEAP, base, bytes);
			cmem_regs_changed(k, p);
			return true;
		}
		if (st != CONTIG_NO_SPACE || !make_room(k, bytes, p))
			return false;
	}
}

/* segmentation: the heap segment for a break at new_end (page-aligned). */
static bool heap_segment_for(struct kernel *k, struct proc *p, vaddr_t new_end)
{
	uint64_t max = k->cm->seg_max, old_size = p->cm->ctx.seg[CMEM_SEL_HEAP].limit;
	uint64_t size = new_end > max + page_size(k) ? new_end - max : page_size(k);
	if (size == old_size)
		return true;
	if (!resize_heap(k, p, size))
		return false;
	if (size > old_size)
		memset(ram(k, p->cm->ctx.seg[CMEM_SEL_HEAP].base + old_size, size - old_size), 0, size - old_size);
	return true;
}

bool cmem_brk(struct kernel *k, struct proc *p, vaddr_t want)
{
	vaddr_t old_end = page_up(k, p->brk), new_end = page_up(k, want);
	if (want < p->brk_start || want > cmem_brk_limit(k, p))
		return false;
	if (k->cm->segmented) {
		if (!heap_segment_for(k, p, new_end))
			return false;
	} else if (new_end > old_end) {
		memset(ram(k, flat_base(p) + old_end, new_end - old_end), 0, new_end - old_end);
	}
	cmem_account(k, p, -1);
	p->brk = want;
	cmem_account(k, p, +1);
	return true;
}

bool cmem_fork(struct kernel *k, struct proc *parent, struct proc *child)
{
	struct blk b[2], from[2];
	child->cm = xcalloc(1, sizeof *child->cm);
	child->cm->ctx = parent->cm->ctx;
	child->cm->program = parent->cm->program;
	child->cm->id = ++k->cm->next_id;
	child->cm->code = parent->cm->code;
	if (child->cm->code) {
		child->cm->code->users++;
		child->cm->code->users_in++;
	}
	k->cm->loading = child;
	unsigned n = cmem_blocks_of(k, child, b);
	bool ok = cmem_place_all(k, child, b, n);
	k->cm->loading = NULL;
	if (!ok) {
		if (child->cm->code) {
			cmem_code_out(k, child->cm->code);
			code_put(k, child->cm->code);
		}
		child->cm->code = NULL;
		child->cm->id = 0;
		return false;
	}
	child->brk_start = parent->brk_start;
	child->brk = parent->brk;
	cmem_account(k, child, +1);
	cmem_blocks_of(k, child, b);
	if (cmem_is_out(parent)) /* it went out to make room for its child: its registers name freed memory */
		return cmem_copy_from_swap(k, parent, child, b, n);
	cmem_blocks_of(k, parent, from); /* after any compaction the placing did */
	for (unsigned i = 0; i < n; i++) {
		memcpy(ram(k, b[i].base, b[i].size), ram(k, from[i].base, from[i].size), b[i].size);
		k->c.copied_bytes += b[i].size;
	}
	return true;
}

void cmem_release(struct kernel *k, struct proc *p)
{
	struct blk b[2];
	if (!p->cm || !p->cm->id)
		return;
	if (cmem_is_out(p)) {
		for (uint64_t i = 0; i < p->cm->nout; i++)
			swap_free(&k->swap, p->cm->out_slots[i]);
		free(p->cm->out_slots);
		p->cm->out_slots = NULL;
		p->cm->nout = 0;
	} else {
		unsigned n = cmem_blocks_of(k, p, b);
		for (unsigned i = 0; i < n; i++)
			cmem_free_block(k->cm, owner_of(p->cm->id, b[i].sel));
		if (p->cm->code)
			cmem_code_out(k, p->cm->code);
		cmem_account(k, p, -1);
	}
	if (p->cm->code)
		code_put(k, p->cm->code);
	p->cm->code = NULL;
	p->cm->id = 0;
	if (k->current == p)
		k->current = NULL;
}

void cmem_forget(struct proc *p)
{
	if (!p->cm)
		return;
	free(p->cm->out_slots);
	free(p->cm);
	p->cm = NULL;
}

/* ---- figures ---- */

uint64_t cmem_frees(const struct kernel *k) { return k->cm->frees; }

uint64_t cmem_resident_bytes(const struct kernel *k, const struct proc *p)
{
	struct blk b[2];
	if (!p->cm || cmem_is_out(p))
		return 0;
	unsigned n = cmem_blocks_of(k, p, b);
	return blocks_bytes(b, n) + (p->cm->code ? p->cm->code->size : 0);
}

uint64_t cmem_swapped_bytes(const struct kernel *k, const struct proc *p)
{
	return p->cm ? p->cm->nout << k->fmt.page_shift : 0;
}

void cmem_stats(const struct kernel *k, struct cmem_stats *st)
{
	memset(st, 0, sizeof *st);
	st->partitioned = k->cm->partitioned;
	if (st->partitioned)
		contig_part_stats(&k->cm->parts, &st->part);
	else
		contig_stats(&k->cm->alloc, &st->contig);
	st->worst = k->cm->worst;
	st->peak_code_shared = k->cm->peak_shared;
	st->peak_code_saved = k->cm->peak_saved;
	st->spaces = k->cm->spaces;
	st->space_bytes = k->cm->space_bytes;
	st->unused_bytes = k->cm->unused;
	st->peak_spaces = k->cm->peak_spaces;
	st->peak_space_bytes = k->cm->peak_space_bytes;
	st->peak_unused_bytes = k->cm->peak_unused;
	for (const struct cmem_code *c = k->cm->codes; c; c = c->next) {
		st->code_segments += c->users_in > 0;
		st->code_shared += c->users_in > 1;
		st->code_bytes_saved += c->users_in > 1 ? c->size * (c->users_in - 1) : 0;
	}
}

void cmem_describe_regs(const struct kernel *k, const struct proc *p, const char *indent, FILE *out)
{
	if (!p->cm || !p->cm->id) {
		fprintf(out, "%sno memory\n", indent);
		return;
	}
	const struct mmu_context *c = &p->cm->ctx;
	if (cmem_is_out(p))
		fprintf(out, "%sswapped out (%" PRIu64 " pages); the registers it will get back:\n", indent, p->cm->nout);
	if (c->kind == MMU_MECH_BASE_BOUNDS) {
		fprintf(out, "%sbase 0x%" PRIx64 "  bounds 0x%" PRIx64 "\n", indent, c->bb.base, c->bb.bounds);
		return;
	}
	if (c->kind == MMU_MECH_PARTITION) {
		fprintf(out, "%spartition %" PRIu64 ": base 0x%" PRIx64 "  size 0x%" PRIx64 "\n", indent,
			c->part.base / k->cm->limit, c->part.base, c->part.size);
		return;
	}
	unsigned nsegs = 1u << k->cfg.mmu.seg.sel_bits;
	const char *const *names = k->cfg.mmu.seg.names;
	for (unsigned i = 0; i < nsegs; i++) {
		const struct mmu_segment *s = &c->seg[i];
		char prot[4];
		region_prot_string(s->prot, prot);
		if (!s->limit) {
			fprintf(out, "%s%-6s (none)\n", indent, names[i] ? names[i] : "-");
			continue;
		}
		fprintf(out, "%s%-6s base 0x%08" PRIx64 "  limit 0x%06" PRIx64 "  %s  grows %s", indent,
			names[i] ? names[i] : "-", s->base, s->limit, prot, s->grows_down ? "down" : "up");
		if (i == CMEM_SEL_CODE && p->cm->code && p->cm->code->users_in > 1)
			fprintf(out, "  (shared by %u processes)", p->cm->code->users_in);
		fputc('\n', out);
	}
}

bool cmem_explain_va(struct kernel *k, const struct proc *p, vaddr_t va, char *buf, size_t len)
{
	if (!p->cm || !p->cm->id || cmem_is_out(p)) {
		snprintf(buf, len, "%s", p->cm && p->cm->id ? "it is swapped out" : "it holds no memory");
		return false;
	}
	struct mmu_counts counts = k->mmu->c; /* a look, not a reference */
	struct mmu_context regs;
	mmu_save_context(k->mmu, &regs);
	char err[200];
	if (mmu_load_context(k->mmu, &p->cm->ctx, err, sizeof err) != MMU_OK)
		panic("pid %d's registers: %s", p->pid, err);
	paddr_t pa;
	struct fault f;
	bool ok = mmu_translate(k->mmu, va, ACCESS_READ, PRIV_USER, &pa, &f);
	if (ok)
		mmu_describe(k->mmu, va, pa, buf, len);
	else
		fault_describe(&f, buf, len);
	if (mmu_load_context(k->mmu, &regs, err, sizeof err) != MMU_OK)
		panic("the registers saved: %s", err);
	k->mmu->c = counts;
	return ok;
}

/* ---- checks ---- */

static void check_proc(const struct kernel *k, const struct proc *p, uint64_t *blocks, uint64_t *slots)
{
	struct blk b[2];
	if (!p->cm || !p->cm->id)
		return;
	if (cmem_is_out(p)) {
		for (uint64_t i = 0; i < p->cm->nout; i++)
			if (swap_holders(&k->swap, p->cm->out_slots[i]) != 1)
				panic("pid %d's swap slot %" PRIu64 " has %u holders", p->pid, p->cm->out_slots[i],
				      swap_holders(&k->swap, p->cm->out_slots[i]));
		*slots += p->cm->nout;
		return;
	}
	unsigned n = cmem_blocks_of(k, p, b);
	for (unsigned i = 0; i < n; i++) {
		uint64_t base = 0, size = 0, index;
		bool found = k->cm->partitioned
				     ? contig_part_lookup(&k->cm->parts, owner_of(p->cm->id, b[i].sel), &index, &base)
				     : contig_lookup(&k->cm->alloc, owner_of(p->cm->id, b[i].sel), &base, &size);
		if (k->cm->partitioned)
			size = k->cm->limit;
		if (!found || base != b[i].base || size != b[i].size)
			panic("pid %d's block %u: registers 0x%" PRIx64 "+0x%" PRIx64 ", allocator %s0x%" PRIx64
			      "+0x%" PRIx64, p->pid, b[i].sel, b[i].base, b[i].size, found ? "" : "(none) ", base, size);
	}
	if (p->cm->code && p->cm->ctx.seg[CMEM_SEL_CODE].base != p->cm->code->base)
		panic("pid %d's code segment register is not its code segment's base", p->pid);
	*blocks += n;
}

void cmem_check(const struct kernel *k)
{
	const struct cmem *cm = k->cm;
	uint64_t blocks = 0, slots = 0;
	if (cm->partitioned)
		contig_part_check(&cm->parts);
	else
		contig_check(&cm->alloc);
	for (int dead = 0; dead < 2; dead++)
		for (const struct proc *p = dead ? k->dead : k->alive; p; p = p->next_alive)
			check_proc(k, p, &blocks, &slots);
	for (const struct cmem_code *c = cm->codes; c; c = c->next)
		blocks += c->users_in > 0;
	uint64_t held;
	if (cm->partitioned) {
		struct contig_part_stats ps;
		contig_part_stats(&cm->parts, &ps);
		held = ps.taken;
	} else {
		struct contig_stats cs;
		contig_stats(&cm->alloc, &cs);
		held = cs.blocks;
	}
	if (held != blocks)
		panic("the allocator holds %" PRIu64 " blocks, the processes and code segments %" PRIu64, held, blocks);
	if (k->has_swap && k->swap.used != slots)
		panic("%" PRIu64 " swap slots in use, the swapped-out processes hold %" PRIu64, k->swap.used, slots);
}
