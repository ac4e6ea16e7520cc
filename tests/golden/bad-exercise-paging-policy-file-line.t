$ vmlab exercise paging-policy -f tests/data/exercise/paging-policy-refs-bad.txt
ARG addresses -1
ARG addressfile tests/data/exercise/paging-policy-refs-bad.txt
ARG numaddrs 10
ARG policy FIFO
ARG clockbits 2
ARG cachesize 3
ARG maxpage 10
ARG seed 0
ARG notrace False

paging-policy.py: ValueError: invalid literal for int() with base 10: 'four\n'
[1]
