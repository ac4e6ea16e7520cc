$ vmlab run --json --time 3500ms tests/programs/worker.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
worker: 1
worker: 2
worker: 3
vmlab: stopped by the limit after 3.500 s of virtual time
[124]
