$ vmlab exercise paging-policy -f tests/data/exercise/paging-policy-refs.txt -C 2 -c
ARG addresses -1
ARG addressfile tests/data/exercise/paging-policy-refs.txt
ARG numaddrs 10
ARG policy FIFO
ARG clockbits 2
ARG cachesize 2
ARG maxpage 10
ARG seed 0
ARG notrace False

Solving...

Access: 3  MISS FirstIn ->          [3] <- Lastin  Replaced:- [Hits:0 Misses:1]
Access: 4  MISS FirstIn ->       [3, 4] <- Lastin  Replaced:- [Hits:0 Misses:2]
Access: 50  MISS FirstIn ->      [4, 50] <- Lastin  Replaced:3 [Hits:0 Misses:3]
Access: 3  MISS FirstIn ->      [50, 3] <- Lastin  Replaced:4 [Hits:0 Misses:4]
Access: -2  MISS FirstIn ->      [3, -2] <- Lastin  Replaced:50 [Hits:0 Misses:5]

FINALSTATS hits 0   misses 5   hitrate 0.00
