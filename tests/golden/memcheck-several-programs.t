$ vmlab run --memcheck -q examples/mistake-double-free.c tests/memcheck/leak-kinds.c 2>&1 | grep '^=='
==1== Invalid free() / delete / delete[] / realloc()
==1==    at 0x1046C: free (malloc.c:243)
==1==    by 0x1006F: main (mistake-double-free.c:18)
==1==  Address 0x15030 is 0 bytes inside a block of size 64 free'd
==1==    at 0x1046C: free (malloc.c:243)
==1==    by 0x1005F: main (mistake-double-free.c:16)
==1==  Block was alloc'd at
==1==    at 0x103AC: malloc (malloc.c:231)
==1==    by 0x10041: main (mistake-double-free.c:12)
==1== 
==1== ERROR SUMMARY: 1 errors from 1 contexts (suppressed: 0 from 0)
==2== 64 bytes in 1 blocks are possibly lost in loss record 3 of 4
==2==    at 0x1039E: malloc (malloc.c:231)
==2==    by 0x10069: main (leak-kinds.c:23)
==2== 
==2== 64 (32 direct, 32 indirect) bytes in 1 blocks are definitely lost in loss record 4 of 4
==2==    at 0x1039E: malloc (malloc.c:231)
==2==    by 0x10041: main (leak-kinds.c:17)
==2== 
==2== LEAK SUMMARY:
==2==    definitely lost: 32 bytes in 1 blocks
==2==    indirectly lost: 32 bytes in 1 blocks
==2==      possibly lost: 64 bytes in 1 blocks
==2==    still reachable: 32 bytes in 1 blocks
==2==         suppressed: 0 bytes in 0 blocks
==2== Reachable blocks (those to which a pointer was found) are not shown.
==2== To see them, rerun with: --leak-check=full --show-leak-kinds=all
==2== 
==2== ERROR SUMMARY: 2 errors from 2 contexts (suppressed: 0 from 0)
