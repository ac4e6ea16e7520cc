$ vmlab run --json examples/mistake-uninitialized-pointer.c 2>&1 | grep -v '^{' | sed -E 's/ at pc 0x[0-9a-f]+ / at pc PC /'; exit ${PIPESTATUS[0]}
copying "hello" to dst = 0x2a2a2a2a, which was never given memory
vmlab: pid 1 (mistake-uninitialized-pointer): segmentation fault: write of 0x2a2a2a2a (no region): no region contains the address, at pc PC (sb a4, -1(a5))
[139]
