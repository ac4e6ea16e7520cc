$ vmlab exercise tlb -p mru
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -p/--policy: unknown policy 'mru' (lru, fifo, random or plru)
[2]
