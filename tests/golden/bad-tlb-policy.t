$ echo 'R 0' | vmlab trace --tlb-policy mru
vmlab: --tlb-policy mru: expects lru, fifo, random or plru
[2]
