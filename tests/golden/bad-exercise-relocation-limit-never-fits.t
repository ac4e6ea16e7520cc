$ vmlab exercise relocation -l 20000

ARG seed 0
ARG address space size 1k
ARG phys mem size 16k

vmlab: exercise relocation: the limit (20000) is not below the physical memory size (16384): no base fits (relocation.py would look for one forever)
[1]
