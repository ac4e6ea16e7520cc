$ vmlab exercise tlb -e 4 -w 8
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -w/--ways: 8 ways: must be 1 .. the 4 entries (-e)
[2]
