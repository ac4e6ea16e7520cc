$ vmlab exercise tlb -s 1 --check tests/data/exercise/tlb-s1-wrong.txt
question 5, VA  4: 0x0001c068: you answered hit; the answer is miss
    VA 0x0001c068: VPN = VA >> 12 = 0x1c, offset 0x68
    VPN bits 111 00 (tag | set index): set 0, tag 0x7
    set 0 before: [0x04 0x18]
    miss: no way of set 0 holds VPN 0x1c; the page walk's translation is inserted
    lru: set 0 is full; the last uses: way 0 (VPN 0x04) at access 1, way 1 (VPN 0x18) at access 3
    the least recently used is way 0 (VPN 0x04): it is replaced
    set 0 after: [0x1c 0x18]
question 8, VA  7: 0x0001b7ee: you answered miss; the answer is hit
    VA 0x0001b7ee: VPN = VA >> 12 = 0x1b, offset 0x7ee
    VPN bits 110 11 (tag | set index): set 3, tag 0x6
    set 3 before: [0x1b -]
    hit: way 0 holds VPN 0x1b
    lru: way 0 becomes the most recently used of set 3
    set 3 after: [0x1b -]
question 12, misses: you answered 6; the answer is 5
    5 of the 10 accesses missed
question 13, total time (ns): no answer; the answer is 1210
    every access: a TLB lookup (1 ns) and its memory reference (80 ns): 10 x 81 = 810 ns
    every miss: 1 page-table read (80 ns each): 5 x 1 x 80 = 400 ns
    total 1210 ns; effective access time = 1210 / 10 = 121.00 ns
score 9/13
[1]
