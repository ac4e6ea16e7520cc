$ vmlab trace --mmu partition --partitions 1 --swap-processes tests/data/trace/bounds.txt
mechanism         partition: 1 fixed partition of 16.0 MiB; no TLB (pa = base + va, va < size)
partitions        1 taken of 1; a program found none free 5 times
references        6 (each relocated by the MMU's registers)
process swaps     5 out, 4 in (20480 / 16384 pages)
copied in memory  0 bytes (relocation, compaction, fork)
simulated time    3686.400 ms
process  resident  swapped  faults
      1         0     4096       0
      2      4096        0       0
