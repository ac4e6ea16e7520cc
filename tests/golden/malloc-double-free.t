$ vmlab run --json "tests/guest/malloc_errors.c double" 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
malloc_errors: double
free(p = 0x16020) twice
malloc: free(0x16020): double free
vmlab: pid 1 (malloc_errors): aborted (signal 6)
[134]
