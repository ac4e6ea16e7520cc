$ vmlab exercise tlb -l -1
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -l/--locality: -1: must be a percentage, 0 .. 100
[2]
