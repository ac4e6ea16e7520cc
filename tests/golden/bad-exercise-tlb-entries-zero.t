$ vmlab exercise tlb -e 0
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -e/--entries: 0 entries: must be 1 .. 65536
[2]
