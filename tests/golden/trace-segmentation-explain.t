$ vmlab trace --mmu segmentation -v tests/data/trace/bounds.txt
vmlab: pid 2: segmentation violation: write at offset 0x1000 of the code segment, which is not writable
vmlab: pid 1: segmentation violation: write at offset 0xffff8 of the code segment, beyond its limit 0x40000
pid 1 R 0x1000: va 0x1000: segment 0 (code), offset 0x1000 + base 0x0 = pa 0x1000 (limit 0x40000, r-x)
pid 2 W 0x1000: segmentation violation: write at offset 0x1000 of the code segment, which is not writable -> process killed
pid 1 W 0xffff8: segmentation violation: write at offset 0xffff8 of the code segment, beyond its limit 0x40000 -> process killed
mechanism         segmentation: 32-bit addresses, the top 2 bits choose the segment, first fit; no TLB (pa = base + offset, offset < limit)
memory            0 blocks, 0 bytes used; 1 hole, 16.0 MiB free, the largest 16.0 MiB
external frag.    0.0% now (1 - largest hole / free bytes), at worst 3.4% (14.8 MiB free, the largest hole 14.2 MiB); nothing fit 0 times
code segments     0 in memory, 0 shared now; at most 1 shared at once (256.0 KiB not copied)
references        3 (each relocated by the MMU's registers)
copied in memory  0 bytes (relocation, compaction, fork)
killed            2 (bounds or segment violations)
simulated time    0.002 ms
process  resident  swapped  faults
      1         0        0       0  killed
      2         0        0       0  killed
