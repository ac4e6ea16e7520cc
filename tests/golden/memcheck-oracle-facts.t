$ tests/memcheck_oracle.sh --facts <tests/data/memcheck-sample.log
Use of uninitialised value of size 8
  main (sample.c:28)
  Uninitialised value was created by a heap allocation
    main (sample.c:25)
Invalid read of size 4
  no main frame
  Address ADDR is on thread 1's stack
8 bytes in 1 blocks are definitely lost in loss record 1 of 1
  no main frame
ERROR SUMMARY: 3 errors from 3 contexts
