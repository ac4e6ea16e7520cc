$ vmlab exercise malloc -c -A +200,+5,-0
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
allocList +200,+5,-0
compute True

ptr[0] = Alloc(200) returned -1 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1000 sz:100 ]

ptr[1] = Alloc(5) returned 1000 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1005 sz:95 ]

Free(ptr[0])
malloc.py: KeyError: 0
[1]
