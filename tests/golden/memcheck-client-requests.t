$ vmlab run --memcheck -q tests/programs/client.c 2>&1 | sed '/^instructions/,$d'
running: 1
a block of 100: 0
one overlapping it: -22
one in its redzone: -22
one outside every region: -22
one wrapping around: -22
its size: 100
the size of no block: -1
a release with nothing in quarantine: 0
an unknown request: -38
freeing it: 0
==1== Invalid free() / delete / delete[] / realloc()
==1==    at 0x10040: request (syscall.h:189)
==1==    by 0x10181: main (client.c:31)
==1==  Address 0x140c0 is 0 bytes inside a block of size 100 free'd
==1==    at 0x10040: request (syscall.h:189)
==1==    by 0x10169: main (client.c:30)
==1==  Block was alloc'd at
==1==    at 0x10040: request (syscall.h:189)
==1==    by 0x10085: main (client.c:21)
==1== 
freeing it again: 1
==1== ERROR SUMMARY: 1 errors from 1 contexts (suppressed: 0 from 0)
