$ vmlab exercise malloc -s 0 --check tests/data/exercise/malloc-s0-malformed.txt
tests/data/exercise/malloc-s0-malformed.txt:3: "ptr" is not an answer: expected a number (decimal or 0x-hex)
question 3, ptr[1] = Alloc(5): line 3 cannot be read; the answer is 1003
    free list before: [ addr:1000 sz:3 ][ addr:1003 sz:97 ]
    request 5 (no alignment)
    no header: the chunk must hold 5
    BEST looks at every chunk for the smallest that fits:
      chunk 0 [ addr:1000 sz:3 ]: too small (3 < 5)
      chunk 1 [ addr:1003 sz:97 ]: fits: the smallest so far
    searched 2 elements (the whole list)
    chunk 1 [ addr:1003 sz:97 ] is chosen: 1003..1007 is allocated
    split: [ addr:1008 sz:92 ] stays free in the chunk's place
    free list after: [ addr:1000 sz:3 ][ addr:1008 sz:92 ]
question 8, Free(ptr[3]): you answered 0x3e8; the answer is 0
    free list before: [ addr:1000 sz:3 ][ addr:1003 sz:5 ][ addr:1016 sz:84 ]
    ptr[3], the block at 1008: its chunk [ addr:1008 sz:8 ] (header included) goes back, the free returns 0
    ADDRSORT: appended, then the list sorted by address
    free list after: [ addr:1000 sz:3 ][ addr:1003 sz:5 ][ addr:1008 sz:8 ][ addr:1016 sz:84 ]
question 9, ptr[4] = Alloc(2): you answered 1008; the answer is 1000
    free list before: [ addr:1000 sz:3 ][ addr:1003 sz:5 ][ addr:1008 sz:8 ][ addr:1016 sz:84 ]
    request 2 (no alignment)
    no header: the chunk must hold 2
    BEST looks at every chunk for the smallest that fits:
      chunk 0 [ addr:1000 sz:3 ]: fits: the smallest so far
      chunk 1 [ addr:1003 sz:5 ]: fits, but is not smaller than the sz 3 found before
      chunk 2 [ addr:1008 sz:8 ]: fits, but is not smaller than the sz 3 found before
      chunk 3 [ addr:1016 sz:84 ]: fits, but is not smaller than the sz 3 found before
    searched 4 elements (the whole list)
    chunk 0 [ addr:1000 sz:3 ] is chosen: 1000..1001 is allocated
    split: [ addr:1002 sz:1 ] stays free in the chunk's place
    free list after: [ addr:1002 sz:1 ][ addr:1003 sz:5 ][ addr:1008 sz:8 ][ addr:1016 sz:84 ]
score 7/10
[1]
