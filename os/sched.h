/* The scheduler: runs the processes of `vmlab run` round-robin on one CPU,
 * a time slice of instructions each, handing system calls and faults to the
 * kernel. Time is virtual: the latency model's time for what the machine did,
 * plus one cycle per instruction; when every process sleeps the clock jumps
 * to the next wake-up, so sleeping costs no host time. */
#ifndef OS_SCHED_H
#define OS_SCHED_H

#include <signal.h>
#include <stdio.h>

#include "os/kernel.h"

/* Page faults in a row, with no instruction completed and no system call
 * made, after which a process is killed for making no progress. One
 * instruction takes a few faults per page it touches (TLB refill, page in,
 * A/D update, copy-on-write), and a page it needs that another of its faults
 * evicted before the page was pinned comes back once: a few dozen at most. */
#define SCHED_STALL_FAULTS 1000

/* A program named on the command line. */
struct sched_program {
	const char *name;     /* as execve may name it without a slash: "mem" for examples/mem.c */
	const char *word;     /* as the command line gave it ("examples/mem.c"), which execve may
				 name it by with a slash (any spelling of the same absolute name,
				 os/progpath.h); NULL: only by name */
	const char *path;     /* the ELF file */
};

#define SCHED_DEFAULT_MAX_PROCS 4096 /* vmlab run --max-procs */
#define SCHED_MAX_PROCS_LIMIT 4194304 /* the most it may be: Linux's PID_MAX_LIMIT */

struct sched_config {
	uint64_t quantum_insns;      /* time slice */
	uint64_t max_insns;          /* stop after this many instructions in all (0: no limit) */
	uint64_t max_ns;             /* stop at this virtual time (0: no limit) */
	uint64_t max_procs;          /* fork fails with EAGAIN when this many processes exist,
					zombies too, as under Linux's RLIMIT_NPROC (0: no limit;
					the programs named on the command line always start) */
	uint64_t insn_ns;            /* virtual time one instruction takes */
	const char *const *path_dirs; /* execve looks for programs here (--path); the caller's array */
	int npath;
	const struct sched_program *programs; /* the programs named on the command line; the caller's */
	int nprograms;
	FILE *out, *err;             /* the programs' standard output and error */
	FILE *in;                    /* their standard input */
	char *env[8];                /* the environment programs start with */
	int nenv;
	volatile sig_atomic_t *interrupted; /* set by Ctrl-C: stop cleanly */
	void (*on_slice)(void *ctx); /* called after each time slice and each jump of the clock
					(vmlab run --vmstat; NULL: none) */
	void *on_slice_ctx;
};

enum sched_end {
	SCHED_DONE,        /* every process exited */
	SCHED_LIMIT,       /* --time or --max-insns reached */
	SCHED_INTERRUPTED, /* Ctrl-C */
	SCHED_HOST_ERROR,  /* swap or file I/O failed: the kernel's error says what */
};

/* A program from the command line waiting for memory to start in (a
 * contiguous mechanism without --swap-processes: every partition taken, or
 * no hole for it). */
struct sched_waiting {
	const char *path;
	char *const *argv;  /* the caller's, as given to sched_start */
	int argc;
	int pid;            /* its pid, given when it was asked for */
	uint64_t since_ns;
};

struct sched {
	struct kernel *k;
	struct sched_config cfg;
	int next_pid;
	size_t cursor;          /* round-robin position in the process table */
	uint64_t insns;         /* instructions retired by every process */
	uint64_t idle_ns;       /* virtual time every process spent asleep at once */
	uint64_t warned[8];     /* system calls already warned about (bitmap of numbers < 512) */
	struct sched_waiting *waiting; /* in the order they were asked for */
	size_t nwaiting, waiting_cap;
	uint64_t waiting_frees; /* cmem_frees when the first of them last tried */
};

void sched_init(struct sched *s, struct kernel *k, const struct sched_config *cfg);

/* Starts the ELF file path as a new process with arguments argv (argv[0] as
 * the user wrote it; the array must live as long as s). Returns its pid, or 0
 * with a message in err. Under a contiguous mechanism a program that finds
 * no memory free waits (it has its pid, but kernel_proc finds it only once
 * it has started): sched_run starts it, in order, when memory comes free. */
int sched_start(struct sched *s, const char *path, char *const argv[], int argc, char *err, size_t errlen);
/* Frees what s holds. */
void sched_fini(struct sched *s);

/* Runs until every process has exited or a limit stops it. While it runs,
 * the kernel's long loops poll the limits (and Ctrl-C) through
 * kernel_should_stop, so a run ends soon after either in host time too: within
 * a step of instructions, one system call's chunk, or one page of a walk.
 * After it returns nothing polls them: what the caller does then runs whole. */
enum sched_end sched_run(struct sched *s);

/* The virtual time, in nanoseconds. */
uint64_t sched_now_ns(const struct sched *s);

/* Finds a program for execve, looking at nothing else on the host
 * (os/progpath.h): a name without a slash is a program given on the command
 * line by its name, else a regular file directly in the first --path
 * directory holding one; a name with a slash is a program by the word the
 * command line gave (examples/mem.c, ./examples/mem.c, its absolute path),
 * else a regular file lexically beneath a --path directory, opened beneath
 * it. Writes the host path into buf; false (ENOENT) when there is none. */
bool sched_find_program(const struct sched *s, const char *name, char *buf, size_t size);

/* The system-call handler (os/syscall.c): p stopped at an ecall. */
void syscall_handle(struct sched *s, struct proc *p);

#endif
