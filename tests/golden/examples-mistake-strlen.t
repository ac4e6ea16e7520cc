$ vmlab run --json examples/mistake-strlen.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
copied "hello" into malloc(5) at 0x15020; its neighbour at 0x15050 holds "neighbour"
freeing both works: the extra byte landed in the block's padding
copied "0123456789abcdefghijklmnopqrstuv" into malloc(32) at 0x15020; its neighbour at 0x15050 holds "neighbour"
the '\0' overwrote the first byte of the neighbour's header; now free it:
malloc: free(0x15050): heap corrupted (a block header was overwritten)
vmlab: pid 1 (mistake-strlen): aborted (signal 6)
[134]
