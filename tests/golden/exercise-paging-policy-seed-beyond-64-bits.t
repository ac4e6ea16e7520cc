$ vmlab exercise paging-policy -s 123456789012345678901234567890 -n 5 -c
ARG addresses -1
ARG addressfile 
ARG numaddrs 5
ARG policy FIFO
ARG clockbits 2
ARG cachesize 3
ARG maxpage 10
ARG seed 123456789012345678901234567890
ARG notrace False

Solving...

Access: 7  MISS FirstIn ->          [7] <- Lastin  Replaced:- [Hits:0 Misses:1]
Access: 1  MISS FirstIn ->       [7, 1] <- Lastin  Replaced:- [Hits:0 Misses:2]
Access: 0  MISS FirstIn ->    [7, 1, 0] <- Lastin  Replaced:- [Hits:0 Misses:3]
Access: 2  MISS FirstIn ->    [1, 0, 2] <- Lastin  Replaced:7 [Hits:0 Misses:4]
Access: 8  MISS FirstIn ->    [0, 2, 8] <- Lastin  Replaced:1 [Hits:0 Misses:5]

FINALSTATS hits 0   misses 5   hitrate 0.00
