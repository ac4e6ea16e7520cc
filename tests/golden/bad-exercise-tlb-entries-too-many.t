$ vmlab exercise tlb -e 70000 -w 1
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -e/--entries: 70000 entries: must be 1 .. 65536
[2]
