$ vmlab run --mmu base-bounds --as-size 64k "tests/programs/poke.c 10000"
poke: writing at 0x10000
vmlab: pid 1 (poke): bounds violation: write at va 0x10000, not below the bounds 0x10000, at pc 0x66 (sb a5, 0(s1))
mechanism         base-bounds: address spaces of 64.0 KiB, first fit; no TLB (pa = base + va, va < bounds)
internal frag.    at most 32.0 KiB of 64.0 KiB unused (50.0%) inside the 1 address space then in memory, between each heap's break and the room kept for its stack
memory            0 blocks, 0 bytes used; 1 hole, 16.0 MiB free, the largest 16.0 MiB
external frag.    0.0% now (1 - largest hole / free bytes); nothing fit 0 times
instructions      2478
translations      3463 (each relocated by the MMU's registers)
copied in memory  0 bytes (relocation, compaction, fork)
killed            1 (bounds or segment violations)
simulated time    0.386 ms
  pid name             instructions resident swapped   waited  ending
    1 poke                     2478        0       0    0.0 ms  signal 11
[139]
