$ printf '1 W 0x1000 8\n1 R 0x1ffc 8\n2 R 0x1000\n1 R 0x1008\n' | vmlab trace --frames 2 --policy fifo -v
pid 1 W 0x1000: vpn 0x1 offset 0x0 | TLB miss | fault: not present (invalid PTE at level 2) -> demand-zero (new region), frame 0 | walk 4 refs | pa 0x0
pid 1 R 0x1ffc: vpn 0x1 offset 0xffc | TLB hit | walk 0 refs | pa 0xffc
pid 1 R 0x2000: vpn 0x2 offset 0x0 | TLB miss | fault: not present (invalid PTE at level 0) -> demand-zero, frame 1 | walk 6 refs | pa 0x1000
pid 2 R 0x1000: vpn 0x1 offset 0x0 | TLB miss | fault: not present (invalid PTE at level 2) -> demand-zero (new region), frame 0, evicting pid 1 va 0x1000 (written to swap) | walk 4 refs | pa 0x0
pid 1 R 0x1008: vpn 0x1 offset 0x8 | TLB miss | fault: not present (invalid PTE at level 0) -> read from swap, frame 1, evicting pid 1 va 0x2000 (clean, dropped) | walk 6 refs | pa 0x1008
references        5
TLB hits          1 (20.0%)
TLB misses        4
page-walk refs    20
page faults       4 (3 minor, 1 major)
evictions         2 (1 dirty written back)
swap ins / outs   1 / 1
TLB shootdowns    2
page-table frames 8 (at most 8)
simulated time    0.206 ms (effective access time 41201.8 ns)
process  resident  swapped  faults
      1         1        0       3
      2         1        0       1
