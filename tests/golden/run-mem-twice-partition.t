$ vmlab run --mmu partition --time 1500ms --show-va 0x5020 --show-mmu "examples/mem.c 0" "examples/mem.c 100"
(1) addr pointed to by p: 0x5020
(2) addr pointed to by p: 0x5020
(1) value of p: 1
(2) value of p: 101
vmlab: pid 1 (mem): va 0x5020 + base 0x0 = pa 0x5020 (partition 0, size 0x200000)
vmlab: pid 1 (mem) at the end; its partition registers:
  partition 0: base 0x0  size 0x200000
vmlab: pid 2 (mem): va 0x5020 + base 0x200000 = pa 0x205020 (partition 1, size 0x200000)
vmlab: pid 2 (mem) at the end; its partition registers:
  partition 1: base 0x200000  size 0x200000
vmlab: stopped by the limit after 1.500 s of virtual time
mechanism         partition: 8 fixed partitions of 2.0 MiB; no TLB (pa = base + va, va < size)
partitions        2 taken of 8; a program found none free 0 times
internal frag.    2.8 MiB of 4.0 MiB unused (70.9%) inside the 2 address spaces now in memory, between each heap's break and the room kept for its stack
instructions      11302
translations      15692 (each relocated by the MMU's registers)
copied in memory  0 bytes (relocation, compaction, fork)
simulated time    1500.000 ms
  pid name             instructions resident swapped   waited  ending
    1 mem                      5585      512       0    0.0 ms  running
    2 mem                      5717      512       0    0.0 ms  running
[124]
