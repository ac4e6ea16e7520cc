$ echo 'R 0' | vmlab trace --mmu partition --fit best
vmlab: --fit: only --mmu base-bounds and segmentation place blocks of memory where they fit (this machine is --mmu partition)
[2]
