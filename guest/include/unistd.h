/* POSIX-style process, I/O and memory calls over Linux RISC-V system calls.
 * Every call that fails returns -1 (sbrk: (void *)-1) and sets errno. */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <stdint.h>
#include <sys/types.h>

#define STDIN_FILENO   0
#define STDOUT_FILENO  1
#define STDERR_FILENO  2

extern char **environ; /* set by crt0 from the initial stack */

ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
/* Ends the process at once (exit_group), without flushing stdio. */
_Noreturn void _exit(int status);

pid_t getpid(void);
pid_t getppid(void);
/* Flushes stdio, then clone(SIGCHLD): 0 in the child, the child's pid in the parent. */
pid_t fork(void);
/* Flushes stdio, then replaces the process image; returns only on failure. */
int execve(const char *path, char *const argv[], char *const envp[]);
/* execve with the current environment. */
int execv(const char *path, char *const argv[]);
/* execv without a PATH search: vmlab's kernel finds a bare name itself
 * (among the programs on the command line and in --path directories). */
int execvp(const char *file, char *const argv[]);

/* Sets the program break to addr; 0 on success. */
int brk(void *addr);
/* Moves the break by inc bytes; returns the old break. */
void *sbrk(intptr_t inc);

unsigned int sleep(unsigned int seconds);
int usleep(useconds_t usec);

#endif
