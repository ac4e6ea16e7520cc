/* OSTEP's common.h for vmlab: GetTime() is the wall clock in seconds (from
 * gettimeofday, which under vmlab reads virtual time) and Spin(n) waits n
 * seconds. Unlike the textbook's, which burns the CPU in a loop, this Spin
 * SLEEPS (nanosleep): the wait costs no host time, and the other processes
 * run meanwhile, as they would on a machine with a CPU each. Like the
 * original, it includes sys/time.h, sys/stat.h, assert.h, stdio.h and
 * stdlib.h; the functions are static inline so several files can include it. */
#ifndef __common_h__
#define __common_h__

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>

static inline double GetTime(void)
{
	struct timeval t;
	int rc = gettimeofday(&t, NULL);
	assert(rc == 0);
	return (double)t.tv_sec + (double)t.tv_usec / 1e6;
}

static inline void Spin(int howlong)
{
	struct timespec left = { .tv_sec = howlong, .tv_nsec = 0 };

	while (nanosleep(&left, &left) != 0 && errno == EINTR)
		;
}

#endif // __common_h__
