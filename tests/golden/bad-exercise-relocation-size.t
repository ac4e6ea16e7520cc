$ vmlab exercise relocation -a 1x

ARG seed 0
ARG address space size 1x
ARG phys mem size 16k

relocation.py: ValueError: invalid literal for int() with base 10: '1x'
[1]
