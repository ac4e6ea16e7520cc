$ echo 'R 0' | vmlab trace --mmu base-bounds --frames 15 --as-size 64k
vmlab: --mmu base-bounds: an address space is at least 16 pages (64 KiB), more than the RAM's 15 (60 KiB)
[2]
