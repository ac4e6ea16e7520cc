$ vmlab exercise relocation -a xk

ARG seed 0
ARG address space size xk
ARG phys mem size 16k

relocation.py: ValueError: invalid literal for int() with base 10: 'x'
[1]
