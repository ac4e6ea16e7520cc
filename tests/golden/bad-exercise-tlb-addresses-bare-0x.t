$ vmlab exercise tlb -a 0x
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -a/--addresses: item 1, '0x', is not an address (decimal or 0x-hex, below 2^64)
[2]
