$ vmlab exercise tlb -n 0
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -n/--numaddrs: 0 addresses: must be 1 .. 100000
[2]
