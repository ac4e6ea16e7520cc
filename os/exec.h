/* exec: loads a RISC-V ELF program into a new process image. The new address
 * space (file-backed text and data, bss, an empty heap, the initial stack as
 * the Linux RISC-V ABI lays it out) is built completely, then committed at one
 * point; a failure leaves the old image untouched. */
#ifndef OS_EXEC_H
#define OS_EXEC_H

#include "os/kernel.h"

#define EXEC_MAX_ARGS 256
#define EXEC_MAX_STRINGS (64 * 1024) /* bytes of argument and environment strings */

/* Loads path with argv (argc strings) and envp (envc strings). With old, the
 * image replaces old's (execve: same pid, parent and children); without, it
 * becomes a new process with pid. Returns the process, or NULL with a
 * message in err ("path: what is wrong") and *errno_out set to a positive
 * guest errno (ENOENT, ENOEXEC, E2BIG, ENOMEM). */
struct proc *exec_program(struct kernel *k, struct proc *old, int pid, const char *path, char *const argv[],
			  int argc, char *const envp[], int envc, int *errno_out, char *err, size_t errlen);

/* The top of the user stack for the kernel's address-space layout. */
vaddr_t exec_stack_top(const struct kernel *k);

#endif
