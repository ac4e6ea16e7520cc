$ vmlab exercise tlb -P 4q
Usage: vmlab exercise tlb [options]

vmlab exercise tlb: error: option -P/--pagesize: '4q' is not a size (a number, then k, m or g for KiB, MiB or GiB)
[2]
