$ vmlab run --memcheck --leak-check=summary examples/mistake-leak.c 2>&1 >/dev/null | sed '/^instructions/,$d'
==1== 
==1== HEAP SUMMARY:
==1==     in use at exit: 1,000,000 bytes in 1,000 blocks
==1==   total heap usage: 2,000 allocs, 1,000 frees, 2,000,000 bytes allocated
==1== 
==1== LEAK SUMMARY:
==1==    definitely lost: 1,000,000 bytes in 1,000 blocks
==1==    indirectly lost: 0 bytes in 0 blocks
==1==      possibly lost: 0 bytes in 0 blocks
==1==    still reachable: 0 bytes in 0 blocks
==1==         suppressed: 0 bytes in 0 blocks
==1== Rerun with --leak-check=full to see details of leaked memory
==1== 
==1== ERROR SUMMARY: 0 errors from 0 contexts (suppressed: 0 from 0)
