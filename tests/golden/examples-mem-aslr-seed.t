$ vmlab run --json --aslr -s 2 --time 1500ms "examples/mem.c 0" 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
(1) addr pointed to by p: 0xd59f020
(1) value of p: 1
vmlab: stopped by the limit after 1.500 s of virtual time
[124]
