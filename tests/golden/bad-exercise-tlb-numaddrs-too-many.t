$ vmlab exercise tlb -n 100001
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -n/--numaddrs: 100001 addresses: must be 1 .. 100000
[2]
