$ vmlab exercise tlb -P 16 -e 4 -w 2 -a 0x00,0x20,0x10,0x04,0x40,0x08,0x24,0x30,0x1c --explain
ARG seed 0
ARG entries 4
ARG ways 2
ARG policy lru
ARG pagesize 16
ARG addresses 0x00,0x20,0x10,0x04,0x40,0x08,0x24,0x30,0x1c
ARG numaddrs 10
ARG maxpage 32
ARG workingset 4
ARG locality 80
ARG levels 1

TLB: 4 entries, set associative (2 sets of 2 ways), lru replacement
Pages of 16 bytes: VPN = VA >> 4; set = VPN mod 2 (its low 1 bit), tag = VPN >> 1
Latency: a TLB lookup 1 ns, a memory reference 80 ns (DRAM); a miss also reads 1 page-table level from memory
A set is shown as [way 0 way 1 ...]: the VPN each way holds, - when empty; the TLB starts empty.

Virtual Address Trace
  VA  0: 0x00000000 --> VPN 0x0 set 0 MISS  [0x0 -]
  VA  1: 0x00000020 --> VPN 0x2 set 0 MISS  [0x0 0x2]
  VA  2: 0x00000010 --> VPN 0x1 set 1 MISS  [0x1 -]
  VA  3: 0x00000004 --> VPN 0x0 set 0 HIT   [0x0 0x2]
  VA  4: 0x00000040 --> VPN 0x4 set 0 MISS  [0x0 0x4]  replaced 0x2
  VA  5: 0x00000008 --> VPN 0x0 set 0 HIT   [0x0 0x4]
  VA  6: 0x00000024 --> VPN 0x2 set 0 MISS  [0x0 0x2]  replaced 0x4
  VA  7: 0x00000030 --> VPN 0x3 set 1 MISS  [0x1 0x3]
  VA  8: 0x0000001c --> VPN 0x1 set 1 HIT   [0x1 0x3]

FINALSTATS hits 3  misses 6  hit rate 33.33%  total 1209 ns  EAT 134.33 ns

How each answer is found:

1. VA  0: 0x00000000: miss
   VA 0x00000000: VPN = VA >> 4 = 0x0, offset 0x0
   VPN bits 00 0 (tag | set index): set 0, tag 0x0
   set 0 before: [- -]
   miss: no way of set 0 holds VPN 0x0; the page walk's translation is inserted
   set 0 has an empty way: the lowest, way 0, is filled; nothing is replaced
   set 0 after: [0x0 -]

2. VA  1: 0x00000020: miss
   VA 0x00000020: VPN = VA >> 4 = 0x2, offset 0x0
   VPN bits 01 0 (tag | set index): set 0, tag 0x1
   set 0 before: [0x0 -]
   miss: no way of set 0 holds VPN 0x2; the page walk's translation is inserted
   set 0 has an empty way: the lowest, way 1, is filled; nothing is replaced
   set 0 after: [0x0 0x2]

3. VA  2: 0x00000010: miss
   VA 0x00000010: VPN = VA >> 4 = 0x1, offset 0x0
   VPN bits 00 1 (tag | set index): set 1, tag 0x0
   set 1 before: [- -]
   miss: no way of set 1 holds VPN 0x1; the page walk's translation is inserted
   set 1 has an empty way: the lowest, way 0, is filled; nothing is replaced
   set 1 after: [0x1 -]

4. VA  3: 0x00000004: hit
   VA 0x00000004: VPN = VA >> 4 = 0x0, offset 0x4
   VPN bits 00 0 (tag | set index): set 0, tag 0x0
   set 0 before: [0x0 0x2]
   hit: way 0 holds VPN 0x0
   lru: way 0 becomes the most recently used of set 0
   set 0 after: [0x0 0x2]

5. VA  4: 0x00000040: miss
   VA 0x00000040: VPN = VA >> 4 = 0x4, offset 0x0
   VPN bits 10 0 (tag | set index): set 0, tag 0x2
   set 0 before: [0x0 0x2]
   miss: no way of set 0 holds VPN 0x4; the page walk's translation is inserted
   lru: set 0 is full; the last uses: way 0 (VPN 0x0) at access 3, way 1 (VPN 0x2) at access 1
   the least recently used is way 1 (VPN 0x2): it is replaced
   set 0 after: [0x0 0x4]

6. VA  5: 0x00000008: hit
   VA 0x00000008: VPN = VA >> 4 = 0x0, offset 0x8
   VPN bits 00 0 (tag | set index): set 0, tag 0x0
   set 0 before: [0x0 0x4]
   hit: way 0 holds VPN 0x0
   lru: way 0 becomes the most recently used of set 0
   set 0 after: [0x0 0x4]

7. VA  6: 0x00000024: miss
   VA 0x00000024: VPN = VA >> 4 = 0x2, offset 0x4
   VPN bits 01 0 (tag | set index): set 0, tag 0x1
   set 0 before: [0x0 0x4]
   miss: no way of set 0 holds VPN 0x2; the page walk's translation is inserted
   lru: set 0 is full; the last uses: way 0 (VPN 0x0) at access 5, way 1 (VPN 0x4) at access 4
   the least recently used is way 1 (VPN 0x4): it is replaced
   set 0 after: [0x0 0x2]

8. VA  7: 0x00000030: miss
   VA 0x00000030: VPN = VA >> 4 = 0x3, offset 0x0
   VPN bits 01 1 (tag | set index): set 1, tag 0x1
   set 1 before: [0x1 -]
   miss: no way of set 1 holds VPN 0x3; the page walk's translation is inserted
   set 1 has an empty way: the lowest, way 1, is filled; nothing is replaced
   set 1 after: [0x1 0x3]

9. VA  8: 0x0000001c: hit
   VA 0x0000001c: VPN = VA >> 4 = 0x1, offset 0xc
   VPN bits 00 1 (tag | set index): set 1, tag 0x0
   set 1 before: [0x1 0x3]
   hit: way 0 holds VPN 0x1
   lru: way 0 becomes the most recently used of set 1
   set 1 after: [0x1 0x3]

10. hits: 3
   3 of the 9 accesses hit: hit rate 3 / 9 = 33.33%

11. misses: 6
   6 of the 9 accesses missed

12. total time (ns): 1209
   every access: a TLB lookup (1 ns) and its memory reference (80 ns): 9 x 81 = 729 ns
   every miss: 1 page-table read (80 ns each): 6 x 1 x 80 = 480 ns
   total 1209 ns; effective access time = 1209 / 9 = 134.33 ns
