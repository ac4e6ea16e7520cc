/* mmap/munmap/mprotect. */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include <vmlab/syscall.h>

#define PROT_NONE      GUEST_PROT_NONE
#define PROT_READ      GUEST_PROT_READ
#define PROT_WRITE     GUEST_PROT_WRITE
#define PROT_EXEC      GUEST_PROT_EXEC
#define MAP_SHARED     GUEST_MAP_SHARED
#define MAP_PRIVATE    GUEST_MAP_PRIVATE
#define MAP_FIXED      GUEST_MAP_FIXED
#define MAP_ANONYMOUS  GUEST_MAP_ANONYMOUS
#define MAP_ANON       MAP_ANONYMOUS
#define MAP_FAILED     ((void *)-1)

/* Returns the mapping's address, or MAP_FAILED and errno. */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);

#endif
