$ vmlab run --json "tests/guest/malloc_errors.c interior" 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
malloc_errors: interior
free(p + 16), p = 0x16020
malloc: free(0x16030): not a pointer malloc returned
vmlab: pid 1 (malloc_errors): aborted (signal 6)
[134]
