$ vmlab exercise tlb -s 2 -n 5 -c
ARG seed 2
ARG entries 8
ARG ways 2
ARG policy lru
ARG pagesize 4k
ARG addresses -1
ARG numaddrs 5
ARG maxpage 32
ARG workingset 4
ARG locality 80
ARG levels 1

TLB: 8 entries, set associative (4 sets of 2 ways), lru replacement
Pages of 4096 bytes: VPN = VA >> 12; set = VPN mod 4 (its low 2 bits), tag = VPN >> 2
Latency: a TLB lookup 1 ns, a memory reference 80 ns (DRAM); a miss also reads 1 page-table level from memory
A set is shown as [way 0 way 1 ...]: the VPN each way holds, - when empty; the TLB starts empty.

Virtual Address Trace
  VA  0: 0x000024ee --> VPN 0x02 set 2 MISS  [0x02 -]
  VA  1: 0x0000294c --> VPN 0x02 set 2 HIT   [0x02 -]
  VA  2: 0x0000164b --> VPN 0x01 set 1 MISS  [0x01 -]
  VA  3: 0x0001af30 --> VPN 0x1a set 2 MISS  [0x02 0x1a]
  VA  4: 0x0000144a --> VPN 0x01 set 1 HIT   [0x01 -]

FINALSTATS hits 2  misses 3  hit rate 40.00%  total 645 ns  EAT 129.00 ns
