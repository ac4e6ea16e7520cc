$ vmlab exercise tlb -P 16 -e 2 -w 2 -p fifo -a 0x10,0x20,0x14,0x30,0x18 --explain
ARG seed 0
ARG entries 2
ARG ways 2
ARG policy fifo
ARG pagesize 16
ARG addresses 0x10,0x20,0x14,0x30,0x18
ARG numaddrs 10
ARG maxpage 32
ARG workingset 4
ARG locality 80
ARG levels 1

TLB: 2 entries, fully associative (one set of 2 ways), fifo replacement
Pages of 16 bytes: VPN = VA >> 4
Latency: a TLB lookup 1 ns, a memory reference 80 ns (DRAM); a miss also reads 1 page-table level from memory
A set is shown as [way 0 way 1 ...]: the VPN each way holds, - when empty; the TLB starts empty.

Virtual Address Trace
  VA  0: 0x00000010 --> VPN 0x1 set 0 MISS  [0x1 -]
  VA  1: 0x00000020 --> VPN 0x2 set 0 MISS  [0x1 0x2]
  VA  2: 0x00000014 --> VPN 0x1 set 0 HIT   [0x1 0x2]
  VA  3: 0x00000030 --> VPN 0x3 set 0 MISS  [0x3 0x2]  replaced 0x1
  VA  4: 0x00000018 --> VPN 0x1 set 0 MISS  [0x3 0x1]  replaced 0x2

FINALSTATS hits 1  misses 4  hit rate 20.00%  total 725 ns  EAT 145.00 ns

How each answer is found:

1. VA  0: 0x00000010: miss
   VA 0x00000010: VPN = VA >> 4 = 0x1, offset 0x0
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [- -]
   miss: no way of set 0 holds VPN 0x1; the page walk's translation is inserted
   set 0 has an empty way: the lowest, way 0, is filled; nothing is replaced
   set 0 after: [0x1 -]

2. VA  1: 0x00000020: miss
   VA 0x00000020: VPN = VA >> 4 = 0x2, offset 0x0
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x1 -]
   miss: no way of set 0 holds VPN 0x2; the page walk's translation is inserted
   set 0 has an empty way: the lowest, way 1, is filled; nothing is replaced
   set 0 after: [0x1 0x2]

3. VA  2: 0x00000014: hit
   VA 0x00000014: VPN = VA >> 4 = 0x1, offset 0x4
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x1 0x2]
   hit: way 0 holds VPN 0x1
   fifo: a hit leaves the order of filling as it is (way 0 was filled at access 0)
   set 0 after: [0x1 0x2]

4. VA  3: 0x00000030: miss
   VA 0x00000030: VPN = VA >> 4 = 0x3, offset 0x0
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x1 0x2]
   miss: no way of set 0 holds VPN 0x3; the page walk's translation is inserted
   fifo: set 0 is full; the fills: way 0 (VPN 0x1) at access 0, way 1 (VPN 0x2) at access 1
   the first filled is way 0 (VPN 0x1): it is replaced
   set 0 after: [0x3 0x2]

5. VA  4: 0x00000018: miss
   VA 0x00000018: VPN = VA >> 4 = 0x1, offset 0x8
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x3 0x2]
   miss: no way of set 0 holds VPN 0x1; the page walk's translation is inserted
   fifo: set 0 is full; the fills: way 0 (VPN 0x3) at access 3, way 1 (VPN 0x2) at access 1
   the first filled is way 1 (VPN 0x2): it is replaced
   set 0 after: [0x3 0x1]

6. hits: 1
   1 of the 5 accesses hit: hit rate 1 / 5 = 20.00%

7. misses: 4
   4 of the 5 accesses missed

8. total time (ns): 725
   every access: a TLB lookup (1 ns) and its memory reference (80 ns): 5 x 81 = 405 ns
   every miss: 1 page-table read (80 ns each): 4 x 1 x 80 = 320 ns
   total 725 ns; effective access time = 725 / 5 = 145.00 ns
