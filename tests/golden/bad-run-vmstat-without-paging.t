$ vmlab run --mmu base-bounds --vmstat 1ms tests/programs/hello.c
vmlab: run: --vmstat needs paging (its columns count frames and pages)
[2]
