$ vmlab exercise malloc -c -S 9223372036854775807 -b 9223372036854775000 -A +1000
seed 0
size 9223372036854775807
baseAddr 9223372036854775000
headerSize 0
alignment -1
policy BEST
listOrder ADDRSORT
coalesce False
numOps 10
range 10
percentAlloc 50
allocList +1000
compute True

vmlab: exercise malloc: ptr[0] = Alloc(1000): an address or size beyond 64 bits is not simulated (malloc.py takes it)
[1]
