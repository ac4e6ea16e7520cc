/* sched_yield(2). */
#ifndef _SCHED_H
#define _SCHED_H

/* Gives up the CPU; always returns 0. */
int sched_yield(void);

#endif
