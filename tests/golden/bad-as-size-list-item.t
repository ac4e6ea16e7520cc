$ vmlab run --mmu base-bounds --as-size 256k,1x,512k tests/programs/hello.c
vmlab: --as-size 256k,1x,512k: 1x: each size must be from 16 to 4096 pages of 4 KiB (64 KiB to 16 MiB, the RAM), such as 64k or 1m
[2]
