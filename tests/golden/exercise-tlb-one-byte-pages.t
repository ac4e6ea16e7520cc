$ vmlab exercise tlb -P 1 -e 2 -w 1 -a 0,1,2,0xffffffffffffffff,1 -c
ARG seed 0
ARG entries 2
ARG ways 1
ARG policy lru
ARG pagesize 1
ARG addresses 0,1,2,0xffffffffffffffff,1
ARG numaddrs 10
ARG maxpage 32
ARG workingset 4
ARG locality 80
ARG levels 1

TLB: 2 entries, direct-mapped (2 sets of 1 way: a miss replaces the set's entry)
Pages of 1 byte: VPN = VA >> 0; set = VPN mod 2 (its low 1 bit), tag = VPN >> 1
Latency: a TLB lookup 1 ns, a memory reference 80 ns (DRAM); a miss also reads 1 page-table level from memory
A set is shown as [way 0 way 1 ...]: the VPN each way holds, - when empty; the TLB starts empty.

Virtual Address Trace
  VA  0: 0x0000000000000000 --> VPN 0x0000000000000000 set 0 MISS  [0x0000000000000000]
  VA  1: 0x0000000000000001 --> VPN 0x0000000000000001 set 1 MISS  [0x0000000000000001]
  VA  2: 0x0000000000000002 --> VPN 0x0000000000000002 set 0 MISS  [0x0000000000000002]  replaced 0x0000000000000000
  VA  3: 0xffffffffffffffff --> VPN 0xffffffffffffffff set 1 MISS  [0xffffffffffffffff]  replaced 0x0000000000000001
  VA  4: 0x0000000000000001 --> VPN 0x0000000000000001 set 1 MISS  [0x0000000000000001]  replaced 0xffffffffffffffff

FINALSTATS hits 0  misses 5  hit rate 0.00%  total 805 ns  EAT 161.00 ns
