$ vmlab exercise paging-policy -C 0 -p CLOCK -c
ARG addresses -1
ARG addressfile 
ARG numaddrs 10
ARG policy CLOCK
ARG clockbits 2
ARG cachesize 0
ARG maxpage 10
ARG seed 0
ARG notrace False

Solving...

paging-policy.py: IndexError: list index out of range
[1]
