$ vmlab exercise relocation -s 0x1_0000_0000_0000_0000_0 -n 1 -c

ARG seed 295147905179352825856
ARG address space size 1k
ARG phys mem size 16k

Base-and-Bounds register information:

  Base   : 0x000011c4 (decimal 4548)
  Limit  : 306

Virtual Address Trace
  VA  0: 0x000000ec (decimal:  236) --> VALID: 0x000012b0 (decimal: 4784)
