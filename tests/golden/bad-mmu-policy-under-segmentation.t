$ echo 'R 0' | vmlab trace --mmu segmentation --policy lru
vmlab: --policy: segmentation has no page replacement
[2]
