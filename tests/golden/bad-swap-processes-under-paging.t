$ vmlab run --swap-processes tests/programs/hello.c
vmlab: --swap-processes: only --mmu partition, base-bounds and segmentation swap whole processes, paging swaps pages (this machine is --mmu paging)
[2]
