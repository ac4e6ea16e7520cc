$ vmlab exercise malloc -S 12 -H 3 -n 5 -c -s 0
seed 0
size 12
baseAddr 1000
headerSize 3
alignment -1
policy BEST
listOrder ADDRSORT
coalesce False
numOps 5
range 10
percentAlloc 50
allocList 
compute True

ptr[0] = Alloc(3) returned 1003 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1006 sz:6 ]

Free(ptr[0])
returned 0
Free List [ Size 2 ]: [ addr:1000 sz:6 ][ addr:1006 sz:6 ]

ptr[1] = Alloc(5) returned 2 (searched 2 elements)
Free List [ Size 2 ]: [ addr:1000 sz:6 ][ addr:1006 sz:6 ]

ptr[2] = Alloc(8) returned 2 (searched 2 elements)
Free List [ Size 2 ]: [ addr:1000 sz:6 ][ addr:1006 sz:6 ]

ptr[3] = Alloc(10) returned 2 (searched 2 elements)
Free List [ Size 2 ]: [ addr:1000 sz:6 ][ addr:1006 sz:6 ]
