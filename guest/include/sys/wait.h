/* wait/waitpid over wait4(2), and the Linux status-word macros. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include <vmlab/syscall.h>

#define WNOHANG  GUEST_WNOHANG

/* status: bits 15..8 exit code; bits 6..0 the killing signal (0 if exited). */
#define WEXITSTATUS(s)  (((s) >> 8) & 0xff)
#define WTERMSIG(s)     ((s) & 0x7f)
#define WIFEXITED(s)    (WTERMSIG(s) == 0)
#define WIFSIGNALED(s)  (WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)
#define WCOREDUMP(s)    ((s) & 0x80)
/* Stopped children (0x7f in bits 6..0) are never reported by vmlab. */
#define WIFSTOPPED(s)   (((s) & 0xff) == 0x7f)
#define WSTOPSIG(s)     WEXITSTATUS(s)

/* Waits for any child; returns its pid and *status (if status is not NULL). */
pid_t wait(int *status);
/* Waits for child pid (-1: any); with WNOHANG returns 0 if none has exited. */
pid_t waitpid(pid_t pid, int *status, int options);

#endif
