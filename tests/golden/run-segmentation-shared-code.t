$ vmlab run --mmu segmentation --show-mmu tests/programs/hello.c tests/programs/hello.c
(no argument): pid 1
vmlab: pid 1 (hello) exits; its segmentation registers:
  code   base 0x00000000  limit 0x003000  r-x  grows up  (shared by 2 processes)
  heap   base 0x00003000  limit 0x001000  rw-  grows up
  unused (none)
  stack  base 0x00024000  limit 0x020000  rw-  grows down
(no argument): pid 2
vmlab: pid 2 (hello) exits; its segmentation registers:
  code   base 0x00000000  limit 0x003000  r-x  grows up
  heap   base 0x00024000  limit 0x001000  rw-  grows up
  unused (none)
  stack  base 0x00045000  limit 0x020000  rw-  grows down
mechanism         segmentation: 32-bit addresses, the top 2 bits choose the segment, first fit; no TLB (pa = base + offset, offset < limit)
memory            0 blocks, 0 bytes used; 1 hole, 16.0 MiB free, the largest 16.0 MiB
external frag.    0.0% now (1 - largest hole / free bytes), at worst 0.8% (15.9 MiB free, the largest hole 15.7 MiB); nothing fit 0 times
code segments     0 in memory, 0 shared now; at most 1 shared at once (12.0 KiB not copied)
instructions      4716
translations      6542 (each relocated by the MMU's registers)
copied in memory  0 bytes (relocation, compaction, fork)
simulated time    0.657 ms
  pid name             instructions resident swapped   waited  ending
    1 hello                    2358        0       0    0.0 ms  exit 0
    2 hello                    2358        0       0    0.0 ms  exit 0
