$ vmlab run --json --time 2s --show-va 0x15020 "examples/mem.c 0" "examples/mem.c 0" 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
(1) addr pointed to by p: 0x15020
(2) addr pointed to by p: 0x15020
(1) value of p: 1
(2) value of p: 1
vmlab: pid 1 (mem): va 0x15020 is in virtual page 0x15, mapped to frame 0x7 (pa 0x7020) VRW-U-AD
vmlab: pid 2 (mem): va 0x15020 is in virtual page 0x15, mapped to frame 0xe (pa 0xe020) VRW-U-AD
vmlab: stopped by the limit after 2.000 s of virtual time
[124]
