$ vmlab exercise malloc -P 0 -c
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
percentAlloc 0
allocList 
compute True

malloc.py: AssertionError
[1]
