$ vmlab run --json --time 3500ms tests/programs/worker.c | grep -v '^{'
vmlab: stopped by the limit after 3.500 s of virtual time
[1]
