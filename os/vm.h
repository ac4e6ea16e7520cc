/* Address-space operations for processes: fork with copy-on-write, unmapping
 * and protecting ranges (munmap, brk, mprotect), and copies between the
 * kernel and user memory (system-call arguments). */
#ifndef OS_VM_H
#define OS_VM_H

#include "os/kernel.h"

/* Gives child (a fresh process) the parent's regions and shares every user
 * page copy-on-write: both map it read-only and the first write copies it.
 * Swapped-out pages share their swap slot. Returns false when page tables ran
 * out of memory or the run must stop (kernel_should_stop) midway (the child
 * then holds part of it; exiting it cleans up). */
WARN_UNUSED bool vm_fork(struct kernel *k, struct proc *parent, struct proc *child);

/* Unmaps [start, end) (page-aligned): frees pages and swap slots no one else
 * holds, removes the regions (splitting those that straddle the edges). When
 * the run must stop (kernel_should_stop, polled as it walks the pages) it ends
 * early: the pages it reached are gone, the regions and the rest stay. */
void vm_unmap_range(struct kernel *k, struct proc *p, vaddr_t start, vaddr_t end);

/* Frees every user page, swap slot and region of p below the kernel region
 * (what exit and exec do to an address space, as a replay of a recording
 * does it to a process that lives on): one TLB shootdown of p's ASID. */
void vm_empty(struct kernel *k, struct proc *p);

/* Sets the permissions of [start, end) (page-aligned, covered by regions;
 * false otherwise, nothing changed) and lowers the PTEs to them (only those
 * it reached when the run must stop midway: kernel_should_stop). */
WARN_UNUSED bool vm_protect_range(struct kernel *k, struct proc *p, vaddr_t start, vaddr_t end, unsigned prot);

/* Copies len bytes between buf and p's memory at va (into user memory when
 * to_user), as the user would access them: pages fault in, copy-on-write
 * copies, the stack grows. Returns 0, -EFAULT for a bad pointer (nothing
 * beyond the bad page is touched), -EIO on a host error (kernel error set),
 * -ESRCH when p was killed for lack of memory, or -EINTR when the run must
 * stop (kernel_should_stop) while a page faults in. It does not poll between
 * pages that translate: callers keep len bounded (a system call copies a long
 * range in chunks and polls between them). */
WARN_UNUSED int vm_copy(struct kernel *k, struct proc *p, vaddr_t va, void *buf, size_t len, bool to_user);

/* Copies a NUL-terminated string of at most size bytes (with the NUL) from
 * user memory; -ENAMETOOLONG when it is longer, else as vm_copy. */
WARN_UNUSED int vm_copy_string(struct kernel *k, struct proc *p, vaddr_t va, char *buf, size_t size);

#endif
