$ vmlab exercise malloc -A +10,+20,+30,-0,-2,+35,-1,+5 -p FIRST -l INSERT-FRONT -C --explain
seed 0
size 100
baseAddr 1000
headerSize 0
alignment -1
policy FIRST
listOrder INSERT-FRONT
coalesce True
numOps 10
range 10
percentAlloc 50
allocList +10,+20,+30,-0,-2,+35,-1,+5
compute False

ptr[0] = Alloc(10) returned 1000 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1010 sz:90 ]

ptr[1] = Alloc(20) returned 1010 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1030 sz:70 ]

ptr[2] = Alloc(30) returned 1030 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1060 sz:40 ]

Free(ptr[0])
returned 0
Free List [ Size 2 ]: [ addr:1000 sz:10 ][ addr:1060 sz:40 ]

Free(ptr[2])
returned 0
Free List [ Size 3 ]: [ addr:1030 sz:30 ][ addr:1000 sz:10 ][ addr:1060 sz:40 ]

ptr[3] = Alloc(35) returned 1060 (searched 3 elements)
Free List [ Size 3 ]: [ addr:1030 sz:30 ][ addr:1000 sz:10 ][ addr:1095 sz:5 ]

Free(ptr[1])
returned 0
Free List [ Size 3 ]: [ addr:1010 sz:50 ][ addr:1000 sz:10 ][ addr:1095 sz:5 ]

ptr[4] = Alloc(5) returned 1010 (searched 1 elements)
Free List [ Size 3 ]: [ addr:1015 sz:45 ][ addr:1000 sz:10 ][ addr:1095 sz:5 ]

How each answer is found:

1. ptr[0] = Alloc(10): 1000
   free list before: [ addr:1000 sz:100 ]
   request 10 (no alignment)
   no header: the chunk must hold 10
   FIRST takes the first chunk that fits:
     chunk 0 [ addr:1000 sz:100 ]: fits: the first that does, so the search stops
   searched 1 element
   chunk 0 [ addr:1000 sz:100 ] is chosen: 1000..1009 is allocated
   split: [ addr:1010 sz:90 ] stays free in the chunk's place
   free list after: [ addr:1010 sz:90 ]

2. ptr[1] = Alloc(20): 1010
   free list before: [ addr:1010 sz:90 ]
   request 20 (no alignment)
   no header: the chunk must hold 20
   FIRST takes the first chunk that fits:
     chunk 0 [ addr:1010 sz:90 ]: fits: the first that does, so the search stops
   searched 1 element
   chunk 0 [ addr:1010 sz:90 ] is chosen: 1010..1029 is allocated
   split: [ addr:1030 sz:70 ] stays free in the chunk's place
   free list after: [ addr:1030 sz:70 ]

3. ptr[2] = Alloc(30): 1030
   free list before: [ addr:1030 sz:70 ]
   request 30 (no alignment)
   no header: the chunk must hold 30
   FIRST takes the first chunk that fits:
     chunk 0 [ addr:1030 sz:70 ]: fits: the first that does, so the search stops
   searched 1 element
   chunk 0 [ addr:1030 sz:70 ] is chosen: 1030..1059 is allocated
   split: [ addr:1060 sz:40 ] stays free in the chunk's place
   free list after: [ addr:1060 sz:40 ]

4. Free(ptr[0]): 0
   free list before: [ addr:1060 sz:40 ]
   ptr[0], the block at 1000: its chunk [ addr:1000 sz:10 ] (header included) goes back, the free returns 0
   INSERT-FRONT: put at the head of the list
   coalescing: each chunk that starts where the one before it in the list ends joins it: 0 merged
   free list after: [ addr:1000 sz:10 ][ addr:1060 sz:40 ]

5. Free(ptr[2]): 0
   free list before: [ addr:1000 sz:10 ][ addr:1060 sz:40 ]
   ptr[2], the block at 1030: its chunk [ addr:1030 sz:30 ] (header included) goes back, the free returns 0
   INSERT-FRONT: put at the head of the list
   coalescing: each chunk that starts where the one before it in the list ends joins it: 0 merged
   free list after: [ addr:1030 sz:30 ][ addr:1000 sz:10 ][ addr:1060 sz:40 ]

6. ptr[3] = Alloc(35): 1060
   free list before: [ addr:1030 sz:30 ][ addr:1000 sz:10 ][ addr:1060 sz:40 ]
   request 35 (no alignment)
   no header: the chunk must hold 35
   FIRST takes the first chunk that fits:
     chunk 0 [ addr:1030 sz:30 ]: too small (30 < 35)
     chunk 1 [ addr:1000 sz:10 ]: too small (10 < 35)
     chunk 2 [ addr:1060 sz:40 ]: fits: the first that does, so the search stops
   searched 3 elements
   chunk 2 [ addr:1060 sz:40 ] is chosen: 1060..1094 is allocated
   split: [ addr:1095 sz:5 ] stays free in the chunk's place
   free list after: [ addr:1030 sz:30 ][ addr:1000 sz:10 ][ addr:1095 sz:5 ]

7. Free(ptr[1]): 0
   free list before: [ addr:1030 sz:30 ][ addr:1000 sz:10 ][ addr:1095 sz:5 ]
   ptr[1], the block at 1010: its chunk [ addr:1010 sz:20 ] (header included) goes back, the free returns 0
   INSERT-FRONT: put at the head of the list
   coalescing: each chunk that starts where the one before it in the list ends joins it: 1 merged
   free list after (coalesced): [ addr:1010 sz:50 ][ addr:1000 sz:10 ][ addr:1095 sz:5 ]

8. ptr[4] = Alloc(5): 1010
   free list before: [ addr:1010 sz:50 ][ addr:1000 sz:10 ][ addr:1095 sz:5 ]
   request 5 (no alignment)
   no header: the chunk must hold 5
   FIRST takes the first chunk that fits:
     chunk 0 [ addr:1010 sz:50 ]: fits: the first that does, so the search stops
   searched 1 element
   chunk 0 [ addr:1010 sz:50 ] is chosen: 1010..1014 is allocated
   split: [ addr:1015 sz:45 ] stays free in the chunk's place
   free list after: [ addr:1015 sz:45 ][ addr:1000 sz:10 ][ addr:1095 sz:5 ]
