$ echo 'R 0' | vmlab trace --mmu base-bounds --tlb-entries 64
vmlab: --tlb-entries: base-bounds has no TLB
[2]
