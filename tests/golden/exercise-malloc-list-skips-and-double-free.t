$ vmlab exercise malloc -c -A +5+3,-7,+200,-0,-0,-1 -l INSERT-BACK
seed 0
size 100
baseAddr 1000
headerSize 0
alignment -1
policy BEST
listOrder INSERT-BACK
coalesce False
numOps 10
range 10
percentAlloc 50
allocList +5+3,-7,+200,-0,-0,-1
compute True

ptr[0] = Alloc(5) returned 1000 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1005 sz:95 ]

Invalid Free: Skipping
ptr[1] = Alloc(200) returned -1 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1005 sz:95 ]

Free(ptr[0])
returned 0
Free List [ Size 2 ]: [ addr:1005 sz:95 ][ addr:1000 sz:5 ]

Free(ptr[0])
returned -1
Free List [ Size 2 ]: [ addr:1005 sz:95 ][ addr:1000 sz:5 ]

Invalid Free: Skipping
