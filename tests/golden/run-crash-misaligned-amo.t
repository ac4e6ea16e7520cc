$ vmlab run --json "tests/programs/misaligned.c amo" 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
misaligned: amo at an odd address
vmlab: pid 1 (misaligned): bus error: write of 0x1306b is misaligned (store/AMO address misaligned, cause 6), at pc 0x10086 (amoadd.d a1, a1, (s2))
[135]
