$ vmlab run --json examples/mistake-leak.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
program break at start:      0x15000
after 1000 leaked buffers:   0x115000 (+1024 KiB)
after 1000 freed buffers:    0x115000 (+0 KiB more)
