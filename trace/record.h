/* Recording a run (vmlab run --record): every reference the machine's drivers
 * make, each instruction fetch, load and store of the CPU and each user copy
 * of the kernel (attempts that fault included, as the hardware saw them), in
 * order, as binary trace records with the pid of the process whose address
 * space the MMU is in; and what else changes address spaces: pages leaving
 * one by one (munmap, brk: unmap records) or all at once (exit, exec: empty),
 * and forks. `vmlab trace` replays the file. */
#ifndef TRACE_RECORD_H
#define TRACE_RECORD_H

#include "os/kernel.h"

struct recorder;

/* Creates path and starts recording k's references. Returns NULL with "path:
 * reason" in err. While recording, the CPU translates every access in full
 * (it keeps no pages), which changes no count of the model. A write that
 * fails stops the recording and sets the kernel's host error to "--record
 * path: reason" (the run then stops as after any host error). */
WARN_UNUSED struct recorder *record_start(struct kernel *k, const char *path, char *err, size_t errlen);

/* Stops recording and closes the file. Returns false with "path: reason" in
 * err when a write failed (the file is then incomplete). NULL is allowed. */
WARN_UNUSED bool record_finish(struct recorder *r, char *err, size_t errlen);

#endif
