$ vmlab exercise paging-policy -a '1, ' -c
ARG addresses 1, 
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
paging-policy.py: ValueError: invalid literal for int() with base 10: ' '
[1]
