$ vmlab run --json tests/programs/null.c tests/programs/worker.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
null: writing through NULL
vmlab: pid 1 (null): segmentation fault: write of 0x0 (no region): no region contains the address, at pc 0x1004a (sw a5, 0(zero))
worker: 1
worker: 2
worker: 3
worker: 4
worker: 5
[139]
