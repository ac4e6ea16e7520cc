$ vmlab exercise tlb -e x
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -e: invalid integer value: 'x'
[2]
