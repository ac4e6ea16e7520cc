$ echo 'R 0' | vmlab trace --tlb-refill os
vmlab: --tlb-refill os: expects hw or sw
[2]
