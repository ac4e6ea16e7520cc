$ vmlab run --json examples/mistake-invalid-free.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
buf = 0x15020, p = 0x15030
malloc: free(0x15030): not a pointer malloc returned
vmlab: pid 1 (mistake-invalid-free): aborted (signal 6)
[134]
