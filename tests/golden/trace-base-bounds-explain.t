$ vmlab trace --mmu base-bounds -v tests/data/trace/bounds.txt
vmlab: pid 2: bounds violation: read at va 0x100000, not below the bounds 0x100000
pid 1 R 0x1000: va 0x1000 + base 0x0 = pa 0x1000 (bounds 0x100000)
pid 2 W 0x1000: va 0x1000 + base 0x100000 = pa 0x101000 (bounds 0x100000)
pid 1 W 0xffff8: va 0xffff8 + base 0x0 = pa 0xffff8 (bounds 0x100000)
pid 2 R 0x100000: bounds violation: read at va 0x100000, not below the bounds 0x100000 -> process killed
pid 1 R 0x2000: va 0x2000 + base 0x0 = pa 0x2000 (bounds 0x100000)
mechanism         base-bounds: address spaces of 1.0 MiB, first fit; no TLB (pa = base + va, va < bounds)
memory            1 block, 1.0 MiB used; 1 hole, 15.0 MiB free, the largest 15.0 MiB
external frag.    0.0% now (1 - largest hole / free bytes); nothing fit 0 times
references        5 (each relocated by the MMU's registers)
copied in memory  0 bytes (relocation, compaction, fork)
killed            1 (bounds or segment violations)
simulated time    0.001 ms
process  resident  swapped  faults
      1       256        0       0
      2         0        0       0  killed
