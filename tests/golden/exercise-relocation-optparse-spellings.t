$ vmlab exercise relocation -s 010 -cn2; vmlab exercise relocation --se=3 -n 1 --comp

ARG seed 8
ARG address space size 1k
ARG phys mem size 16k

Base-and-Bounds register information:

  Base   : 0x00003d96 (decimal 15766)
  Limit  : 314

Virtual Address Trace
  VA  0: 0x00000081 (decimal:  129) --> VALID: 0x00003e17 (decimal: 15895)
  VA  1: 0x000002d1 (decimal:  721) --> SEGMENTATION VIOLATION


ARG seed 3
ARG address space size 1k
ARG phys mem size 16k

Base-and-Bounds register information:

  Base   : 0x000022d4 (decimal 8916)
  Limit  : 316

Virtual Address Trace
  VA  0: 0x0000017a (decimal:  378) --> SEGMENTATION VIOLATION
