$ vmlab exercise paging-policy -s 3 -p CLOCK -N -c -n 50 -C 5 -b 3
ARG addresses -1
ARG addressfile 
ARG numaddrs 50
ARG policy CLOCK
ARG clockbits 3
ARG cachesize 5
ARG maxpage 10
ARG seed 3
ARG notrace True


FINALSTATS hits 22   misses 28   hitrate 44.00
