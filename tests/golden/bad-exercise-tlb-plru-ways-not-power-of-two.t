$ vmlab exercise tlb -p plru -e 12 -w 3
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: options -e/--entries 12, -w/--ways 3, -p/--policy plru: PLRU needs a power-of-two number of ways (got 3)
[2]
