$ timeout --preserve-status -s KILL 60 vmlab run --json --time 1s tests/programs/bigwrite.c 2>&1 >/dev/null; exit ${PIPESTATUS[0]}
bigwrite: writing 64 GiB
bigwrite: write returned 2147479552
vmlab: stopped by the limit after 1.000 s of virtual time
[124]
