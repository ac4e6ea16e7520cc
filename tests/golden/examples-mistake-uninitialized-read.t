$ vmlab run --json examples/mistake-uninitialized-read.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
block at 0x15020
fresh block: fresh[4] reads as 0, which nothing promised
after writing 1000..1005:     1000  1001  1002  1003  1004  1005
block at 0x15020 (the same block)
recycled block: reused[4] still holds the previous owner's 1004
calloc'ed block:                 0     0     0     0     0     0
