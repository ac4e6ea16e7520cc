$ vmlab exercise malloc -c -A +1_0,+2,-0_0
seed 0
size 100
baseAddr 1000
headerSize 0
alignment -1
policy BEST
listOrder ADDRSORT
coalesce False
numOps 10
range 10
percentAlloc 50
allocList +1_0,+2,-0_0
compute True

ptr[0] = Alloc(10) returned 1000 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1010 sz:90 ]

ptr[1] = Alloc(2) returned 1010 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1012 sz:88 ]

Free(ptr[0])
returned 0
Free List [ Size 2 ]: [ addr:1000 sz:10 ][ addr:1012 sz:88 ]
