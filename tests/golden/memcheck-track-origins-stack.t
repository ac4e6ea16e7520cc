$ vmlab run --memcheck -q --track-origins=yes tests/memcheck/uninit-local.c 2>&1 | grep '^=='
==1== Conditional jump or move depends on uninitialised value(s)
==1==    at 0x1005E: main (uninit-local.c:16)
==1==  Uninitialised value was created by a stack allocation
==1==    at 0x10032: pick (uninit-local.c:7)
==1== 
==1== ERROR SUMMARY: 1 errors from 1 contexts (suppressed: 0 from 0)
