$ vmlab exercise tlb -P 16 -e 2 -w 2 -p lru -a 0x10,0x20,0x14,0x30,0x18 -c
ARG seed 0
ARG entries 2
ARG ways 2
ARG policy lru
ARG pagesize 16
ARG addresses 0x10,0x20,0x14,0x30,0x18
ARG numaddrs 10
ARG maxpage 32
ARG workingset 4
ARG locality 80
ARG levels 1

TLB: 2 entries, fully associative (one set of 2 ways), lru replacement
Pages of 16 bytes: VPN = VA >> 4
Latency: a TLB lookup 1 ns, a memory reference 80 ns (DRAM); a miss also reads 1 page-table level from memory
A set is shown as [way 0 way 1 ...]: the VPN each way holds, - when empty; the TLB starts empty.

Virtual Address Trace
  VA  0: 0x00000010 --> VPN 0x1 set 0 MISS  [0x1 -]
  VA  1: 0x00000020 --> VPN 0x2 set 0 MISS  [0x1 0x2]
  VA  2: 0x00000014 --> VPN 0x1 set 0 HIT   [0x1 0x2]
  VA  3: 0x00000030 --> VPN 0x3 set 0 MISS  [0x1 0x3]  replaced 0x2
  VA  4: 0x00000018 --> VPN 0x1 set 0 HIT   [0x1 0x3]

FINALSTATS hits 2  misses 3  hit rate 40.00%  total 645 ns  EAT 129.00 ns
