/* Loading a program: ELF segments become file-backed regions paged in on
 * demand (text r-x, data rw-, bss zero-filled), the stack is built as the
 * Linux RISC-V ABI describes (argc, argv, envp, auxv), then the image is
 * committed. */
#include "os/exec.h"
#include "os/cmem.h"
#include "os/elf.h"
#include "os/vm.h"
#include "guest/include/vmlab/syscall.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define ASLR_SPAN (256ull << 20) /* how far ASLR moves the stack top and the heap start */

/* Auxiliary vector keys (Linux include/uapi/linux/auxvec.h). */
enum { AT_NULL = 0, AT_PAGESZ = 6, AT_ENTRY = 9, AT_RANDOM = 25 };

vaddr_t exec_stack_top(const struct kernel *k)
{
	const struct pt_format *f = &k->fmt;
	if (f->canonical)
		return 1ull << (f->va_bits - 1); /* the top of the lower (user) half */
	return k->kregion_va ? k->kregion_va : (f->va_bits >= 64 ? ~0ull : 1ull << f->va_bits) & ~mask_bits(f->page_shift);
}

static uint64_t page_down(const struct kernel *k, uint64_t a) { return a & ~mask_bits(k->fmt.page_shift); }
static uint64_t page_up(const struct kernel *k, uint64_t a) { return page_down(k, a + mask_bits(k->fmt.page_shift)); }

/* Adds the region of one segment: file bytes from its first page on. A first
 * page shared with the previous segment (same permissions, the ELF parser
 * guarantees it) is left to that segment's region, whose file bytes and zeros
 * there are filled in eagerly by fill_shared_page. */
static bool add_segment(struct kernel *k, struct proc *p, const struct elf_segment *s, struct vfile *file,
			vaddr_t prev_end)
{
	vaddr_t start = page_down(k, s->vaddr), end = page_up(k, s->vaddr + s->memsz);
	if (start < prev_end)
		start = prev_end;
	if (start >= end)
		return true;
	uint64_t skip = start - page_down(k, s->vaddr); /* bytes of the shared first page */
	uint64_t lead = s->vaddr - page_down(k, s->vaddr);
	struct region r = {
		.start = start,
		.end = end,
		.prot = s->prot,
		.kind = (s->prot & PTE_X) ? REGION_TEXT : REGION_DATA,
		.file = vfile_get(file),
		.file_off = s->offset - lead + skip,
		.file_len = lead + s->filesz > skip ? lead + s->filesz - skip : 0,
	};
	if (!as_add_region(&p->as, &r)) {
		vfile_put(file);
		return false;
	}
	return true;
}

/* Writes a later segment's bytes that share a page with an earlier one. */
static int fill_shared_page(struct kernel *k, struct proc *p, const struct elf_segment *s, const struct elf_file *ef,
			    vaddr_t prev_end)
{
	if (page_down(k, s->vaddr) >= prev_end)
		return 0;
	uint64_t n = prev_end - s->vaddr < s->filesz ? prev_end - s->vaddr : s->filesz;
	return vm_copy(k, p, s->vaddr, ef->data + s->offset, n, true);
}

/* Maps every segment of the image. */
static int map_segments(struct kernel *k, struct proc *p, const struct elf_file *ef, struct vfile *file)
{
	vaddr_t prev_end = 0;
	for (unsigned i = 0; i < ef->img.nseg; i++) {
		const struct elf_segment *s = &ef->img.seg[i];
		if (!add_segment(k, p, s, file, prev_end))
			return -GUEST_ENOEXEC;
		int st = fill_shared_page(k, p, s, ef, prev_end);
		if (st)
			return st;
		prev_end = page_up(k, s->vaddr + s->memsz) > prev_end ? page_up(k, s->vaddr + s->memsz) : prev_end;
	}
	return 0;
}

/* The initial stack, built in a host buffer laid out for its final address:
 *
 *   stack_top ->  [strings: argv..., envp..., 16 random bytes]
 *                 (padding to 16 bytes)
 *                 auxv: (AT_PAGESZ, page) (AT_ENTRY, entry) (AT_RANDOM, ptr) (AT_NULL, 0)
 *                 envp[0..envc-1], NULL
 *                 argv[0..argc-1], NULL
 *   sp ->         argc
 */
struct stack_image {
	uint8_t buf[EXEC_MAX_STRINGS + (EXEC_MAX_ARGS * 2 + 16) * 8];
	size_t used; /* bytes from the top */
	vaddr_t top;
};

static vaddr_t push_bytes(struct stack_image *si, const void *data, size_t n)
{
	si->used += n;
	memcpy(si->buf + sizeof si->buf - si->used, data, n);
	return si->top - si->used;
}

static bool strings_fit(char *const v[], int n, size_t *total)
{
	for (int i = 0; i < n; i++)
		*total += strlen(v[i]) + 1;
	return *total <= EXEC_MAX_STRINGS;
}

/* Whether the arguments and environment fit the initial stack's limits. */
static bool args_fit(char *const argv[], int argc, char *const envp[], int envc)
{
	size_t total = 0;
	return argc <= EXEC_MAX_ARGS && envc <= EXEC_MAX_ARGS && strings_fit(argv, argc, &total) &&
	       strings_fit(envp, envc, &total);
}

/* Builds the stack; the arguments must fit (args_fit). */
static int build_stack(struct kernel *k, struct proc *p, struct stack_image *si, char *const argv[], int argc,
		       char *const envp[], int envc, vaddr_t entry)
{
	uint64_t words[EXEC_MAX_ARGS * 2 + 16];
	size_t nw = 0;
	vaddr_t argp[EXEC_MAX_ARGS], envpp[EXEC_MAX_ARGS];
	si->used = 0;
	for (int i = 0; i < argc; i++)
		argp[i] = push_bytes(si, argv[i], strlen(argv[i]) + 1);
	for (int i = 0; i < envc; i++)
		envpp[i] = push_bytes(si, envp[i], strlen(envp[i]) + 1);
	uint8_t random[16];
	for (int i = 0; i < 16; i++)
		random[i] = (uint8_t)(k->cfg.seed * 131 + (uint64_t)i * 29);
	vaddr_t random_va = push_bytes(si, random, sizeof random);
	words[nw++] = (uint64_t)argc;
	for (int i = 0; i < argc; i++)
		words[nw++] = argp[i];
	words[nw++] = 0;
	for (int i = 0; i < envc; i++)
		words[nw++] = envpp[i];
	words[nw++] = 0;
	uint64_t aux[] = {AT_PAGESZ, 1ull << k->fmt.page_shift, AT_ENTRY, entry, AT_RANDOM, random_va, AT_NULL, 0};
	memcpy(&words[nw], aux, sizeof aux);
	nw += ARRAY_LEN(aux);
	si->used = (si->used + nw * 8 + 15) & ~(size_t)15; /* sp 16-byte aligned */
	vaddr_t sp = si->top - si->used;
	memcpy(si->buf + sizeof si->buf - si->used, words, nw * 8);
	p->cpu->x[2] = sp;
	return vm_copy(k, p, sp, si->buf + sizeof si->buf - si->used, si->used, true);
}

/* The stack region: one page below the top to start with; it grows on faults. */
static bool add_stack(struct kernel *k, struct proc *p, vaddr_t top)
{
	struct region r = {.start = top - (1ull << k->fmt.page_shift), .end = top, .prot = PTE_R | PTE_W,
			   .kind = REGION_STACK};
	p->stack_top = top;
	return as_add_region(&p->as, &r);
}

/* With ASLR, a random whole number of pages below span bytes. */
static uint64_t random_offset(struct kernel *k, uint64_t span)
{
	uint64_t pages = span >> k->fmt.page_shift;
	return k->cfg.aslr && pages ? rng_below(&k->rng, pages) << k->fmt.page_shift : 0;
}

/* Under a contiguous mechanism the new image needs blocks beside the old
 * one's (old: the process calling execve, or NULL). When there is no room
 * for both the old image goes first: exec's point of no return, and when the
 * new one still finds no room the old process is killed. */
static int load_contiguous(struct kernel *k, struct proc *p, struct proc *old, const struct elf_file *ef)
{
	int st = cmem_load(k, p, ef);
	if (st != -GUEST_ENOMEM || !old)
		return st;
	cmem_release(k, old);
	st = cmem_load(k, p, ef);
	if (st)
		kernel_kill(k, old, GUEST_SIGKILL, "execve: no memory for the new image once the old one was freed");
	return st;
}

static int load_image(struct kernel *k, struct proc *p, struct proc *old, const struct elf_file *ef,
		      struct vfile *file, char *const argv[], int argc, char *const envp[], int envc)
{
	static struct stack_image si; /* large: not on the host stack; the kernel is single-threaded */
	vaddr_t top;
	int st = k->cm ? load_contiguous(k, p, old, ef) : map_segments(k, p, ef, file);
	if (st)
		return st;
	if (k->cm) { /* placed whole: no ASLR, no regions */
		top = p->stack_top;
	} else {
		top = exec_stack_top(k) - random_offset(k, ASLR_SPAN);
		if (!add_stack(k, p, top))
			return -GUEST_ENOEXEC;
		p->brk_start = p->brk = ef->img.brk_start + random_offset(k, ASLR_SPAN);
	}
	p->cpu = xmalloc(sizeof *p->cpu);
	cpu_init(p->cpu, k->mmu, &k->pm, ef->img.entry);
	if (k->checker) {
		cpu_track_calls(p->cpu);
		cpu_check_with(p->cpu, k->checker);
	}
	si.top = top;
	return build_stack(k, p, &si, argv, argc, envp, envc, ef->img.entry);
}

/* Whether the image fits the layout of the kernel's mechanism: under paging
 * every segment's pages lie at or above MMAP_MIN_ADDR (so NULL and the
 * addresses near it stay unmapped); false with "path: why" in err. */
static bool layout_ok(const struct kernel *k, const struct elf_file *ef, int pid, const char *path, char *err,
		      size_t errlen)
{
	if (k->cm)
		return cmem_layout_ok(k, &ef->img, pid, path, err, errlen);
	for (unsigned i = 0; i < ef->img.nseg; i++) {
		const struct elf_segment *s = &ef->img.seg[i];
		if (page_down(k, s->vaddr) >= MMAP_MIN_ADDR)
			continue;
		snprintf(err, errlen, "%s: segment %u at 0x%" PRIx64 " lies below 0x%x, the lowest address a program may "
			 "map (as Linux's vm.mmap_min_addr; link it higher, as riscv64-unknown-elf-gcc does by default at "
			 "0x10000)", path, s->phdr, page_down(k, s->vaddr), MMAP_MIN_ADDR);
		return false;
	}
	return true;
}

/* The process's name: the base name of how it was invoked, without ".c". */
static void name_from(struct proc *p, const char *invoked)
{
	const char *base = strrchr(invoked, '/') ? strrchr(invoked, '/') + 1 : invoked;
	size_t n = strlen(base);
	if (n > 2 && !strcmp(base + n - 2, ".c"))
		n -= 2;
	snprintf(p->name, sizeof p->name, "%.*s", (int)n, base);
}

struct proc *exec_program(struct kernel *k, struct proc *old, int pid, const char *path, char *const argv[],
			  int argc, char *const envp[], int envc, int *errno_out, char *err, size_t errlen)
{
	struct elf_file ef = {0};
	vaddr_t top = exec_stack_top(k);
	if (!args_fit(argv, argc, envp, envc)) {
		*errno_out = GUEST_E2BIG;
		snprintf(err, errlen, "%s: the arguments are too long", path);
		return NULL;
	}
	vaddr_t limit = k->cm ? cmem_va_limit(k) : top - ASLR_SPAN - k->cfg.stack_limit;
	if (!elf_open(&ef, path, 1ull << k->fmt.page_shift, limit, err, errlen)) {
		*errno_out = strstr(err, "No such file") ? GUEST_ENOENT : GUEST_ENOEXEC;
		return NULL;
	}
	if (!layout_ok(k, &ef, old ? old->pid : pid, path, err, errlen)) {
		elf_close(&ef);
		*errno_out = GUEST_ENOEXEC;
		return NULL;
	}
	struct vfile *file = vfile_open(path, err, errlen);
	struct proc *p = file ? kernel_new_proc(k) : NULL;
	if (p) {
		p->pid = old ? old->pid : pid; /* whose references loading makes */
		if (old)
			kernel_as_event(k, old, AS_EMPTY, 0); /* as observers see it: only memory can fail now */
	}
	int st = p ? load_image(k, p, old, &ef, file, argv, argc, envp, envc) : -GUEST_ENOMEM;
	vfile_put(file);
	elf_close(&ef);
	if (st) {
		*errno_out = -st;
		if (file)
			snprintf(err, errlen, "%s: no memory to load it", path);
		if (p)
			kernel_discard(k, p);
		return NULL;
	}
	name_from(p, argc ? argv[0] : path);
	if (old)
		kernel_replace(k, old, p);
	else
		kernel_adopt(k, p, pid);
	return p;
}
