$ vmlab exercise tlb -a 0x10,,4
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -a/--addresses: item 2, '', is not an address (decimal or 0x-hex, below 2^64)
[2]
