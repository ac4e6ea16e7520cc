$ vmlab exercise tlb -a 12,foo
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -a/--addresses: item 2, 'foo', is not an address (decimal or 0x-hex, below 2^64)
[2]
