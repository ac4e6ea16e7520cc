/* OSTEP's common.h and the calls its programs use: GetTime() (a double
 * from gettimeofday) advances by at least a second across Spin(1) (a
 * sleep, under vmlab in virtual time), time(NULL) agrees with it, the
 * sys/stat.h calls fail with ENOSYS and usleep and nanosleep return 0.
 * Nothing time-dependent is printed. Exits 1 if any check fails. */
#include "common.h"
#include <errno.h>
#include <string.h>
#include <unistd.h>

static int failures;

static void check(const char *what, int ok)
{
	printf("%-4s %s\n", ok ? "ok" : "FAIL", what);
	failures += !ok;
}

int main(void)
{
	struct stat st;
	double t0 = GetTime();
	time_t now = time(NULL), also;

	check("GetTime() is after 2020", t0 > 1577836800.0);
	check("time(NULL) is GetTime() in whole seconds",
	      (double)now <= t0 + 1 && (double)now >= t0 - 1 && time(&also) >= now && also >= now);
	Spin(1);
	double t1 = GetTime();
	check("Spin(1) waits at least a second", t1 - t0 >= 1.0);
	check("  and less than a minute", t1 - t0 < 60.0);
	check("usleep(1000) returns 0", usleep(1000) == 0);
	errno = 0;
	check("stat fails with ENOSYS", stat("/etc/passwd", &st) == -1 && errno == ENOSYS);
	errno = 0;
	check("fstat fails with ENOSYS", fstat(1, &st) == -1 && errno == ENOSYS);
	check("sizeof(struct stat) is Linux's 128 bytes", sizeof st == 128);
	printf("ostep: %d failures\n", failures);
	return failures ? 1 : 0;
}
