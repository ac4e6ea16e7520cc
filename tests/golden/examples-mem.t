$ vmlab run --json --time 5s "examples/mem.c 0" "examples/mem.c 0" 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
(1) addr pointed to by p: 0x15020
(2) addr pointed to by p: 0x15020
(1) value of p: 1
(2) value of p: 1
(1) value of p: 2
(2) value of p: 2
(1) value of p: 3
(2) value of p: 3
(1) value of p: 4
(2) value of p: 4
vmlab: stopped by the limit after 5.000 s of virtual time
[124]
