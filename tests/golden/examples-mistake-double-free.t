$ vmlab run --json examples/mistake-double-free.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
p = 0x15020
freed p once
malloc: free(0x15020): double free
vmlab: pid 1 (mistake-double-free): aborted (signal 6)
[134]
