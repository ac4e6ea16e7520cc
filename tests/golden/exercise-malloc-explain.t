$ vmlab exercise malloc -s 0 -n 4 -H 2 -a 4 --explain
seed 0
size 100
baseAddr 1000
headerSize 2
alignment 4
policy BEST
listOrder ADDRSORT
coalesce False
numOps 4
range 10
percentAlloc 50
allocList 
compute False

ptr[0] = Alloc(3) returned 1002 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1006 sz:94 ]

Free(ptr[0])
returned 0
Free List [ Size 2 ]: [ addr:1000 sz:6 ][ addr:1006 sz:94 ]

ptr[1] = Alloc(5) returned 1008 (searched 2 elements)
Free List [ Size 2 ]: [ addr:1000 sz:6 ][ addr:1016 sz:84 ]

Free(ptr[1])
returned 0
Free List [ Size 3 ]: [ addr:1000 sz:6 ][ addr:1006 sz:10 ][ addr:1016 sz:84 ]

How each answer is found:

1. ptr[0] = Alloc(3): 1002
   free list before: [ addr:1000 sz:100 ]
   request 3 rounded up to a multiple of the alignment 4: 4
   plus the header of 2: the chunk must hold 6
   BEST looks at every chunk for the smallest that fits:
     chunk 0 [ addr:1000 sz:100 ]: fits: the smallest so far
   searched 1 element (the whole list)
   chunk 0 [ addr:1000 sz:100 ] is chosen: 1000..1005 is allocated
   the header takes 1000..1001, the bytes asked for start at 1002
   split: [ addr:1006 sz:94 ] stays free in the chunk's place
   malloc.py prints the address plus the header size: 1000 + 2 = 1002
   free list after: [ addr:1006 sz:94 ]

2. Free(ptr[0]): 0
   free list before: [ addr:1006 sz:94 ]
   ptr[0], the block at 1000: its chunk [ addr:1000 sz:6 ] (header included) goes back, the free returns 0
   ADDRSORT: appended, then the list sorted by address
   free list after: [ addr:1000 sz:6 ][ addr:1006 sz:94 ]

3. ptr[1] = Alloc(5): 1008
   free list before: [ addr:1000 sz:6 ][ addr:1006 sz:94 ]
   request 5 rounded up to a multiple of the alignment 4: 8
   plus the header of 2: the chunk must hold 10
   BEST looks at every chunk for the smallest that fits:
     chunk 0 [ addr:1000 sz:6 ]: too small (6 < 10)
     chunk 1 [ addr:1006 sz:94 ]: fits: the smallest so far
   searched 2 elements (the whole list)
   chunk 1 [ addr:1006 sz:94 ] is chosen: 1006..1015 is allocated
   the header takes 1006..1007, the bytes asked for start at 1008
   split: [ addr:1016 sz:84 ] stays free in the chunk's place
   malloc.py prints the address plus the header size: 1006 + 2 = 1008
   free list after: [ addr:1000 sz:6 ][ addr:1016 sz:84 ]

4. Free(ptr[1]): 0
   free list before: [ addr:1000 sz:6 ][ addr:1016 sz:84 ]
   ptr[1], the block at 1006: its chunk [ addr:1006 sz:10 ] (header included) goes back, the free returns 0
   ADDRSORT: appended, then the list sorted by address
   free list after: [ addr:1000 sz:6 ][ addr:1006 sz:10 ][ addr:1016 sz:84 ]
