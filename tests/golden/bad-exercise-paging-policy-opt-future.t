$ vmlab exercise paging-policy -a 1,2,3,4,5,x,1 -C 3 -p OPT -c
ARG addresses 1,2,3,4,5,x,1
ARG addressfile 
ARG numaddrs 10
ARG policy OPT
ARG clockbits 2
ARG cachesize 3
ARG maxpage 10
ARG seed 0
ARG notrace False

Solving...

Access: 1  MISS Left  ->          [1] <- Right Replaced:- [Hits:0 Misses:1]
Access: 2  MISS Left  ->       [1, 2] <- Right Replaced:- [Hits:0 Misses:2]
Access: 3  MISS Left  ->    [1, 2, 3] <- Right Replaced:- [Hits:0 Misses:3]
paging-policy.py: ValueError: invalid literal for int() with base 10: 'x'
[1]
