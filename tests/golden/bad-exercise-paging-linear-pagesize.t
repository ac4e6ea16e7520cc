$ vmlab exercise paging-linear -P 3k
ARG seed 0
ARG address space size 16k
ARG phys mem size 64k
ARG page size 3k
ARG verbose False
ARG addresses -1

Error in argument: address space must be a multiple of the pagesize
[1]
