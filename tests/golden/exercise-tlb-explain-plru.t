$ vmlab exercise tlb -P 16 -e 4 -w 4 -p plru -a 0x00,0x10,0x20,0x30,0x14,0x04,0x24,0x40,0x50 --explain
ARG seed 0
ARG entries 4
ARG ways 4
ARG policy plru
ARG pagesize 16
ARG addresses 0x00,0x10,0x20,0x30,0x14,0x04,0x24,0x40,0x50
ARG numaddrs 10
ARG maxpage 32
ARG workingset 4
ARG locality 80
ARG levels 1

TLB: 4 entries, fully associative (one set of 4 ways), plru replacement
Pages of 16 bytes: VPN = VA >> 4
Latency: a TLB lookup 1 ns, a memory reference 80 ns (DRAM); a miss also reads 1 page-table level from memory
A set is shown as [way 0 way 1 ...]: the VPN each way holds, - when empty; the TLB starts empty.

Virtual Address Trace
  VA  0: 0x00000000 --> VPN 0x0 set 0 MISS  [0x0 - - -]
  VA  1: 0x00000010 --> VPN 0x1 set 0 MISS  [0x0 0x1 - -]
  VA  2: 0x00000020 --> VPN 0x2 set 0 MISS  [0x0 0x1 0x2 -]
  VA  3: 0x00000030 --> VPN 0x3 set 0 MISS  [0x0 0x1 0x2 0x3]
  VA  4: 0x00000014 --> VPN 0x1 set 0 HIT   [0x0 0x1 0x2 0x3]
  VA  5: 0x00000004 --> VPN 0x0 set 0 HIT   [0x0 0x1 0x2 0x3]
  VA  6: 0x00000024 --> VPN 0x2 set 0 HIT   [0x0 0x1 0x2 0x3]
  VA  7: 0x00000040 --> VPN 0x4 set 0 MISS  [0x0 0x4 0x2 0x3]  replaced 0x1
  VA  8: 0x00000050 --> VPN 0x5 set 0 MISS  [0x0 0x4 0x2 0x5]  replaced 0x3

FINALSTATS hits 3  misses 6  hit rate 33.33%  total 1209 ns  EAT 134.33 ns

How each answer is found:

1. VA  0: 0x00000000: miss
   VA 0x00000000: VPN = VA >> 4 = 0x0, offset 0x0
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [- - - -]
   miss: no way of set 0 holds VPN 0x0; the page walk's translation is inserted
   set 0 has an empty way: the lowest, way 0, is filled; nothing is replaced
   set 0 after: [0x0 - - -]

2. VA  1: 0x00000010: miss
   VA 0x00000010: VPN = VA >> 4 = 0x1, offset 0x0
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 - - -]
   miss: no way of set 0 holds VPN 0x1; the page walk's translation is inserted
   set 0 has an empty way: the lowest, way 1, is filled; nothing is replaced
   set 0 after: [0x0 0x1 - -]

3. VA  2: 0x00000020: miss
   VA 0x00000020: VPN = VA >> 4 = 0x2, offset 0x0
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x1 - -]
   miss: no way of set 0 holds VPN 0x2; the page walk's translation is inserted
   set 0 has an empty way: the lowest, way 2, is filled; nothing is replaced
   set 0 after: [0x0 0x1 0x2 -]

4. VA  3: 0x00000030: miss
   VA 0x00000030: VPN = VA >> 4 = 0x3, offset 0x0
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x1 0x2 -]
   miss: no way of set 0 holds VPN 0x3; the page walk's translation is inserted
   set 0 has an empty way: the lowest, way 3, is filled; nothing is replaced
   set 0 after: [0x0 0x1 0x2 0x3]

5. VA  4: 0x00000014: hit
   VA 0x00000014: VPN = VA >> 4 = 0x1, offset 0x4
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x1 0x2 0x3]
   hit: way 1 holds VPN 0x1
   plru: the tree bits on way 1's path now point away from it
   set 0 after: [0x0 0x1 0x2 0x3]

6. VA  5: 0x00000004: hit
   VA 0x00000004: VPN = VA >> 4 = 0x0, offset 0x4
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x1 0x2 0x3]
   hit: way 0 holds VPN 0x0
   plru: the tree bits on way 0's path now point away from it
   set 0 after: [0x0 0x1 0x2 0x3]

7. VA  6: 0x00000024: hit
   VA 0x00000024: VPN = VA >> 4 = 0x2, offset 0x4
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x1 0x2 0x3]
   hit: way 2 holds VPN 0x2
   plru: the tree bits on way 2's path now point away from it
   set 0 after: [0x0 0x1 0x2 0x3]

8. VA  7: 0x00000040: miss
   VA 0x00000040: VPN = VA >> 4 = 0x4, offset 0x0
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x1 0x2 0x3]
   miss: no way of set 0 holds VPN 0x4; the page walk's translation is inserted
   plru: set 0 is full; its pseudo-LRU tree bits lead to way 1 (VPN 0x1): it is replaced
   (true LRU would replace way 3, VPN 0x3, used last at access 3)
   set 0 after: [0x0 0x4 0x2 0x3]

9. VA  8: 0x00000050: miss
   VA 0x00000050: VPN = VA >> 4 = 0x5, offset 0x0
   one set (fully associative): set 0, tag = the VPN
   set 0 before: [0x0 0x4 0x2 0x3]
   miss: no way of set 0 holds VPN 0x5; the page walk's translation is inserted
   plru: set 0 is full; its pseudo-LRU tree bits lead to way 3 (VPN 0x3): it is replaced (the least recently used too)
   set 0 after: [0x0 0x4 0x2 0x5]

10. hits: 3
   3 of the 9 accesses hit: hit rate 3 / 9 = 33.33%

11. misses: 6
   6 of the 9 accesses missed

12. total time (ns): 1209
   every access: a TLB lookup (1 ns) and its memory reference (80 ns): 9 x 81 = 729 ns
   every miss: 1 page-table read (80 ns each): 6 x 1 x 80 = 480 ns
   total 1209 ns; effective access time = 1209 / 9 = 134.33 ns
