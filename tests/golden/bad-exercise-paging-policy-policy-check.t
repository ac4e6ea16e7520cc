$ vmlab exercise paging-policy -p NRU --check tests/data/exercise/paging-policy-lru-right.txt
vmlab: exercise paging-policy: no answers for policy NRU (paging-policy.py -c: "Policy NRU is not yet implemented"; it knows FIFO, LRU, MRU, OPT, UNOPT, RAND and CLOCK)
ARG addresses -1
ARG addressfile 
ARG numaddrs 10
ARG policy NRU
ARG clockbits 2
ARG cachesize 3
ARG maxpage 10
ARG seed 0
ARG notrace False

Assuming a replacement policy of NRU, and a cache of size 3 pages,
figure out whether each of the following page references hit or miss
in the page cache.

Access: 8  Hit/Miss?  State of Memory?
Access: 7  Hit/Miss?  State of Memory?
Access: 4  Hit/Miss?  State of Memory?
Access: 2  Hit/Miss?  State of Memory?
Access: 5  Hit/Miss?  State of Memory?
Access: 4  Hit/Miss?  State of Memory?
Access: 7  Hit/Miss?  State of Memory?
Access: 3  Hit/Miss?  State of Memory?
Access: 4  Hit/Miss?  State of Memory?
Access: 5  Hit/Miss?  State of Memory?
[1]
