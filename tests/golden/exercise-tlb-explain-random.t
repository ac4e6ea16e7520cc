$ vmlab exercise tlb -s 5 -e 4 -w 4 -p random -m 16 -W 6 -n 12 --explain
ARG seed 5
ARG entries 4
ARG ways 4
ARG policy random
ARG pagesize 4k
ARG addresses -1
ARG numaddrs 12
ARG maxpage 16
ARG workingset 6
ARG locality 80
ARG levels 1

TLB: 4 entries, fully associative (one set of 4 ways), random replacement
Pages of 4096 bytes: VPN = VA >> 12
Latency: a TLB lookup 1 ns, a memory reference 80 ns (DRAM); a miss also reads 1 page-table level from memory
A set is shown as [way 0 way 1 ...]: the VPN each way holds, - when empty; the TLB starts empty.

Virtual Address Trace
  VA  0: 0x00000a62 --> VPN 0x0 set 0 MISS  [0x0 - - -]
  VA  1: 0x000013f1 --> VPN 0x1 set 0 MISS  [0x0 0x1 - -]
  VA  2: 0x0000f035 --> VPN 0xf set 0 MISS  [0x0 0x1 0xf -]
  VA  3: 0x0000bea9 --> VPN 0xb set 0 MISS  [0x0 0x1 0xf 0xb]
  VA  4: 0x00009cc1 --> VPN 0x9 set 0 MISS  [0x0 0x9 0xf 0xb]  replaced 0x1
  VA  5: 0x0000f206 --> VPN 0xf set 0 HIT   [0x0 0x9 0xf 0xb]
  VA  6: 0x00000359 --> VPN 0x0 set 0 HIT   [0x0 0x9 0xf 0xb]
  VA  7: 0x00000df5 --> VPN 0x0 set 0 HIT   [0x0 0x9 0xf 0xb]
  VA  8: 0x000008a0 --> VPN 0x0 set 0 HIT   [0x0 0x9 0xf 0xb]
  VA  9: 0x0000bf0e --> VPN 0xb set 0 HIT   [0x0 0x9 0xf 0xb]
  VA 10: 0x00000e4c --> VPN 0x0 set 0 HIT   [0x0 0x9 0xf 0xb]
  VA 11: 0x000012a7 --> VPN 0x1 set 0 MISS  [0x1 0x9 0xf 0xb]  replaced 0x0

FINALSTATS hits 6  misses 6  hit rate 50.00%  total 1452 ns  EAT 121.00 ns

How each answer is found:

1. VA  0: 0x00000a62: miss
   VA 0x00000a62: VPN = VA >> 12 = 0x0, offset 0xa62
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [- - - -]
   miss: no way of set 0 holds VPN 0x0; the page walk's translation is inserted
   set 0 has an empty way: the lowest, way 0, is filled; nothing is replaced
   set 0 after: [0x0 - - -]

2. VA  1: 0x000013f1: miss
   VA 0x000013f1: VPN = VA >> 12 = 0x1, offset 0x3f1
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 - - -]
   miss: no way of set 0 holds VPN 0x1; the page walk's translation is inserted
   set 0 has an empty way: the lowest, way 1, is filled; nothing is replaced
   set 0 after: [0x0 0x1 - -]

3. VA  2: 0x0000f035: miss
   VA 0x0000f035: VPN = VA >> 12 = 0xf, offset 0x35
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x1 - -]
   miss: no way of set 0 holds VPN 0xf; the page walk's translation is inserted
   set 0 has an empty way: the lowest, way 2, is filled; nothing is replaced
   set 0 after: [0x0 0x1 0xf -]

4. VA  3: 0x0000bea9: miss
   VA 0x0000bea9: VPN = VA >> 12 = 0xb, offset 0xea9
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x1 0xf -]
   miss: no way of set 0 holds VPN 0xb; the page walk's translation is inserted
   set 0 has an empty way: the lowest, way 3, is filled; nothing is replaced
   set 0 after: [0x0 0x1 0xf 0xb]

5. VA  4: 0x00009cc1: miss
   VA 0x00009cc1: VPN = VA >> 12 = 0x9, offset 0xcc1
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x1 0xf 0xb]
   miss: no way of set 0 holds VPN 0x9; the page walk's translation is inserted
   random: set 0 is full; the TLB's generator (seeded with -s) picks way 1 (VPN 0x1): it is replaced
   set 0 after: [0x0 0x9 0xf 0xb]

6. VA  5: 0x0000f206: hit
   VA 0x0000f206: VPN = VA >> 12 = 0xf, offset 0x206
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x9 0xf 0xb]
   hit: way 2 holds VPN 0xf
   random: a hit changes nothing
   set 0 after: [0x0 0x9 0xf 0xb]

7. VA  6: 0x00000359: hit
   VA 0x00000359: VPN = VA >> 12 = 0x0, offset 0x359
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x9 0xf 0xb]
   hit: way 0 holds VPN 0x0
   random: a hit changes nothing
   set 0 after: [0x0 0x9 0xf 0xb]

8. VA  7: 0x00000df5: hit
   VA 0x00000df5: VPN = VA >> 12 = 0x0, offset 0xdf5
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x9 0xf 0xb]
   hit: way 0 holds VPN 0x0
   random: a hit changes nothing
   set 0 after: [0x0 0x9 0xf 0xb]

9. VA  8: 0x000008a0: hit
   VA 0x000008a0: VPN = VA >> 12 = 0x0, offset 0x8a0
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x9 0xf 0xb]
   hit: way 0 holds VPN 0x0
   random: a hit changes nothing
   set 0 after: [0x0 0x9 0xf 0xb]

10. VA  9: 0x0000bf0e: hit
   VA 0x0000bf0e: VPN = VA >> 12 = 0xb, offset 0xf0e
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x9 0xf 0xb]
   hit: way 3 holds VPN 0xb
   random: a hit changes nothing
   set 0 after: [0x0 0x9 0xf 0xb]

11. VA 10: 0x00000e4c: hit
   VA 0x00000e4c: VPN = VA >> 12 = 0x0, offset 0xe4c
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x9 0xf 0xb]
   hit: way 0 holds VPN 0x0
   random: a hit changes nothing
   set 0 after: [0x0 0x9 0xf 0xb]

12. VA 11: 0x000012a7: miss
   VA 0x000012a7: VPN = VA >> 12 = 0x1, offset 0x2a7
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x9 0xf 0xb]
   miss: no way of set 0 holds VPN 0x1; the page walk's translation is inserted
   random: set 0 is full; the TLB's generator (seeded with -s) picks way 0 (VPN 0x0): it is replaced
   set 0 after: [0x1 0x9 0xf 0xb]

13. hits: 6
   6 of the 12 accesses hit: hit rate 6 / 12 = 50.00%

14. misses: 6
   6 of the 12 accesses missed

15. total time (ns): 1452
   every access: a TLB lookup (1 ns) and its memory reference (80 ns): 12 x 81 = 972 ns
   every miss: 1 page-table read (80 ns each): 6 x 1 x 80 = 480 ns
   total 1452 ns; effective access time = 1452 / 12 = 121.00 ns
