/* The kernel's memory manager: processes with private address spaces, the
 * page-fault handler (demand zero, file read, swap-in, stack growth,
 * segmentation faults), eviction through a replacement policy, swap, and
 * out-of-memory kills. Workloads (trace replay, the CPU) drive it through the
 * MMU and call kernel_fault when a translation faults. */
#ifndef OS_KERNEL_H
#define OS_KERNEL_H

#include "cpu/cpu.h"
#include "hw/latency.h"
#include "hw/mmu.h"
#include "lib/rng.h"
#include "lib/u64map.h"
#include "os/as.h"
#include "os/contig.h"
#include "os/frames.h"
#include "os/pidmap.h"
#include "os/policy.h"
#include "os/swap.h"

#define KERNEL_REGION_PAGES 4
#define STACK_GUARD_PAGES 256 /* below a stack at its limit nothing is mapped (Linux's stack_guard_gap) */
#define MAX_MAP_COUNT 262144 /* regions a process may hold: mmap, munmap and mprotect that would
			     make more fail with ENOMEM (Linux's vm.max_map_count, as distributions
			     raise it for programs with many mappings; the kernel's default is 65530) */
#define KERNEL_MAX_REGIONS (1u << 21) /* regions of all processes together (about 250 MB of host
				       memory): beyond, mmap, munmap, mprotect and fork fail with ENOMEM */
#define MMAP_MIN_ADDR 0x10000 /* nothing a program maps lies below: NULL and small offsets from it
			     always fault (Linux's default vm.mmap_min_addr, 64 KiB) */
#define KERNEL_AS_SIZES 16 /* base-bounds: address-space sizes for the first pids (--as-size A,B,...) */
#define KERNEL_PINS 6 /* pages of one instruction kept from eviction: at least kernel_minimum's
			 user_frames at the smallest page size (5 with 4-byte pages) */

/* The minimum working set (os/workset.c): what executing one instruction can
 * need at once, by the page-table format. A fetch of CPU_MAX_INSN_BYTES at
 * the last CPU_INSN_ALIGN-aligned place of a page and a load or store of
 * CPU_MAX_ACCESS_BYTES at its last byte reach into the next pages:
 *   fetch_pages = (page - CPU_INSN_ALIGN + CPU_MAX_INSN_BYTES - 1) / page + 1
 *   data_pages  = (page - 1 + CPU_MAX_ACCESS_BYTES - 1) / page + 1
 * (2 and 2 for any page of 8 bytes or more). Each of those pages may need
 * its own path of tables below the process's root; the kernel region (when
 * the VA space has one) costs its pages and a path of its own. Page tables
 * and the kernel region live in the kernel's pool, outside the RAM for
 * processes (--ram), which kernel_new sizes to hold at least table_frames +
 * kernel_frames. */
struct kernel_minimum {
	uint64_t fetch_pages;   /* pages one instruction's fetch can touch */
	uint64_t data_pages;    /* pages one load or store can touch */
	uint64_t user_frames;   /* fetch_pages + data_pages: the RAM for processes a
				   machine needs so that any instruction can complete */
	uint64_t table_frames;  /* one process's root table and a path below it
				   for each of those pages */
	uint64_t kernel_frames; /* the kernel region's pages and its path of tables */
};
void kernel_minimum(const struct pt_format *f, struct kernel_minimum *m);

struct kernel_config {
	struct pt_format fmt;
	struct mmu_config mmu;
	uint64_t user_frames;     /* RAM for processes, in frames */
	uint64_t swap_slots;      /* 0 = no swap */
	const char *swap_path;    /* NULL = an unlinked temporary file */
	const struct policy_ops *policy;
	bool local_scope;         /* one policy per process instead of one for all */
	uint64_t seed;
	uint64_t stack_limit;     /* bytes a stack may grow to */
	bool strict;              /* trace replay: no regions on first touch */
	bool junk;                /* fill freed frames with junk */
	bool aslr;                /* randomise each program's stack, heap and mmap bases */
	struct latency lat;
	/* The contiguous mechanisms (mmu.mech partition, base-bounds or
	 * segmentation; os/cmem.c); mmu.part.count is --partitions. */
	uint64_t as_size;         /* base-bounds: the bytes of an address space (--as-size) ... */
	uint64_t as_sizes[KERNEL_AS_SIZES]; /* ... but pid i in 1 .. nas_sizes gets as_sizes[i - 1] */
	unsigned nas_sizes;
	enum contig_fit fit;      /* base-bounds, segmentation: where a block goes (--fit) */
	bool compact;             /* relocate blocks to make room when one does not fit (--compact) */
	bool swap_processes;      /* swap whole processes out to make room (--swap-processes) */
};

/* Fills the defaults: sv39, 16 MiB of RAM, swap of 8 x RAM, clock, global;
 * for the contiguous mechanisms 1 MiB address spaces placed first fit. */
void kernel_config_defaults(struct kernel_config *cfg);

enum proc_state {
	PROC_LIVE,      /* running or ready to run */
	PROC_SLEEPING,  /* in nanosleep until wake_ns */
	PROC_WAITING,   /* in wait4 for a child */
	PROC_ZOMBIE,    /* exited, memory freed, its parent has not waited yet */
	PROC_DEAD,      /* gone: reaped, or exited or killed with nobody to wait for it */
};

/* A process. What every process has comes first; a trace process holds only
 * that and its address space (about a kilobyte of host memory with its region
 * list, and a root table: see kernel_spawn). The CPU state of a process that
 * runs a program is a separate object, freed when it ends; a zombie holds
 * only this struct, and a reaped process nothing (kernel_collect frees it and
 * keeps its summary record, struct proc_record). */
struct cmem_proc;

struct proc {
	int pid;                  /* pid, state, as.asid and as.pt.root: one cache line */
	enum proc_state state;
	struct aspace as;
	uint64_t slot;            /* its place in creation order (its table entry's) */
	bool in_table;            /* entered in the table (exec's image is not until it commits) */
	uint64_t minor_faults, major_faults, cow_copies;
	uint64_t evictions, swap_ins, swap_outs; /* its pages evicted, read from swap, written to it */
	uint64_t tlb_hits, tlb_misses; /* of the ASIDs it held before its current one */
	char death[320];          /* why it was killed ("" when it exited by itself) */
	/* processes that run programs (vmlab run) */
	struct proc *parent;      /* NULL for the ones started from the command line */
	struct proc *first_child, *last_child;   /* children not dead, in creation order ... */
	struct proc *prev_sibling, *next_sibling; /* ... linked through these */
	struct proc *prev_alive, *next_alive;     /* the kernel's alive list */
	char name[64];
	struct cpu *cpu;          /* its CPU while it runs a program; NULL otherwise */
	uint64_t instret;         /* instructions it retired, once its CPU is gone */
	int wait_status;          /* Linux wait status: (code << 8) or the signal number */
	uint64_t wake_ns;         /* PROC_SLEEPING */
	int wait_pid;             /* PROC_WAITING: -1 for any child */
	vaddr_t brk_start, brk;   /* the heap is [brk_start, brk) */
	vaddr_t stack_top;        /* mmap regions go below the stack's limit */
	uint32_t fault_insn;      /* the instruction that faulted, for reports */
	/* The instruction in progress once it faulted (vmlab run; a replay
	 * repeats the recorded pins): the pages its faults were for are pinned
	 * (eviction for p's faults leaves them alone while another page can
	 * go) until it completes; insn_faults counts its faults (sched.c's
	 * no-progress check). */
	vaddr_t pins[KERNEL_PINS]; /* page addresses */
	unsigned npins;
	unsigned insn_faults;
	struct cmem_proc *cm;     /* the contiguous mechanisms' part (os/cmem.h); NULL under paging */
	uint64_t waited_ns;       /* how long it waited for memory before it started (cmem) */
};

/* What the fault handler did, for explanations (-v). */
enum fault_action {
	ACT_NONE,
	ACT_DEMAND_ZERO,
	ACT_FILE_READ,
	ACT_SWAP_IN,
	ACT_AD_UPDATE,
	ACT_TLB_REFILL,
	ACT_COW_COPY,   /* a page shared since fork copied on its first write */
	ACT_COW_REUSE,  /* its last sharer writes: W given back, no copy */
	ACT_KILLED,
};

struct fault_outcome {
	struct fault fault;       /* the fault handled (a refill's walk may fault in its turn) */
	enum fault_action action;
	pfn_t frame;
	bool evicted;             /* a victim was evicted to make room */
	int victim_pid;
	vaddr_t victim_va;
	bool victim_written;      /* it was written to swap */
	bool stack_grew;
	bool region_created;
};

enum fault_result {
	FAULT_RESOLVED,   /* retry the access */
	FAULT_KILLED,     /* the process is dead (segmentation fault or OOM) */
	FAULT_HOST_ERROR, /* swap or file I/O failed: kernel_error says why */
};

/* What changes an address space beyond the accesses themselves, as the
 * on_as_event hook is told of it (vmlab run --record). */
enum as_event {
	AS_UNMAP, /* the page at arg, resident or swapped, left p's address space
		     (munmap, brk, mmap over it) */
	AS_EMPTY, /* every page left it: exit, and exec as it starts building the
		     new image (arg 0) */
	AS_FORK,  /* the new process whose pid is arg shares p's pages copy-on-write */
	AS_PIN,   /* the page at arg is pinned for p's instruction in progress */
	AS_UNPIN, /* p's instruction in progress completed: no page is pinned */
};

/* What the summary says of a process: its own figures while it exists;
 * when it is freed, the kernel keeps the record of each of the first
 * KERNEL_LISTED_PROCS processes and adds the others' into one sum, so that an
 * ended process holds no host memory of its own. */
struct proc_record {
	int pid;
	enum proc_state state;
	int wait_status;          /* PROC_ZOMBIE, PROC_DEAD */
	bool killed;
	char name[64];
	uint64_t insns, tlb_hits, tlb_misses, faults, cow_copies;
	uint64_t resident, swapped; /* 0 once it has ended */
	uint64_t waited_ns;       /* contiguous mechanisms: waiting for memory before it started */
};

#define KERNEL_LISTED_PROCS 256 /* processes the summary lists one by one */

/* A listed process: p while it exists (dead or not), then its record. */
struct kernel_listed {
	struct proc *p;
	struct proc_record rec;
};

struct kernel_counts {
	uint64_t minor_faults, major_faults;
	uint64_t evictions, writebacks, swap_ins, swap_outs, file_reads;
	uint64_t ad_faults, segfaults, oom_kills;
	uint64_t cow_copies;
	uint64_t switches;        /* context switches: the MMU moved to another process's space */
	/* the contiguous mechanisms */
	uint64_t proc_swap_outs, proc_swap_ins; /* whole processes (their pages count in swap_outs, swap_ins) */
	uint64_t copied_bytes;    /* moved in memory: relocations, compaction, fork's copies */
};

struct kernel {
	struct kernel_config cfg;
	struct pt_format fmt;
	struct physmem pm;
	struct frames fr;
	struct swap swap;
	bool has_swap;
	struct mmu *mmu;
	struct cmem *cm;           /* the contiguous mechanisms' memory (NULL under paging) */
	struct policy global;      /* global scope only */
	struct policy_shared *policy_frames; /* local scope: the per-frame state every process's policy shares */
	uint64_t nprocs;           /* processes ever entered in the table: the next one's slot */
	uint64_t nalive;           /* processes on the alive list */
	size_t nregions;           /* regions of every process (host memory: at most KERNEL_MAX_REGIONS) */
	struct proc *alive, *alive_tail; /* those not PROC_DEAD (zombies too), in creation order:
					    what scans for a process to run, wake or kill walk */
	struct proc *dead;         /* dead ones not yet freed (kernel_collect), newest first */
	struct kernel_listed listed[KERNEL_LISTED_PROCS]; /* the first processes, by slot */
	struct proc_record unlisted; /* the sums of the freed processes beyond them */
	uint64_t nunlisted;        /* how many those are */
	struct pidmap pids;        /* pid -> process */
	struct proc *current;      /* whose address space the MMU is in */
	pfn_t kregion;             /* first frame of the kernel region */
	vaddr_t kregion_va;        /* 0 when the VA space is too small for one */
	struct kernel_minimum min; /* what one instruction can need (kernel_minimum of fmt) */
	struct pt_shared kshared;  /* the kernel region's tables below the root, shared by
				      every address space (users 0 until the first exists) */
	asid_t next_asid;          /* 0 once 1 .. 65,535 are handed out (see kernel_switch) */
	struct kernel_counts c;
	struct rng rng;            /* the seeded randomness of the kernel's own choices (ASLR) */
	uint64_t *soft_cleared;    /* PTEs without A bits: per user frame, its reference
				      stamp when its software reference bit was cleared */
	char error[320];           /* the host error behind FAULT_HOST_ERROR */
	void (*on_kill)(void *ctx, const struct proc *p); /* told of each kill */
	void *on_kill_ctx;
	void (*on_exit)(void *ctx, const struct proc *p); /* told before a process's memory is freed */
	void *on_exit_ctx;
	void (*on_as_event)(void *ctx, const struct proc *p, enum as_event ev, uint64_t arg);
	void *on_as_event_ctx;     /* told of what changes address spaces beyond accesses */
	bool (*should_stop)(void *ctx); /* whether the run must stop now (see kernel_should_stop) */
	void *should_stop_ctx;
	long (*on_client)(void *ctx, struct proc *p, const uint64_t *a); /* a client request (a[0] =
				      the request, vmlab/syscall.h), its result; NULL: -ENOSYS */
	void *on_client_ctx;
	void (*on_user_access)(void *ctx, const struct proc *p, vaddr_t va, enum access acc, unsigned size);
	void *on_user_access_ctx;  /* told of each access the kernel makes to p's memory for it
				      (a system call's copies), once translated */
	const struct cpu_checker *checker; /* new processes' CPUs run checked by it, with shadow
					      call stacks (memcheck; NULL: none) */
	bool stopping;             /* should_stop said so once: the run is ending */
};

/* Builds the machine and kernel. Returns NULL with a message in err when the
 * configuration is impossible. */
struct kernel *kernel_new(const struct kernel_config *cfg, char *err, size_t errlen);
void kernel_free(struct kernel *k);

/* Creates a process with an empty address space (plus the kernel region)
 * and puts it in the table. Returns NULL when there is no memory for its page
 * table. Its page table is one root table of its own: the kernel region's
 * lower tables are shared by every address space (struct pt_shared), built
 * with the first one and freed with the last. */
struct proc *kernel_spawn(struct kernel *k, int pid);
/* kernel_spawn in two steps: a process outside the table (exec builds the new
 * image in it), then its entry into the table under pid (and into its
 * parent's children, when p->parent is set). */
struct proc *kernel_new_proc(struct kernel *k);
void kernel_adopt(struct kernel *k, struct proc *p, int pid);
/* exec's commit: p (outside the table) takes old's place, pid, parent and
 * children; old's address space and struct are freed. */
void kernel_replace(struct kernel *k, struct proc *old, struct proc *p);
/* Frees a process made by kernel_new_proc that never entered the table. */
void kernel_discard(struct kernel *k, struct proc *p);
/* The process with that pid, or NULL. */
struct proc *kernel_proc(struct kernel *k, int pid);
/* For a caller that knows the references to come (a trace replay): asks the
 * host to bring into its cache, at step 0, pid's index slot; at 1, its
 * process; at 2 and on, the next level of the walk for va (pt_ahead: *a
 * carries it from step to step). Issued some references apart in increasing
 * steps, each finds in the cache what the one before fetched, and walks of
 * thousands of processes stop waiting on the host's memory. No effect on
 * the model. */
void kernel_prefetch(struct kernel *k, int pid, vaddr_t va, unsigned step, struct pt_ahead *a);
/* Frees everything the process holds. It stays in the table: a zombie until
 * its parent waits for it, or dead (a parent waiting for it wakes up). The
 * teardown polls kernel_should_stop: when the run must stop midway, the
 * process keeps what was not freed yet, a smaller address space still whole,
 * which kernel_free gives back. */
void kernel_exit(struct kernel *k, struct proc *p);
/* The process whose address space is as: every address space is a process's. */
static inline struct proc *kernel_proc_of(const struct aspace *as)
{
	return (struct proc *)(void *)((char *)(uintptr_t)as - offsetof(struct proc, as));
}

/* Tells the on_as_event hook, if any, of ev in p's address space. */
static inline void kernel_as_event(struct kernel *k, const struct proc *p, enum as_event ev, uint64_t arg)
{
	if (k->on_as_event)
		k->on_as_event(k->on_as_event_ctx, p, ev, arg);
}
/* Whether the run must stop now: the should_stop hook (vmlab run's --time,
 * --max-insns and Ctrl-C; no hook, never) said so, now or at an earlier poll.
 * Every host loop whose length a guest controls (a system call's copy, a
 * walk over an address space's pages, the fault retries of one access) polls
 * it between bounded steps and, once it is true, ends at the next consistent
 * point: a system call returns what it has done so far (or -EINTR), a range
 * operation leaves the rest of its range as it was. Nothing runs the guest
 * again: the driver (sched_run) ends the run. Cheap when it is false: one
 * call of the hook. */
static inline bool kernel_should_stop(struct kernel *k)
{
	if (!k->stopping && k->should_stop)
		k->stopping = k->should_stop(k->should_stop_ctx);
	return k->stopping;
}
/* wait4 collected the zombie z: it is dead, its parent's child no more. */
void kernel_reap(struct kernel *k, struct proc *z);
/* Frees every dead process (kernel_proc finds them no more): its record is
 * kept (listed) or added to the sum of the others. Until then a dead process
 * stays in the table, so that whoever killed or reaped it may still read it;
 * the scheduler collects between time slices, trace replay never (a dead
 * trace process keeps its pid, and its later records are skipped). */
void kernel_collect(struct kernel *k);
/* The summary record of process p (in the table, dead or not). */
void kernel_record_of(const struct kernel *k, const struct proc *p, struct proc_record *r);
/* The record of the i-th process created, i < KERNEL_LISTED_PROCS and < k->nprocs. */
void kernel_listed_record(const struct kernel *k, size_t i, struct proc_record *r);
/* Sums the records of the processes beyond the listed ones, those freed and
 * those still in the table, into *sum (pid 0, no name; state PROC_DEAD unless
 * one of them has not ended, then PROC_LIVE). Returns how many there are. */
uint64_t kernel_unlisted_records(const struct kernel *k, struct proc_record *sum);
/* Kills p with signal sig (its wait status), why saying what happened (the
 * on_kill hook is told). */
void kernel_kill(struct kernel *k, struct proc *p, int sig, const char *why);
/* ASIDs are 16 bits: each process gets the next of 1 .. 65,535 when it is
 * created. When they run out, a new generation starts (as Linux does): every
 * TLB is flushed, every process loses its ASID (0: none), the current one and
 * the new one get the first ones again, and any other gets a fresh one when
 * it next runs. So no two address spaces ever have entries under one ASID.
 * The TLBs' per-ASID counters are banked in each process first (tlb_hits,
 * tlb_misses; see kernel_tlb_counts). Out of line: the switch to a process
 * without an ASID. */
void kernel_switch_slow(struct kernel *k, struct proc *p);

/* Makes p's address space the MMU's current one. */
static inline void kernel_switch(struct kernel *k, struct proc *p)
{
	if (k->current == p)
		return;
	k->c.switches++;
	if (unlikely(p->as.asid == 0)) {
		kernel_switch_slow(k, p);
		return;
	}
	k->current = p;
	mmu_set_context(k->mmu, p->as.pt.root, p->as.asid);
}

/* The TLB hits and misses of p's own lookups (under every ASID it held). */
void kernel_tlb_counts(const struct kernel *k, const struct proc *p, uint64_t *hits, uint64_t *misses);

/* Instructions p retired (0 for a process that never ran a program). */
static inline uint64_t kernel_proc_insns(const struct proc *p) { return p->cpu ? p->cpu->instret : p->instret; }

/* Pins the page at va for p's instruction in progress (nothing when it is
 * pinned already or KERNEL_PINS are), telling the on_as_event hook. */
void kernel_pin(struct kernel *k, struct proc *p, vaddr_t va);
/* p's instruction in progress completed (or it made a system call): no page
 * is pinned (the hook is told when one was) and no fault counted. */
void kernel_unpin(struct kernel *k, struct proc *p);

/* Handles a translation fault of the current process. */
enum fault_result kernel_fault(struct kernel *k, struct proc *p, const struct fault *f, enum priv priv,
			       uint64_t next_use, struct fault_outcome *out);

/* Tells the replacement policy that the user page in the frame at pa (which a
 * user-mode translation gave) was referenced, and when it is next used; only
 * needed when the policy needs_future or needs_touch (the others learn of
 * references from the PTEs' A bits and the MMU's reference stamps). */
void kernel_touch(struct kernel *k, paddr_t pa, uint64_t next_use);

/* Adds a region to p's address space (taking its own reference to the
 * region's file); false when it overlaps. */
WARN_UNUSED bool kernel_add_region(struct kernel *k, struct proc *p, const struct region *r);

/* Resident and swapped pages of p. */
uint64_t kernel_swapped_pages(const struct proc *p);

/* Simulated time so far. */
uint64_t kernel_sim_ns(const struct kernel *k);
/* The part of it the kernel spent for processes: handling faults, disk I/O,
 * its copies (vmstat's system time). */
uint64_t kernel_system_ns(const struct kernel *k);

/* Panics when frames, swap slots and mappings disagree, when the page-table
 * frames in use are not those of the processes' own tables plus the shared
 * kernel-region tables, or when the alive list or a process's children are
 * not what they should be (for tests). */
void kernel_check(const struct kernel *k);

#endif
