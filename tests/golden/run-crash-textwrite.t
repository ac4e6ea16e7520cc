$ vmlab run --json tests/programs/textwrite.c tests/programs/worker.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
textwrite: writing over main's first instruction
vmlab: pid 1 (textwrite): segmentation fault: write of 0x10034 (region text r-x): protection: the page is not writable (no W), at pc 0x10048 (sb zero, 52(a5))
worker: 1
worker: 2
worker: 3
worker: 4
worker: 5
[139]
