$ vmlab exercise paging-policy -p NRU -c
ARG addresses -1
ARG addressfile 
ARG numaddrs 10
ARG policy NRU
ARG clockbits 2
ARG cachesize 3
ARG maxpage 10
ARG seed 0
ARG notrace False

Solving...

Policy NRU is not yet implemented
[1]
