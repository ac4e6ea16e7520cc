$ timeout --preserve-status -s KILL 60 vmlab run --json --time 100ms tests/programs/bigwrite.c 2>&1 >/dev/null; exit ${PIPESTATUS[0]}
bigwrite: writing 64 GiB
vmlab: stopped by the limit after 0.100 s of virtual time
[124]
