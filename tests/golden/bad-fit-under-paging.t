$ echo 'R 0' | vmlab trace --fit worst
vmlab: --fit: only --mmu base-bounds and segmentation place blocks of memory where they fit (this machine is --mmu paging)
[2]
