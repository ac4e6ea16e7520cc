$ echo 'R 0' | vmlab trace --as-size 64k
vmlab: --as-size: only --mmu base-bounds has a fixed address-space size (this machine is --mmu paging)
[2]
