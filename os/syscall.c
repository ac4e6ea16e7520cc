/* System calls, with Linux RISC-V numbers: a7 holds the number, a0..a5 the
 * arguments, a0 the result (a negative errno on failure). A bad guest pointer
 * is -EFAULT; nothing a program passes reaches host memory. */
#include "os/cmem.h"
#include "os/exec.h"
#include "os/sched.h"
#include "os/vm.h"
#include "guest/include/vmlab/syscall.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define REALTIME_EPOCH_S 1767225600ull /* 2026-01-01: CLOCK_REALTIME at virtual time 0 */
#define IO_CHUNK 4096
#define MAX_RW_COUNT 0x7ffff000ull /* Linux's most bytes one read or write moves (INT_MAX & PAGE_MASK) */

struct call {
	struct sched *s;
	struct kernel *k;
	struct proc *p;
	uint64_t a[6];
};

/* How a handler leaves the process: its result in a0 and pc past the ecall,
 * or as the handler left it (blocked to repeat the call, replaced, gone). */
enum after { RETURN, AS_IS };

/* vm_copy's errors as guest errnos. */
static long copy_result(int st)
{
	switch (st) {
	case -EFAULT: return -GUEST_EFAULT;
	case -EIO: return -GUEST_ENOMEM;
	case -EINTR: return -GUEST_EINTR;
	default: return -GUEST_ESRCH;
	}
}

/* write(2) to standard output or error: the user's bytes are copied out
 * IO_CHUNK at a time (each chunk paged in and charged as the user's accesses
 * would be), at most MAX_RW_COUNT in one call as on Linux, and the run's
 * limits are polled after each chunk: when the run must stop, the call ends
 * with the bytes written so far. Returns the count written (short at the cap,
 * at a bad page or at a stop), or -errno when nothing was. */
static long sys_write(struct call *c)
{
	FILE *out = c->a[0] == 1 ? c->s->cfg.out : c->a[0] == 2 ? c->s->cfg.err : NULL;
	if (!out)
		return -GUEST_EBADF;
	uint8_t buf[IO_CHUNK];
	uint64_t done = 0, len = c->a[2] < MAX_RW_COUNT ? c->a[2] : MAX_RW_COUNT;
	while (done < len) {
		size_t n = len - done < sizeof buf ? (size_t)(len - done) : sizeof buf;
		int st = vm_copy(c->k, c->p, c->a[1] + done, buf, n, false);
		if (st) {
			if (!done)
				return copy_result(st);
			break;
		}
		fwrite(buf, 1, n, out);
		done += n;
		if (kernel_should_stop(c->k))
			break;
	}
	fflush(out);
	return (long)done;
}

/* read(2) from standard input: at most IO_CHUNK bytes in one call (far
 * below Linux's MAX_RW_COUNT). A host read that Ctrl-C interrupts before any
 * byte came is -EINTR (the run then stops). */
static long sys_read(struct call *c)
{
	if (c->a[0] != 0)
		return -GUEST_EBADF;
	uint8_t buf[IO_CHUNK];
	size_t n = c->a[2] < sizeof buf ? (size_t)c->a[2] : sizeof buf;
	errno = 0;
	n = fread(buf, 1, n, c->s->cfg.in);
	bool interrupted = ferror(c->s->cfg.in) && errno == EINTR;
	if (interrupted)
		clearerr(c->s->cfg.in); /* a later read tries again */
	if (!n && interrupted)
		return -GUEST_EINTR;
	int st = vm_copy(c->k, c->p, c->a[1], buf, n, true);
	return st ? copy_result(st) : (long)n;
}

static enum after sys_exit(struct call *c)
{
	c->p->wait_status = GUEST_W_EXITCODE(c->a[0], 0);
	kernel_exit(c->k, c->p);
	return AS_IS;
}

static uint64_t page_up(const struct kernel *k, uint64_t a) { return (a + mask_bits(k->fmt.page_shift)) & ~mask_bits(k->fmt.page_shift); }

/* The address mmap regions and the heap stay below: the stack's limit and
 * the guard gap under it. */
static vaddr_t stack_floor(const struct call *c)
{
	return c->p->stack_top - c->k->cfg.stack_limit - ((uint64_t)STACK_GUARD_PAGES << c->k->fmt.page_shift);
}

static long sys_brk(struct call *c)
{
	struct proc *p = c->p;
	if (c->k->cm) { /* the heap grows inside the address space, or its segment grows */
		cmem_brk(c->k, p, c->a[0]); /* the break stays where it was when it cannot move */
		return (long)p->brk;
	}
	vaddr_t want = c->a[0], old_end = page_up(c->k, p->brk), new_end = page_up(c->k, want);
	if (want < p->brk_start || want >= stack_floor(c))
		return (long)p->brk;
	if (new_end > old_end) {
		vaddr_t lo, hi;
		as_gap(&p->as, old_end, 0, ~0ull, &lo, &hi);
		if (as_find_region(&p->as, old_end) || hi < new_end)
			return (long)p->brk; /* something else lies there */
		struct region *heap = old_end > p->brk_start ? as_find_region(&p->as, old_end - 1) : NULL;
		struct region r = {.start = old_end, .end = new_end, .prot = PTE_R | PTE_W, .kind = REGION_HEAP};
		if (heap && heap->kind == REGION_HEAP)
			as_resize_region(&p->as, heap, heap->start, new_end);
		else if (!as_add_region(&p->as, &r))
			return (long)p->brk;
	} else if (new_end < old_end) {
		vm_unmap_range(c->k, p, new_end, old_end);
	}
	p->brk = want;
	return (long)want;
}

static unsigned guest_prot(uint64_t prot)
{
	unsigned r = 0;
	if (prot & (GUEST_PROT_READ | GUEST_PROT_WRITE | GUEST_PROT_EXEC))
		r |= PTE_R; /* RISC-V has no write-only or execute-only user pages worth giving */
	if (prot & GUEST_PROT_WRITE)
		r |= PTE_W;
	if (prot & GUEST_PROT_EXEC)
		r |= PTE_X;
	return r;
}

/* A free range of len bytes for mmap, as high as possible below the stack
 * and at least 64 MiB above the break. */
static bool find_gap(const struct call *c, uint64_t len, vaddr_t *out)
{
	vaddr_t hi = stack_floor(c), lo_limit = page_up(c->k, c->p->brk) + (64ull << 20);
	return as_find_free(&c->p->as, lo_limit, hi, len, out);
}

/* Whether mmap can place len bytes at the hint addr, moved up to a page
 * boundary and to MMAP_MIN_ADDR as Linux moves it: the range is free and
 * below the stack's floor. Writes the start into *out. */
static bool hint_fits(const struct call *c, uint64_t addr, uint64_t len, vaddr_t *out)
{
	vaddr_t start = page_up(c->k, addr < MMAP_MIN_ADDR ? MMAP_MIN_ADDR : addr), lo, hi;
	if (!addr || start < addr || start + len < start || start + len > stack_floor(c) ||
	    as_find_region(&c->p->as, start))
		return false;
	as_gap(&c->p->as, start, 0, start + len, &lo, &hi);
	if (hi < start + len)
		return false;
	*out = start;
	return true;
}

/* Whether p may hold more regions than it does, within MAX_MAP_COUNT and
 * the machine's KERNEL_MAX_REGIONS. */
static bool maps_allow(const struct call *c, size_t more)
{
	return c->p->as.nregions + more <= MAX_MAP_COUNT && c->k->nregions + more <= KERNEL_MAX_REGIONS;
}

/* The regions unmapping [start, end) adds: one when it punches a hole in a
 * region, leaving a piece on each side. */
static unsigned unmap_adds(const struct call *c, vaddr_t start, vaddr_t end)
{
	return as_cuts(&c->p->as, start, end) == 2 && as_find_region(&c->p->as, start) == as_find_region(&c->p->as, end);
}

static long sys_mmap(struct call *c)
{
	uint64_t addr = c->a[0], len = page_up(c->k, c->a[1]), flags = c->a[3];
	if (!len || len < c->a[1])
		return -GUEST_EINVAL;
	if (!(flags & GUEST_MAP_ANONYMOUS) || !(flags & GUEST_MAP_PRIVATE) || (flags & GUEST_MAP_SHARED))
		return -GUEST_EINVAL; /* only private anonymous memory */
	vaddr_t start;
	if (flags & GUEST_MAP_FIXED) {
		if (addr & mask_bits(c->k->fmt.page_shift) || addr + len < addr || addr + len > stack_floor(c))
			return -GUEST_EINVAL;
		if (addr < MMAP_MIN_ADDR)
			return -GUEST_EPERM; /* as Linux refuses it below vm.mmap_min_addr */
		if (!maps_allow(c, 1 + unmap_adds(c, addr, addr + len)))
			return -GUEST_ENOMEM;
		vm_unmap_range(c->k, c->p, addr, addr + len);
		start = addr;
	} else if (!maps_allow(c, 1) || (!hint_fits(c, addr, len, &start) && !find_gap(c, len, &start))) {
		return -GUEST_ENOMEM;
	}
	/* PROT_NONE gives prot 0: a region no access may use */
	struct region r = {.start = start, .end = start + len, .prot = guest_prot(c->a[2]), .kind = REGION_MMAP};
	return as_add_region(&c->p->as, &r) ? (long)start : -GUEST_ENOMEM;
}

/* Whether [addr, addr + len) is a page-aligned user range. */
static bool user_range(const struct call *c, uint64_t addr, uint64_t len)
{
	return !(addr & mask_bits(c->k->fmt.page_shift)) && addr + len >= addr &&
	       (!c->k->kregion_va || addr + len <= c->k->kregion_va);
}

static long sys_munmap(struct call *c)
{
	uint64_t len = page_up(c->k, c->a[1]);
	if (!len || !user_range(c, c->a[0], len))
		return -GUEST_EINVAL;
	if (!maps_allow(c, unmap_adds(c, c->a[0], c->a[0] + len)))
		return -GUEST_ENOMEM;
	vm_unmap_range(c->k, c->p, c->a[0], c->a[0] + len);
	return 0;
}

static long sys_mprotect(struct call *c)
{
	uint64_t len = page_up(c->k, c->a[1]);
	if (!user_range(c, c->a[0], len))
		return -GUEST_EINVAL;
	if (!maps_allow(c, as_cuts(&c->p->as, c->a[0], c->a[0] + len)))
		return -GUEST_ENOMEM;
	return vm_protect_range(c->k, c->p, c->a[0], c->a[0] + len, guest_prot(c->a[2])) ? 0 : -GUEST_ENOMEM;
}

/* Writes a pair of 64-bit numbers (timespec, timeval) to user memory. */
static long put_pair(struct call *c, vaddr_t va, uint64_t a, uint64_t b)
{
	uint64_t pair[2] = {a, b};
	int st = vm_copy(c->k, c->p, va, pair, sizeof pair, true);
	return st ? copy_result(st) : 0;
}

static long sys_clock_gettime(struct call *c)
{
	uint64_t ns = sched_now_ns(c->s);
	if (c->a[0] != GUEST_CLOCK_REALTIME && c->a[0] != GUEST_CLOCK_MONOTONIC)
		return -GUEST_EINVAL;
	uint64_t sec = ns / 1000000000 + (c->a[0] == GUEST_CLOCK_REALTIME ? REALTIME_EPOCH_S : 0);
	return put_pair(c, c->a[1], sec, ns % 1000000000);
}

static long sys_gettimeofday(struct call *c)
{
	uint64_t ns = sched_now_ns(c->s);
	return c->a[0] ? put_pair(c, c->a[0], ns / 1000000000 + REALTIME_EPOCH_S, ns % 1000000000 / 1000) : 0;
}

static enum after sys_nanosleep(struct call *c, long *ret)
{
	uint64_t ts[2];
	int st = vm_copy(c->k, c->p, c->a[0], ts, sizeof ts, false);
	if (st) {
		*ret = copy_result(st);
		return RETURN;
	}
	if ((int64_t)ts[0] < 0 || ts[1] >= 1000000000) {
		*ret = -GUEST_EINVAL;
		return RETURN;
	}
	c->p->wake_ns = sched_now_ns(c->s) + ts[0] * 1000000000 + ts[1];
	c->p->state = PROC_SLEEPING;
	*ret = 0;
	return RETURN;
}

static long sys_fork(struct call *c)
{
	if (c->a[0] != GUEST_SIGCHLD || c->a[1] != 0)
		return -GUEST_EINVAL; /* only fork: clone(SIGCHLD, 0, ...) */
	if (c->s->cfg.max_procs && c->k->nalive >= c->s->cfg.max_procs)
		return -GUEST_EAGAIN; /* the process limit (--max-procs) */
	if (c->k->nregions + c->p->as.nregions > KERNEL_MAX_REGIONS)
		return -GUEST_ENOMEM; /* no room for the child's copies of the regions */
	struct proc *child = kernel_new_proc(c->k);
	if (!child)
		return -GUEST_ENOMEM;
	if (c->k->cm ? !cmem_fork(c->k, c->p, child) : !vm_fork(c->k, c->p, child)) {
		kernel_discard(c->k, child);
		return -GUEST_ENOMEM;
	}
	child->cpu = xmalloc(sizeof *child->cpu);
	cpu_copy(child->cpu, c->p->cpu);
	child->cpu->x[10] = 0;
	child->cpu->pc += 4;
	child->cpu->instret = 0; /* its own count starts at the fork */
	child->parent = c->p;
	child->brk_start = c->p->brk_start;
	child->brk = c->p->brk;
	child->stack_top = c->p->stack_top;
	memcpy(child->name, c->p->name, sizeof child->name);
	kernel_adopt(c->k, child, c->s->next_pid++);
	kernel_as_event(c->k, c->p, AS_FORK, (uint64_t)child->pid);
	return child->pid;
}

/* A child of p that wait4(pid) is about; *any tells whether p has one at all. */
static struct proc *waitable_child(struct proc *p, int64_t pid, bool *any)
{
	*any = false;
	for (struct proc *ch = p->first_child; ch; ch = ch->next_sibling) {
		if (pid > 0 && ch->pid != pid)
			continue;
		*any = true;
		if (ch->state == PROC_ZOMBIE)
			return ch;
	}
	return NULL;
}

static enum after sys_wait4(struct call *c, long *ret)
{
	bool any;
	int64_t pid = (int64_t)c->a[0];
	if (pid < -1 || pid == 0)
		pid = -1; /* process groups: every child is in ours */
	struct proc *z = waitable_child(c->p, pid, &any);
	if (z) {
		int32_t status = z->wait_status;
		int st = c->a[1] ? vm_copy(c->k, c->p, c->a[1], &status, sizeof status, true) : 0;
		if (st) {
			*ret = copy_result(st);
			return RETURN;
		}
		*ret = z->pid;
		kernel_reap(c->k, z);
		return RETURN;
	}
	if (!any || (c->a[2] & GUEST_WNOHANG)) {
		*ret = any ? 0 : -GUEST_ECHILD;
		return RETURN;
	}
	c->p->state = PROC_WAITING; /* the call runs again when a child exits */
	c->p->wait_pid = (int)pid;
	return AS_IS;
}

static long sys_kill(struct call *c)
{
	struct proc *t = kernel_proc(c->k, (int)c->a[0]);
	int sig = (int)c->a[1];
	if (!t || t->state == PROC_ZOMBIE || t->state == PROC_DEAD || !t->cpu)
		return -GUEST_ESRCH;
	if (sig < 0 || sig > 64)
		return -GUEST_EINVAL;
	if (sig == 0 || sig == GUEST_SIGCHLD)
		return 0;
	char why[120];
	if (sig == GUEST_SIGABRT && t == c->p)
		snprintf(why, sizeof why, "aborted (signal %d)", sig);
	else
		snprintf(why, sizeof why, "killed by signal %d from pid %d", sig, c->p->pid);
	kernel_kill(c->k, t, sig, why);
	return 0;
}

static long sys_uname(struct call *c)
{
	char u[6][65];
	static const char *const fields[6] = {"vmlab", "vmlab", "1.0", "#1", "riscv64", "(none)"};
	memset(u, 0, sizeof u);
	for (int i = 0; i < 6; i++)
		snprintf(u[i], sizeof u[i], "%s", fields[i]);
	int st = vm_copy(c->k, c->p, c->a[0], u, sizeof u, true);
	return st ? copy_result(st) : 0;
}

/* Copies a NULL-terminated array of user strings into strs (pointers into pool). */
static long copy_strings(struct call *c, vaddr_t va, char **strs, int *n, char *pool, size_t poolsize)
{
	size_t used = 0;
	*n = 0;
	for (; va; va += 8) {
		uint64_t ptr;
		int st = vm_copy(c->k, c->p, va, &ptr, 8, false);
		if (st)
			return copy_result(st);
		if (!ptr)
			return 0;
		if (*n == EXEC_MAX_ARGS || used >= poolsize)
			return -GUEST_E2BIG;
		st = vm_copy_string(c->k, c->p, ptr, pool + used, poolsize - used);
		if (st)
			return st == -ENAMETOOLONG ? -GUEST_E2BIG : copy_result(st);
		strs[(*n)++] = pool + used;
		used += strlen(pool + used) + 1;
	}
	return 0;
}

static enum after sys_execve(struct call *c, long *ret)
{
	static char pool[2][EXEC_MAX_STRINGS];
	static char *argv[EXEC_MAX_ARGS], *envp[EXEC_MAX_ARGS];
	char name[256], path[512], err[400];
	int argc, envc, errnum;
	int st = vm_copy_string(c->k, c->p, c->a[0], name, sizeof name);
	if (st) {
		*ret = st == -ENAMETOOLONG ? -GUEST_ENOENT : copy_result(st);
		return RETURN;
	}
	if ((*ret = copy_strings(c, c->a[1], argv, &argc, pool[0], sizeof pool[0])) != 0 ||
	    (*ret = copy_strings(c, c->a[2], envp, &envc, pool[1], sizeof pool[1])) != 0)
		return RETURN;
	if (!sched_find_program(c->s, name, path, sizeof path)) {
		*ret = -GUEST_ENOENT;
		return RETURN;
	}
	uint64_t (*time_ns)(void *) = c->p->cpu->time_ns;
	void *time_ctx = c->p->cpu->time_ctx;
	struct proc *np = exec_program(c->k, c->p, 0, path, argv, argc, envp, envc, &errnum, err, sizeof err);
	if (!np) {
		*ret = -errnum;
		return RETURN;
	}
	np->cpu->time_ns = time_ns; /* c->p is gone: np took its place */
	np->cpu->time_ctx = time_ctx;
	return AS_IS;
}

/* Whether the first warning about system call nr is still to come. */
static bool first_warning(struct call *c, uint64_t nr)
{
	if (nr < 512 && (c->s->warned[nr / 64] >> (nr % 64)) & 1)
		return false;
	if (nr < 512)
		c->s->warned[nr / 64] |= 1ull << (nr % 64);
	return true;
}

static void warn_enosys(struct call *c, uint64_t nr)
{
	if (first_warning(c, nr))
		fprintf(c->s->cfg.err, "vmlab: pid %d: system call %" PRIu64 " is not implemented (it returns -ENOSYS)\n",
			c->p->pid, nr);
}

/* mmap, munmap and mprotect under a contiguous mechanism: an address space
 * is its blocks, nothing can be mapped beside them. */
static long no_mappings(struct call *c, uint64_t nr, const char *name)
{
	if (first_warning(c, nr))
		fprintf(c->s->cfg.err, "vmlab: pid %d: %s: %s has no memory but the program's own blocks (it returns "
			"-ENOMEM; malloc uses brk)\n", c->p->pid, name, c->k->cfg.mmu.mech->name);
	return -GUEST_ENOMEM;
}

/* Calls that may block, replace or end the process. */
static bool special_call(struct call *c, uint64_t nr, long *ret, enum after *after)
{
	switch (nr) {
	case SYS_exit:
	case SYS_exit_group: *after = sys_exit(c); return true;
	case SYS_nanosleep: *after = sys_nanosleep(c, ret); return true;
	case SYS_wait4: *after = sys_wait4(c, ret); return true;
	case SYS_execve: *after = sys_execve(c, ret); return true;
	default: return false;
	}
}

static long plain_call(struct call *c, uint64_t nr)
{
	switch (nr) {
	case SYS_read: return sys_read(c);
	case SYS_write: return sys_write(c);
	case SYS_brk: return sys_brk(c);
	case SYS_mmap: return c->k->cm ? no_mappings(c, nr, "mmap") : sys_mmap(c);
	case SYS_munmap: return c->k->cm ? no_mappings(c, nr, "munmap") : sys_munmap(c);
	case SYS_mprotect: return c->k->cm ? no_mappings(c, nr, "mprotect") : sys_mprotect(c);
	case SYS_getpid: return c->p->pid;
	case SYS_getppid: return c->p->parent ? c->p->parent->pid : 0;
	case SYS_clock_gettime: return sys_clock_gettime(c);
	case SYS_gettimeofday: return sys_gettimeofday(c);
	case SYS_sched_yield: return 0;
	case SYS_clone: return sys_fork(c);
	case SYS_kill: return sys_kill(c);
	case SYS_uname: return sys_uname(c);
	case SYS_vmlab_client: return c->k->on_client ? c->k->on_client(c->k->on_client_ctx, c->p, c->a) : -GUEST_ENOSYS;
	default:
		warn_enosys(c, nr);
		return -GUEST_ENOSYS;
	}
}

void syscall_handle(struct sched *s, struct proc *p)
{
	struct call c = {s, s->k, p, {0}};
	uint64_t nr = p->cpu->x[17];
	for (int i = 0; i < 6; i++)
		c.a[i] = p->cpu->x[10 + i];
	long ret = 0;
	enum after after = RETURN;
	if (!special_call(&c, nr, &ret, &after))
		ret = plain_call(&c, nr);
	if (nr == SYS_sched_yield && p->state == PROC_LIVE)
		s->k->current = NULL; /* ends the time slice */
	if (after == AS_IS || p->state == PROC_ZOMBIE || p->state == PROC_DEAD)
		return;
	p->cpu->x[10] = (uint64_t)ret;
	p->cpu->pc += 4;
}
