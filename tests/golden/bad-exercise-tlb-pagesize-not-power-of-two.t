$ vmlab exercise tlb -P 3000
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -P/--pagesize: 3000 bytes: must be a power of two, 1 .. 1g (1073741824)
[2]
