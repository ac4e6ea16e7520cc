$ vmlab run --json tests/programs/kernel.c tests/programs/worker.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
kernel: reading the kernel region
vmlab: pid 1 (kernel): segmentation fault: read of 0xffffffffffffc000 (region kernel rwx): protection: a supervisor-only page (no U), at pc 0x10048 (c.ld a1, 0(a5))
worker: 1
worker: 2
worker: 3
worker: 4
worker: 5
[139]
