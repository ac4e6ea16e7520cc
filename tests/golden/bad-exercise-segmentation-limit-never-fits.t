$ vmlab exercise segmentation -l 20000
ARG seed 0
ARG address space size 1k
ARG phys mem size 16k

vmlab: exercise segmentation: no segment 0 base fits a segment of 20000 bytes in 16384 bytes of physical memory (segmentation.py would look for one forever)
[1]
