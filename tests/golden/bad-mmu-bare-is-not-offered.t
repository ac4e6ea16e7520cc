$ echo 'R 0' | vmlab trace --mmu bare
vmlab: --mmu bare: expects paging, partition, base-bounds or segmentation
[2]
