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

/* A program named on the command line. */
struct sched_program {
	const char *name;     /* as execve may name it: "mem" for examples/mem.c */
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
};

enum sched_end {
	SCHED_DONE,        /* every process exited */
	SCHED_LIMIT,       /* --time or --max-insns reached */
	SCHED_INTERRUPTED, /* Ctrl-C */
	SCHED_HOST_ERROR,  /* swap or file I/O failed: the kernel's error says what */
};

struct sched {
	struct kernel *k;
	struct sched_config cfg;
	int next_pid;
	size_t cursor;          /* round-robin position in the process table */
	uint64_t insns;         /* instructions retired by every process */
	uint64_t idle_ns;       /* virtual time every process spent asleep at once */
	uint64_t warned[8];     /* system calls already warned about (bitmap of numbers < 512) */
};

void sched_init(struct sched *s, struct kernel *k, const struct sched_config *cfg);

/* Starts the ELF file path as a new process with arguments argv (argv[0] as
 * the user wrote it). Returns it, or NULL with a message in err. */
struct proc *sched_start(struct sched *s, const char *path, char *const argv[], int argc, char *err, size_t errlen);

/* Runs until every process has exited or a limit stops it. */
enum sched_end sched_run(struct sched *s);

/* The virtual time, in nanoseconds. */
uint64_t sched_now_ns(const struct sched *s);

/* Finds a program for execve: a program given on the command line (by its
 * name, or a path ending in it), a path that names a file, or a file in a
 * --path directory. Writes the path into buf; false when there is none. */
bool sched_find_program(const struct sched *s, const char *name, char *buf, size_t size);

/* The system-call handler (os/syscall.c): p stopped at an ecall. */
void syscall_handle(struct sched *s, struct proc *p);

#endif
