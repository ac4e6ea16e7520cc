$ vmlab run --json examples/arraytest.c 2>&1 | grep -v '^{'; exit ${PIPESTATUS[0]}
stack: array at 0x0000003fffffff30
heap:  sbrk(40) returned 0x0000000000016000
heap:  sbrk(40) returned 0x0000000000016028
heap:  sbrk(40) returned 0x0000000000016050
heap:  the break is now 0x0000000000016078
