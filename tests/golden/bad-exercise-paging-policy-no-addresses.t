$ vmlab exercise paging-policy -n 0 -c
ARG addresses -1
ARG addressfile 
ARG numaddrs 0
ARG policy FIFO
ARG clockbits 2
ARG cachesize 3
ARG maxpage 10
ARG seed 0
ARG notrace False

Solving...


paging-policy.py: ZeroDivisionError: float division by zero
[1]
