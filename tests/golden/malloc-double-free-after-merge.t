$ vmlab run --json "tests/guest/malloc_errors.c merged" 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
malloc_errors: merged
free(p = 0x16020), free(q = 0x16060), which joins p, and free(q) again
malloc: free(0x16060): double free
vmlab: pid 1 (malloc_errors): aborted (signal 6)
[134]
