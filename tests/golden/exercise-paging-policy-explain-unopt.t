$ vmlab exercise paging-policy -a 1,2,3,4,1,2,5 -C 3 -p UNOPT --explain
ARG addresses 1,2,3,4,1,2,5
ARG addressfile 
ARG numaddrs 10
ARG policy UNOPT
ARG clockbits 2
ARG cachesize 3
ARG maxpage 10
ARG seed 0
ARG notrace False

Solving...

Access: 1  MISS Left  ->          [1] <- Right Replaced:- [Hits:0 Misses:1]
Access: 2  MISS Left  ->       [1, 2] <- Right Replaced:- [Hits:0 Misses:2]
Access: 3  MISS Left  ->    [1, 2, 3] <- Right Replaced:- [Hits:0 Misses:3]
Access: 4  MISS Left  ->    [2, 3, 4] <- Right Replaced:1 [Hits:0 Misses:4]
Access: 1  MISS Left  ->    [3, 4, 1] <- Right Replaced:2 [Hits:0 Misses:5]
Access: 2  MISS Left  ->    [4, 1, 2] <- Right Replaced:3 [Hits:0 Misses:6]
Access: 5  MISS Left  ->    [1, 2, 5] <- Right Replaced:4 [Hits:0 Misses:7]

FINALSTATS hits 0   misses 7   hitrate 0.00

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
   the cache is full (3 pages): UNOPT chooses a page to replace
   UNOPT replaces page 1, the one needed soonest (next at access 5)
   memory [1, 2, 3] -> [2, 3, 4]

5. Access: 1: miss
   page 1 is not in memory [2, 3, 4]: a miss
   the cache is full (3 pages): UNOPT chooses a page to replace
   UNOPT replaces page 2, the one needed soonest (next at access 6)
   memory [2, 3, 4] -> [3, 4, 1]

6. Access: 2: miss
   page 2 is not in memory [3, 4, 1]: a miss
   the cache is full (3 pages): UNOPT chooses a page to replace
   UNOPT replaces page 3: no page is used again, and it was brought in first
   memory [3, 4, 1] -> [4, 1, 2]

7. Access: 5: miss
   page 5 is not in memory [4, 1, 2]: a miss
   the cache is full (3 pages): UNOPT chooses a page to replace
   UNOPT replaces page 4: no page is used again, and it was brought in first
   memory [4, 1, 2] -> [1, 2, 5]
