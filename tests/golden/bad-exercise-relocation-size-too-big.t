$ vmlab exercise relocation -a 9999999999999999k

ARG seed 0
ARG address space size 9999999999999999k
ARG phys mem size 16k

vmlab: exercise: 9999999999999999k: integers beyond 64 bits are not simulated (relocation.py takes them)
[1]
