$ vmlab run --mmu base-bounds --ram 64m --as-size 64k,64k,64k,64k,64k,64k,64k,64k,64k,64k,64k,64k,64k,64k,64k,64k,64k tests/programs/hello.c
vmlab: --as-size 64k,64k,64k,64k,64k,64k,64k,64k,64k,64k,64k,64k,64k,64k,64k,64k,64k: at most 16 sizes (for pids 1 to 16; later ones get the last)
[2]
