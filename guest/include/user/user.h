/* xv6's user/user.h for vmlab: an xv6 user program (#include
 * "kernel/types.h", "kernel/stat.h", "user/user.h") builds unchanged and runs
 * as a vmlab process. The calls whose C types or meaning differ from the
 * POSIX runtime's are renamed by the macros below to xv6_NAME
 * (guest/lib/xv6.c), so they never clash with stdio's printf(FILE *, ...),
 * unistd's sleep(seconds) and the like at link time; fork, exit, getpid,
 * free, atoi, strcpy, strcmp, stat and fstat are the runtime's own (stat
 * and fstat are not renamed because a macro would rename struct stat too;
 * they only ever return -1). Use this header
 * instead of stdio.h, stdlib.h, string.h and unistd.h, not with them.
 *
 * As in xv6: printf and fprintf(fd, ...) write at once (no buffering), and
 * %p prints 0x and 16 hex digits; they also take C's widths, zero padding
 * and %u/%ld/%lx/%lu (0x%016lx). wait(&status) stores the child's exit code
 * (-1 when it was killed). One tick is 10 ms of virtual time: sleep(n) and
 * pause(n) sleep n ticks, uptime() counts ticks since the machine started.
 * vmlab has no file system: open, close, pipe, dup, mknod, unlink, link,
 * mkdir, chdir, fstat and stat return -1. */
#ifndef VMLAB_XV6_USER_H
#define VMLAB_XV6_USER_H

#include "kernel/types.h"

#define SBRK_ERROR ((char *)-1)

#define printf   xv6_printf
#define fprintf  xv6_fprintf
#define wait     xv6_wait
#define pipe     xv6_pipe
#define write    xv6_write
#define read     xv6_read
#define close    xv6_close
#define kill     xv6_kill
#define exec     xv6_exec
#define open     xv6_open
#define mknod    xv6_mknod
#define unlink   xv6_unlink
#define link     xv6_link
#define mkdir    xv6_mkdir
#define chdir    xv6_chdir
#define dup      xv6_dup
#define sbrk     xv6_sbrk
#define sbrklazy xv6_sbrklazy
#define sleep    xv6_sleep
#define pause    xv6_pause
#define uptime   xv6_uptime
#define memmove  xv6_memmove
#define strchr   xv6_strchr
#define gets     xv6_gets
#define strlen   xv6_strlen
#define memset   xv6_memset
#define memcmp   xv6_memcmp
#define memcpy   xv6_memcpy
#define malloc   xv6_malloc

struct stat;

// system calls
int fork(void);
_Noreturn void exit(int status);
int wait(int *status);
int pipe(int *fds);
int write(int fd, const void *buf, int n);
int read(int fd, void *buf, int n);
int close(int fd);
int kill(int pid);
int exec(const char *path, char **argv);
int open(const char *path, int omode);
int mknod(const char *path, short major, short minor);
int unlink(const char *path);
int fstat(int fd, struct stat *st);
int link(const char *old, const char *new);
int mkdir(const char *path);
int chdir(const char *path);
int dup(int fd);
int getpid(void);
char *sbrk(int n);
char *sbrklazy(int n);
int sleep(int ticks);
int pause(int ticks);
int uptime(void);

// ulib.c
int stat(const char *path, struct stat *st);
char *strcpy(char *dst, const char *src);
void *memmove(void *dst, const void *src, int n);
char *strchr(const char *s, char c);
int strcmp(const char *a, const char *b);
char *gets(char *buf, int max);
uint strlen(const char *s);
void *memset(void *dst, int c, uint n);
int atoi(const char *s);
int memcmp(const void *a, const void *b, uint n);
void *memcpy(void *dst, const void *src, uint n);

// printf.c
void fprintf(int fd, const char *fmt, ...) __attribute__((format(__printf__, 2, 3)));
void printf(const char *fmt, ...) __attribute__((format(__printf__, 1, 2)));

// umalloc.c
void *malloc(uint n);
void free(void *p);

#endif
