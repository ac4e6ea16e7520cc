$ vmlab exercise tlb -x
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: no such option: -x
[2]
