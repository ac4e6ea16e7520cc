$ vmlab run --mmu segmentation tests/programs/poke.c
poke: writing at 0x40011000
vmlab: pid 1 (poke): segmentation violation: write at offset 0x11000 of the heap segment, beyond its limit 0x1000, at pc 0x66 (sb a5, 0(s1))
mechanism         segmentation: 32-bit addresses, the top 2 bits choose the segment, first fit; no TLB (pa = base + offset, offset < limit)
memory            0 blocks, 0 bytes used; 1 hole, 16.0 MiB free, the largest 16.0 MiB
external frag.    0.0% now (1 - largest hole / free bytes); nothing fit 0 times
code segments     0 in memory, 0 shared now; at most 0 shared at once (0 bytes not copied)
instructions      2508
translations      3542 (each relocated by the MMU's registers)
copied in memory  0 bytes (relocation, compaction, fork)
killed            1 (bounds or segment violations)
simulated time    0.489 ms
  pid name             instructions resident swapped   waited  ending
    1 poke                     2508        0       0    0.0 ms  signal 11
[139]
