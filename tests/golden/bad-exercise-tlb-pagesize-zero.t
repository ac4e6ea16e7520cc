$ vmlab exercise tlb -P 0
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -P/--pagesize: 0 bytes: must be a power of two, 1 .. 1g (1073741824)
[2]
