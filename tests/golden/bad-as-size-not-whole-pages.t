$ echo 'R 0' | vmlab trace --mmu base-bounds --as-size 65000
vmlab: --as-size 65000: must be from 16 to 4096 pages of 4 KiB (64 KiB to 16 MiB, the RAM), such as 64k or 1m
[2]
