$ vmlab exercise tlb -s1 --entries=4 -w2 --pol=FIFO --page 1k -n 3 -c
ARG seed 1
ARG entries 4
ARG ways 2
ARG policy FIFO
ARG pagesize 1k
ARG addresses -1
ARG numaddrs 3
ARG maxpage 32
ARG workingset 4
ARG locality 80
ARG levels 1

TLB: 4 entries, set associative (2 sets of 2 ways), fifo replacement
Pages of 1024 bytes: VPN = VA >> 10; set = VPN mod 2 (its low 1 bit), tag = VPN >> 1
Latency: a TLB lookup 1 ns, a memory reference 80 ns (DRAM); a miss also reads 1 page-table level from memory
A set is shown as [way 0 way 1 ...]: the VPN each way holds, - when empty; the TLB starts empty.

Virtual Address Trace
  VA  0: 0x00006e9b --> VPN 0x1b set 1 MISS  [0x1b -]
  VA  1: 0x0000101d --> VPN 0x04 set 0 MISS  [0x04 -]
  VA  2: 0x00003402 --> VPN 0x0d set 1 MISS  [0x1b 0x0d]

FINALSTATS hits 0  misses 3  hit rate 0.00%  total 483 ns  EAT 161.00 ns
