/* The guest ABI shared by the vmlab kernel (host) and the guest runtime:
 * Linux RISC-V system-call numbers (asm-generic/unistd.h) and the constants
 * needed to decode their arguments, plus inline ecall wrappers for the guest.
 * The numbers are plain #defines so the host kernel can build its dispatch
 * table from them; the GUEST_ constants carry a prefix so they never clash
 * with the host's own <errno.h>, <signal.h> or <sys/mman.h>. */
#ifndef VMLAB_SYSCALL_H
#define VMLAB_SYSCALL_H

#if !defined(__riscv) && defined(SYS_read)
#error "vmlab/syscall.h: the host's <sys/syscall.h> is included too; its SYS_ numbers are not the guest's"
#endif

/* System calls, Linux RISC-V numbering (a7 = number, a0..a5 = arguments,
 * a0 = result; -4095..-1 is -errno). */
#define SYS_read           63
#define SYS_write          64
#define SYS_exit           93
#define SYS_exit_group     94
#define SYS_nanosleep      101
#define SYS_clock_gettime  113
#define SYS_sched_yield    124
#define SYS_kill           129
#define SYS_uname          160
#define SYS_gettimeofday   169
#define SYS_getpid         172
#define SYS_getppid        173
#define SYS_brk            214
#define SYS_munmap         215
#define SYS_clone          220
#define SYS_execve         221
#define SYS_mmap           222
#define SYS_mprotect       226
#define SYS_wait4          260

/* vmlab's client requests (like valgrind's VALGRIND_MALLOCLIKE_BLOCK): how the
 * guest malloc tells `vmlab run --memcheck` about its blocks. a0 = request,
 * a1.. = its arguments; fn is the malloc, free, calloc or realloc the
 * program called, where the checker's stack of the request starts (its
 * caller's call of fn on the shadow call stack). Without --memcheck
 * every request returns -GUEST_ENOSYS, so the malloc works as ever. Under it:
 * - RUNNING: returns 1.
 * - MALLOCLIKE(addr, size, zeroed, fn): addr .. addr + size is a new block,
 *   its bytes undefined unless zeroed; the VMLAB_CLIENT_REDZONE bytes on each
 *   side belong to no block (any access there is an error). Returns 0.
 * - FREELIKE(addr, kind, 0, fn): free (kind 0) or realloc (1) of the block at
 *   addr. Returns 0 when it was a live block, now freed and in the checker's
 *   quarantine (its bytes an error to touch); otherwise reports an invalid
 *   free and returns 1: the caller must leave the pointer alone and carry on.
 * - BLOCK_SIZE(addr): the size of the live block at addr, or -1.
 * - RELEASE(): the address of a freed block that leaves the quarantine (the
 *   oldest, while it holds more than 1 MiB), no longer checked: its memory,
 *   redzones included, is the allocator's again; 0 when none leaves.
 * A MALLOCLIKE block that overlaps another's redzones or lies outside the
 * process's regions is refused with -EINVAL, and one beyond the 8,388,608
 * blocks a process may have with -ENOMEM (the malloc then fails). */
#define SYS_vmlab_client   0x766d
#define VMLAB_CLIENT_REDZONE     16
#define VMLAB_CLIENT_RUNNING     1
#define VMLAB_CLIENT_MALLOCLIKE  2
#define VMLAB_CLIENT_FREELIKE    3
#define VMLAB_CLIENT_BLOCK_SIZE  4
#define VMLAB_CLIENT_RELEASE     5

/* Signals (asm-generic/signal.h). fork() is clone(GUEST_SIGCHLD, 0, 0, 0, 0). */
#define GUEST_SIGILL   4
#define GUEST_SIGTRAP  5
#define GUEST_SIGABRT  6
#define GUEST_SIGBUS   7
#define GUEST_SIGKILL  9
#define GUEST_SIGSEGV  11
#define GUEST_SIGTERM  15
#define GUEST_SIGCHLD  17

/* Error numbers (asm-generic/errno-base.h, errno.h); a failing call returns -E. */
#define GUEST_EPERM    1
#define GUEST_ENOENT   2
#define GUEST_ESRCH    3
#define GUEST_EINTR    4
#define GUEST_E2BIG    7
#define GUEST_ENOEXEC  8
#define GUEST_EBADF    9
#define GUEST_ECHILD   10
#define GUEST_EAGAIN   11
#define GUEST_ENOMEM   12
#define GUEST_EACCES   13
#define GUEST_EFAULT   14
#define GUEST_EINVAL   22
#define GUEST_ENOSYS   38

/* mmap/mprotect (asm-generic/mman-common.h). */
#define GUEST_PROT_NONE      0x0
#define GUEST_PROT_READ      0x1
#define GUEST_PROT_WRITE     0x2
#define GUEST_PROT_EXEC      0x4
#define GUEST_MAP_SHARED     0x01
#define GUEST_MAP_PRIVATE    0x02
#define GUEST_MAP_FIXED      0x10
#define GUEST_MAP_ANONYMOUS  0x20

/* wait4 options and the status word: exited = code << 8, killed = signal. */
#define GUEST_WNOHANG  1
#define GUEST_W_EXITCODE(code, sig)  (((code) & 0xff) << 8 | ((sig) & 0x7f))

/* clock ids */
#define GUEST_CLOCK_REALTIME   0
#define GUEST_CLOCK_MONOTONIC  1

/* Auxiliary vector tags the runtime understands (the vector may hold only AT_NULL). */
#define GUEST_AT_NULL    0
#define GUEST_AT_PHDR    3
#define GUEST_AT_PHENT   4
#define GUEST_AT_PHNUM   5
#define GUEST_AT_PAGESZ  6
#define GUEST_AT_ENTRY   9
#define GUEST_AT_RANDOM  25

#if defined(__riscv)
/* syscallN: ecall with N arguments; returns a0 (negative errno on failure). */
static inline long syscall0(long n)
{
	register long a7 __asm__("a7") = n;
	register long a0 __asm__("a0");
	__asm__ volatile("ecall" : "=r"(a0) : "r"(a7) : "memory");
	return a0;
}

static inline long syscall1(long n, long x0)
{
	register long a7 __asm__("a7") = n;
	register long a0 __asm__("a0") = x0;
	__asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
	return a0;
}

static inline long syscall2(long n, long x0, long x1)
{
	register long a7 __asm__("a7") = n;
	register long a0 __asm__("a0") = x0;
	register long a1 __asm__("a1") = x1;
	__asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1) : "memory");
	return a0;
}

static inline long syscall3(long n, long x0, long x1, long x2)
{
	register long a7 __asm__("a7") = n;
	register long a0 __asm__("a0") = x0;
	register long a1 __asm__("a1") = x1;
	register long a2 __asm__("a2") = x2;
	__asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2) : "memory");
	return a0;
}

static inline long syscall4(long n, long x0, long x1, long x2, long x3)
{
	register long a7 __asm__("a7") = n;
	register long a0 __asm__("a0") = x0;
	register long a1 __asm__("a1") = x1;
	register long a2 __asm__("a2") = x2;
	register long a3 __asm__("a3") = x3;
	__asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2), "r"(a3)
			 : "memory");
	return a0;
}

static inline long syscall5(long n, long x0, long x1, long x2, long x3, long x4)
{
	register long a7 __asm__("a7") = n;
	register long a0 __asm__("a0") = x0;
	register long a1 __asm__("a1") = x1;
	register long a2 __asm__("a2") = x2;
	register long a3 __asm__("a3") = x3;
	register long a4 __asm__("a4") = x4;
	__asm__ volatile("ecall" : "+r"(a0) : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4)
			 : "memory");
	return a0;
}

static inline long syscall6(long n, long x0, long x1, long x2, long x3, long x4, long x5)
{
	register long a7 __asm__("a7") = n;
	register long a0 __asm__("a0") = x0;
	register long a1 __asm__("a1") = x1;
	register long a2 __asm__("a2") = x2;
	register long a3 __asm__("a3") = x3;
	register long a4 __asm__("a4") = x4;
	register long a5 __asm__("a5") = x5;
	__asm__ volatile("ecall" : "+r"(a0)
			 : "r"(a7), "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5)
			 : "memory");
	return a0;
}
#endif /* __riscv */

#endif
