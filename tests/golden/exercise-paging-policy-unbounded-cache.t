$ vmlab exercise paging-policy -C -1 -a 1,2,1,3 -c
ARG addresses 1,2,1,3
ARG addressfile 
ARG numaddrs 10
ARG policy FIFO
ARG clockbits 2
ARG cachesize -1
ARG maxpage 10
ARG seed 0
ARG notrace False

Solving...

Access: 1  MISS FirstIn ->          [1] <- Lastin  Replaced:- [Hits:0 Misses:1]
Access: 2  MISS FirstIn ->       [1, 2] <- Lastin  Replaced:- [Hits:0 Misses:2]
Access: 1  HIT  FirstIn ->       [1, 2] <- Lastin  Replaced:- [Hits:1 Misses:2]
Access: 3  MISS FirstIn ->    [1, 2, 3] <- Lastin  Replaced:- [Hits:1 Misses:3]

FINALSTATS hits 1   misses 3   hitrate 25.00
