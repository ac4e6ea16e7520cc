$ echo 'R 0' | vmlab trace --mmu paged
vmlab: --mmu paged: expects paging, partition, base-bounds or segmentation
[2]
