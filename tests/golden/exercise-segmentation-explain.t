$ vmlab exercise segmentation -s 1 --explain
ARG seed 1
ARG address space size 1k
ARG phys mem size 16k

Segment register information:

  Segment 0 base  (grows positive) : 0x000030e1 (decimal 12513)
  Segment 0 limit                  : 290

  Segment 1 base  (grows negative) : 0x0000122b (decimal 4651)
  Segment 1 limit                  : 472

Virtual Address Trace
  VA  0: 0x000001fb (decimal:  507) --> SEGMENTATION VIOLATION (SEG0)
  VA  1: 0x000001cc (decimal:  460) --> SEGMENTATION VIOLATION (SEG0)
  VA  2: 0x0000029b (decimal:  667) --> VALID in SEG1: 0x000010c6 (decimal: 4294)
  VA  3: 0x00000327 (decimal:  807) --> VALID in SEG1: 0x00001152 (decimal: 4434)
  VA  4: 0x00000060 (decimal:   96) --> VALID in SEG0: 0x00003141 (decimal: 12609)

How each answer is found:

1. VA  0: 0x000001fb (decimal:  507): fault
   VA 0x000001fb in 10 bits, segment bit | offset: 0 | 111111011
   segment bit 0: segment 0, which grows positive; offset 0x1fb = 507
   limit check: offset 507 >= limit 290: out of bounds, a segmentation violation

2. VA  1: 0x000001cc (decimal:  460): fault
   VA 0x000001cc in 10 bits, segment bit | offset: 0 | 111001100
   segment bit 0: segment 0, which grows positive; offset 0x1cc = 460
   limit check: offset 460 >= limit 290: out of bounds, a segmentation violation

3. VA  2: 0x0000029b (decimal:  667): 0x10c6
   VA 0x0000029b in 10 bits, segment bit | offset: 1 | 010011011
   segment bit 1: segment 1, which grows negative; offset 0x9b = 155
   negative offset = offset - maximum segment size = 155 - 512 = -357
   limit check: |-357| = 357 <= limit 472, so the address is valid
   PA = base 1 + negative offset = 4651 + (-357) = 4294 (0x10c6)

4. VA  3: 0x00000327 (decimal:  807): 0x1152
   VA 0x00000327 in 10 bits, segment bit | offset: 1 | 100100111
   segment bit 1: segment 1, which grows negative; offset 0x127 = 295
   negative offset = offset - maximum segment size = 295 - 512 = -217
   limit check: |-217| = 217 <= limit 472, so the address is valid
   PA = base 1 + negative offset = 4651 + (-217) = 4434 (0x1152)

5. VA  4: 0x00000060 (decimal:   96): 0x3141
   VA 0x00000060 in 10 bits, segment bit | offset: 0 | 001100000
   segment bit 0: segment 0, which grows positive; offset 0x60 = 96
   limit check: offset 96 < limit 290, so the address is valid
   PA = base 0 + offset = 12513 + 96 = 12609 (0x3141)
