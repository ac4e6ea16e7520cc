$ echo 'R 0' | vmlab trace --tlb-split --mmu segmentation
vmlab: --tlb-split: segmentation has no TLB
[2]
