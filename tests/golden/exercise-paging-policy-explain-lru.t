$ vmlab exercise paging-policy -s 0 -p LRU --explain
ARG addresses -1
ARG addressfile 
ARG numaddrs 10
ARG policy LRU
ARG clockbits 2
ARG cachesize 3
ARG maxpage 10
ARG seed 0
ARG notrace False

Solving...

Access: 8  MISS LRU ->          [8] <- MRU Replaced:- [Hits:0 Misses:1]
Access: 7  MISS LRU ->       [8, 7] <- MRU Replaced:- [Hits:0 Misses:2]
Access: 4  MISS LRU ->    [8, 7, 4] <- MRU Replaced:- [Hits:0 Misses:3]
Access: 2  MISS LRU ->    [7, 4, 2] <- MRU Replaced:8 [Hits:0 Misses:4]
Access: 5  MISS LRU ->    [4, 2, 5] <- MRU Replaced:7 [Hits:0 Misses:5]
Access: 4  HIT  LRU ->    [2, 5, 4] <- MRU Replaced:- [Hits:1 Misses:5]
Access: 7  MISS LRU ->    [5, 4, 7] <- MRU Replaced:2 [Hits:1 Misses:6]
Access: 3  MISS LRU ->    [4, 7, 3] <- MRU Replaced:5 [Hits:1 Misses:7]
Access: 4  HIT  LRU ->    [7, 3, 4] <- MRU Replaced:- [Hits:2 Misses:7]
Access: 5  MISS LRU ->    [3, 4, 5] <- MRU Replaced:7 [Hits:2 Misses:8]

FINALSTATS hits 2   misses 8   hitrate 20.00

How each answer is found:

1. Access: 8: miss
   page 8 is not in memory []: a miss
   the cache holds 0 of 3 pages: no replacement
   memory [] -> [8]

2. Access: 7: miss
   page 7 is not in memory [8]: a miss
   the cache holds 1 of 3 pages: no replacement
   memory [8] -> [8, 7]

3. Access: 4: miss
   page 4 is not in memory [8, 7]: a miss
   the cache holds 2 of 3 pages: no replacement
   memory [8, 7] -> [8, 7, 4]

4. Access: 2: miss
   page 2 is not in memory [8, 7, 4]: a miss
   the cache is full (3 pages): LRU chooses a page to replace
   LRU replaces page 8, the least recently used (last at access 1)
   memory [8, 7, 4] -> [7, 4, 2]

5. Access: 5: miss
   page 5 is not in memory [7, 4, 2]: a miss
   the cache is full (3 pages): LRU chooses a page to replace
   LRU replaces page 7, the least recently used (last at access 2)
   memory [7, 4, 2] -> [4, 2, 5]

6. Access: 4: hit
   page 4 is in memory [4, 2, 5]: a hit
   memory [4, 2, 5] -> [2, 5, 4]

7. Access: 7: miss
   page 7 is not in memory [2, 5, 4]: a miss
   the cache is full (3 pages): LRU chooses a page to replace
   LRU replaces page 2, the least recently used (last at access 4)
   memory [2, 5, 4] -> [5, 4, 7]

8. Access: 3: miss
   page 3 is not in memory [5, 4, 7]: a miss
   the cache is full (3 pages): LRU chooses a page to replace
   LRU replaces page 5, the least recently used (last at access 5)
   memory [5, 4, 7] -> [4, 7, 3]

9. Access: 4: hit
   page 4 is in memory [4, 7, 3]: a hit
   memory [4, 7, 3] -> [7, 3, 4]

10. Access: 5: miss
   page 5 is not in memory [7, 3, 4]: a miss
   the cache is full (3 pages): LRU chooses a page to replace
   LRU replaces page 7, the least recently used (last at access 7)
   memory [7, 3, 4] -> [3, 4, 5]
