$ vmlab run --mmu base-bounds --show-pagetables tests/programs/hello.c
vmlab: run: --show-pagetables: base-bounds has no page tables (--show-mmu prints its registers)
[2]
