/* Clocks and sleeping. */
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	return (int)sysret(syscall2(SYS_clock_gettime, clk, (long)ts));
}

time_t time(time_t *t)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) != 0)
		return (time_t)-1;
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

int gettimeofday(struct timeval *tv, struct timezone *tz)
{
	return (int)sysret(syscall2(SYS_gettimeofday, (long)tv, (long)tz));
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return (int)sysret(syscall2(SYS_nanosleep, (long)req, (long)rem));
}

unsigned int sleep(unsigned int seconds)
{
	struct timespec req = { .tv_sec = seconds, .tv_nsec = 0 };
	struct timespec rem;

	if (nanosleep(&req, &rem) != 0)
		return (unsigned int)rem.tv_sec;
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec req = { .tv_sec = usec / 1000000, .tv_nsec = (long)(usec % 1000000) * 1000 };

	return nanosleep(&req, NULL);
}
