$ echo 'R 0' | vmlab trace --mmu base-bounds --ram 512k
vmlab: --mmu base-bounds: the default address-space size, 1 MiB, is more than the RAM (512 KiB): give a smaller --as-size
[2]
