$ vmlab exercise tlb -l 101
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -l/--locality: 101: must be a percentage, 0 .. 100
[2]
