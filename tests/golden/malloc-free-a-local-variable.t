$ vmlab run --json "tests/guest/malloc_errors.c stack" 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
malloc_errors: stack
free(local = 0x3fffffff00)
malloc: free(0x3fffffff00): not a pointer malloc returned
vmlab: pid 1 (malloc_errors): aborted (signal 6)
[134]
