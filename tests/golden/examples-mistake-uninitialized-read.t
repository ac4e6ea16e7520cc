$ vmlab run --json examples/mistake-uninitialized-read.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
block at 0x15020
fresh block, never written:      0     0     0     0     0     0
after writing 1000..1005:     1000  1001  1002  1003  1004  1005
block at 0x15020 (the same block)
recycled block, not written:     0     0     0     0  1004  1005
a sum over it "works" and gives 2009
calloc'ed block:                 0     0     0     0     0     0
