$ vmlab run --json "tests/guest/malloc_errors.c overflow" 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
malloc_errors: overflow
64 bytes written at p = 0x16020 (48 usable), then free(p)
malloc: free(0x16020): heap corrupted (a block header was overwritten)
vmlab: pid 1 (malloc_errors): aborted (signal 6)
[134]
