$ vmlab exercise tlb -s 1 -c
ARG seed 1
ARG entries 8
ARG ways 2
ARG policy lru
ARG pagesize 4k
ARG addresses -1
ARG numaddrs 10
ARG maxpage 32
ARG workingset 4
ARG locality 80
ARG levels 1

TLB: 8 entries, set associative (4 sets of 2 ways), lru replacement
Pages of 4096 bytes: VPN = VA >> 12; set = VPN mod 4 (its low 2 bits), tag = VPN >> 2
Latency: a TLB lookup 1 ns, a memory reference 80 ns (DRAM); a miss also reads 1 page-table level from memory
A set is shown as [way 0 way 1 ...]: the VPN each way holds, - when empty; the TLB starts empty.

Virtual Address Trace
  VA  0: 0x0001ba6c --> VPN 0x1b set 3 MISS  [0x1b -]
  VA  1: 0x00004074 --> VPN 0x04 set 0 MISS  [0x04 -]
  VA  2: 0x0000d008 --> VPN 0x0d set 1 MISS  [0x0d -]
  VA  3: 0x000183a9 --> VPN 0x18 set 0 MISS  [0x04 0x18]
  VA  4: 0x0001c068 --> VPN 0x1c set 0 MISS  [0x1c 0x18]  replaced 0x04
  VA  5: 0x0000d619 --> VPN 0x0d set 1 HIT   [0x0d -]
  VA  6: 0x0001b076 --> VPN 0x1b set 3 HIT   [0x1b -]
  VA  7: 0x0001b7ee --> VPN 0x1b set 3 HIT   [0x1b -]
  VA  8: 0x0001c380 --> VPN 0x1c set 0 HIT   [0x1c 0x18]
  VA  9: 0x0001b058 --> VPN 0x1b set 3 HIT   [0x1b -]

FINALSTATS hits 5  misses 5  hit rate 50.00%  total 1210 ns  EAT 121.00 ns
