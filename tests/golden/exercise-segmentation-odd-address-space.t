$ vmlab exercise segmentation -c -a 7 -p 100 -s 1 -n 6
ARG seed 1
ARG address space size 7
ARG phys mem size 100

Segment register information:

  Segment 0 base  (grows positive) : 0x0000004c (decimal 76)
  Segment 0 limit                  : 1

  Segment 1 base  (grows negative) : 0x0000001c (decimal 28)
  Segment 1 limit                  : 3

Virtual Address Trace
  VA  0: 0x00000003 (decimal:    3) --> SEGMENTATION VIOLATION (SEG0)
  VA  1: 0x00000003 (decimal:    3) --> SEGMENTATION VIOLATION (SEG0)
  VA  2: 0x00000004 (decimal:    4) --> VALID in SEG1: 0x00000019 (decimal:   25)
  VA  3: 0x00000005 (decimal:    5) --> VALID in SEG1: 0x0000001a (decimal:   26)
  VA  4: 0x00000000 (decimal:    0) --> VALID in SEG0: 0x0000004c (decimal:   76)
  VA  5: 0x00000000 (decimal:    0) --> VALID in SEG0: 0x0000004c (decimal:   76)
