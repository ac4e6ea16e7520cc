$ vmlab run --json tests/programs/execdata.c tests/programs/worker.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
execdata: calling into the data segment
vmlab: pid 1 (execdata): segmentation fault: execute of 0x13000 (region data rw-): protection: the page is not executable (no X), at pc 0x13000
worker: 1
worker: 2
worker: 3
worker: 4
worker: 5
[139]
