$ vmlab run --json "tests/guest/malloc_errors.c unaligned" 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
malloc_errors: unaligned
free(p + 4), p = 0x16020
malloc: free(0x16024): not a pointer malloc returned
vmlab: pid 1 (malloc_errors): aborted (signal 6)
[134]
