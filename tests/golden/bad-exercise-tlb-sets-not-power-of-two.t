$ vmlab exercise tlb -e 6 -w 2
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: options -e/--entries 6, -w/--ways 2, -p/--policy lru: TLB sets (6 entries / 2 ways = 3) must be a power of two
[2]
