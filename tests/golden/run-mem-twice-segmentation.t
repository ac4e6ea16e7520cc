$ vmlab run --mmu segmentation --time 1500ms --show-va 0x40001020 --show-mmu "examples/mem.c 0" "examples/mem.c 100"
(1) addr pointed to by p: 0x40001020
(2) addr pointed to by p: 0x40001020
(1) value of p: 1
(2) value of p: 101
vmlab: pid 1 (mem): va 0x40001020: segment 1 (heap), offset 0x1020 + base 0x46000 = pa 0x47020 (limit 0x11000, rw-)
vmlab: pid 1 (mem) at the end; its segmentation registers:
  code   base 0x00000000  limit 0x004000  r-x  grows up  (shared by 2 processes)
  heap   base 0x00046000  limit 0x011000  rw-  grows up
  unused (none)
  stack  base 0x00025000  limit 0x020000  rw-  grows down
vmlab: pid 2 (mem): va 0x40001020: segment 1 (heap), offset 0x1020 + base 0x57000 = pa 0x58020 (limit 0x11000, rw-)
vmlab: pid 2 (mem) at the end; its segmentation registers:
  code   base 0x00000000  limit 0x004000  r-x  grows up  (shared by 2 processes)
  heap   base 0x00057000  limit 0x011000  rw-  grows up
  unused (none)
  stack  base 0x00046000  limit 0x020000  rw-  grows down
vmlab: stopped by the limit after 1.500 s of virtual time
mechanism         segmentation: 32-bit addresses, the top 2 bits choose the segment, first fit; no TLB (pa = base + offset, offset < limit)
memory            5 blocks, 408.0 KiB used; 3 holes, 15.6 MiB free, the largest 15.6 MiB
external frag.    0.1% now (1 - largest hole / free bytes), at worst 0.1% (15.6 MiB free, the largest hole 15.6 MiB); nothing fit 0 times
segments moved    2 (heaps that grew into a neighbour; 8.0 KiB copied)
code segments     1 in memory, 1 shared now; at most 1 shared at once (16.0 KiB not copied)
instructions      11710
translations      16292 (each relocated by the MMU's registers)
copied in memory  8.0 KiB (relocation, compaction, fork)
simulated time    1500.000 ms
  pid name             instructions resident swapped   waited  ending
    1 mem                      5789       53       0    0.0 ms  running
    2 mem                      5921       53       0    0.0 ms  running
[124]
