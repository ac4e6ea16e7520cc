$ echo 'R 0' | vmlab trace --mmu partition --compact
vmlab: --compact: only --mmu base-bounds and segmentation have blocks of memory to compact (this machine is --mmu partition)
[2]
