$ vmlab run --json tests/programs/lowmap.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
lowmap: MAP_FIXED at 0x0, 4096 bytes: EPERM
lowmap: MAP_FIXED at 0x1000, 4096 bytes: EPERM
lowmap: MAP_FIXED at 0xf000, 4096 bytes: EPERM
lowmap: MAP_FIXED at 0x8000, 65536 bytes: EPERM
lowmap: MAP_FIXED at 0x40000000, 4096 bytes: mapped
lowmap: hint 0x1000: moved to 64 KiB or above
lowmap: hint 0xf000: moved to 64 KiB or above
lowmap: hint 0x50000000: taken as it is
lowmap: writing through NULL
vmlab: pid 1 (lowmap): segmentation fault: write of 0x0 (no region): no region contains the address, at pc 0x1014c (sw a5, 0(zero))
[139]
