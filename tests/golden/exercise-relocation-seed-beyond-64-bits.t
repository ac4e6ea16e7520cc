$ vmlab exercise relocation -s 123456789012345678901234567890 -n 2 -c

ARG seed 123456789012345678901234567890
ARG address space size 1k
ARG phys mem size 16k

Base-and-Bounds register information:

  Base   : 0x00000a35 (decimal 2613)
  Limit  : 442

Virtual Address Trace
  VA  0: 0x0000000c (decimal:   12) --> VALID: 0x00000a41 (decimal: 2625)
  VA  1: 0x00000113 (decimal:  275) --> VALID: 0x00000b48 (decimal: 2888)
