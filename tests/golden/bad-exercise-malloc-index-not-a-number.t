$ vmlab exercise malloc -c -A +5,-a
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
allocList +5,-a
compute True

ptr[0] = Alloc(5) returned 1000 (searched 1 elements)
Free List [ Size 1 ]: [ addr:1005 sz:95 ]

malloc.py: ValueError: invalid literal for int() with base 10: 'a'
[1]
