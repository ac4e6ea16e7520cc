$ vmlab run --mmu base-bounds --time 1500ms --show-va 0x5020 --show-mmu "examples/mem.c 0" "examples/mem.c 100"
(1) addr pointed to by p: 0x5020
(2) addr pointed to by p: 0x5020
(1) value of p: 1
(2) value of p: 101
vmlab: pid 1 (mem): va 0x5020 + base 0x0 = pa 0x5020 (bounds 0x100000)
vmlab: pid 1 (mem) at the end; its base-bounds registers:
  base 0x0  bounds 0x100000
vmlab: pid 2 (mem): va 0x5020 + base 0x100000 = pa 0x105020 (bounds 0x100000)
vmlab: pid 2 (mem) at the end; its base-bounds registers:
  base 0x100000  bounds 0x100000
vmlab: stopped by the limit after 1.500 s of virtual time
mechanism         base-bounds: address spaces of 1.0 MiB, first fit; no TLB (pa = base + va, va < bounds)
internal frag.    1.3 MiB of 2.0 MiB unused (66.8%) inside the 2 address spaces now in memory, between each heap's break and the room kept for its stack
memory            2 blocks, 2.0 MiB used; 1 hole, 14.0 MiB free, the largest 14.0 MiB
external frag.    0.0% now (1 - largest hole / free bytes); nothing fit 0 times
instructions      11302
translations      15692 (each relocated by the MMU's registers)
copied in memory  0 bytes (relocation, compaction, fork)
simulated time    1500.000 ms
  pid name             instructions resident swapped   waited  ending
    1 mem                      5585      256       0    0.0 ms  running
    2 mem                      5717      256       0    0.0 ms  running
[124]
