/* The round-robin scheduler and the virtual clock. */
#include "os/sched.h"
#include "os/exec.h"
#include "guest/include/vmlab/syscall.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t clock_cb(void *ctx) { return sched_now_ns(ctx); }

void sched_init(struct sched *s, struct kernel *k, const struct sched_config *cfg)
{
	memset(s, 0, sizeof *s);
	s->k = k;
	s->cfg = *cfg;
	s->next_pid = 1;
	s->cursor = SIZE_MAX; /* the first pick is the first process */
}

uint64_t sched_now_ns(const struct sched *s)
{
	return kernel_sim_ns(s->k) + s->insns * s->cfg.insn_ns + s->idle_ns;
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool sched_find_program(const struct sched *s, const char *name, char *buf, size_t size)
{
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	for (int i = 0; i < s->cfg.nprograms; i++) {
		if (!strcmp(s->cfg.programs[i].name, base) || !strcmp(s->cfg.programs[i].path, name)) {
			snprintf(buf, size, "%s", s->cfg.programs[i].path);
			return true;
		}
	}
	if (strchr(name, '/')) {
		snprintf(buf, size, "%s", name);
		return is_file(buf);
	}
	for (int i = 0; i < s->cfg.npath; i++) {
		snprintf(buf, size, "%s/%s", s->cfg.path_dirs[i], name);
		if (is_file(buf))
			return true;
	}
	return false;
}

struct proc *sched_start(struct sched *s, const char *path, char *const argv[], int argc, char *err, size_t errlen)
{
	int errnum;
	struct proc *p = exec_program(s->k, NULL, s->next_pid, path, argv, argc, s->cfg.env, s->cfg.nenv, &errnum,
				      err, errlen);
	if (!p)
		return NULL;
	s->next_pid++;
	p->cpu->time_ns = clock_cb;
	p->cpu->time_ctx = s;
	return p;
}

/* The next runnable process after the cursor in the table, round-robin (the
 * ones after it, then from the first); NULL if none. Only processes that are
 * not dead can run, and the alive list holds those in table order. */
static struct proc *pick(struct sched *s)
{
	for (int pass = 0; pass < 2; pass++) { /* after the cursor, then up to it */
		for (struct proc *p = s->k->alive; p; p = p->next_alive) {
			bool after = s->cursor == SIZE_MAX || p->slot > s->cursor;
			if (after != (pass == 0) || p->state != PROC_LIVE || !p->cpu)
				continue;
			s->cursor = p->slot;
			return p;
		}
	}
	return NULL;
}

/* Wakes sleepers whose time has come. */
static void wake_due(struct sched *s)
{
	uint64_t now = sched_now_ns(s);
	for (struct proc *p = s->k->alive; p; p = p->next_alive)
		if (p->state == PROC_SLEEPING && p->wake_ns <= now)
			p->state = PROC_LIVE;
}

/* Everyone is asleep (or waiting): jump the clock to the first wake-up.
 * Returns false when nobody will ever wake up. */
static bool sleep_until_next_wakeup(struct sched *s)
{
	struct kernel *k = s->k;
	uint64_t first = UINT64_MAX;
	for (struct proc *p = k->alive; p; p = p->next_alive)
		if (p->state == PROC_SLEEPING && p->wake_ns < first)
			first = p->wake_ns;
	if (first == UINT64_MAX)
		return false;
	uint64_t now = sched_now_ns(s);
	if (first > now)
		s->idle_ns += first - now;
	wake_due(s);
	return true;
}

/* Kills p for an instruction it cannot execute. */
static void kill_for_insn(struct sched *s, struct proc *p, const struct cpu_exit *ex)
{
	char insn[64], why[200];
	cpu_disasm(ex->insn, p->cpu->pc, insn, sizeof insn);
	bool brk = ex->why == CPU_EBREAK;
	snprintf(why, sizeof why, "%s 0x%08" PRIx32 " at pc 0x%" PRIx64 " (%s)",
		 brk ? "breakpoint (ebreak)" : "illegal instruction", ex->insn, p->cpu->pc, insn);
	kernel_kill(s->k, p, brk ? GUEST_SIGTRAP : GUEST_SIGILL, why);
}

/* Handles why the CPU stopped. Returns true when p may go on in its slice. */
static bool handle_stop(struct sched *s, struct proc *p, const struct cpu_exit *ex)
{
	struct fault_outcome out;
	switch (ex->why) {
	case CPU_BUDGET:
		return false;
	case CPU_ECALL: {
		int pid = p->pid;
		syscall_handle(s, p);
		p = kernel_proc(s->k, pid); /* execve replaces the struct */
		return p && p->state == PROC_LIVE && s->k->current == p;
	}
	case CPU_FAULT:
		p->fault_insn = ex->insn;
		return kernel_fault(s->k, p, &ex->fault, PRIV_USER, 0, &out) == FAULT_RESOLVED;
	case CPU_ILLEGAL:
	case CPU_EBREAK:
		kill_for_insn(s, p, ex);
		return false;
	}
	return false;
}

/* Instructions p may still run in this slice, within the limits. */
static uint64_t budget(const struct sched *s, uint64_t used)
{
	uint64_t b = s->cfg.quantum_insns - used;
	if (s->cfg.max_insns && s->cfg.max_insns - s->insns < b)
		b = s->cfg.max_insns - s->insns;
	return b;
}

/* Runs p for one time slice. */
static void run_slice(struct sched *s, struct proc *p)
{
	uint64_t used = 0;
	int pid = p->pid;
	if (s->k->current != p)
		cpu_flush_fetch(p->cpu);
	kernel_switch(s->k, p);
	while (used < s->cfg.quantum_insns && !s->k->error[0]) {
		uint64_t b = budget(s, used), before = p->cpu->instret;
		if (b == 0)
			return;
		struct cpu_exit ex;
		cpu_run(p->cpu, b, &ex);
		used += p->cpu->instret - before;
		s->insns += p->cpu->instret - before;
		if (!handle_stop(s, p, &ex))
			return;
		p = kernel_proc(s->k, pid);
	}
}

static bool over_limits(const struct sched *s)
{
	return (s->cfg.max_insns && s->insns >= s->cfg.max_insns) ||
	       (s->cfg.max_ns && sched_now_ns(s) >= s->cfg.max_ns);
}

enum sched_end sched_run(struct sched *s)
{
	for (;;) {
		if (s->cfg.interrupted && *s->cfg.interrupted)
			return SCHED_INTERRUPTED;
		if (s->k->error[0])
			return SCHED_HOST_ERROR;
		if (over_limits(s))
			return SCHED_LIMIT;
		kernel_collect(s->k);
		wake_due(s);
		struct proc *p = pick(s);
		if (p) {
			run_slice(s, p);
			continue;
		}
		if (!sleep_until_next_wakeup(s))
			return SCHED_DONE;
		if (s->cfg.max_ns && sched_now_ns(s) > s->cfg.max_ns) {
			s->idle_ns -= sched_now_ns(s) - s->cfg.max_ns; /* stop the clock at the limit */
			return SCHED_LIMIT;
		}
	}
}
