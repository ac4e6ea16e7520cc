$ vmlab exercise tlb -w 0
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -w/--ways: 0 ways: must be 1 .. the 8 entries (-e)
[2]
