$ vmlab run --mmu segmentation --show-va 0x1000 tests/programs/hello.c
vmlab: run: --show-va: segmentation has no page tables (--show-mmu prints its registers)
[2]
