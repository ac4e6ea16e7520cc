$ vmlab exercise malloc -s 3 -n 6 -p WORST -l SIZESORT- --explain
seed 3
size 100
baseAddr 1000
headerSize 0
alignment -1
policy WORST
listOrder SIZESORT-
coalesce False
numOps 6
range 10
percentAlloc 50
allocList 
compute False

ptr[0] = Alloc(6) returned 1000 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1006 sz:94 ]

ptr[1] = Alloc(7) returned 1006 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1013 sz:87 ]

Free(ptr[0])
returned 0
Free List [ Size 2 ]: [ addr:1013 sz:87 ][ addr:1000 sz:6 ]

ptr[2] = Alloc(9) returned 1013 (searched 2 elements)
Free List [ Size 2 ]: [ addr:1022 sz:78 ][ addr:1000 sz:6 ]

ptr[3] = Alloc(3) returned 1022 (searched 2 elements)
Free List [ Size 2 ]: [ addr:1025 sz:75 ][ addr:1000 sz:6 ]

Free(ptr[2])
returned 0
Free List [ Size 3 ]: [ addr:1025 sz:75 ][ addr:1013 sz:9 ][ addr:1000 sz:6 ]

How each answer is found:

1. ptr[0] = Alloc(6): 1000
   free list before: [ addr:1000 sz:100 ]
   request 6 (no alignment)
   no header: the chunk must hold 6
   WORST looks at every chunk for the largest that fits:
     chunk 0 [ addr:1000 sz:100 ]: fits: the largest so far
   searched 1 element (the whole list)
   chunk 0 [ addr:1000 sz:100 ] is chosen: 1000..1005 is allocated
   split: [ addr:1006 sz:94 ] stays free in the chunk's place
   free list after: [ addr:1006 sz:94 ]

2. ptr[1] = Alloc(7): 1006
   free list before: [ addr:1006 sz:94 ]
   request 7 (no alignment)
   no header: the chunk must hold 7
   WORST looks at every chunk for the largest that fits:
     chunk 0 [ addr:1006 sz:94 ]: fits: the largest so far
   searched 1 element (the whole list)
   chunk 0 [ addr:1006 sz:94 ] is chosen: 1006..1012 is allocated
   split: [ addr:1013 sz:87 ] stays free in the chunk's place
   free list after: [ addr:1013 sz:87 ]

3. Free(ptr[0]): 0
   free list before: [ addr:1013 sz:87 ]
   ptr[0], the block at 1000: its chunk [ addr:1000 sz:6 ] (header included) goes back, the free returns 0
   SIZESORT-: appended, then the list sorted by size, largest first
   free list after: [ addr:1013 sz:87 ][ addr:1000 sz:6 ]

4. ptr[2] = Alloc(9): 1013
   free list before: [ addr:1013 sz:87 ][ addr:1000 sz:6 ]
   request 9 (no alignment)
   no header: the chunk must hold 9
   WORST looks at every chunk for the largest that fits:
     chunk 0 [ addr:1013 sz:87 ]: fits: the largest so far
     chunk 1 [ addr:1000 sz:6 ]: too small (6 < 9)
   searched 2 elements (the whole list)
   chunk 0 [ addr:1013 sz:87 ] is chosen: 1013..1021 is allocated
   split: [ addr:1022 sz:78 ] stays free in the chunk's place
   free list after: [ addr:1022 sz:78 ][ addr:1000 sz:6 ]

5. ptr[3] = Alloc(3): 1022
   free list before: [ addr:1022 sz:78 ][ addr:1000 sz:6 ]
   request 3 (no alignment)
   no header: the chunk must hold 3
   WORST looks at every chunk for the largest that fits:
     chunk 0 [ addr:1022 sz:78 ]: fits: the largest so far
     chunk 1 [ addr:1000 sz:6 ]: fits, but is not larger than the sz 78 found before
   searched 2 elements (the whole list)
   chunk 0 [ addr:1022 sz:78 ] is chosen: 1022..1024 is allocated
   split: [ addr:1025 sz:75 ] stays free in the chunk's place
   free list after: [ addr:1025 sz:75 ][ addr:1000 sz:6 ]

6. Free(ptr[2]): 0
   free list before: [ addr:1025 sz:75 ][ addr:1000 sz:6 ]
   ptr[2], the block at 1013: its chunk [ addr:1013 sz:9 ] (header included) goes back, the free returns 0
   SIZESORT-: appended, then the list sorted by size, largest first
   free list after: [ addr:1025 sz:75 ][ addr:1013 sz:9 ][ addr:1000 sz:6 ]
