$ vmlab exercise paging-policy -s 4 -p RAND -n 6 --explain
ARG addresses -1
ARG addressfile 
ARG numaddrs 6
ARG policy RAND
ARG clockbits 2
ARG cachesize 3
ARG maxpage 10
ARG seed 4
ARG notrace False

Solving...

Access: 2  MISS Left  ->          [2] <- Right Replaced:- [Hits:0 Misses:1]
Access: 1  MISS Left  ->       [2, 1] <- Right Replaced:- [Hits:0 Misses:2]
Access: 3  MISS Left  ->    [2, 1, 3] <- Right Replaced:- [Hits:0 Misses:3]
Access: 1  HIT  Left  ->    [2, 1, 3] <- Right Replaced:- [Hits:1 Misses:3]
Access: 0  MISS Left  ->    [2, 1, 0] <- Right Replaced:3 [Hits:1 Misses:4]
Access: 4  MISS Left  ->    [2, 1, 4] <- Right Replaced:0 [Hits:1 Misses:5]

FINALSTATS hits 1   misses 5   hitrate 16.67

How each answer is found:

1. Access: 2: miss
   page 2 is not in memory []: a miss
   the cache holds 0 of 3 pages: no replacement
   memory [] -> [2]

2. Access: 1: miss
   page 1 is not in memory [2]: a miss
   the cache holds 1 of 3 pages: no replacement
   memory [2] -> [2, 1]

3. Access: 3: miss
   page 3 is not in memory [2, 1]: a miss
   the cache holds 2 of 3 pages: no replacement
   memory [2, 1] -> [2, 1, 3]

4. Access: 1: hit
   page 1 is in memory [2, 1, 3]: a hit

5. Access: 0: miss
   page 0 is not in memory [2, 1, 3]: a miss
   the cache is full (3 pages): RAND chooses a page to replace
   RAND replaces page 3, at position int(3 * random()) = 2 of the list
   memory [2, 1, 3] -> [2, 1, 0]

6. Access: 4: miss
   page 4 is not in memory [2, 1, 0]: a miss
   the cache is full (3 pages): RAND chooses a page to replace
   RAND replaces page 0, at position int(3 * random()) = 2 of the list
   memory [2, 1, 0] -> [2, 1, 4]
