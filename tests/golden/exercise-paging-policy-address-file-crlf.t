$ vmlab exercise paging-policy -f tests/data/exercise/paging-policy-refs-crlf.txt -C 2 -N -c
ARG addresses -1
ARG addressfile tests/data/exercise/paging-policy-refs-crlf.txt
ARG numaddrs 10
ARG policy FIFO
ARG clockbits 2
ARG cachesize 2
ARG maxpage 10
ARG seed 0
ARG notrace True


FINALSTATS hits 0   misses 3   hitrate 0.00
