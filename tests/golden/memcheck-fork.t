$ vmlab run --memcheck -q tests/programs/forkfree.c 2>&1 | grep -a '^==\|parent'
==2== Invalid read of size 1
==2==    at 0x10078: main (forkfree.c:17)
==2==  Address 0x15030 is 0 bytes inside a block of size 8 free'd
==2==    at 0x1046C: free (malloc.c:243)
==2==    by 0x10077: main (forkfree.c:16)
==2==  Block was alloc'd at
==2==    at 0x103AC: malloc (malloc.c:231)
==2==    by 0x1003F: main (forkfree.c:11)
==2== 
==2== ERROR SUMMARY: 1 errors from 1 contexts (suppressed: 0 from 0)
parent: x
==1== 8 bytes in 1 blocks are definitely lost in loss record 1 of 1
==1==    at 0x103AC: malloc (malloc.c:231)
==1==    by 0x1003F: main (forkfree.c:11)
==1== 
==1== LEAK SUMMARY:
==1==    definitely lost: 8 bytes in 1 blocks
==1==    indirectly lost: 0 bytes in 0 blocks
==1==      possibly lost: 0 bytes in 0 blocks
==1==    still reachable: 0 bytes in 0 blocks
==1==         suppressed: 0 bytes in 0 blocks
==1== 
==1== ERROR SUMMARY: 1 errors from 1 contexts (suppressed: 0 from 0)
