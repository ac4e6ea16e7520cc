$ vmlab exercise tlb -W 40
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -W/--workingset: 40 pages: must be 1 .. 1024 and at most -m/--maxpage (32)
[2]
