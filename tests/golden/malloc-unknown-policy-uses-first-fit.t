$ vmlab run --json "tests/guest/malloc_errors.c policy" 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
malloc_errors: policy
malloc: VMLAB_MALLOC=fastest: unknown policy (first, next, best or worst), using first fit
first fit reuses the first hole: yes
