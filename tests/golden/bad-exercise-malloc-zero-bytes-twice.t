$ vmlab exercise malloc -c -A +0,+0
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
allocList +0,+0
compute True

ptr[0] = Alloc(0) returned 1000 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1000 sz:100 ]

malloc.py: AssertionError
[1]
