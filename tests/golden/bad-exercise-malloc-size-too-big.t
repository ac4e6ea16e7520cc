$ vmlab exercise malloc -c -A +99999999999999999999
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
allocList +99999999999999999999
compute True

vmlab: exercise: 99999999999999999999: integers beyond 64 bits are not simulated (malloc.py takes them)
[1]
