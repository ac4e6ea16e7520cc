$ vmlab exercise malloc -c -A +5k
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
allocList +5k
compute True

malloc.py: ValueError: invalid literal for int() with base 10: '5k'
[1]
