/* time, clock_gettime and nanosleep. Under vmlab every clock reads virtual
 * time: CLOCK_MONOTONIC counts from the machine's start, CLOCK_REALTIME
 * from 2026-01-01 00:00:00 UTC at that start. */
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

/* Seconds since the epoch (CLOCK_REALTIME), also stored in *t if t is not NULL. */
time_t time(time_t *t);
int clock_gettime(clockid_t clk, struct timespec *ts);
/* Sleeps for *req; on interruption stores the time left in *rem (if not NULL). */
int nanosleep(const struct timespec *req, struct timespec *rem);

#endif
