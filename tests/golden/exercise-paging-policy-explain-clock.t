$ vmlab exercise paging-policy -s 1 -p CLOCK -b 1 -n 6 --explain
ARG addresses -1
ARG addressfile 
ARG numaddrs 6
ARG policy CLOCK
ARG clockbits 1
ARG cachesize 3
ARG maxpage 10
ARG seed 1
ARG notrace False

Solving...

Access: 1  MISS Left  ->          [1] <- Right Replaced:- [Hits:0 Misses:1]
Access: 8  MISS Left  ->       [1, 8] <- Right Replaced:- [Hits:0 Misses:2]
Access: 7  MISS Left  ->    [1, 8, 7] <- Right Replaced:- [Hits:0 Misses:3]
Access: 2  MISS Left  ->    [8, 7, 2] <- Right Replaced:1 [Hits:0 Misses:4]
Access: 4  MISS Left  ->    [8, 2, 4] <- Right Replaced:7 [Hits:0 Misses:5]
Access: 4  HIT  Left  ->    [8, 2, 4] <- Right Replaced:- [Hits:1 Misses:5]

FINALSTATS hits 1   misses 5   hitrate 16.67

How each answer is found:

1. Access: 1: miss
   page 1 is not in memory []: a miss
   the cache holds 0 of 3 pages: no replacement
   memory [] -> [1]
   page 1's reference count is now 1 (1 for a page brought in, at most -b 1)

2. Access: 8: miss
   page 8 is not in memory [1]: a miss
   the cache holds 1 of 3 pages: no replacement
   memory [1] -> [1, 8]
   page 8's reference count is now 1 (1 for a page brought in, at most -b 1)

3. Access: 7: miss
   page 7 is not in memory [1, 8]: a miss
   the cache holds 2 of 3 pages: no replacement
   memory [1, 8] -> [1, 8, 7]
   page 7's reference count is now 1 (1 for a page brought in, at most -b 1)

4. Access: 2: miss
   page 2 is not in memory [1, 8, 7]: a miss
   the cache is full (3 pages): CLOCK chooses a page to replace
   probe position int(3 * random()) = 1: page 8, reference count 1, taken down by one: spared
   probe position int(3 * random()) = 2: page 7, reference count 1, taken down by one: spared
   probe position int(3 * random()) = 0: page 1, reference count 1, taken down by one: spared
   probe position int(3 * random()) = 0: page 1, reference count 0: the victim
   CLOCK replaces page 1, the first probed with no reference left
   memory [1, 8, 7] -> [8, 7, 2]
   page 2's reference count is now 1 (1 for a page brought in, at most -b 1)

5. Access: 4: miss
   page 4 is not in memory [8, 7, 2]: a miss
   the cache is full (3 pages): CLOCK chooses a page to replace
   probe position int(3 * random()) = 2: page 2, reference count 1, taken down by one: spared
   probe position int(3 * random()) = 1: page 7, reference count 0: the victim
   CLOCK replaces page 7, the first probed with no reference left
   memory [8, 7, 2] -> [8, 2, 4]
   page 4's reference count is now 1 (1 for a page brought in, at most -b 1)

6. Access: 4: hit
   page 4 is in memory [8, 2, 4]: a hit
   page 4's reference count is now 1 (one more, at most -b 1)
