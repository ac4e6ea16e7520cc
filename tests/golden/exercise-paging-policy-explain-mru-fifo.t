$ vmlab exercise paging-policy -s 5 -p MRU -n 6 --explain && vmlab exercise paging-policy -s 5 -p FIFO -n 6 --explain
ARG addresses -1
ARG addressfile 
ARG numaddrs 6
ARG policy MRU
ARG clockbits 2
ARG cachesize 3
ARG maxpage 10
ARG seed 5
ARG notrace False

Solving...

Access: 6  MISS LRU ->          [6] <- MRU Replaced:- [Hits:0 Misses:1]
Access: 7  MISS LRU ->       [6, 7] <- MRU Replaced:- [Hits:0 Misses:2]
Access: 7  HIT  LRU ->       [6, 7] <- MRU Replaced:- [Hits:1 Misses:2]
Access: 9  MISS LRU ->    [6, 7, 9] <- MRU Replaced:- [Hits:1 Misses:3]
Access: 7  HIT  LRU ->    [6, 9, 7] <- MRU Replaced:- [Hits:2 Misses:3]
Access: 9  HIT  LRU ->    [6, 7, 9] <- MRU Replaced:- [Hits:3 Misses:3]

FINALSTATS hits 3   misses 3   hitrate 50.00

How each answer is found:

1. Access: 6: miss
   page 6 is not in memory []: a miss
   the cache holds 0 of 3 pages: no replacement
   memory [] -> [6]

2. Access: 7: miss
   page 7 is not in memory [6]: a miss
   the cache holds 1 of 3 pages: no replacement
   memory [6] -> [6, 7]

3. Access: 7: hit
   page 7 is in memory [6, 7]: a hit

4. Access: 9: miss
   page 9 is not in memory [6, 7]: a miss
   the cache holds 2 of 3 pages: no replacement
   memory [6, 7] -> [6, 7, 9]

5. Access: 7: hit
   page 7 is in memory [6, 7, 9]: a hit
   memory [6, 7, 9] -> [6, 9, 7]

6. Access: 9: hit
   page 9 is in memory [6, 9, 7]: a hit
   memory [6, 9, 7] -> [6, 7, 9]
ARG addresses -1
ARG addressfile 
ARG numaddrs 6
ARG policy FIFO
ARG clockbits 2
ARG cachesize 3
ARG maxpage 10
ARG seed 5
ARG notrace False

Solving...

Access: 6  MISS FirstIn ->          [6] <- Lastin  Replaced:- [Hits:0 Misses:1]
Access: 7  MISS FirstIn ->       [6, 7] <- Lastin  Replaced:- [Hits:0 Misses:2]
Access: 7  HIT  FirstIn ->       [6, 7] <- Lastin  Replaced:- [Hits:1 Misses:2]
Access: 9  MISS FirstIn ->    [6, 7, 9] <- Lastin  Replaced:- [Hits:1 Misses:3]
Access: 7  HIT  FirstIn ->    [6, 7, 9] <- Lastin  Replaced:- [Hits:2 Misses:3]
Access: 9  HIT  FirstIn ->    [6, 7, 9] <- Lastin  Replaced:- [Hits:3 Misses:3]

FINALSTATS hits 3   misses 3   hitrate 50.00

How each answer is found:

1. Access: 6: miss
   page 6 is not in memory []: a miss
   the cache holds 0 of 3 pages: no replacement
   memory [] -> [6]

2. Access: 7: miss
   page 7 is not in memory [6]: a miss
   the cache holds 1 of 3 pages: no replacement
   memory [6] -> [6, 7]

3. Access: 7: hit
   page 7 is in memory [6, 7]: a hit

4. Access: 9: miss
   page 9 is not in memory [6, 7]: a miss
   the cache holds 2 of 3 pages: no replacement
   memory [6, 7] -> [6, 7, 9]

5. Access: 7: hit
   page 7 is in memory [6, 7, 9]: a hit

6. Access: 9: hit
   page 9 is in memory [6, 7, 9]: a hit
