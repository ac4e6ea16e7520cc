$ vmlab run --json "tests/guest/malloc_errors.c mapped" 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
malloc_errors: mapped
free(big = 0x3fff5ff020), a mapped block, twice
malloc: free(0x3fff5ff020): double free
vmlab: pid 1 (malloc_errors): aborted (signal 6)
[134]
