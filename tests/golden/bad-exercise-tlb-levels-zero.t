$ vmlab exercise tlb -L 0
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -L/--levels: 0: a page walk reads 1 .. 5 levels
[2]
