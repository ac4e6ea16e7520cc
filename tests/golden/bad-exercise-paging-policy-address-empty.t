$ vmlab exercise paging-policy -a 1,,2
ARG addresses 1,,2
ARG addressfile 
ARG numaddrs 10
ARG policy FIFO
ARG clockbits 2
ARG cachesize 3
ARG maxpage 10
ARG seed 0
ARG notrace False

Assuming a replacement policy of FIFO, and a cache of size 3 pages,
figure out whether each of the following page references hit or miss
in the page cache.

Access: 1  Hit/Miss?  State of Memory?
paging-policy.py: ValueError: invalid literal for int() with base 10: ''
[1]
