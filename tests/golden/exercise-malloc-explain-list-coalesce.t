$ vmlab exercise malloc -A +10,+20,+5,-1,-0,-2,-0 -C -H 2 --explain
seed 0
size 100
baseAddr 1000
headerSize 2
alignment -1
policy BEST
listOrder ADDRSORT
coalesce True
numOps 10
range 10
percentAlloc 50
allocList +10,+20,+5,-1,-0,-2,-0
compute False

ptr[0] = Alloc(10) returned 1000 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1012 sz:88 ]

ptr[1] = Alloc(20) returned 1012 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1034 sz:66 ]

ptr[2] = Alloc(5) returned 1034 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1041 sz:59 ]

Free(ptr[1])
returned 0
Free List [ Size 2 ]: [ addr:1012 sz:22 ][ addr:1041 sz:59 ]

Free(ptr[0])
returned 0
Free List [ Size 2 ]: [ addr:1000 sz:34 ][ addr:1041 sz:59 ]

Free(ptr[2])
returned 0
Free List [ Size 1 ]: [ addr:1000 sz:100 ]

Free(ptr[0])
returned -1
Free List [ Size 1 ]: [ addr:1000 sz:100 ]

How each answer is found:

1. ptr[0] = Alloc(10): 1000
   free list before: [ addr:1000 sz:100 ]
   request 10 (no alignment)
   plus the header of 2: the chunk must hold 12
   BEST looks at every chunk for the smallest that fits:
     chunk 0 [ addr:1000 sz:100 ]: fits: the smallest so far
   searched 1 element (the whole list)
   chunk 0 [ addr:1000 sz:100 ] is chosen: 1000..1011 is allocated
   the header takes 1000..1001, the bytes asked for start at 1002
   split: [ addr:1012 sz:88 ] stays free in the chunk's place
   with -A, malloc.py prints the block's own address (its header's): 1000
   free list after: [ addr:1012 sz:88 ]

2. ptr[1] = Alloc(20): 1012
   free list before: [ addr:1012 sz:88 ]
   request 20 (no alignment)
   plus the header of 2: the chunk must hold 22
   BEST looks at every chunk for the smallest that fits:
     chunk 0 [ addr:1012 sz:88 ]: fits: the smallest so far
   searched 1 element (the whole list)
   chunk 0 [ addr:1012 sz:88 ] is chosen: 1012..1033 is allocated
   the header takes 1012..1013, the bytes asked for start at 1014
   split: [ addr:1034 sz:66 ] stays free in the chunk's place
   with -A, malloc.py prints the block's own address (its header's): 1012
   free list after: [ addr:1034 sz:66 ]

3. ptr[2] = Alloc(5): 1034
   free list before: [ addr:1034 sz:66 ]
   request 5 (no alignment)
   plus the header of 2: the chunk must hold 7
   BEST looks at every chunk for the smallest that fits:
     chunk 0 [ addr:1034 sz:66 ]: fits: the smallest so far
   searched 1 element (the whole list)
   chunk 0 [ addr:1034 sz:66 ] is chosen: 1034..1040 is allocated
   the header takes 1034..1035, the bytes asked for start at 1036
   split: [ addr:1041 sz:59 ] stays free in the chunk's place
   with -A, malloc.py prints the block's own address (its header's): 1034
   free list after: [ addr:1041 sz:59 ]

4. Free(ptr[1]): 0
   free list before: [ addr:1041 sz:59 ]
   ptr[1], the block at 1012: its chunk [ addr:1012 sz:22 ] (header included) goes back, the free returns 0
   ADDRSORT: appended, then the list sorted by address
   coalescing: each chunk that starts where the one before it in the list ends joins it: 0 merged
   free list after: [ addr:1012 sz:22 ][ addr:1041 sz:59 ]

5. Free(ptr[0]): 0
   free list before: [ addr:1012 sz:22 ][ addr:1041 sz:59 ]
   ptr[0], the block at 1000: its chunk [ addr:1000 sz:12 ] (header included) goes back, the free returns 0
   ADDRSORT: appended, then the list sorted by address
   coalescing: each chunk that starts where the one before it in the list ends joins it: 1 merged
   free list after (coalesced): [ addr:1000 sz:34 ][ addr:1041 sz:59 ]

6. Free(ptr[2]): 0
   free list before: [ addr:1000 sz:34 ][ addr:1041 sz:59 ]
   ptr[2], the block at 1034: its chunk [ addr:1034 sz:7 ] (header included) goes back, the free returns 0
   ADDRSORT: appended, then the list sorted by address
   coalescing: each chunk that starts where the one before it in the list ends joins it: 2 merged
   free list after (coalesced): [ addr:1000 sz:100 ]

7. Free(ptr[0]): -1
   free list before: [ addr:1000 sz:100 ]
   ptr[0], the block at 1000, is not allocated (it was freed before): the free fails, -1
   free list after: [ addr:1000 sz:100 ]
