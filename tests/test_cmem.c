/* The contiguous mechanisms' kernel (os/cmem.c), end to end: guest programs
 * run under partition, base-bounds and segmentation; a program that finds no
 * partition waits, or others are swapped out whole for it; base-bounds
 * relocates and checks the bounds, compaction makes room without changing
 * what the moved processes hold; segmentation shares code segments and moves
 * a heap that grows into its neighbour; violations kill with the hardware's
 * words; exec refuses a layout that does not fit; fork fails when no block
 * can be had. The guest programs are those `make guest` builds beside this
 * binary: BUILD/guest/low/NAME (text at 0), BUILD/guest/seg/NAME (data in
 * the heap segment) and BUILD/guest/NAME. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guest/include/vmlab/syscall.h"
#include "os/cmem.h"
#include "os/exec.h"
#include "os/sched.h"
#include "tests/harness.h"

#define PRINTF_OK "printf: 0 failures\n"
#define SORT_OK "checksum 0x3a2418d778a33170\n"
#define MAX_PROCS 32

/* BUILD/guest/LAYOUT/NAME ("" for the normal build), from where this binary
 * is: BUILD/tests/test_cmem. */
static const char *guest(const char *layout, const char *name)
{
	static char paths[8][PATH_MAX];
	static unsigned next;
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		FAIL("cannot read /proc/self/exe");
	exe[n] = '\0';
	*strrchr(exe, '/') = '\0'; /* BUILD/tests */
	*strrchr(exe, '/') = '\0'; /* BUILD */
	char *path = paths[next++ % 8];
	if (snprintf(path, PATH_MAX, "%s/guest/%s%s%s", exe, layout, *layout ? "/" : "", name) >= PATH_MAX)
		FAIL("the path of %s is too long", name);
	if (access(path, R_OK) != 0)
		FAIL("%s: missing (make guest builds it)", path);
	return path;
}

static struct kernel_config config(const char *mech)
{
	struct kernel_config cfg;
	kernel_config_defaults(&cfg);
	cfg.mmu.mech = mmu_mech_lookup(mech);
	if (!cfg.mmu.mech)
		FAIL("no mechanism %s", mech);
	return cfg;
}

/* What a process was when it ended (the on_exit hook). */
struct ended {
	int pid;
	int status;
	uint64_t waited_ns;
	char death[320];
};

/* A run: a kernel, a scheduler and the programs' output. */
struct run {
	struct kernel *k;
	struct sched s;
	FILE *out;
	char *text; /* the output, after run_wait */
	struct ended ended[MAX_PROCS];
	int nended;
	char *argv[MAX_PROCS][3];
	int nstarted;
};

static void record_exit(void *ctx, const struct proc *p)
{
	struct run *r = ctx;
	if (r->nended == MAX_PROCS)
		FAIL("more than %d processes ended", MAX_PROCS);
	struct ended *e = &r->ended[r->nended++];
	e->pid = p->pid;
	e->status = p->wait_status;
	e->waited_ns = p->waited_ns;
	snprintf(e->death, sizeof e->death, "%s", p->death);
}

static void run_init(struct run *r, const struct kernel_config *cfg, uint64_t max_insns)
{
	char err[400];
	memset(r, 0, sizeof *r);
	r->k = kernel_new(cfg, err, sizeof err);
	if (!r->k)
		FAIL("kernel_new: %s", err);
	r->k->on_exit = record_exit;
	r->k->on_exit_ctx = r;
	r->out = tmpfile();
	struct sched_config sc = {.quantum_insns = 20000, .max_insns = max_insns, .insn_ns = 1, .out = r->out,
				  .err = r->out, .in = stdin};
	sched_init(&r->s, r->k, &sc);
}

/* Starts path with one argument (or none); its pid, or 0 with err. */
static int run_try(struct run *r, const char *path, const char *arg, char *err, size_t errlen)
{
	char **argv = r->argv[r->nstarted++];
	argv[0] = (char *)path;
	argv[1] = (char *)arg;
	return sched_start(&r->s, path, argv, arg ? 2 : 1, err, errlen);
}

static int run_start(struct run *r, const char *path, const char *arg)
{
	char err[600];
	int pid = run_try(r, path, arg, err, sizeof err);
	if (!pid)
		FAIL("%s: %s", path, err);
	return pid;
}

/* Runs to the end; the output in r->text. */
static void run_wait(struct run *r)
{
	CHECK_EQ(sched_run(&r->s), SCHED_DONE);
	kernel_check(r->k);
	long n = ftell(r->out);
	r->text = calloc(1, (size_t)n + 1);
	rewind(r->out);
	CHECK_EQ(fread(r->text, 1, (size_t)n, r->out), (size_t)n);
}

static void run_fini(struct run *r)
{
	sched_fini(&r->s);
	kernel_free(r->k);
	fclose(r->out);
	free(r->text);
}

static const struct ended *ended(const struct run *r, int pid)
{
	for (int i = 0; i < r->nended; i++)
		if (r->ended[i].pid == pid)
			return &r->ended[i];
	FAIL("pid %d never ended", pid);
}

static unsigned count(const char *text, const char *line)
{
	unsigned n = 0;
	for (const char *at = text; (at = strstr(at, line)); at += strlen(line))
		n++;
	return n;
}

/* Runs copies of the program with the argument under cfg and checks that
 * each printed want and exited 0. */
static void run_copies(const struct kernel_config *cfg, const char *path, const char *arg, int copies,
		       const char *want)
{
	struct run r;
	int pids[MAX_PROCS];
	run_init(&r, cfg, 0);
	for (int i = 0; i < copies; i++)
		pids[i] = run_start(&r, path, arg);
	run_wait(&r);
	CHECK_EQ(count(r.text, want), copies);
	for (int i = 0; i < copies; i++) {
		CHECK_EQ(ended(&r, pids[i])->status, 0);
		CHECK_STR(ended(&r, pids[i])->death, "");
	}
	run_fini(&r);
}

/* ---- 1. every mechanism runs programs ---- */

TEST(partition_runs_a_program_and_two_copies_at_once)
{
	struct kernel_config cfg = config("partition");
	run_copies(&cfg, guest("low", "sort"), NULL, 1, SORT_OK);
	run_copies(&cfg, guest("low", "printf"), NULL, 2, PRINTF_OK);
}

TEST(base_bounds_runs_a_program_and_two_copies_at_once)
{
	struct kernel_config cfg = config("base-bounds");
	run_copies(&cfg, guest("low", "sort"), NULL, 1, SORT_OK);
	run_copies(&cfg, guest("low", "printf"), NULL, 2, PRINTF_OK);
	run_copies(&cfg, guest("", "printf"), NULL, 2, PRINTF_OK); /* text at 0x10000 fits too */
}

TEST(segmentation_runs_a_program_and_two_copies_at_once)
{
	struct kernel_config cfg = config("segmentation");
	run_copies(&cfg, guest("seg", "sort"), NULL, 1, SORT_OK);
	run_copies(&cfg, guest("seg", "printf"), NULL, 2, PRINTF_OK);
	run_copies(&cfg, guest("seg", "fork"), NULL, 1, "fork: 0 failures\n");
}

/* ---- 2. waiting for a partition, or swapping for one ---- */

TEST(the_ninth_program_waits_for_one_of_eight_partitions_then_runs)
{
	struct kernel_config cfg = config("partition");
	cfg.mmu.part.count = 8;
	struct run r;
	int pids[9];
	run_init(&r, &cfg, 0);
	for (int i = 0; i < 9; i++)
		pids[i] = run_start(&r, guest("low", "printf"), NULL);
	for (int i = 0; i < 8; i++)
		CHECK(kernel_proc(r.k, pids[i]) != NULL);
	CHECK(kernel_proc(r.k, pids[8]) == NULL); /* waiting, with its pid */
	CHECK_EQ(r.s.nwaiting, 1);
	run_wait(&r);
	CHECK_EQ(count(r.text, PRINTF_OK), 9);
	for (int i = 0; i < 9; i++)
		CHECK_EQ(ended(&r, pids[i])->status, 0);
	CHECK(ended(&r, pids[8])->waited_ns > 0);
	CHECK_EQ(ended(&r, pids[0])->waited_ns, 0);
	CHECK_EQ(r.k->c.proc_swap_outs, 0);
	run_fini(&r);
}

TEST(with_process_swapping_nobody_waits_and_every_byte_comes_back)
{
	struct kernel_config cfg = config("partition");
	cfg.mmu.part.count = 8;
	cfg.swap_processes = true;
	struct run r;
	int pids[9];
	run_init(&r, &cfg, 0);
	for (int i = 0; i < 9; i++)
		pids[i] = run_start(&r, guest("low", "printf"), NULL);
	CHECK_EQ(r.s.nwaiting, 0);
	for (int i = 0; i < 9; i++)
		CHECK(kernel_proc(r.k, pids[i]) != NULL);
	CHECK(cmem_is_out(kernel_proc(r.k, pids[0]))); /* the oldest made room for the ninth */
	kernel_check(r.k);
	run_wait(&r);
	CHECK(r.k->c.proc_swap_outs > 0);
	CHECK(r.k->c.proc_swap_ins > 0);
	CHECK_EQ(count(r.text, PRINTF_OK), 9);
	for (int i = 0; i < 9; i++) {
		CHECK_EQ(ended(&r, pids[i])->status, 0);
		CHECK_EQ(ended(&r, pids[i])->waited_ns, 0);
	}
	CHECK_EQ(r.k->swap.used, 0);
	run_fini(&r);
}

TEST(sort_swapped_in_and_out_of_two_partitions_keeps_its_numbers)
{
	struct kernel_config cfg = config("partition");
	cfg.mmu.part.count = 2;
	cfg.swap_processes = true;
	run_copies(&cfg, guest("low", "sort"), NULL, 3, SORT_OK);
}

/* ---- 3. base and bounds ---- */

/* A process of path made by exec directly (no scheduler), as pid. */
static struct proc *exec_new(struct kernel *k, int pid, const char *path)
{
	char err[600];
	int errnum;
	char *argv[] = {(char *)path, NULL};
	struct proc *p = exec_program(k, NULL, pid, path, argv, 1, NULL, 0, &errnum, err, sizeof err);
	if (!p)
		FAIL("%s: %s", path, err);
	return p;
}

static struct kernel *new_kernel(const struct kernel_config *cfg)
{
	char err[400];
	struct kernel *k = kernel_new(cfg, err, sizeof err);
	if (!k)
		FAIL("kernel_new: %s", err);
	return k;
}

/* Translates va for a write in p's context. */
static bool translate(struct kernel *k, struct proc *p, vaddr_t va, paddr_t *pa, struct fault *f)
{
	kernel_switch(k, p);
	return mmu_translate(k->mmu, va, ACCESS_WRITE, PRIV_USER, pa, f);
}

TEST(base_bounds_gives_each_process_its_own_base_and_checks_the_bounds)
{
	struct kernel_config cfg = config("base-bounds");
	struct kernel *k = new_kernel(&cfg);
	struct proc *a = exec_new(k, 1, guest("low", "printf")), *b = exec_new(k, 2, guest("low", "printf"));
	const uint64_t as = cfg.as_size;
	CHECK_EQ(a->cm->ctx.kind, MMU_MECH_BASE_BOUNDS);
	CHECK_EQ(a->cm->ctx.bb.bounds, as);
	CHECK_EQ(b->cm->ctx.bb.bounds, as);
	CHECK(a->cm->ctx.bb.base != b->cm->ctx.bb.base);
	CHECK(a->cm->ctx.bb.base + as <= b->cm->ctx.bb.base || b->cm->ctx.bb.base + as <= a->cm->ctx.bb.base);
	struct proc *both[] = {a, b};
	for (int i = 0; i < 2; i++) {
		struct proc *p = both[i];
		paddr_t pa;
		struct fault f;
		CHECK(translate(k, p, 0x1234, &pa, &f));
		CHECK_EQ(pa, p->cm->ctx.bb.base + 0x1234);
		CHECK(translate(k, p, as - 1, &pa, &f));
		CHECK_EQ(pa, p->cm->ctx.bb.base + as - 1);
		CHECK(!translate(k, p, as, &pa, &f));
		CHECK_EQ(f.kind, FAULT_BOUNDS);
		CHECK_EQ(f.limit, as);
	}
	/* The program's bytes are where the base says: its ELF's first bytes of text at va 0. */
	CHECK(memcmp(physmem_ptr(&k->pm, a->cm->ctx.bb.base, 64), physmem_ptr(&k->pm, b->cm->ctx.bb.base, 64), 64) == 0);
	kernel_check(k);
	kernel_exit(k, a);
	kernel_exit(k, b);
	kernel_check(k);
	kernel_free(k);
}

/* ---- 4. compaction ---- */

/* The sizes of a program's blocks under segmentation (a probe kernel). */
struct seg_sizes {
	uint64_t code, heap;
};

static struct seg_sizes seg_sizes_of(const char *path)
{
	struct kernel_config cfg = config("segmentation");
	struct kernel *k = new_kernel(&cfg);
	struct proc *p = exec_new(k, 1, path);
	struct seg_sizes z = {p->cm->code->size, p->cm->ctx.seg[CMEM_SEL_HEAP].limit};
	kernel_exit(k, p);
	kernel_free(k);
	return z;
}

/* A copy of a process's blocks' bytes (heap, then stack), to compare after
 * they move. */
struct snapshot {
	uint8_t *bytes;
	uint64_t heap, stack;
};

static uint8_t *heap_of(struct kernel *k, const struct proc *p)
{
	const struct mmu_segment *h = &p->cm->ctx.seg[CMEM_SEL_HEAP];
	return physmem_ptr(&k->pm, h->base, h->limit);
}

static uint8_t *stack_of(struct kernel *k, const struct proc *p)
{
	const struct mmu_segment *s = &p->cm->ctx.seg[(1u << k->cfg.mmu.seg.sel_bits) - 1];
	return physmem_ptr(&k->pm, s->base - s->limit, s->limit);
}

/* Marks p's heap and stack with bytes of its own, and keeps a copy. */
static struct snapshot mark(struct kernel *k, const struct proc *p, uint8_t tag)
{
	struct snapshot sn = {.heap = p->cm->ctx.seg[CMEM_SEL_HEAP].limit, .stack = CMEM_SEG_STACK};
	uint8_t *h = heap_of(k, p), *s = stack_of(k, p);
	for (uint64_t i = 0; i < sn.heap; i += 61)
		h[i] = (uint8_t)(tag + i);
	for (uint64_t i = 0; i < sn.stack / 2; i += 67) /* the top half holds the arguments */
		s[i] = (uint8_t)(tag ^ i);
	sn.bytes = malloc(sn.heap + sn.stack);
	memcpy(sn.bytes, h, sn.heap);
	memcpy(sn.bytes + sn.heap, s, sn.stack);
	return sn;
}

static void check_unchanged(struct kernel *k, const struct proc *p, struct snapshot *sn)
{
	CHECK(memcmp(heap_of(k, p), sn->bytes, sn->heap) == 0);
	CHECK(memcmp(stack_of(k, p), sn->bytes + sn->heap, sn->stack) == 0);
	free(sn->bytes);
}

/* Four processes of printf fill RAM but a tail (code, heap, stack, four
 * times); the first and third exit, leaving two holes of a heap and a stack
 * each, and the tail is room for poke's code and stack: its heap (its 256
 * KiB bss) fits no hole. */
struct fragmented {
	struct kernel *k;
	struct proc *p[4];
	struct snapshot sn[2]; /* of p[1], p[3] */
};

static void fragment(struct fragmented *fr, bool compact)
{
	struct seg_sizes pr = seg_sizes_of(guest("seg", "printf")), po = seg_sizes_of(guest("seg", "poke"));
	uint64_t hole = pr.heap + CMEM_SEG_STACK;
	CHECK(po.heap > hole && po.heap > po.code + CMEM_SEG_STACK); /* fits none of the holes */
	struct kernel_config cfg = config("segmentation");
	cfg.user_frames = (pr.code + 4 * hole + po.code + CMEM_SEG_STACK) / 4096;
	cfg.compact = compact;
	fr->k = new_kernel(&cfg);
	for (int i = 0; i < 4; i++) {
		fr->p[i] = exec_new(fr->k, i + 1, guest("seg", "printf"));
		CHECK_EQ(fr->p[i]->cm->ctx.seg[CMEM_SEL_HEAP].base, pr.code + (uint64_t)i * hole);
	}
	fr->sn[0] = mark(fr->k, fr->p[1], 1);
	fr->sn[1] = mark(fr->k, fr->p[3], 2);
	kernel_exit(fr->k, fr->p[0]);
	kernel_exit(fr->k, fr->p[2]);
	kernel_check(fr->k);
}

TEST(without_compaction_a_process_that_fits_no_hole_does_not_start)
{
	struct fragmented fr;
	fragment(&fr, false);
	char err[600], *argv[] = {"poke", NULL};
	int errnum;
	CHECK(exec_program(fr.k, NULL, 5, guest("seg", "poke"), argv, 1, NULL, 0, &errnum, err, sizeof err) == NULL);
	CHECK_EQ(errnum, GUEST_ENOMEM);
	kernel_check(fr.k);
	for (int i = 0; i < 2; i++)
		free(fr.sn[i].bytes);
	kernel_free(fr.k);
}

TEST(compaction_makes_room_for_a_new_process_and_keeps_the_moved_ones_bytes)
{
	struct fragmented fr;
	fragment(&fr, true);
	paddr_t old_base = fr.p[3]->cm->ctx.seg[CMEM_SEL_HEAP].base;
	struct proc *q = exec_new(fr.k, 5, guest("seg", "poke"));
	kernel_check(fr.k);
	CHECK(fr.k->c.copied_bytes > 0);
	CHECK(fr.p[3]->cm->ctx.seg[CMEM_SEL_HEAP].base < old_base); /* slid down */
	check_unchanged(fr.k, fr.p[1], &fr.sn[0]);
	check_unchanged(fr.k, fr.p[3], &fr.sn[1]);
	struct cmem_stats st;
	cmem_stats(fr.k, &st);
	CHECK(st.contig.compactions > 0);
	kernel_exit(fr.k, q);
	kernel_exit(fr.k, fr.p[1]);
	kernel_exit(fr.k, fr.p[3]);
	kernel_check(fr.k);
	kernel_free(fr.k);
}

TEST(a_heap_growing_past_every_hole_is_moved_after_compaction_with_its_bytes)
{
	struct fragmented fr;
	fragment(&fr, true);
	struct proc *p = fr.p[1];
	struct kernel *k = fr.k;
	uint64_t max = 1ull << (k->cfg.mmu.seg.va_bits - k->cfg.mmu.seg.sel_bits);
	uint64_t old = p->cm->ctx.seg[CMEM_SEL_HEAP].limit, grown = old + CMEM_SEG_STACK + 4096;
	paddr_t old_base = p->cm->ctx.seg[CMEM_SEL_HEAP].base;
	CHECK(cmem_brk(k, p, max + grown));
	kernel_check(k);
	CHECK_EQ(p->cm->ctx.seg[CMEM_SEL_HEAP].limit, grown);
	CHECK(p->cm->ctx.seg[CMEM_SEL_HEAP].base != old_base);
	CHECK(k->c.copied_bytes > 0);
	uint8_t *h = heap_of(k, p);
	for (uint64_t i = old; i < grown; i++)
		if (h[i])
			FAIL("byte 0x%" PRIx64 " of the grown heap is 0x%x, not 0", i, h[i]);
	fr.sn[0].heap = old; /* the bytes it had, at the bottom of the new block */
	check_unchanged(k, p, &fr.sn[0]);
	check_unchanged(k, fr.p[3], &fr.sn[1]);
	kernel_exit(k, fr.p[1]);
	kernel_exit(k, fr.p[3]);
	kernel_check(k);
	kernel_free(k);
}

/* ---- 5. segmentation's code sharing and heap ---- */

TEST(processes_of_one_program_share_its_code_segment_and_others_do_not)
{
	struct kernel_config cfg = config("segmentation");
	struct kernel *k = new_kernel(&cfg);
	struct proc *a = exec_new(k, 1, guest("seg", "printf")), *b = exec_new(k, 2, guest("seg", "printf"));
	struct proc *c = exec_new(k, 3, guest("seg", "sort"));
	CHECK(a->cm->code == b->cm->code);
	CHECK(a->cm->code != c->cm->code);
	CHECK_EQ(a->cm->ctx.seg[CMEM_SEL_CODE].base, b->cm->ctx.seg[CMEM_SEL_CODE].base);
	CHECK(a->cm->ctx.seg[CMEM_SEL_CODE].base != c->cm->ctx.seg[CMEM_SEL_CODE].base);
	CHECK(a->cm->ctx.seg[CMEM_SEL_HEAP].base != b->cm->ctx.seg[CMEM_SEL_HEAP].base);
	CHECK_EQ(a->cm->code->users_in, 2);
	struct cmem_stats st;
	cmem_stats(k, &st);
	CHECK_EQ(st.code_segments, 2);
	CHECK_EQ(st.code_shared, 1);
	CHECK_EQ(st.code_bytes_saved, a->cm->code->size);
	CHECK(st.code_bytes_saved > 0);
	/* The code is read-only and executable, the heap writable. */
	paddr_t pa;
	struct fault f;
	kernel_switch(k, a);
	CHECK(mmu_translate(k->mmu, 0x100, ACCESS_EXEC, PRIV_USER, &pa, &f));
	CHECK_EQ(pa, a->cm->code->base + 0x100);
	CHECK(!mmu_translate(k->mmu, 0x100, ACCESS_WRITE, PRIV_USER, &pa, &f));
	CHECK_EQ(f.kind, FAULT_SEG_PROT);
	kernel_check(k);
	kernel_exit(k, a);
	cmem_stats(k, &st);
	CHECK_EQ(st.code_shared, 0);
	CHECK_EQ(b->cm->code->users_in, 1);
	kernel_exit(k, b);
	kernel_exit(k, c);
	kernel_check(k);
	cmem_stats(k, &st);
	CHECK_EQ(st.code_segments, 0);
	kernel_free(k);
}

TEST(a_heap_growing_into_its_stack_moves_and_the_program_stays_right)
{
	struct kernel_config cfg = config("segmentation");
	struct run r;
	run_init(&r, &cfg, 0);
	int pids[2] = {run_start(&r, guest("seg", "sort"), NULL), run_start(&r, guest("seg", "sort"), NULL)};
	run_wait(&r);
	CHECK_EQ(count(r.text, SORT_OK), 2);
	for (int i = 0; i < 2; i++)
		CHECK_EQ(ended(&r, pids[i])->status, 0);
	struct cmem_stats st;
	cmem_stats(r.k, &st);
	CHECK(st.contig.moves > 0);    /* the heap met its neighbour */
	CHECK(st.contig.move_bytes > 0);
	CHECK(r.k->c.copied_bytes >= st.contig.move_bytes);
	run_fini(&r);
}

/* ---- 6. violations ---- */

static const struct ended *run_one(const struct kernel_config *cfg, const char *path, const char *arg,
				   struct run *r)
{
	run_init(r, cfg, 0);
	int pid = run_start(r, path, arg);
	run_wait(r);
	return ended(r, pid);
}

static void check_has(const char *text, const char *part)
{
	if (!strstr(text, part))
		FAIL("\"%s\" does not say \"%s\"", text, part);
}

TEST(a_write_beyond_the_heap_segment_is_a_segmentation_violation)
{
	struct kernel_config cfg = config("segmentation");
	struct run r;
	const struct ended *e = run_one(&cfg, guest("seg", "poke"), "heap", &r);
	CHECK_EQ(e->status, GUEST_SIGSEGV);
	check_has(e->death, "segmentation violation: write at offset 0x");
	check_has(e->death, "of the heap segment, beyond its limit 0x");
	check_has(e->death, ", at pc 0x");
	CHECK(strstr(r.text, "poke: wrote") == NULL);
	run_fini(&r);
}

TEST(a_write_at_the_bounds_is_a_bounds_violation_and_one_below_works)
{
	struct kernel_config cfg = config("base-bounds");
	struct run r;
	char at[32];
	snprintf(at, sizeof at, "0x%" PRIx64, cfg.as_size);
	const struct ended *e = run_one(&cfg, guest("low", "poke"), at, &r);
	CHECK_EQ(e->status, GUEST_SIGSEGV);
	char want[120];
	snprintf(want, sizeof want, "bounds violation: write at va 0x%" PRIx64 ", not below the bounds 0x%" PRIx64,
		 cfg.as_size, cfg.as_size);
	check_has(e->death, want);
	check_has(e->death, ", at pc 0x");
	run_fini(&r);
	snprintf(at, sizeof at, "0x%" PRIx64, cfg.as_size - 1);
	e = run_one(&cfg, guest("low", "poke"), at, &r);
	CHECK_EQ(e->status, 0);
	CHECK_STR(e->death, "");
	check_has(r.text, "poke: wrote at");
	run_fini(&r);
}

TEST(a_write_beyond_a_partition_is_a_bounds_violation)
{
	struct kernel_config cfg = config("partition");
	struct run r;
	struct kernel *probe = new_kernel(&cfg);
	uint64_t size = cmem_partition_size(probe);
	kernel_free(probe);
	char at[32];
	snprintf(at, sizeof at, "0x%" PRIx64, size);
	const struct ended *e = run_one(&cfg, guest("low", "poke"), at, &r);
	CHECK_EQ(e->status, GUEST_SIGSEGV);
	check_has(e->death, "bounds violation: write at va 0x");
	run_fini(&r);
}

/* ---- 7. layouts exec refuses ---- */

TEST(segmentation_refuses_a_program_with_its_data_in_the_code_segment)
{
	struct kernel_config cfg = config("segmentation");
	struct run r;
	char err[600];
	run_init(&r, &cfg, 0);
	CHECK_EQ(run_try(&r, guest("", "printf"), NULL, err, sizeof err), 0);
	check_has(err, "segmentation needs");
	check_has(err, "(writable)");
	CHECK_EQ(r.s.nwaiting, 0); /* refused, not waiting */
	run_wait(&r);
	run_fini(&r);
}

TEST(a_program_too_big_for_a_partition_is_refused_naming_the_partition)
{
	struct kernel_config cfg = config("partition");
	cfg.user_frames = 256; /* 1 MiB in 16 partitions of 64 KiB: poke's 256 KiB bss does not fit */
	cfg.mmu.part.count = 16;
	struct run r;
	char err[600];
	run_init(&r, &cfg, 0);
	CHECK_EQ(run_try(&r, guest("low", "poke"), NULL, err, sizeof err), 0);
	check_has(err, "the partition address space of 0x10000 bytes");
	check_has(err, "fewer --partitions");
	CHECK_EQ(r.s.nwaiting, 0);
	run_wait(&r);
	run_fini(&r);
}

TEST(a_program_too_big_for_the_as_size_is_refused_naming_it)
{
	struct kernel_config cfg = config("base-bounds");
	cfg.as_size = 64 << 10;
	struct run r;
	char err[600];
	run_init(&r, &cfg, 0);
	CHECK_EQ(run_try(&r, guest("low", "poke"), NULL, err, sizeof err), 0);
	check_has(err, "the base-bounds address space of 0x10000 bytes");
	check_has(err, "a larger --as-size");
	run_wait(&r);
	run_fini(&r);
}

/* ---- 8. fork ---- */

TEST(fork_fails_when_every_partition_is_taken)
{
	struct kernel_config cfg = config("partition");
	cfg.mmu.part.count = 1;
	struct run r;
	const struct ended *e = run_one(&cfg, guest("low", "poke"), "fork", &r);
	CHECK_EQ(e->status, 1 << 8);
	check_has(r.text, "poke: fork failed\n");
	run_fini(&r);
}

TEST(fork_with_process_swapping_swaps_another_process_out_for_the_child)
{
	struct kernel_config cfg = config("partition");
	cfg.mmu.part.count = 2;
	cfg.swap_processes = true;
	struct run r;
	run_init(&r, &cfg, 0);
	int sort = run_start(&r, guest("low", "sort"), NULL), poke = run_start(&r, guest("low", "poke"), "fork");
	run_wait(&r);
	CHECK_EQ(ended(&r, poke)->status, 0);
	check_has(r.text, "poke: forked a child, which exited with 3\n");
	CHECK_EQ(ended(&r, sort)->status, 0);
	CHECK_EQ(count(r.text, SORT_OK), 1);
	CHECK(r.k->c.proc_swap_outs > 0);
	run_fini(&r);
}

TEST(fork_in_the_only_partition_swaps_the_parent_out_for_its_child)
{
	struct kernel_config cfg = config("partition");
	cfg.mmu.part.count = 1;
	cfg.swap_processes = true;
	struct run r;
	const struct ended *e = run_one(&cfg, guest("low", "poke"), "fork", &r);
	CHECK_EQ(e->status, 0);
	check_has(r.text, "poke: forked a child, which exited with 3\n");
	CHECK(r.k->c.proc_swap_outs > 0);
	CHECK(r.k->c.proc_swap_ins > 0);
	run_fini(&r);
}

/* The parent is the only process that can go out to make room for its
 * child: its heap had moved above its stack (it grew past it), so the child's
 * heap lands on the parent's old stack. The child's copy must be the
 * parent's bytes as they went out, not what the placing wrote over them. */
TEST(a_parent_swapped_out_for_its_child_gives_the_child_its_bytes_from_swap)
{
	struct seg_sizes z = seg_sizes_of(guest("seg", "printf"));
	uint64_t grown = z.heap + CMEM_SEG_STACK / 2;
	struct kernel_config cfg = config("segmentation");
	cfg.user_frames = (z.code + z.heap + CMEM_SEG_STACK + grown) / 4096;
	cfg.swap_processes = true;
	struct kernel *k = new_kernel(&cfg);
	struct proc *p = exec_new(k, 1, guest("seg", "printf"));
	uint64_t max = 1ull << (k->cfg.mmu.seg.va_bits - k->cfg.mmu.seg.sel_bits);
	CHECK(cmem_brk(k, p, max + grown));
	CHECK_EQ(p->cm->ctx.seg[CMEM_SEL_HEAP].base, z.code + z.heap + CMEM_SEG_STACK); /* above its stack */
	struct snapshot sn = mark(k, p, 9);
	struct proc *child = kernel_new_proc(k);
	CHECK(cmem_fork(k, p, child));
	CHECK(cmem_is_out(p));
	CHECK_EQ(k->c.proc_swap_outs, 1);
	kernel_adopt(k, child, 2);
	kernel_check(k);
	check_unchanged(k, child, &sn);
	CHECK_EQ(child->cm->ctx.seg[CMEM_SEL_CODE].base, p->cm->code->base);
	kernel_exit(k, child);
	CHECK(cmem_bring_in(k, p));
	kernel_check(k);
	kernel_exit(k, p);
	kernel_check(k);
	CHECK_EQ(k->swap.used, 0);
	kernel_free(k);
}

/* A machine the contiguous mechanisms cannot build is refused with a
 * message, nothing left allocated (the sanitizers' leak check): address
 * spaces larger than the RAM, a segmentation geometry without room for the
 * three segments (found by fuzz_replay: the allocator was left behind). */
TEST(an_impossible_contiguous_machine_is_refused_cleanly)
{
	char err[300];
	struct kernel_config c = config("base-bounds");
	c.user_frames = 3;
	c.as_size = 16 << 12;
	CHECK(kernel_new(&c, err, sizeof err) == NULL);
	CHECK(strstr(err, "--as-size") != NULL);
	c = config("segmentation");
	c.mmu.seg.sel_bits = 1;
	CHECK(kernel_new(&c, err, sizeof err) == NULL);
	CHECK(strstr(err, "selector bits") != NULL);
	c.mmu.seg.sel_bits = 3;
	c.mmu.seg.va_bits = 2;
	CHECK(kernel_new(&c, err, sizeof err) == NULL);
}

/* execve under a contiguous mechanism: when the new image finds no room
 * beside the old one, the old one goes first; when even then it finds none
 * (a 256 KiB bss in 256 KiB of RAM) the caller is killed, never left running
 * on memory it no longer holds. */
TEST(execve_frees_the_old_image_for_the_new_one_or_kills_the_caller)
{
	char err[400];
	int errnum;
	char *argv[] = {"prog"};
	struct kernel_config c = config("partition");
	c.mmu.part.count = 1;
	struct kernel *k = kernel_new(&c, err, sizeof err);
	CHECK(k != NULL);
	struct proc *old = exec_program(k, NULL, 1, guest("low", "printf"), argv, 1, NULL, 0, &errnum, err, sizeof err);
	CHECK(old != NULL);
	struct proc *p = exec_program(k, old, 0, guest("low", "sort"), argv, 1, NULL, 0, &errnum, err, sizeof err);
	CHECK(p != NULL); /* the only partition: the old image gave it up */
	CHECK_EQ(p->pid, 1);
	kernel_check(k);
	kernel_free(k);

	c = config("segmentation");
	c.user_frames = 64; /* 256 KiB */
	k = kernel_new(&c, err, sizeof err);
	CHECK(k != NULL);
	old = exec_program(k, NULL, 1, guest("seg", "printf"), argv, 1, NULL, 0, &errnum, err, sizeof err);
	CHECK(old != NULL);
	CHECK(exec_program(k, old, 0, guest("seg", "poke"), argv, 1, NULL, 0, &errnum, err, sizeof err) == NULL);
	CHECK_EQ(errnum, GUEST_ENOMEM);
	CHECK(old->state == PROC_DEAD || old->state == PROC_ZOMBIE);
	CHECK(strstr(old->death, "no memory for the new image") != NULL);
	kernel_check(k);
	kernel_free(k);
}

/* A code segment larger than the RAM is refused before any of it is built
 * (its host copy would be as large): the load finds no memory. */
TEST(a_code_segment_larger_than_the_ram_is_no_memory)
{
	char err[300];
	static uint8_t bytes[64];
	struct kernel_config c = config("segmentation");
	struct kernel *k = kernel_new(&c, err, sizeof err);
	CHECK(k != NULL);
	struct elf_file ef = {.data = bytes, .len = sizeof bytes};
	ef.img.nseg = 2;
	ef.img.seg[0] = (struct elf_segment){.vaddr = 0, .memsz = 512ull << 20, .filesz = 16, .prot = PTE_R | PTE_X};
	ef.img.seg[1] = (struct elf_segment){.vaddr = 0x40000000, .memsz = 16, .filesz = 16, .offset = 16,
					     .prot = PTE_R | PTE_W, .phdr = 1};
	ef.img.brk_start = 0x40001000;
	struct proc *p = kernel_new_proc(k);
	CHECK(p != NULL);
	CHECK_EQ(cmem_load(k, p, &ef), -GUEST_ENOMEM);
	kernel_discard(k, p);
	kernel_check(k);
	kernel_free(k);
}
