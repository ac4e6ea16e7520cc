$ echo 'R 0' | vmlab trace --mmu base-bounds --ram 256k --as-size 512k
vmlab: --as-size 512k: must be from 16 to 64 pages of 4 KiB (64 KiB to 256 KiB, the RAM), such as 64k or 1m
[2]
