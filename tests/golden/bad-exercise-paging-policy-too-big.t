$ vmlab exercise paging-policy -a 1,99999999999999999999 -c
ARG addresses 1,99999999999999999999
ARG addressfile 
ARG numaddrs 10
ARG policy FIFO
ARG clockbits 2
ARG cachesize 3
ARG maxpage 10
ARG seed 0
ARG notrace False

Solving...

Access: 1  MISS FirstIn ->          [1] <- Lastin  Replaced:- [Hits:0 Misses:1]
vmlab: exercise: 99999999999999999999: integers beyond 64 bits are not simulated (paging-policy.py takes them)
[1]
