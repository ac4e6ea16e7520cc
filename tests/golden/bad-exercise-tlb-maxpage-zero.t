$ vmlab exercise tlb -m 0
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -m/--maxpage: 0: must be 1 .. 2^32
[2]
