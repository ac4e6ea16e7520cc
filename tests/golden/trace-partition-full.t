$ vmlab trace --mmu partition --partitions 1 tests/data/trace/bounds.txt
vmlab: no memory for process 2: every partition is taken (--swap-processes makes room)
[2]
