$ vmlab exercise malloc -s 2 -n 8 -p FIRST -l INSERT-FRONT -C --explain
seed 2
size 100
baseAddr 1000
headerSize 0
alignment -1
policy FIRST
listOrder INSERT-FRONT
coalesce True
numOps 8
range 10
percentAlloc 50
allocList 
compute False

ptr[0] = Alloc(1) returned 1000 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1001 sz:99 ]

Free(ptr[0])
returned 0
Free List [ Size 1 ]: [ addr:1000 sz:100 ]

ptr[1] = Alloc(7) returned 1000 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1007 sz:93 ]

Free(ptr[1])
returned 0
Free List [ Size 1 ]: [ addr:1000 sz:100 ]

ptr[2] = Alloc(5) returned 1000 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1005 sz:95 ]

ptr[3] = Alloc(8) returned 1005 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1013 sz:87 ]

Free(ptr[3])
returned 0
Free List [ Size 1 ]: [ addr:1005 sz:95 ]

Free(ptr[2])
returned 0
Free List [ Size 1 ]: [ addr:1000 sz:100 ]

How each answer is found:

1. ptr[0] = Alloc(1): 1000
   free list before: [ addr:1000 sz:100 ]
   request 1 (no alignment)
   no header: the chunk must hold 1
   FIRST takes the first chunk that fits:
     chunk 0 [ addr:1000 sz:100 ]: fits: the first that does, so the search stops
   searched 1 element
   chunk 0 [ addr:1000 sz:100 ] is chosen: 1000..1000 is allocated
   split: [ addr:1001 sz:99 ] stays free in the chunk's place
   free list after: [ addr:1001 sz:99 ]

2. Free(ptr[0]): 0
   free list before: [ addr:1001 sz:99 ]
   ptr[0], the block at 1000: its chunk [ addr:1000 sz:1 ] (header included) goes back, the free returns 0
   INSERT-FRONT: put at the head of the list
   coalescing: each chunk that starts where the one before it in the list ends joins it: 1 merged
   free list after (coalesced): [ addr:1000 sz:100 ]

3. ptr[1] = Alloc(7): 1000
   free list before: [ addr:1000 sz:100 ]
   request 7 (no alignment)
   no header: the chunk must hold 7
   FIRST takes the first chunk that fits:
     chunk 0 [ addr:1000 sz:100 ]: fits: the first that does, so the search stops
   searched 1 element
   chunk 0 [ addr:1000 sz:100 ] is chosen: 1000..1006 is allocated
   split: [ addr:1007 sz:93 ] stays free in the chunk's place
   free list after: [ addr:1007 sz:93 ]

4. Free(ptr[1]): 0
   free list before: [ addr:1007 sz:93 ]
   ptr[1], the block at 1000: its chunk [ addr:1000 sz:7 ] (header included) goes back, the free returns 0
   INSERT-FRONT: put at the head of the list
   coalescing: each chunk that starts where the one before it in the list ends joins it: 1 merged
   free list after (coalesced): [ addr:1000 sz:100 ]

5. ptr[2] = Alloc(5): 1000
   free list before: [ addr:1000 sz:100 ]
   request 5 (no alignment)
   no header: the chunk must hold 5
   FIRST takes the first chunk that fits:
     chunk 0 [ addr:1000 sz:100 ]: fits: the first that does, so the search stops
   searched 1 element
   chunk 0 [ addr:1000 sz:100 ] is chosen: 1000..1004 is allocated
   split: [ addr:1005 sz:95 ] stays free in the chunk's place
   free list after: [ addr:1005 sz:95 ]

6. ptr[3] = Alloc(8): 1005
   free list before: [ addr:1005 sz:95 ]
   request 8 (no alignment)
   no header: the chunk must hold 8
   FIRST takes the first chunk that fits:
     chunk 0 [ addr:1005 sz:95 ]: fits: the first that does, so the search stops
   searched 1 element
   chunk 0 [ addr:1005 sz:95 ] is chosen: 1005..1012 is allocated
   split: [ addr:1013 sz:87 ] stays free in the chunk's place
   free list after: [ addr:1013 sz:87 ]

7. Free(ptr[3]): 0
   free list before: [ addr:1013 sz:87 ]
   ptr[3], the block at 1005: its chunk [ addr:1005 sz:8 ] (header included) goes back, the free returns 0
   INSERT-FRONT: put at the head of the list
   coalescing: each chunk that starts where the one before it in the list ends joins it: 1 merged
   free list after (coalesced): [ addr:1005 sz:95 ]

8. Free(ptr[2]): 0
   free list before: [ addr:1005 sz:95 ]
   ptr[2], the block at 1000: its chunk [ addr:1000 sz:5 ] (header included) goes back, the free returns 0
   INSERT-FRONT: put at the head of the list
   coalescing: each chunk that starts where the one before it in the list ends joins it: 1 merged
   free list after (coalesced): [ addr:1000 sz:100 ]
