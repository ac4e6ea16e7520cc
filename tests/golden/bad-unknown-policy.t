$ echo 'R 0' | vmlab trace --policy nru
vmlab: --policy nru: expects fifo, lru, clock, eclock, random, opt, twolist, mru, unopt or rclock
[2]
