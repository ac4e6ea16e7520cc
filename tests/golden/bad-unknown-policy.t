$ echo 'R 0' | vmlab trace --policy nru
vmlab: --policy nru: expects fifo, lru, clock, eclock, random, opt or twolist
[2]
