$ vmlab exercise paging-linear -P 0
ARG seed 0
ARG address space size 16k
ARG phys mem size 64k
ARG page size 0
ARG verbose False
ARG addresses -1

paging-linear-translate.py: ZeroDivisionError: float division by zero
[1]
