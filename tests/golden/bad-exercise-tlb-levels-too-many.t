$ vmlab exercise tlb -L 6
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -L/--levels: 6: a page walk reads 1 .. 5 levels
[2]
