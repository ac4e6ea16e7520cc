$ vmlab exercise segmentation -c -A 5,x
ARG seed 0
ARG address space size 1k
ARG phys mem size 16k

Segment register information:

  Segment 0 base  (grows positive) : 0x00001aea (decimal 6890)
  Segment 0 limit                  : 472

  Segment 1 base  (grows negative) : 0x00001254 (decimal 4692)
  Segment 1 limit                  : 450

Virtual Address Trace
  VA  0: 0x00000005 (decimal:    5) --> VALID in SEG0: 0x00001aef (decimal: 6895)
segmentation.py: ValueError: invalid literal for int() with base 10: 'x'
[1]
