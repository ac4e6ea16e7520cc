$ vmlab exercise tlb -a 1,2,3456789012345678901234567890123456789012345678901234567890
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -a/--addresses: item 3, '3456789012345678901234567890123456789012...', is not an address (decimal or 0x-hex, below 2^64)
[2]
