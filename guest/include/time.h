/* clock_gettime and nanosleep. */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>
#include <vmlab/syscall.h>

#define CLOCK_REALTIME   GUEST_CLOCK_REALTIME
#define CLOCK_MONOTONIC  GUEST_CLOCK_MONOTONIC

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

int clock_gettime(clockid_t clk, struct timespec *ts);
/* Sleeps for *req; on interruption stores the time left in *rem (if not NULL). */
int nanosleep(const struct timespec *req, struct timespec *rem);

#endif
