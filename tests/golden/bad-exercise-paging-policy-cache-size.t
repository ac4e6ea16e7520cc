$ vmlab exercise paging-policy -C 3k
ARG addresses -1
ARG addressfile 
ARG numaddrs 10
ARG policy FIFO
ARG clockbits 2
ARG cachesize 3k
ARG maxpage 10
ARG seed 0
ARG notrace False

paging-policy.py: ValueError: invalid literal for int() with base 10: '3k'
[1]
