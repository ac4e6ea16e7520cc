$ vmlab run --json "tests/guest/malloc_errors.c realloc" 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
malloc_errors: realloc
free(r = 0x160a0), then realloc(r, 100)
malloc: realloc(0x160a0): block already freed
vmlab: pid 1 (malloc_errors): aborted (signal 6)
[134]
