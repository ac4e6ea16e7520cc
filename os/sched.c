/* The round-robin scheduler and the virtual clock. */
#include "os/sched.h"
#include "os/cmem.h"
#include "os/exec.h"
#include "os/progpath.h"
#include "guest/include/vmlab/syscall.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The most instructions one cpu_run executes before the limits are polled
 * again, as long as the default time slice: a slice (--quantum) may be far
 * longer, and a step must not run far past --time. */
#define RUN_STEP_INSNS 100000u

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

bool sched_find_program(const struct sched *s, const char *name, char *buf, size_t size)
{
	bool slash = strchr(name, '/') != NULL;
	for (int i = 0; i < s->cfg.nprograms; i++) {
		const struct sched_program *p = &s->cfg.programs[i];
		if (slash ? p->word && progpath_same(p->word, name) : !strcmp(p->name, name)) {
			snprintf(buf, size, "%s", p->path);
			return true;
		}
	}
	for (int i = 0; i < s->cfg.npath; i++)
		if (progpath_lookup(s->cfg.path_dirs[i], name, buf, size))
			return true;
	return false;
}

void sched_fini(struct sched *s)
{
	free(s->waiting);
	s->waiting = NULL;
	s->nwaiting = s->waiting_cap = 0;
}

/* Loads a program as process pid; NULL with err and *errnum. */
static struct proc *load(struct sched *s, const char *path, char *const argv[], int argc, int pid, int *errnum,
			 char *err, size_t errlen)
{
	struct proc *p = exec_program(s->k, NULL, pid, path, argv, argc, s->cfg.env, s->cfg.nenv, errnum, err, errlen);
	if (p) {
		p->cpu->time_ns = clock_cb;
		p->cpu->time_ctx = s;
	}
	return p;
}

static void wait_for_memory(struct sched *s, const char *path, char *const argv[], int argc, int pid)
{
	if (s->nwaiting == s->waiting_cap) {
		s->waiting_cap = s->waiting_cap ? 2 * s->waiting_cap : 8;
		s->waiting = xrealloc(s->waiting, s->waiting_cap * sizeof *s->waiting);
	}
	s->waiting[s->nwaiting++] = (struct sched_waiting){path, argv, argc, pid, sched_now_ns(s)};
	s->waiting_frees = cmem_frees(s->k);
}

int sched_start(struct sched *s, const char *path, char *const argv[], int argc, char *err, size_t errlen)
{
	int errnum, pid = s->next_pid;
	struct proc *p = s->nwaiting ? NULL : load(s, path, argv, argc, pid, &errnum, err, errlen);
	if (!p && (s->nwaiting || (s->k->cm && errnum == GUEST_ENOMEM)))
		wait_for_memory(s, path, argv, argc, pid); /* after those waiting already */
	else if (!p)
		return 0;
	s->next_pid++;
	return pid;
}

/* Starts the waiting programs, in order, while memory has come free for
 * them; with finally (nothing else will ever free any), the first one that
 * cannot start is given up with a message. */
static void start_waiting(struct sched *s, bool finally)
{
	char err[600];
	int errnum;
	while (s->nwaiting && (finally || cmem_frees(s->k) != s->waiting_frees)) {
		struct sched_waiting *w = &s->waiting[0];
		struct proc *p = load(s, w->path, w->argv, w->argc, w->pid, &errnum, err, sizeof err);
		s->waiting_frees = cmem_frees(s->k);
		if (!p && !finally)
			return;
		if (p)
			p->waited_ns = sched_now_ns(s) - w->since_ns;
		else
			fprintf(s->cfg.err, "vmlab: pid %d never started: %s\n", w->pid, err);
		memmove(w, w + 1, --s->nwaiting * sizeof *w);
	}
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
			if (cmem_is_out(p) && !cmem_bring_in(s->k, p))
				continue; /* no room for it yet */
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

/* Kills p for an atomic at a misaligned address: SIGBUS, as Linux gives
 * for the address-misaligned exception (BUS_ADRALN). */
static void kill_for_misaligned(struct sched *s, struct proc *p, const struct cpu_exit *ex)
{
	char insn[64], why[240];
	bool load = ex->fault.access == ACCESS_READ;
	cpu_disasm(ex->insn, p->cpu->pc, insn, sizeof insn);
	snprintf(why, sizeof why, "bus error: %s of 0x%" PRIx64 " is misaligned (%s address misaligned, cause %d), "
		 "at pc 0x%" PRIx64 " (%s)", load ? "read" : "write", ex->fault.va, load ? "load" : "store/AMO",
		 load ? CAUSE_LOAD_MISALIGNED : CAUSE_STORE_MISALIGNED, p->cpu->pc, insn);
	kernel_kill(s->k, p, GUEST_SIGBUS, why);
}

/* Kills p, whose instruction at pc took SCHED_STALL_FAULTS faults in a row
 * without completing. */
static void kill_stalled(struct sched *s, struct proc *p, const struct cpu_exit *ex)
{
	char insn[64] = "", why[320];
	if (ex->insn)
		cpu_disasm(ex->insn, p->cpu->pc, insn, sizeof insn);
	snprintf(why, sizeof why, "no progress: %d page faults in a row without completing the instruction at pc 0x%"
		 PRIx64 "%s%s%s; it needs more pages at once than it can keep resident (RAM holds %" PRIu64
		 " frame%s; one instruction can need %" PRIu64 ")", SCHED_STALL_FAULTS, p->cpu->pc, *insn ? " (" : "",
		 insn, *insn ? ")" : "", s->k->cfg.user_frames, s->k->cfg.user_frames == 1 ? "" : "s",
		 s->k->min.user_frames);
	kernel_kill(s->k, p, GUEST_SIGKILL, why);
}

/* p's instruction faulted. The kernel handles the fault, and the page stays
 * pinned until the instruction completes (run_slice sees it complete); a
 * process whose instruction never completes is killed. Returns true when p
 * may go on (retrying the instruction) in its slice, as far as the run's
 * limits let it (run_slice polls them after every fault); false when p is
 * dead. */
static bool cpu_fault(struct sched *s, struct proc *p, const struct cpu_exit *ex)
{
	struct fault_outcome out;
	if (++p->insn_faults > SCHED_STALL_FAULTS) {
		kill_stalled(s, p, ex);
		return false;
	}
	p->fault_insn = ex->insn;
	if (kernel_fault(s->k, p, &ex->fault, PRIV_USER, 0, &out) != FAULT_RESOLVED)
		return false;
	kernel_pin(s->k, p, ex->fault.va);
	return true;
}

/* Handles why the CPU stopped. Returns true when p may go on in its slice. */
static bool handle_stop(struct sched *s, struct proc *p, const struct cpu_exit *ex)
{
	switch (ex->why) {
	case CPU_BUDGET:
		return true; /* the slice's loop says whether it is over */
	case CPU_ECALL: {
		int pid = p->pid;
		kernel_unpin(s->k, p); /* a system call is progress: its pages need no pins */
		syscall_handle(s, p);
		p = kernel_proc(s->k, pid); /* execve replaces the struct */
		return p && p->state == PROC_LIVE && s->k->current == p;
	}
	case CPU_FAULT:
		return cpu_fault(s, p, ex);
	case CPU_ILLEGAL:
	case CPU_EBREAK:
		kill_for_insn(s, p, ex);
		return false;
	case CPU_MISALIGNED:
		kill_for_misaligned(s, p, ex);
		return false;
	}
	return false;
}

/* Instructions p may run before the limits are polled again: the rest of
 * its slice, within --max-insns, at most RUN_STEP_INSNS. */
static uint64_t budget(const struct sched *s, uint64_t used)
{
	uint64_t b = s->cfg.quantum_insns - used;
	if (s->cfg.max_insns && s->cfg.max_insns - s->insns < b)
		b = s->cfg.max_insns - s->insns;
	return b < RUN_STEP_INSNS ? b : RUN_STEP_INSNS;
}

/* Runs p for one time slice, or until the run must stop (polled after every
 * step of instructions, system call and fault). An instruction that faulted
 * runs again alone, so that its completion is seen: then its pages are
 * unpinned. */
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
		bool alone = p->insn_faults != 0;
		struct cpu_exit ex;
		cpu_run(p->cpu, alone ? 1 : b, &ex);
		used += p->cpu->instret - before;
		s->insns += p->cpu->instret - before;
		if (alone && p->cpu->instret != before)
			kernel_unpin(s->k, p);
		if (!handle_stop(s, p, &ex) || kernel_should_stop(s->k))
			return;
		p = kernel_proc(s->k, pid);
	}
}

static bool over_limits(const struct sched *s)
{
	return (s->cfg.max_insns && s->insns >= s->cfg.max_insns) ||
	       (s->cfg.max_ns && sched_now_ns(s) >= s->cfg.max_ns);
}

/* Whether the run must end now, and why (*end): Ctrl-C, a host error, a
 * limit. The one place that decides it: sched_run asks it between slices,
 * and the kernel's long loops through kernel_should_stop (should_stop). */
static bool must_end(const struct sched *s, enum sched_end *end)
{
	if (s->cfg.interrupted && *s->cfg.interrupted)
		*end = SCHED_INTERRUPTED;
	else if (s->k->error[0])
		*end = SCHED_HOST_ERROR;
	else if (over_limits(s))
		*end = SCHED_LIMIT;
	else
		return false;
	return true;
}

static bool should_stop(void *ctx)
{
	enum sched_end end;
	return must_end(ctx, &end);
}

/* The run's loop: a slice for the next runnable process, or the clock
 * jumped to the next wake-up, until the run must end. */
static void slice_done(struct sched *s)
{
	if (s->cfg.on_slice)
		s->cfg.on_slice(s->cfg.on_slice_ctx);
}

static enum sched_end run_all(struct sched *s)
{
	enum sched_end end;
	for (;;) {
		if (must_end(s, &end))
			return end;
		kernel_collect(s->k);
		wake_due(s);
		start_waiting(s, false);
		struct proc *p = pick(s);
		if (p) {
			run_slice(s, p);
			slice_done(s);
			continue;
		}
		bool slept = sleep_until_next_wakeup(s);
		slice_done(s);
		if (!slept) {
			if (!s->nwaiting)
				return SCHED_DONE;
			start_waiting(s, true); /* nothing else will free memory for them */
			continue;
		}
		if (s->cfg.max_ns && sched_now_ns(s) > s->cfg.max_ns) {
			s->idle_ns -= sched_now_ns(s) - s->cfg.max_ns; /* stop the clock at the limit */
			return SCHED_LIMIT;
		}
	}
}

enum sched_end sched_run(struct sched *s)
{
	s->k->should_stop = should_stop;
	s->k->should_stop_ctx = s;
	s->k->stopping = false;
	enum sched_end end = run_all(s);
	s->k->should_stop = NULL; /* s may go before the kernel, and what the caller */
	s->k->stopping = false;   /* does with it after the run runs whole */
	return end;
}
