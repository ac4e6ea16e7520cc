/* Signal numbers and kill(2). */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <vmlab/syscall.h>

#define SIGABRT  GUEST_SIGABRT
#define SIGBUS   GUEST_SIGBUS
#define SIGKILL  GUEST_SIGKILL
#define SIGSEGV  GUEST_SIGSEGV
#define SIGTERM  GUEST_SIGTERM
#define SIGCHLD  GUEST_SIGCHLD

/* Sends sig to process pid (sig 0 only checks that pid exists); -1 and errno on failure. */
int kill(pid_t pid, int sig);

#endif
