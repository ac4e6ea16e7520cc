$ vmlab exercise paging-policy -f /nonexistent/refs.txt -c
ARG addresses -1
ARG addressfile /nonexistent/refs.txt
ARG numaddrs 10
ARG policy FIFO
ARG clockbits 2
ARG cachesize 3
ARG maxpage 10
ARG seed 0
ARG notrace False

paging-policy.py: FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent/refs.txt'
[1]
