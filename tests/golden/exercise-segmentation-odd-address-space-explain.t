$ vmlab exercise segmentation -a 7 -p 100 -s 1 -n 6 --explain
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

How each answer is found:

1. VA  0: 0x00000003 (decimal:    3): fault
   VA 0x00000003 in 3 bits, segment bit | offset: 0 | 11
   segment bit 0: segment 0, which grows positive; offset 0x3 = 3
   limit check: offset 3 >= limit 1: out of bounds, a segmentation violation

2. VA  1: 0x00000003 (decimal:    3): fault
   VA 0x00000003 in 3 bits, segment bit | offset: 0 | 11
   segment bit 0: segment 0, which grows positive; offset 0x3 = 3
   limit check: offset 3 >= limit 1: out of bounds, a segmentation violation

3. VA  2: 0x00000004 (decimal:    4): 0x19
   the address space (7 bytes) is not a power of two: the machine's has 2^3, its upper half at the top, so VA 4 is its address 4 + 8 - 7 = 5
   its address 0x00000005 in 3 bits, segment bit | offset: 1 | 01
   segment bit 1: segment 1, which grows negative; offset 0x1 = 1
   negative offset = offset - maximum segment size = 1 - 4 = -3
   limit check: |-3| = 3 <= limit 3, so the address is valid
   PA = base 1 + negative offset = 28 + (-3) = 25 (0x19)

4. VA  3: 0x00000005 (decimal:    5): 0x1a
   the address space (7 bytes) is not a power of two: the machine's has 2^3, its upper half at the top, so VA 5 is its address 5 + 8 - 7 = 6
   its address 0x00000006 in 3 bits, segment bit | offset: 1 | 10
   segment bit 1: segment 1, which grows negative; offset 0x2 = 2
   negative offset = offset - maximum segment size = 2 - 4 = -2
   limit check: |-2| = 2 <= limit 3, so the address is valid
   PA = base 1 + negative offset = 28 + (-2) = 26 (0x1a)

5. VA  4: 0x00000000 (decimal:    0): 0x4c
   VA 0x00000000 in 3 bits, segment bit | offset: 0 | 00
   segment bit 0: segment 0, which grows positive; offset 0x0 = 0
   limit check: offset 0 < limit 1, so the address is valid
   PA = base 0 + offset = 76 + 0 = 76 (0x4c)

6. VA  5: 0x00000000 (decimal:    0): 0x4c
   VA 0x00000000 in 3 bits, segment bit | offset: 0 | 00
   segment bit 0: segment 0, which grows positive; offset 0x0 = 0
   limit check: offset 0 < limit 1, so the address is valid
   PA = base 0 + offset = 76 + 0 = 76 (0x4c)
