$ vmlab exercise segmentation -A 100 -b 100 -l 200 -B 250 -L 300 --check tests/data/exercise/segmentation-right.txt
vmlab: exercise segmentation: segment 1 would start at physical address -50 (segmentation.py allows it; vmlab's memory has no negative addresses)
ARG seed 0
ARG address space size 1k
ARG phys mem size 16k

Segment register information:

  Segment 0 base  (grows positive) : 0x00000064 (decimal 100)
  Segment 0 limit                  : 200

  Segment 1 base  (grows negative) : 0x000000fa (decimal 250)
  Segment 1 limit                  : 300

Virtual Address Trace
[1]
