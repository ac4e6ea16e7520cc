// An xv6 user program, unchanged xv6 style (kernel/types.h, kernel/stat.h,
// user/user.h; main ends with exit(0)): printf's formats including xv6's
// %p (0x and 16 digits), fork and wait with xv6 exit codes (exit(-1) and a
// kill give -1), kill, sbrk, sleep and uptime in 10 ms ticks, malloc and
// the ulib string functions. Nothing time- or pid-dependent is printed.
#include "kernel/types.h"
#include "kernel/stat.h"
#include "kernel/fcntl.h"
#include "kernel/param.h"
#include "kernel/riscv.h"
#include "user/user.h"

static int failures;

static void
check(char *what, int ok)
{
  printf("%s %s\n", ok ? "ok  " : "FAIL", what);
  if(!ok)
    failures++;
}

static void
formats(void)
{
  uint64 big = 0x3fffffe000UL;

  printf("%d %d %x %s %c %%\n", 42, -7, 255, "str", 'c');
  printf("%ld %lx %lu %lld\n", -5000000000L, big, 18446744073709551615UL, 123LL);
  printf("%p %p\n", (void*)0x3fd0, (void*)0);
  printf("0x%016lx [%5d] [%-5d] [%05d] [%3s]\n", big, 42, 42, 42, "a");
  fprintf(2, "xv6: this goes to stderr (fd 2)\n");
  fprintf(1, "fprintf(1, ...) is stdout: %d\n", 1);
}

static int
child_status(int code)
{
  int status = 12345;
  int pid = fork();
  if(pid == 0)
    exit(code);
  if(wait(&status) != pid)
    return 12345;
  return status;
}

static void
processes(void)
{
  int status;

  check("exit(0) gives status 0", child_status(0) == 0);
  check("exit(3) gives status 3", child_status(3) == 3);
  check("exit(-1) gives status -1", child_status(-1) == -1);

  int pid = fork();
  if(pid == 0){
    for(;;)
      sleep(1);
  }
  check("kill(pid) returns 0", kill(pid) == 0);
  check("wait returns the killed child", wait(&status) == pid);
  check("  with status -1", status == -1);
  check("wait(0) with no child returns -1", wait(0) == -1);
  check("getpid() is positive", getpid() > 0);
}

static void
memory(void)
{
  char *a = sbrk(0);
  char *b = sbrk(PGSIZE);
  char *c = sbrk(0);

  check("sbrk(PGSIZE) returns the old break", a == b);
  check("  and moves it by PGSIZE", c == b + PGSIZE);
  b[0] = 1;
  b[PGSIZE - 1] = 2;
  check("the new page is readable and writable", b[0] + b[PGSIZE - 1] == 3);
  check("sbrk(-PGSIZE) gives it back", sbrk(-PGSIZE) == c && sbrk(0) == a);
  check("PGROUNDUP(1) == PGSIZE", PGROUNDUP(1) == PGSIZE && PGROUNDDOWN(PGSIZE + 5) == PGSIZE);

  char *p = malloc(100);
  check("malloc(100) is not 0", p != 0);
  memset(p, 'x', 99);
  p[99] = 0;
  check("memset and strlen", strlen(p) == 99);
  strcpy(p, "hello");
  memmove(p + 1, p, 6);
  check("strcpy and memmove", strcmp(p, "hhello") == 0);
  check("strchr", strchr(p, 'l') == p + 3 && strchr(p, 'z') == 0);
  check("memcmp", memcmp("abc", "abd", 3) < 0);
  char q[8];
  memcpy(q, "copy", 5);
  check("memcpy", strcmp(q, "copy") == 0);
  check("atoi", atoi("1234") == 1234);
  free(p);
}

static void
ticks(void)
{
  int t0 = uptime();
  check("sleep(5) returns 0", sleep(5) == 0);
  int t1 = uptime();
  check("uptime advanced by at least 5 ticks", t1 - t0 >= 5);
  check("  and less than 1000", t1 - t0 < 1000);
}

static void
files(void)
{
  struct stat st;
  int fds[2];

  check("open fails (no file system)", open("README", O_RDONLY) == -1);
  check("pipe fails", pipe(fds) == -1);
  check("fstat fails", fstat(0, &st) == -1);
  check("write(1, ...) writes", write(1, "written\n", 8) == 8);
  check("NPROC and MAXARG are xv6's", NPROC == 64 && MAXARG == 32);
}

int
main(void)
{
  formats();
  processes();
  memory();
  ticks();
  files();
  printf("xv6: %d failures\n", failures);
  exit(failures ? 1 : 0);
}
