$ vmlab run --json --max-insns 100000 tests/programs/loop.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
vmlab: stopped by the limit after 0.004 s of virtual time
[124]
