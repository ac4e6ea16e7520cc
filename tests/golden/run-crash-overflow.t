$ vmlab run --json tests/programs/overflow.c tests/programs/worker.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
overflow: recursing forever
vmlab: pid 1 (overflow): segmentation fault: write of 0x3fff7fff40 (no region): stack overflow (beyond the stack limit), at pc 0x10048 (sb a5, -1040(s0))
worker: 1
worker: 2
worker: 3
worker: 4
worker: 5
[139]
