$ vmlab exercise relocation -a ''

ARG seed 0
ARG address space size 
ARG phys mem size 16k

relocation.py: IndexError: string index out of range
[1]
