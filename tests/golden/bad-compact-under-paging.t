$ echo 'R 0' | vmlab trace --compact
vmlab: --compact: only --mmu base-bounds and segmentation have blocks of memory to compact (this machine is --mmu paging)
[2]
