$ vmlab exercise malloc -c -A +-5,+3 -p WORST
seed 0
size 100
baseAddr 1000
headerSize 0
alignment -1
policy WORST
listOrder ADDRSORT
coalesce False
numOps 10
range 10
percentAlloc 50
allocList +-5,+3
compute True

ptr[0] = Alloc(-5) returned 1000 (searched 1 elements)
Free List [ Size 1 ]: [ addr:995 sz:105 ]

ptr[1] = Alloc(3) returned 995 (searched 1 elements)
Free List [ Size 1 ]: [ addr:998 sz:102 ]
