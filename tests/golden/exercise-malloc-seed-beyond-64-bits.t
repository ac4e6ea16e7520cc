$ vmlab exercise malloc -s 123456789012345678901234567890 -n 4 -c
seed 123456789012345678901234567890
size 100
baseAddr 1000
headerSize 0
alignment -1
policy BEST
listOrder ADDRSORT
coalesce False
numOps 4
range 10
percentAlloc 50
allocList 
compute True

ptr[0] = Alloc(1) returned 1000 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1001 sz:99 ]

ptr[1] = Alloc(9) returned 1001 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1010 sz:90 ]

Free(ptr[1])
returned 0
Free List [ Size 2 ]: [ addr:1001 sz:9 ][ addr:1010 sz:90 ]

Free(ptr[0])
returned 0
Free List [ Size 3 ]: [ addr:1000 sz:1 ][ addr:1001 sz:9 ][ addr:1010 sz:90 ]
