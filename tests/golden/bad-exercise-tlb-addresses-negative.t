$ vmlab exercise tlb -a -16
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -a/--addresses: item 1, '-16', is not an address (decimal or 0x-hex, below 2^64)
[2]
