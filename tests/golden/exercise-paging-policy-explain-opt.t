$ vmlab exercise paging-policy -s 2 -a 1,2,3,4,1,2,5,1,2,3,4,5 -p OPT --explain
ARG addresses 1,2,3,4,1,2,5,1,2,3,4,5
ARG addressfile 
ARG numaddrs 10
ARG policy OPT
ARG clockbits 2
ARG cachesize 3
ARG maxpage 10
ARG seed 2
ARG notrace False

Solving...

Access: 1  MISS Left  ->          [1] <- Right Replaced:- [Hits:0 Misses:1]
Access: 2  MISS Left  ->       [1, 2] <- Right Replaced:- [Hits:0 Misses:2]
Access: 3  MISS Left  ->    [1, 2, 3] <- Right Replaced:- [Hits:0 Misses:3]
Access: 4  MISS Left  ->    [1, 2, 4] <- Right Replaced:3 [Hits:0 Misses:4]
Access: 1  HIT  Left  ->    [1, 2, 4] <- Right Replaced:- [Hits:1 Misses:4]
Access: 2  HIT  Left  ->    [1, 2, 4] <- Right Replaced:- [Hits:2 Misses:4]
Access: 5  MISS Left  ->    [1, 2, 5] <- Right Replaced:4 [Hits:2 Misses:5]
Access: 1  HIT  Left  ->    [1, 2, 5] <- Right Replaced:- [Hits:3 Misses:5]
Access: 2  HIT  Left  ->    [1, 2, 5] <- Right Replaced:- [Hits:4 Misses:5]
Access: 3  MISS Left  ->    [1, 5, 3] <- Right Replaced:2 [Hits:4 Misses:6]
Access: 4  MISS Left  ->    [1, 5, 4] <- Right Replaced:3 [Hits:4 Misses:7]
Access: 5  HIT  Left  ->    [1, 5, 4] <- Right Replaced:- [Hits:5 Misses:7]

FINALSTATS hits 5   misses 7   hitrate 41.67

How each answer is found:

1. Access: 1: miss
   page 1 is not in memory []: a miss
   the cache holds 0 of 3 pages: no replacement
   memory [] -> [1]

2. Access: 2: miss
   page 2 is not in memory [1]: a miss
   the cache holds 1 of 3 pages: no replacement
   memory [1] -> [1, 2]

3. Access: 3: miss
   page 3 is not in memory [1, 2]: a miss
   the cache holds 2 of 3 pages: no replacement
   memory [1, 2] -> [1, 2, 3]

4. Access: 4: miss
   page 4 is not in memory [1, 2, 3]: a miss
   the cache is full (3 pages): OPT chooses a page to replace
   OPT replaces page 3, the one used furthest in the future (next at access 10)
   memory [1, 2, 3] -> [1, 2, 4]

5. Access: 1: hit
   page 1 is in memory [1, 2, 4]: a hit

6. Access: 2: hit
   page 2 is in memory [1, 2, 4]: a hit

7. Access: 5: miss
   page 5 is not in memory [1, 2, 4]: a miss
   the cache is full (3 pages): OPT chooses a page to replace
   OPT replaces page 4, the one used furthest in the future (next at access 11)
   memory [1, 2, 4] -> [1, 2, 5]

8. Access: 1: hit
   page 1 is in memory [1, 2, 5]: a hit

9. Access: 2: hit
   page 2 is in memory [1, 2, 5]: a hit

10. Access: 3: miss
   page 3 is not in memory [1, 2, 5]: a miss
   the cache is full (3 pages): OPT chooses a page to replace
   OPT replaces page 2, never used again (of the pages never used again, the one brought in last)
   memory [1, 2, 5] -> [1, 5, 3]

11. Access: 4: miss
   page 4 is not in memory [1, 5, 3]: a miss
   the cache is full (3 pages): OPT chooses a page to replace
   OPT replaces page 3, never used again (of the pages never used again, the one brought in last)
   memory [1, 5, 3] -> [1, 5, 4]

12. Access: 5: hit
   page 5 is in memory [1, 5, 4]: a hit
