$ vmlab run --mmu base-bounds --scope local tests/programs/hello.c
vmlab: --scope: base-bounds has no page replacement
[2]
