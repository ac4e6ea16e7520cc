$ vmlab exercise relocation -s 1 --explain

ARG seed 1
ARG address space size 1k
ARG phys mem size 16k

Base-and-Bounds register information:

  Base   : 0x0000363c (decimal 13884)
  Limit  : 290

Virtual Address Trace
  VA  0: 0x0000030e (decimal:  782) --> SEGMENTATION VIOLATION
  VA  1: 0x00000105 (decimal:  261) --> VALID: 0x00003741 (decimal: 14145)
  VA  2: 0x000001fb (decimal:  507) --> SEGMENTATION VIOLATION
  VA  3: 0x000001cc (decimal:  460) --> SEGMENTATION VIOLATION
  VA  4: 0x0000029b (decimal:  667) --> SEGMENTATION VIOLATION

How each answer is found:

1. VA  0: 0x0000030e (decimal:  782): fault
   bounds check: VA 782 >= limit 290: out of bounds, a segmentation violation

2. VA  1: 0x00000105 (decimal:  261): 0x3741
   bounds check: VA 261 < limit 290, so the address is valid
   PA = base + VA = 13884 + 261 = 14145 (0x3741)

3. VA  2: 0x000001fb (decimal:  507): fault
   bounds check: VA 507 >= limit 290: out of bounds, a segmentation violation

4. VA  3: 0x000001cc (decimal:  460): fault
   bounds check: VA 460 >= limit 290: out of bounds, a segmentation violation

5. VA  4: 0x0000029b (decimal:  667): fault
   bounds check: VA 667 >= limit 290: out of bounds, a segmentation violation
