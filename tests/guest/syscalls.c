/* The remaining system calls, checked by property (no time or pid is
 * printed): identity, clocks and sleeping, yield, kill with signal 0,
 * uname, and the errors the kernel must return for a bad descriptor, a bad
 * user pointer, an unknown call number and a missing program. Exits 1 if
 * any check fails. */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include <vmlab/syscall.h>

static int failures;

static void check(const char *what, int ok)
{
	printf("%-4s %s\n", ok ? "ok" : "FAIL", what);
	failures += !ok;
}

static long ns_of(const struct timespec *t)
{
	return t->tv_sec * 1000000000L + t->tv_nsec;
}

static void clocks(void)
{
	struct timespec a, b, nap = { 0, 1000000 };
	struct timeval tv;

	check("clock_gettime(CLOCK_MONOTONIC)", clock_gettime(CLOCK_MONOTONIC, &a) == 0);
	check("  tv_nsec is below one second", a.tv_nsec >= 0 && a.tv_nsec < 1000000000L);
	check("nanosleep(1 ms) returns 0", nanosleep(&nap, NULL) == 0);
	check("the monotonic clock advanced by at least 1 ms",
	      clock_gettime(CLOCK_MONOTONIC, &b) == 0 && ns_of(&b) - ns_of(&a) >= 1000000L);
	check("clock_gettime(CLOCK_REALTIME)", clock_gettime(CLOCK_REALTIME, &a) == 0 && a.tv_sec > 0);
	check("gettimeofday", gettimeofday(&tv, NULL) == 0 && tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	check("sleep(0) returns 0", sleep(0) == 0);
}

static void process(void)
{
	struct utsname u;

	check("getpid() is positive", getpid() > 0);
	check("getppid() is not negative", getppid() >= 0);
	check("sched_yield() returns 0", sched_yield() == 0);
	check("kill(getpid(), 0) returns 0", kill(getpid(), 0) == 0);
	check("uname", uname(&u) == 0 && u.sysname[0] != '\0');
	printf("     uname machine: %s\n", u.machine);
}

static void errors(void)
{
	char *argv[] = { "/no/such/program", NULL };

	errno = 0;
	check("write to fd 99 fails with EBADF", write(99, "x", 1) == -1 && errno == EBADF);
	errno = 0;
	check("read from fd -1 fails with EBADF", read(-1, (char[4]){ 0 }, 4) == -1 && errno == EBADF);
	errno = 0;
	check("write from an unmapped address fails with EFAULT",
	      write(1, (const void *)8, 4) == -1 && errno == EFAULT);
	check("an unknown system call returns -ENOSYS", syscall0(999) == -ENOSYS);
	errno = 0;
	check("execve of a missing program fails with ENOENT",
	      execve(argv[0], argv, NULL) == -1 && errno == ENOENT);
}

int main(void)
{
	clocks();
	process();
	errors();
	printf("syscalls: %d failures\n", failures);
	return failures ? 1 : 0;
}
