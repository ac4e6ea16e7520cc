$ echo 'R 0' | vmlab trace --policy nru
vmlab: --policy: expects fifo, lru, clock, eclock, random, opt or twolist
[2]
