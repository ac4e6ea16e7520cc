$ vmlab run --mmu segmentation "tests/programs/poke.c 100"
poke: writing at 0x100
vmlab: pid 1 (poke): segmentation violation: write at offset 0x100 of the code segment, which is not writable, at pc 0x66 (sb a5, 0(s1))
mechanism         segmentation: 32-bit addresses, the top 2 bits choose the segment, first fit; no TLB (pa = base + offset, offset < limit)
memory            0 blocks, 0 bytes used; 1 hole, 16.0 MiB free, the largest 16.0 MiB
external frag.    0.0% now (1 - largest hole / free bytes); nothing fit 0 times
code segments     0 in memory, 0 shared now; at most 0 shared at once (0 bytes not copied)
instructions      2346
translations      3277 (each relocated by the MMU's registers)
copied in memory  0 bytes (relocation, compaction, fork)
killed            1 (bounds or segment violations)
simulated time    0.481 ms
  pid name             instructions resident swapped   waited  ending
    1 poke                     2346        0       0    0.0 ms  signal 11
[139]
