$ timeout --preserve-status -s KILL 60 vmlab run --json --quantum 1000000000000 --time 50ms tests/programs/loop.c 2>&1 >/dev/null; exit ${PIPESTATUS[0]}
vmlab: stopped by the limit after 0.051 s of virtual time
[124]
