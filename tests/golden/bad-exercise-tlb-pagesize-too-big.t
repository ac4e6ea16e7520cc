$ vmlab exercise tlb -P 2g
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -P/--pagesize: 2147483648 bytes: must be a power of two, 1 .. 1g (1073741824)
[2]
